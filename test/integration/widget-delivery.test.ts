import { readdirSync, readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';

// Reads the built files: `npm run build` (part of npm test) runs first.
const built = readFileSync('dist/widget/chatpoint-register.js');

async function get(h: Harness, path: string, headers: Record<string, string> = {}) {
  const response = await h.app.request(path, { headers });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

describe('widget delivery', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite' });
  });
  afterAll(() => h?.close());

  it('sends brotli, gzip or identity by Accept-Encoding, the same script each time', async () => {
    const br = await get(h, '/widget/chatpoint-register.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.response.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(br.body).equals(built)).toBe(true);
    expect(br.body.length).toBeLessThan(built.length / 2);

    const gzip = await get(h, '/widget/chatpoint-register.js', { 'accept-encoding': 'gzip' });
    expect(gzip.response.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(built)).toBe(true);

    const refused = await get(h, '/widget/chatpoint-register.js', {
      'accept-encoding': 'br;q=0, gzip;q=0.5',
    });
    expect(refused.response.headers.get('content-encoding')).toBe('gzip');

    const identity = await get(h, '/widget/chatpoint-register.js');
    expect(identity.response.headers.get('content-encoding')).toBeNull();
    expect(identity.body.equals(built)).toBe(true);

    for (const { response } of [br, gzip, identity]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
    }
    const tags = new Set([br, gzip, identity].map(({ response }) => response.headers.get('etag')));
    expect(tags.size).toBe(3);
  });

  it('answers 304 to If-None-Match with the current ETag, 200 with an old one', async () => {
    const first = await get(h, '/widget/chatpoint-register.js', { 'accept-encoding': 'br' });
    const etag = first.response.headers.get('etag')!;
    const again = await get(h, '/widget/chatpoint-register.js', {
      'accept-encoding': 'br',
      'if-none-match': etag,
    });
    expect(again.response.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.response.headers.get('etag')).toBe(etag);
    const stale = await get(h, '/widget/chatpoint-register.js', {
      'accept-encoding': 'br',
      'if-none-match': '"an-older-build"',
    });
    expect(stale.response.status).toBe(200);
  });

  it('serves each file the module imports (a language, the proof-of-work solver), compressed, cross-origin and immutable', async () => {
    const chunks = readdirSync('dist/widget').filter((name) => /^chatpoint-register-.+\.js$/.test(name));
    // The module names each file it imports relative to itself.
    const imported = [
      ...built.toString().matchAll(/import\(["'`]\.\/(chatpoint-register-[^"'`]+\.js)["'`]\)/g),
    ].map((match) => match[1]);
    expect(imported.sort()).toEqual(chunks.sort());
    expect(chunks.map((name) => /^chatpoint-register-([a-z-]+)-/.exec(name)?.[1]).sort()).toEqual([
      'altcha',
      'email-hint',
      'form-extras',
      'ja',
      'zh-hans',
      'zh-hant',
    ]);
    for (const name of chunks) {
      const file = readFileSync(`dist/widget/${name}`);
      const br = await get(h, `/widget/${name}`, { 'accept-encoding': 'br', origin: 'https://shop.example' });
      expect(br.response.status).toBe(200);
      expect(br.response.headers.get('content-encoding')).toBe('br');
      expect(brotliDecompressSync(br.body).equals(file)).toBe(true);
      expect(br.response.headers.get('access-control-allow-origin')).toBe('*');
      expect(br.response.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(br.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const etag = br.response.headers.get('etag')!;
      const again = await get(h, `/widget/${name}`, { 'accept-encoding': 'br', 'if-none-match': etag });
      expect(again.response.status).toBe(304);
    }
    expect((await get(h, '/widget/chatpoint-register-xx-nothing.js')).response.status).toBe(404);
  });

  it('serves the hashed copy as immutable, and a short cache for the stable name', async () => {
    const stable = await get(h, '/widget/chatpoint-register.js');
    expect(stable.response.headers.get('cache-control')).toBe('public, max-age=300');
    const page = await h.seedWorkdomain();
    const join = await h.request('GET', `/join/${page.linkId}`);
    const hashed = /src="(\/widget\/chatpoint-register-[0-9a-f]+\.js)"/.exec(join.body)?.[1];
    expect(hashed).toBeTruthy();
    const copy = await get(h, hashed!, { 'accept-encoding': 'br' });
    expect(copy.response.status).toBe(200);
    expect(copy.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(copy.body).equals(built)).toBe(true);
  });

  it('compresses the pages’ scripts the same way', async () => {
    const admin = await h.request('GET', '/admin');
    const script = /src="(\/static\/[^"]+\.js)"/.exec(admin.body)?.[1];
    expect(script).toBeTruthy();
    const plain = await get(h, script!);
    const br = await get(h, script!, { 'accept-encoding': 'br' });
    expect(br.response.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = br.response.headers.get('etag')!;
    expect((await get(h, script!, { 'accept-encoding': 'br', 'if-none-match': etag })).response.status).toBe(
      304,
    );
    expect((await get(h, `${script}.br`)).response.status).toBe(404);
  });
});
