// `npm run cli`: the operator CLI from source, compiled on the fly by tsx, a development
// dependency. After `npm prune --omit=dev` there is no tsx: say to run the build instead.
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  process.stderr.write(
    'npm run cli runs the CLI from source and needs the development dependencies (npm install). ' +
      'With the production build, run: node dist/cli.js <verb> … (node dist/cli.js --help)\n',
  );
  process.exit(1);
}
register();
await import('../server/cli/main.ts');
