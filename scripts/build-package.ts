// `npm run package` (after `npm run build`): the npm package @chatpoint/register in dist/package/ and
// its tarball in dist/. The element is the very file the server hosts (dist/widget/, with its language
// and on-demand chunks); `./client` is built from the element's own API client; `./react` wraps the
// element with @lit/react (bundled: the package needs nothing at run time but React, for that entry).
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'packages', 'register');
const widgetDir = path.join(root, 'dist', 'widget');
const out = path.join(root, 'dist', 'package');

if (!existsSync(path.join(widgetDir, 'chatpoint-register.js'))) {
  console.error('dist/widget is missing: run npm run build first.');
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

for (const name of readdirSync(widgetDir).filter((name) => name.endsWith('.js'))) {
  copyFileSync(path.join(widgetDir, name), path.join(out, name));
}
for (const name of ['index.d.ts', 'client.d.ts', 'react.d.ts', 'README.md']) {
  copyFileSync(path.join(source, name), path.join(out, name));
}
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const manifest = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);

// The wrapper imports the element from the package's own entry, never a second copy of it.
const elementFromPackage: Plugin = {
  name: 'element-from-package',
  setup(build) {
    build.onResolve({ filter: /widget[\\/]chatpoint-register\.ts$/ }, () => ({
      path: './chatpoint-register.js',
      external: true,
    }));
  },
};
const common = { bundle: true, format: 'esm', target: 'es2022', minify: true, logLevel: 'warning' } as const;
await build({
  ...common,
  entryPoints: [path.join(source, 'src', 'client.ts')],
  outfile: path.join(out, 'client.js'),
});
await build({
  ...common,
  entryPoints: [path.join(source, 'src', 'react.ts')],
  outfile: path.join(out, 'react.js'),
  external: ['react'],
  plugins: [elementFromPackage],
});

// custom-elements.json from the element's JSDoc.
execFileSync(
  process.execPath,
  [
    path.join(root, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js'),
    'analyze',
    '--litelement',
    '--globs',
    'widget/chatpoint-register.ts',
    '--outdir',
    path.relative(root, out),
  ],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
// The source path in the manifest would point into this repository; the package's module is the built file.
const manifestFile = path.join(out, 'custom-elements.json');
writeFileSync(
  manifestFile,
  readFileSync(manifestFile, 'utf8').replaceAll('widget/chatpoint-register.ts', 'chatpoint-register.js'),
);

const brotli = (file: string) =>
  brotliCompressSync(readFileSync(path.join(out, file)), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
console.log(`react wrapper: ${brotli('react.js')} bytes brotli; client: ${brotli('client.js')} bytes brotli`);

const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', path.join(root, 'dist')], {
  cwd: out,
  encoding: 'utf8',
}).trim();
console.log(path.join('dist', tarball));
