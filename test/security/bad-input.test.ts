import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/accounts/sessions.ts';
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

  it('answers JSON nested deeper than 32 levels with 400 invalid_request, never a 5xx', async () => {
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    for (const endpoint of endpoints(linkId)) {
      const [field] = Object.keys(endpoint.body);
      // 33 levels in all (the body is the first), and about 14 KB of brackets under the 16 KiB limit.
      for (const levels of [32, 7000]) {
        const body = `${JSON.stringify(endpoint.body).slice(0, -1)},"${field}x":${nested(levels)}}`;
        const response = await h.request('POST', endpoint.path, body);
        expectErrorShape(response);
        expect(response.status, `${endpoint.path} at ${levels} levels`).toBe(400);
        expect(response.body.error.code).toBe('invalid_request');
      }
      const bare = await h.request('POST', endpoint.path, nested(7000));
      expect(bare.status).toBe(400);
      expect(bare.body.error.code).toBe('invalid_request');
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
    // A NUL is not text at all: refused at the edge with 400 (see below).
    for (const name of ['Ann\r\nBcc: x@evil.test', 'Ann\u202Eevil', '   ']) {
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

/** Not text: NUL and unpaired UTF-16 surrogates, alone and inside ordinary words. */
const NOT_TEXT = ['\u0000', 'Ann\u0000', '\uD800', 'Ann\uDC00x', 'a\uD83D'];

describe('NUL and lone surrogates are refused at the edge, on every field and path', () => {
  let h: Harness;
  let linkId: string;
  let adminToken: string;
  let slug: string;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite' });
    const seeded = await h.seedWorkdomain();
    linkId = seeded.linkId;
    slug = seeded.workdomain.slug;
    adminToken = (await createSession(h.db, seeded.admin.id)).sessionToken;
  });
  afterAll(() => h?.close());

  function expectRefused(response: { status: number; body: any }, what: string) {
    expect([400, 422], what).toContain(response.status);
    expectErrorShape(response);
  }

  it('in path parameters of the API and the pages', async () => {
    for (const path of [
      `/api/registrations/${linkId}%00`,
      '/api/registrations/%00',
      `/api/registrations/%00/challenge`,
      '/api/registrations/%ED%A0%80/start',
      '/api/admin/users/%00/deactivate',
      '/api/conversations/%00/messages',
    ]) {
      const method = path.endsWith('start') || path.endsWith('deactivate') ? 'POST' : 'GET';
      const response = await h.request(method, path, method === 'POST' ? {} : undefined, {
        authorization: `Bearer ${adminToken}`,
      });
      expect(response.status, path).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
    for (const path of ['/join/%00', `/join/${linkId}%00`, '/join/%ED%A0%80', '/reset-password?next=%00']) {
      const response = await h.app.request(path);
      expect(response.status, path).toBe(400);
    }
  });

  it('in every string field of registration, login, reset, chat and admin bodies', async () => {
    for (const bad of NOT_TEXT) {
      const cases: [string, string, Record<string, unknown>][] = [
        ['POST', `/api/registrations/${linkId}/start`, { name: bad, email: 'ann@example.com' }],
        ['POST', `/api/registrations/${linkId}/start`, { name: 'Ann', email: `ann${bad}@example.com` }],
        [
          'POST',
          '/api/auth/login',
          { workdomain: `${slug}${bad}`, email: 'a@example.com', password: 'x'.repeat(9) },
        ],
        [
          'POST',
          '/api/auth/login',
          { workdomain: slug, email: `a${bad}@example.com`, password: 'x'.repeat(9) },
        ],
        ['POST', '/api/auth/login', { workdomain: slug, email: 'a@example.com', password: `pass${bad}word` }],
        ['POST', '/api/auth/password-reset', { workdomain: slug, email: `a${bad}@example.com` }],
        ['POST', '/api/auth/password-reset/confirm', { token: `t${bad}`, password: 'a-good-long-password' }],
        ['PUT', '/api/admin/registration', { welcomeMessage: `Hello${bad}` }],
      ];
      for (const [method, path, body] of cases) {
        const response = await h.request(method, path, body, { authorization: `Bearer ${adminToken}` });
        expectRefused(response, `${path} ${JSON.stringify(body)}`);
      }
    }
    // Keys are text too.
    expectRefused(
      await h.request('POST', `/api/registrations/${linkId}/start`, {
        name: 'Ann',
        email: 'a@example.com',
        'x\u0000': 1,
      }),
      'a NUL key',
    );
    const settings = await h.request('GET', '/api/admin/registration', undefined, {
      authorization: `Bearer ${adminToken}`,
    });
    expect(settings.body.welcomeMessage).not.toContain('\u0000');
  });

  it('refuses names without a visible letter or digit with invalid_name', async () => {
    for (const name of [
      '\u3164',
      '\u3164\u3164\u3164',
      '\u2800\u2800',
      '\u0301',
      'a\u0301'.slice(1).repeat(3),
      '\uFFA0',
      '\u115F\u1160',
    ]) {
      const response = await h.request('POST', `/api/registrations/${linkId}/start`, {
        name,
        email: 'blank@example.com',
      });
      expect(response.status, JSON.stringify(name)).toBe(422);
      expect(response.body.error.code).toBe('invalid_name');
    }
    for (const name of ['李', 'Zoë', '7', 'Ōkubo 大輔']) {
      const response = await h.request('POST', `/api/registrations/${linkId}/start`, {
        name,
        email: 'visible@example.com',
      });
      expect(response.status, name).toBe(202);
    }
  });

  it('refuses email domains that mix scripts or pass for ASCII, and keeps real IDNs', async () => {
    for (const email of [
      'admin@\u0430cme.test', // Cyrillic а among Latin letters
      'admin@xn--cme-8cd.test', // the same, typed as Punycode
      'ann@\u0440\u0430\u0443\u0440\u0430l.com', // Cyrillic "раураl"
      'ann@\u0430\u0441\u0435.com', // all Cyrillic, looks like "ace"
      'ann@\u0251pple.com', // Latin alpha
      'ann@\u03b5\u03bb\u03bba\u03b4\u03b1.gr', // Greek with a Latin a
    ]) {
      const response = await h.request('POST', `/api/registrations/${linkId}/start`, { name: 'Ann', email });
      expect(response.status, email).toBe(422);
      expect(response.body.error.code).toBe('invalid_email');
    }
    for (const email of [
      'ann@m\u00fcnchen.de',
      'ann@\u4f8b\u3048.jp',
      'ann@\u0395\u03bb\u03bb\u03ac\u03b4\u03b1.gr',
      'ann@example.com',
    ]) {
      const response = await h.request('POST', `/api/registrations/${linkId}/start`, { name: 'Ann', email });
      expect(response.status, email).toBe(202);
    }
  });
});

/** A plausible value for an OpenAPI schema, so a request fails only on the field we break. */
function sample(schema: any, doc: any): unknown {
  if (schema?.$ref) return sample(doc.components.schemas[schema.$ref.split('/').at(-1)], doc);
  switch (schema?.type) {
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return 1;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sample(value, doc)]),
      );
    default:
      return schema?.enum?.[0] ?? (schema?.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'x');
  }
}

