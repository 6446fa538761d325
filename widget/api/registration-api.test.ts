/// <reference types="mocha" />
import { deepEqual, equal, ok, rejects } from '../testing/assert.ts';
import { apiError, FakeRegistrationServer, registered } from '../testing/fake-registration-server.ts';
import { ApiError, registrationApi } from './registration-api.ts';

let server: FakeRegistrationServer;

beforeEach(() => {
  server = new FakeRegistrationServer('link/1').install();
});

afterEach(() => server.uninstall());

const api = () => registrationApi('https://api.chat.example/', 'link/1');

async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await rejects(promise);
  ok(error instanceof ApiError, 'an ApiError');
  return error;
}

describe('registrationApi', () => {
  it('reads the link info with GET, no cookies, the link id escaped', async () => {
    deepEqual(await api().info(), {
      workdomain: { name: 'Acme Support' },
      open: true,
      message: 'off',
      challenge: false,
    });
    const [request] = server.requests;
    equal(request!.url, 'https://api.chat.example/api/registrations/link%2F1');
    equal(request!.init.method, undefined);
    equal(request!.init.credentials, 'omit');
  });

  it('posts JSON to start, resend and verify', async () => {
    deepEqual(await api().start('Ann', 'ann@example.com', 'ja'), {
      registrationId: 'reg-1',
      resendAfter: 60,
      expiresIn: 600,
    });
    deepEqual(await api().resend('reg-1'), { resendAfter: 60, expiresIn: 600 });
    const verified = await api().verify('reg-1', '123456');
    // The login token works 5 minutes from the answer; the widget keeps the Chat step until then.
    ok(Math.abs(verified.until - (Date.now() + 29e4)) < 5000, 'until: about 5 minutes from now');
    deepEqual(verified, { ...registered, returning: false, until: verified.until });
    await api().start('Ann', 'ann@example.com', 'en', 'Hello');
    server.reply('verify', { status: 200, body: registered });
    const returning = await api().verify('reg-1', '123456');
    deepEqual(returning, { ...registered, returning: true, until: returning.until });
    deepEqual(
      server.requests.map((r) => [r.route, r.init.method, r.init.credentials, r.body]),
      [
        ['start', 'POST', 'omit', { name: 'Ann', email: 'ann@example.com', lang: 'ja' }],
        ['resend', 'POST', 'omit', { registrationId: 'reg-1' }],
        ['verify', 'POST', 'omit', { registrationId: 'reg-1', code: '123456' }],
        ['start', 'POST', 'omit', { name: 'Ann', email: 'ann@example.com', lang: 'en', message: 'Hello' }],
        ['verify', 'POST', 'omit', { registrationId: 'reg-1', code: '123456' }],
      ],
    );
    equal(new Headers(server.requests[0]!.init.headers).get('content-type'), 'application/json');
  });

  it('accepts a 202 without a body', async () => {
    server.reply('resend', { status: 202 });
    await api().resend('reg-1');
  });

  it('throws the error code, message and status of an error answer', async () => {
    server.reply('verify', apiError(422, 'invalid_code', 'Wrong code. 2 tries left.'));
    const error = await apiErrorOf(api().verify('reg-1', '000000'));
    equal(error.code, 'invalid_code');
    equal(error.message, 'Wrong code. 2 tries left.');
    equal(error.status, 422);
    equal(error.retryAfter, undefined);
  });

  it('reads Retry-After on 429, with a default when it is not readable', async () => {
    server.reply(
      'start',
      apiError(429, 'rate_limited', 'Slow down.', { 'Retry-After': '42' }),
      apiError(429, 'rate_limited'),
    );
    equal((await apiErrorOf(api().start('a', 'b', 'en'))).retryAfter, 42);
    equal((await apiErrorOf(api().start('a', 'b', 'en'))).retryAfter, 60);
  });

  it('turns a failed connection into network_error and a non-JSON error into generic', async () => {
    server.reply('info', 'network', { status: 502, body: undefined });
    equal((await apiErrorOf(api().info())).code, 'network_error');
    const error = await apiErrorOf(api().info());
    equal(error.code, 'generic');
    equal(error.status, 502);
  });

  it('reports link_not_found for an unknown link', async () => {
    const error = await apiErrorOf(registrationApi('https://api.chat.example', 'other').info());
    equal(error.code, 'link_not_found');
    equal(error.status, 404);
  });
});
