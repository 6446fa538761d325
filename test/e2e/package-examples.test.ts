import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

const root = path.resolve(import.meta.dirname, '../..');
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Serves a folder, as any static host would: the examples' pages next to their node_modules. */
async function serveFolder(dir: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.json': 'application/json',
  };
  const server = createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    try {
      const body = readFileSync(file.startsWith(dir) ? file : '');
      res.writeHead(200, { 'content-type': `${types[path.extname(file)] ?? 'text/plain'}; charset=utf-8` });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // localhost, not 127.0.0.1: another origin than the API's.
  return { url: `http://localhost:${(server.address() as AddressInfo).port}`, server };
}

async function register(page: Page, h: Harness, name: string, email: string, nameLabel = 'Name') {
  await page.getByLabel(nameLabel).fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Email').press('Enter');
  const codeField = page.getByLabel('Verification code');
  await codeField.waitFor();
  await codeField.fill(codeIn(await h.smtp.waitFor(email)));
  await codeField.press('Enter');
  await page.getByRole('button', { name: 'Chat' }).waitFor();
  await page.getByText(`Registered: ${name}`).waitFor();
}

/**
 * What a developer at a business does: `npm pack` the package, install the tarball into a fresh
 * project (offline: it needs nothing from a registry but, for the React entry, React), build the
 * examples from it, and register through each against a real server.
 */
