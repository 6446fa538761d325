import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';

/** Every public JSON endpoint with a valid body, so each case below changes one thing. */
function endpoints(linkId: string) {
  const uuid = '00000000-0000-4000-8000-000000000000';
  return [
    { path: `/api/registrations/${linkId}/start`, body: { name: 'Ann', email: 'ann@example.com' } },
    { path: `/api/registrations/${linkId}/resend`, body: { registrationId: uuid } },
    { path: `/api/registrations/${linkId}/verify`, body: { registrationId: uuid, code: '123456' } },
    { path: '/api/auth/exchange', body: { token: 'x.y.z' } },
    {
      path: '/api/auth/login',
      // The workdomain is optional, so it is not the field left out.
      body: { email: 'ann@example.com', password: 'whatever-123', workdomain: 'acme' },
    },
    { path: '/api/auth/password-reset', body: { email: 'ann@example.com', workdomain: 'acme' } },
    { path: '/api/auth/password-reset/check', body: { token: 'abc' } },
    { path: '/api/auth/sign-in/start', body: { email: 'ann@example.com' } },
    { path: '/api/auth/sign-in/verify', body: { attemptId: uuid, code: '123456', workdomain: 'acme' } },
    { path: '/api/auth/password-reset/confirm', body: { token: 'abc', password: 'a-good-long-password' } },
  ];
}

const mutations: [string, (body: Record<string, unknown>) => unknown][] = [
  ['an extra field', (body) => ({ ...body, extra: true })],
  ['__proto__', (body) => JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(body).slice(1)}`)],
  ['constructor/prototype', (body) => ({ ...body, constructor: { prototype: { polluted: 1 } } })],
  ['a missing field', (body) => Object.fromEntries(Object.entries(body).slice(1))],
  ['wrong types', (body) => Object.fromEntries(Object.keys(body).map((key) => [key, 42]))],
  ['nulls', (body) => Object.fromEntries(Object.keys(body).map((key) => [key, null]))],
  ['arrays', (body) => Object.fromEntries(Object.keys(body).map((key) => [key, ['a']]))],
  ['nested objects', (body) => Object.fromEntries(Object.keys(body).map((key) => [key, { $gt: '' }]))],
  ['an array body', (body) => [body]],
  ['a string body', () => 'just a string'],
  ['null body', () => null],
];

function expectErrorShape(response: { status: number; body: any }) {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(Object.keys(response.body)).toEqual(['error']);
  expect(response.body.error.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  expect(typeof response.body.error.message).toBe('string');
  expect(JSON.stringify(response.body)).not.toMatch(/at .+\.ts:\d+|stack|Error:/);
}

describe('bad input never breaks the API', () => {
  let h: Harness;
  let linkId: string;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', listen: true });
    linkId = (await h.seedWorkdomain()).linkId;
  });
  afterAll(() => h?.close());

  it('answers every mutation of every public body with a 4xx in the error shape', async () => {
    for (const endpoint of endpoints(linkId)) {
      for (const [label, mutate] of mutations) {
        const response = await h.request('POST', endpoint.path, JSON.stringify(mutate(endpoint.body)));
        expect({ endpoint: endpoint.path, label, status: response.status }).toMatchObject({
          status: expect.any(Number),
        });
        expectErrorShape(response);
        if (label === 'an extra field' || label === 'wrong types' || label === 'a missing field') {
          expect(response.status, `${endpoint.path} with ${label}`).toBe(400);
          expect(response.body.error.code).toBe('invalid_request');
        }
      }
      for (const raw of ['{', '{"name":"a",}', '\u0000', '']) {
        expectErrorShape(await h.request('POST', endpoint.path, raw));
      }
      const form = await h.request('POST', endpoint.path, 'a=b', { 'content-type': 'text/plain' });
      expect(form.status).toBe(415);
      expectErrorShape(form);
    }
  });

  it('refuses 10 MB bodies with 413, with and without Content-Length', async () => {
    const big = JSON.stringify({ name: 'A', email: `${'a'.repeat(10 * 1024 * 1024)}@example.com` });
    const withLength = await h.request('POST', `/api/registrations/${linkId}/start`, big);
    expect(withLength.status).toBe(413);
    expectErrorShape(withLength);

    // Chunked, no Content-Length: the limit must hold while streaming.
    const { port } = new URL(h.baseUrl);
    const chunked = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      let answered = false;
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/registrations/${linkId}/start`,
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        },
        (res) => {
          answered = true;
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode!, body: JSON.parse(text) });
          });
        },
      );
      // The server may hang up while we still send: that is the point, not an error.
      req.on('error', (error) => (answered ? undefined : reject(error)));
      let sent = 0;
      const pump = () => {
        while (!answered && sent < 10 * 16) {
          sent++;
          if (!req.write('a'.repeat(64 * 1024))) {
            req.once('drain', pump);
            return;
          }
        }
        if (!answered) req.end();
      };
      pump();
    });
    expect(chunked.status).toBe(413);
    expectErrorShape(chunked);
  });

  it('handles Unicode tricks in emails without a 500 and keeps one login ID per address', async () => {
    const tricky = [
      'Ann@example.com',
      'ann@EXAMPLE.com',
      'ann@exa\u0301mple.com',
      '\u212Aelvin@example.com',
      'd\u0131rk@example.com',
      'ze\u200Bro@example.com',
      `${'l'.repeat(64)}@example.com`,
      `${'l'.repeat(65)}@example.com`,
      'ann@例え.jp',
      'ann@-bad-.com',
      'a"b@example.com',
      'ann@example',
      'ann@@example.com',
      ' ann@example.com ',
    ];
    for (const email of tricky) {
      const response = await h.request('POST', `/api/registrations/${linkId}/start`, {
        name: 'Uni Code',
        email,
      });
      expect([202, 422], email).toContain(response.status);
      if (response.status === 422) expect(response.body.error.code).toBe('invalid_email');
    }
    for (const name of ['Ann\r\nBcc: x@evil.test', 'Ann\u0000', 'Ann\u202Eevil', '   ']) {
      const response = await h.request('POST', `/api/registrations/${linkId}/start`, {
        name,
        email: 'n@example.com',
      });
      expect(response.status, JSON.stringify(name)).toBe(422);
      expect(response.body.error.code).toBe('invalid_name');
    }
  });

  it('answers unknown API paths and methods in the error shape', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['DELETE', `/api/registrations/${linkId}`],
      ['GET', '/api/registrations/'],
      ['POST', '/api/registrations/%00/start'],
    ] as const) {
      expectErrorShape(await h.request(method, path));
    }
  });
});
