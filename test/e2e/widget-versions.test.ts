import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';

/** A page pinned to a version of the widget keeps loading it after the service is updated. */
describe('earlier widget versions kept for integrity-pinned snippets', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite' });
  });
  afterAll(async () => h?.close());

  it("keeps the running build's module under its versioned name, with its language files", () => {
    const bytes = readFileSync('dist/widget/chatpoint-register.js');
    const version = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    const kept = path.join(h.config.dataDir, 'widget-versions');
    expect(readFileSync(path.join(kept, `chatpoint-register-${version}.js`))).toEqual(bytes);
    const jaChunk = /chatpoint-register-ja-[\w-]+\.js/.exec(bytes.toString())![0];
    expect(existsSync(path.join(kept, jaChunk))).toBe(true);
  });

  it('serves a file of an earlier build, immutable and cross-origin, and nothing outside the folder', async () => {
    const earlier = 'export const earlier = 1;\n';
    writeFileSync(
      path.join(h.config.dataDir, 'widget-versions', 'chatpoint-register-0123456789ab.js'),
      earlier,
    );
    const response = await h.request('GET', '/widget/chatpoint-register-0123456789ab.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await h.request('GET', '/widget/chatpoint-register-0123456789ac.js')).status).toBe(404);
    expect((await h.request('GET', '/widget/..%2Fchatpoint-register-x.js')).status).toBe(404);
  });
});