describe('the npm package @chatpoint/register, installed from its tarball', () => {
  let h: Harness;
  let browser: Browser;
  let project: string;
  let site: { url: string; server: Server };
  let linkId: string;
  const installed = () => path.join(project, 'node_modules', '@chatpoint', 'register');

  beforeAll(async () => {
    const tarball = path.join(
      root,
      run('npx', ['tsx', 'scripts/build-package.ts'], root).trim().split('\n').at(-1)!,
    );
    project = mkdtempSync(path.join(tmpdir(), 'chatpoint-package-'));
    writeFileSync(path.join(project, 'package.json'), '{"name":"example","private":true,"type":"module"}');
    run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund'], project);
    // The React example's own dependencies, from this repository's install rather than the network.
    for (const name of ['react', 'react-dom', 'scheduler', '@types/react', '@types/react-dom']) {
      mkdirSync(path.dirname(path.join(project, 'node_modules', name)), { recursive: true });
      symlinkSync(path.join(root, 'node_modules', name), path.join(project, 'node_modules', name));
    }
    cpSync(path.join(root, 'examples', 'plain'), project, { recursive: true });
    cpSync(path.join(root, 'examples', 'react'), path.join(project, 'react'), { recursive: true });
    await build({
      absWorkingDir: path.join(project, 'react'),
      entryPoints: ['main.tsx'],
      bundle: true,
      format: 'esm',
      jsx: 'automatic',
      minify: true,
      outdir: 'dist',
      logLevel: 'error',
    });
    site = await serveFolder(project);
    h = await createHarness({ backend: 'pglite', listen: true });
    linkId = (await h.seedWorkdomain()).linkId;
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.server.close(resolve));
    await h?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('holds the element and its on-demand files, types, the manifest, the React wrapper and the client', () => {
    const files = readdirSync(installed()).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'chatpoint-register.js',
        'client.d.ts',
        'client.js',
        'custom-elements.json',
        'index.d.ts',
        'package.json',
        'react.d.ts',
        'react.js',
      ]),
    );
    // The language files and the proof-of-work solver travel with the element.
    for (const chunk of ['ja', 'zh-hant', 'zh-hans', 'altcha']) {
      expect(files.some((file) => file.startsWith(`chatpoint-register-${chunk}-`))).toBe(true);
    }
    // The element is the very file the server hosts.
    expect(readFileSync(path.join(installed(), 'chatpoint-register.js'))).toEqual(
      readFileSync(path.join(root, 'dist', 'widget', 'chatpoint-register.js')),
    );
    const reactWrapper = brotliCompressSync(readFileSync(path.join(installed(), 'react.js')), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    });
    expect(reactWrapper.length).toBeLessThanOrEqual(1024);
  });

  it('types check in a TypeScript project: attributes, properties, events, React props, the client', () => {
    // The React example (the element's event types, the wrapper's props) and the uses below, in one run.
    writeFileSync(
      path.join(project, 'react', 'misuse.ts'),
      `import { registrationApi } from '@chatpoint/register/client';
const form = document.createElement('chatpoint-register');
form.link = 'x';
form.addEventListener('chatpoint-registered', (event) => event.detail.user.email.toUpperCase());
form.addEventListener('chatpoint-error', (event) => event.detail.code.toUpperCase());
registrationApi('https://chat.example.com', 'x').verify('id', '123456').then((r) => r.loginToken.trim());
// @ts-expect-error the detail of chatpoint-code-sent has no user
form.addEventListener('chatpoint-code-sent', (event) => event.detail.user);
// @ts-expect-error link is a string
form.link = 1;
import '@chatpoint/register';
`,
    );
    writeFileSync(
      path.join(project, 'react', 'tsconfig.misuse.json'),
      JSON.stringify({ extends: './tsconfig.json', files: ['main.tsx', 'misuse.ts'] }),
    );
    run(
      process.execPath,
      [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.misuse.json'],
      path.join(project, 'react'),
    );
  }, 60_000);

  it('lists in custom-elements.json every attribute, property, event, CSS part and custom property', () => {
    const manifest = JSON.parse(readFileSync(path.join(installed(), 'custom-elements.json'), 'utf8'));
    const element = manifest.modules
      .flatMap((module: any) => module.declarations)
      .find((declaration: any) => declaration.tagName === 'chatpoint-register');
    const names = (list: { name: string }[] = []) => list.map((item) => item.name).sort();
    expect(names(element.attributes)).toEqual(['endpoint', 'lang', 'link', 'onetap', 'preview', 'theme']);
    const publicFields = element.members.filter((m: any) => m.kind === 'field' && m.privacy === 'public');
    expect(names(publicFields)).toEqual(
      expect.arrayContaining(['endpoint', 'lang', 'link', 'preview', 'strings']),
    );
    expect(names(element.events)).toEqual(['chatpoint-code-sent', 'chatpoint-error', 'chatpoint-registered']);
    // Every part and custom property the element's templates and styles use, read from the source.
    const source = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? source(path.join(dir, entry.name))
          : entry.name.endsWith('.ts') && !entry.name.includes('.test.')
            ? [readFileSync(path.join(dir, entry.name), 'utf8')]
            : [],
      );
    const text = source(path.join(root, 'widget')).join('\n');
    const parts = new Set([...text.matchAll(/part="([\w ]+)"/g)].flatMap((match) => match[1]!.split(' ')));
    const properties = new Set([...text.matchAll(/var\((--chatpoint-[\w-]+)/g)].map((match) => match[1]!));
    expect(parts.size).toBeGreaterThan(5);
    expect(names(element.cssParts)).toEqual(expect.arrayContaining([...parts]));
    expect(names(element.cssProperties)).toEqual(expect.arrayContaining([...properties]));
  });

  it('registers a person through the plain page (no build step), and a second copy of the script is harmless', {
    timeout: 60_000,
  }, async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}/index.html?link=${linkId}&endpoint=${encodeURIComponent(h.baseUrl)}`);
    await page.getByLabel('Name').waitFor();
    // Another copy of the module (another URL) must not define the element again.
    await page.evaluate('import("./node_modules/@chatpoint/register/chatpoint-register.js?again")');
    await register(page, h, 'Pia Plain', 'pia.plain@example.com');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('registers a person through the React example, with properties and event props set by the wrapper', {
    timeout: 60_000,
  }, async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}/react/index.html?link=${linkId}&endpoint=${encodeURIComponent(h.baseUrl)}`);
    // `strings` is an object: it arrives as a property (React 18 alone would set a string attribute).
    await register(page, h, 'Rei React', 'rei.react@example.com', 'Your name');
    expect(errors).toEqual([]);
    await page.close();
  });
});