describe('fuzzing every route in the OpenAPI document', () => {
  let h: Harness;
  let adminId: string;
  let linkId: string;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite' });
    const seeded = await h.seedWorkdomain();
    adminId = seeded.admin.id;
    linkId = seeded.linkId;
  });
  afterAll(() => h?.close());

  it('answers NUL, lone surrogates, huge strings and wrong types with a 4xx, never a 500 or a stack trace', {
    timeout: 240_000,
  }, async () => {
    const doc = (await h.request('GET', '/openapi.json')).body;
    const fieldValues: unknown[] = [
      ...NOT_TEXT,
      'x'.repeat(5000),
      'x'.repeat(20_000),
      42,
      -1,
      1e308,
      null,
      true,
      [],
      {},
      ['\u0000'],
      { a: '\uD800' },
    ];
    const pathValues = [
      '%00',
      'a%00b',
      '%ED%A0%80',
      '%C0%80',
      '%FF',
      'x'.repeat(5000),
      '..%2F..%2Fetc',
      '%F0%9F%98%80',
    ];
    let requests = 0;
    const routes: string[] = [];

    for (const [template, operations] of Object.entries<any>(doc.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        routes.push(`${method.toUpperCase()} ${template}`);
        const params = (operation.parameters ?? []) as { name: string; in: string }[];
        const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
        const queryParams = params.filter((p) => p.in === 'query').map((p) => p.name);
        const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
        const body = bodySchema ? (sample(bodySchema, doc) as Record<string, unknown>) : undefined;
        const fill = (override: Record<string, string> = {}) =>
          template.replace(/\{(\w+)\}/g, (_, name) => override[name] ?? (name === 'linkId' ? linkId : 'x'));

        const send = async (path: string, payload: unknown, what: string) => {
          // A fresh session each time: one of these routes is logout.
          const { sessionToken } = await createSession(h.db, adminId);
          const response = await h.request(
            method.toUpperCase(),
            path,
            payload === undefined ? undefined : JSON.stringify(payload),
            {
              authorization: `Bearer ${sessionToken}`,
              'content-type': 'application/json',
            },
          );
          requests++;
          expect(response.status, what).toBeLessThan(500);
          if (response.status >= 400 && path.startsWith('/api/')) expectErrorShape(response);
          return response;
        };

        for (const name of pathParams) {
          for (const value of pathValues) {
            const response = await send(
              fill({ [name]: value }),
              body,
              `${method} ${template} ${name}=${value.slice(0, 20)}`,
            );
            if (/%00|%ED%A0%80/.test(value)) expect(response.status).toBe(400);
          }
        }
        for (const name of queryParams) {
          for (const value of pathValues) {
            await send(
              `${fill()}?${name}=${value}`,
              body,
              `${method} ${template} ?${name}=${value.slice(0, 20)}`,
            );
          }
        }
        for (const field of Object.keys(body ?? {})) {
          for (const value of fieldValues) {
            const response = await send(
              fill(),
              { ...body, [field]: value },
              `${method} ${template} ${field}=${JSON.stringify(value).slice(0, 20)}`,
            );
            if (typeof value === 'string' && NOT_TEXT.includes(value))
              expect([400, 422]).toContain(response.status);
          }
        }
        if (body) {
          for (const raw of [[], 'text', 0, null])
            await send(fill(), raw, `${method} ${template} body=${JSON.stringify(raw)}`);
        }
      }
    }
    // The document really lists the public, account, chat and admin routes.
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/registrations/{linkId}/start',
        'POST /api/auth/login',
        'POST /api/conversations/{id}/messages',
        'PUT /api/admin/registration',
        'POST /api/admin/users/{id}/deactivate',
      ]),
    );
    expect(requests).toBeGreaterThan(300);
    const errors = h.logLines.filter((line) => /"level":"error"|stack|unhandled/i.test(line));
    expect(errors).toEqual([]);
  });
});
