/// <reference types="mocha" />
import { solveAltcha } from './api/altcha.ts';
import { emailSuggestion } from './steps/email-hint.ts';
import { deepEqual, equal, ok } from './testing/assert.ts';
import { apiError, FakeRegistrationServer } from './testing/fake-registration-server.ts';
import { $, $$, alertText, mount, submitDetails, typeInto, unmountAll, waitFor } from './testing/fixture.ts';

let server: FakeRegistrationServer;

beforeEach(() => {
  sessionStorage.clear();
  server = new FakeRegistrationServer().install();
});

afterEach(() => {
  unmountAll();
  server.uninstall();
});

const hex = (buffer: ArrayBuffer) =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A challenge like the server's: the SHA-256 of salt + a hidden number (no signature check here). */
async function challengeHiding(number: number) {
  const salt = 'a1b2c3d4e5f6?expires=9999999999&';
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(salt + number));
  return { algorithm: 'SHA-256' as const, challenge: hex(digest), maxnumber: 5000, salt, signature: 'sig' };
}

describe('<chatpoint-register> funnel views', () => {
  it('counts a view once per browser session', async () => {
    // Removed by hand: unmountAll() would also clear the session storage that remembers the view.
    (await mount()).remove();
    await mount();
    const urls = server.calls('info').map((call) => new URL(call.url).search);
    deepEqual(urls, ['?view=1', '']);
  });

  it('the preview counts nothing and cannot send the form', async () => {
    const element = await mount({ preview: '' });
    equal(new URL(server.calls('info')[0]!.url).search, '');
    const submit = $<HTMLButtonElement>(element, '[part="actions"] button');
    ok(submit.disabled, 'submit disabled');
    await submitDetails(element);
    equal(server.calls('start').length, 0);
    equal(element.flow.state, 'details');
    equal(sessionStorage.length, 0);
  });
});

describe('<chatpoint-register> bot protection', () => {
  it('solves the proof of work before start when the link asks for it', async () => {
    const challenge = await challengeHiding(3210);
    server.reply('info', {
      status: 200,
      body: { workdomain: { name: 'Acme' }, open: true, challenge: true },
    });
    server.reply('challenge', { status: 200, body: challenge });
    const element = await mount();
    await submitDetails(element);
    equal(server.calls('challenge').length, 1);
    const sent = JSON.parse(atob(String(server.calls('start')[0]!.body!.altcha)));
    deepEqual(sent, {
      algorithm: 'SHA-256',
      challenge: challenge.challenge,
      salt: challenge.salt,
      signature: 'sig',
      number: 3210,
    });
    equal(element.flow.state, 'code');
  });

  it('sends no altcha when the link does not ask for one', async () => {
    const element = await mount();
    await submitDetails(element);
    equal(server.calls('challenge').length, 0);
    equal(server.calls('start')[0]!.body!.altcha, undefined);
  });

  it('finds numbers at the edges of the range', async () => {
    for (const number of [0, 63, 64, 5000]) {
      const payload = JSON.parse(atob(await solveAltcha(await challengeHiding(number))));
      equal(payload.number, number, `number ${number}`);
    }
  });

  it('shows a failed check beside the button', async () => {
    server.reply('info', {
      status: 200,
      body: { workdomain: { name: 'Acme' }, open: true, challenge: true },
    });
    server.reply('challenge', { status: 200, body: await challengeHiding(1) });
    server.reply('start', apiError(403, 'challenge_failed'));
    const element = await mount();
    await submitDetails(element);
    equal(alertText(element, 'form'), 'Automatic check failed. Try again.');
  });
});

describe('<chatpoint-register> email domains', () => {
  it('shows email_domain_not_allowed beside the email field', async () => {
    server.reply('start', apiError(422, 'email_domain_not_allowed'));
    const element = await mount();
    await submitDetails(element, 'Ann Lee', 'ann@mailinator.com');
    equal(alertText(element, 'email'), 'This email domain is not accepted here.');
    equal($(element, '#email').getAttribute('aria-invalid'), 'true');
    equal(element.flow.state, 'details');
  });

  it('suggests a likely typo without refusing it', async () => {
    const element = await mount();
    typeInto(element, '#email', 'ann@gmail.con');
    $(element, '#email').dispatchEvent(new Event('change'));
    // The look-alike check is its own file, fetched on the first typed address.
    await waitFor(() => element.flow.hint !== '', 'the hint');
    await element.updateComplete;
    const hint = $$(element, 'button').find((b) => b.textContent!.includes('Did you mean'));
    equal(hint?.textContent?.trim(), 'Did you mean ann@gmail.com?');
    hint!.click();
    await element.updateComplete;
    equal($<HTMLInputElement>(element, '#email').value, 'ann@gmail.com');
    equal($$(element, 'button').filter((b) => b.textContent!.includes('Did you mean')).length, 0);

    typeInto(element, '#email', 'ann@gmial.com');
    $(element, '#email').dispatchEvent(new Event('change'));
    await element.updateComplete;
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await element.updateComplete;
    equal(server.calls('start').at(-1)?.body?.email, 'ann@gmial.com');
  });

  it('knows typos from real domains', () => {
    const cases: [string, string][] = [
      ['a@gmail.con', 'a@gmail.com'],
      ['a@gmial.com', 'a@gmail.com'],
      ['a@hotmal.com', 'a@hotmail.com'],
      ['a@yahooo.com', 'a@yahoo.com'],
      ['a@outlook.co', 'a@outlook.com'],
      ['a@gmail.com', ''],
      ['a@mail.com', ''],
      ['a@ymail.com', ''],
      ['a@example.com', ''],
      ['no-at-sign', ''],
    ];
    for (const [typed, expected] of cases) equal(emailSuggestion(typed), expected, typed);
  });
});
