// The production part of `npm run build` (after Vite has built the widget and the pages):
// bundles the server and the CLI into dist/server.js and dist/cli.js, renders the mail
// templates into plain strings inside them, and precompresses the built browser files.
//
// What dist/ loads at run time is exactly package.json's `dependencies`; everything else the
// server imports is compiled in: our TypeScript, the rendered mail, and drizzle-orm with
// postgres.js, bundled so that the postgres.js copy in use carries our patch whatever the
// install ran (see scripts/patch-postgres.mjs). Nothing from React, tsx or Vite may end up inside.
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { compileTemplates } from '../server/mail/compile.tsx';
// @ts-expect-error plain JavaScript, run by postinstall too
import { patchPostgresConnection } from './patch-postgres.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const runtimePackages = Object.keys(pkg.dependencies);
const BUNDLED_PACKAGES = ['drizzle-orm', 'postgres'];

const mailTemplates: Plugin = {
  name: 'compiled-mail-templates',
  setup(build) {
    build.onLoad({ filter: /server[\\/]mail[\\/]compiled-templates\.ts$/ }, async () => ({
      contents: `const templates = ${JSON.stringify(await compileTemplates())};
export const compiledTemplate = async (key) => (Object.hasOwn(templates, key) ? templates[key] : undefined);`,
      loader: 'js',
    }));
  },
};

const patchedPostgres: Plugin = {
  name: 'patched-postgres',
  setup(build) {
    build.onLoad({ filter: /node_modules[\\/]postgres[\\/](cjs[\\/])?src[\\/]connection\.js$/ }, (args) => ({
      contents: patchPostgresConnection(readFileSync(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

const result = await build({
  entryPoints: { server: 'server/main.ts', cli: 'server/cli/main.ts' },
  outdir: dist,
  bundle: true,
  // Dynamic imports become chunks loaded on demand: a server on PostgreSQL never loads PGlite.
  splitting: true,
  // Chunks sit beside server.js, so paths made from import.meta.url mean the same in every file.
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  external: runtimePackages.flatMap((name) => [name, `${name}/*`]),
  plugins: [mailTemplates, patchedPostgres],
  // Bundled CommonJS (if any) still finds require() in an ES module.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

const foreign = Object.keys(result.metafile.inputs)
  .map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1])
  .filter((name): name is string => !!name && !BUNDLED_PACKAGES.includes(name));
if (foreign.length) {
  console.error(
    `build-server: dist/ would compile in ${[...new Set(foreign)].join(', ')}; make them dependencies.`,
  );
  process.exit(1);
}

// password-policy reads its list beside itself (new URL('./common-passwords.txt', import.meta.url)).
copyFileSync(
  path.join(root, 'server/accounts/common-passwords.txt'),
  path.join(dist, 'common-passwords.txt'),
);

/** .br and .gz beside every built browser file, so the server sends them without compressing per request. */
function precompress(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, entry);
    if (!/\.(js|css|svg|json|map)$/.test(file) || entry.includes('.vite') || !statSync(file).isFile())
      continue;
    const body = readFileSync(file);
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    count++;
  }
  return count;
}
const compressed = precompress(path.join(dist, 'widget')) + precompress(path.join(dist, 'pages'));

const size = (file: string) => `${(statSync(path.join(dist, file)).size / 1024).toFixed(0)} KiB`;
console.log(
  `dist/server.js ${size('server.js')}, dist/cli.js ${size('cli.js')}; ${compressed} browser files precompressed (br, gz)`,
);
