/// <reference types="mocha" />
import { equal, ok } from './testing/assert.ts';
import { apiError, FakeRegistrationServer, registered } from './testing/fake-registration-server.ts';
import {
  $,
  $$,
  alertText,
  button,
  endpoint,
  mount,
  settled,
  submitCode,
  toCodeStep,
  unmountAll,
  waitFor,
} from './testing/fixture.ts';

let server: FakeRegistrationServer;

beforeEach(() => {
  server = new FakeRegistrationServer().install();
});

afterEach(() => {
  unmountAll();
  server.uninstall();
});

/** The sign-in link the element offers, if any. */
const signIn = (element: HTMLElement & { shadowRoot: ShadowRoot | null }) =>
  [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a')].find(
    (a) => a.textContent!.trim() === 'Sign in',
  );

describe('<chatpoint-register> at the edges', () => {
  it('tells the page owner when this site is not allowed to show the form', async () => {
    server.reply('info', apiError(403, 'origin_not_allowed'));
    const element = await mount();
    equal(
      $(element, '[role="alert"]').textContent!.trim(),
      'This site is not allowed to show this form — its owner can add it under Allowed web sites.',
    );
  });

  it('says so in Japanese too', async () => {
    server.reply('info', apiError(403, 'origin_not_allowed'));
    const element = await mount({ lang: 'ja' });
    await waitFor(
      () =>
        element.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes('許可するウェブサイト'),
      'the Japanese text',
    );
  });

  it('offers members the sign-in when registration is closed', async () => {
    server.reply('info', { status: 200, body: { workdomain: { name: 'Acme Support' }, open: false } });
    const element = await mount();
    equal($(element, '[role="alert"]').textContent, 'Registration is closed.');
    ok(element.shadowRoot!.textContent!.includes('Already a member?'), 'the member line');
    const link = signIn(element);
    ok(link, 'a sign-in link');
    equal(new URL(link!.href).origin + new URL(link!.href).pathname, `${endpoint}/app`);
  });

  it('a registration completed in another tab: says so and offers sign-in with the address filled in', async () => {
    server.reply('verify', apiError(422, 'registration_complete', 'This registration is already complete.'));
    const element = await mount();
    await toCodeStep(element, 'Ann Lee', 'ann+shop@example.com');
    await submitCode(element, '123456');
    equal(element.flow.state, 'done');
    ok(element.shadowRoot!.textContent!.includes('This registration is already complete.'), 'the message');
    ok(!element.shadowRoot!.textContent!.includes('That code is not right'), 'no wrong-code error');
    equal(signIn(element)!.href, `${endpoint}/app#email=ann%2Bshop%40example.com`);
    // Focus follows to the way forward, not back to the page.
    equal(element.shadowRoot!.activeElement, signIn(element));
    // Nothing to come back to: a reload shows the form again.
    element.remove();
    equal((await mount()).flow.state, 'details');
  });

  it('"Send a new code" after completion elsewhere also says so', async () => {
    server.reply('start', { status: 202, body: { registrationId: 'reg-1', resendAfter: 0, expiresIn: 600 } });
    server.reply('resend', apiError(422, 'registration_complete'));
    const element = await mount();
    await toCodeStep(element);
    button(element, 'Send a new code').click();
    await waitFor(() => element.flow.state === 'done', 'the done step');
    await settled(element);
    ok(element.shadowRoot!.textContent!.includes('This registration is already complete.'), 'the message');
    equal(signIn(element)!.href, `${endpoint}/app#email=ann%40example.com`);
  });

  it('keeps the Chat step over a reload while the login token works, then offers sign-in', async () => {
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '123456');
    equal(element.flow.state, 'done');
    element.remove();

    const reloaded = await mount();
    equal(reloaded.flow.state, 'done');
    ok(button(reloaded, 'Chat'), 'the Chat button');
    ok(reloaded.shadowRoot!.textContent!.includes('Welcome, Ann Lee!'), 'the welcome');
    equal(server.calls('verify').length, 1);
    reloaded.remove();

    // The token has expired meanwhile (5 minutes).
    const key = Object.keys(sessionStorage).find((name) => name.startsWith('chatpoint-register:'))!;
    const saved = JSON.parse(sessionStorage.getItem(key)!);
    saved.registration.until = Date.now() - 1;
    sessionStorage.setItem(key, JSON.stringify(saved));
    const later = await mount();
    equal(later.flow.state, 'done');
    equal($$(later, 'button').length, 0);
    equal(signIn(later)!.href, `${endpoint}/app#email=${encodeURIComponent(registered.user.email)}`);
  });

  it('shows no empty "We sent a code to ." when the one-tap page does not know the address', async () => {
    history.replaceState(null, '', '#verify=reg-9.123456');
    try {
      const element = await mount({ onetap: '' });
      ok(!element.shadowRoot!.textContent!.includes('We sent a code to'), 'no sentence without an address');
      equal(alertText(element, 'code'), '');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });
});
