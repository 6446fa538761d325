/// <reference types="mocha" />
import { sendKeys } from '@web/test-runner-commands';
import { ChatpointRegister } from './chatpoint-register.ts';
import type { ChatpointCodeSentEvent } from './events/code-sent.ts';
import type { ChatpointErrorEvent } from './events/error.ts';
import type { ChatpointRegisteredEvent } from './events/registered.ts';
import { deepEqual, equal, includes, ok } from './testing/assert.ts';
import { accessibleName } from './testing/axe.ts';
import {
  apiError,
  FakeRegistrationServer,
  held,
  type Reply,
  registered,
} from './testing/fake-registration-server.ts';
import {
  $,
  $$,
  alertText,
  button,
  endpoint,
  focused,
  mount,
  place,
  settled,
  submitCode,
  submitDetails,
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

/** Collects the element's events as seen by the page (on document). */
function listen<K extends 'chatpoint-code-sent' | 'chatpoint-registered' | 'chatpoint-error'>(type: K) {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  const record = (event: GlobalEventHandlersEventMap[K]) => seen.push(event);
  document.addEventListener(type, record);
  after(() => document.removeEventListener(type, record));
  return seen;
}

/** Whether "Send a new code" shows without a countdown and can be pressed. */
const resendReady = (element: ChatpointRegister) =>
  $$(element, 'button').some(
    (b) => b.textContent!.trim() === 'Send a new code' && !(b as HTMLButtonElement).disabled,
  );

const openLink: Reply = { status: 200, body: { workdomain: { name: 'Acme Support' }, open: true } };

describe('<chatpoint-register> link info', () => {
  it('shows "Loading…" as a status until the link info answers', async () => {
    const info = held();
    server.reply('info', info.reply);
    const element = place();
    await element.updateComplete;
    equal(server.calls('info').length, 1);
    equal(element.flow.state, 'loading');
    equal($(element, '[role="status"]').textContent, 'Loading…');
    equal($$(element, 'form, button, [role="alert"]').length, 0);
    info.answer(openLink);
    await waitFor(() => element.flow.state === 'details', 'the details step');
    await element.updateComplete;
    equal($$(element, '[role="status"]').length, 0);
    equal(accessibleName($(element, '#name')), 'Name');
  });

  it('asks the endpoint about the link, then shows the workdomain and the details form', async () => {
    const element = await mount();
    equal(server.requests[0]!.url.split('?')[0], `${endpoint}/api/registrations/L1`);
    equal(server.requests[0]!.init.credentials, 'omit');
    equal($(element, '[part="heading"]').textContent, 'Acme Support');
    equal(element.flow.state, 'details');
    equal(accessibleName($(element, '#name')), 'Name');
    equal(accessibleName($(element, '#email')), 'Email');
    equal($(element, '#email').getAttribute('type'), 'email');
  });

  it('defaults the endpoint to the origin the script came from', async () => {
    await mount({ endpoint: '' });
    equal(new URL(server.requests[0]!.url).origin, location.origin);
  });

  it('shows "Registration is closed" and no form when the link is closed', async () => {
    server.reply('info', { status: 200, body: { workdomain: { name: 'Acme Support' }, open: false } });
    const element = await mount();
    equal(element.flow.state, 'closed');
    equal($(element, '[role="alert"]').textContent, 'Registration is closed.');
    equal($$(element, 'form, input, button').length, 0, 'no "Try again" either');
  });

  it('says the link does not exist on 404 link_not_found', async () => {
    const element = await mount({ link: 'nope' });
    equal(element.flow.state, 'not_found');
    equal($(element, '[role="alert"]').textContent, 'This registration link does not exist.');
    equal($$(element, 'form, button').length, 0, 'no "Try again" either');
  });

  it('says the server cannot be reached when the network fails', async () => {
    server.reply('info', 'network');
    const errors = listen('chatpoint-error');
    const element = await mount();
    equal(element.flow.state, 'failed');
    equal($(element, '[role="alert"]').textContent, 'Cannot reach the server.');
    equal(errors.at(-1)!.detail.code, 'network_error');
  });

  it('offers "Try again" after a network failure; the retry loads and shows the form', async () => {
    const retried = held();
    server.reply('info', 'network', retried.reply);
    const element = await mount();
    equal($(element, '[role="alert"]').textContent, 'Cannot reach the server.');
    element.focus();
    const retry = button(element, 'Try again');
    equal(focused(element), retry, 'the button takes focus');
    equal(accessibleName(retry), 'Try again');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    equal(server.calls('info').length, 2);
    equal(element.flow.state, 'loading');
    equal($(element, '[role="status"]').textContent, 'Loading…');
    equal(focused(element), $(element, '[role="status"]'), 'focus stays in the element');
    retried.answer(openLink);
    await waitFor(() => element.flow.state === 'details', 'the details step');
    await element.updateComplete;
    equal($(element, '[part="heading"]').textContent, 'Acme Support');
    equal(focused(element), $(element, '#name'));
    await toCodeStep(element);
  });

  it('offers "Try again" on a 5xx, and again when the retry fails too', async () => {
    server.reply('info', apiError(503, 'unavailable'), apiError(500, 'internal_error'), openLink);
    const errors = listen('chatpoint-error');
    const element = await mount();
    equal(element.flow.state, 'failed');
    equal($(element, '[role="alert"]').textContent, 'Something went wrong.');
    button(element, 'Try again').click();
    await waitFor(() => element.flow.state === 'failed', 'the second failure');
    await element.updateComplete;
    equal(server.calls('info').length, 2);
    equal(focused(element), button(element, 'Try again'), 'focus on the way out');
    deepEqual(
      errors.map((event) => event.detail.code),
      ['unavailable', 'internal_error'],
    );
    button(element, 'Try again').click();
    await waitFor(() => element.flow.state === 'details', 'the details step');
  });

  it('loads again when the link attribute changes', async () => {
    const element = await mount({ link: 'nope' });
    element.setAttribute('link', 'L1');
    await waitFor(() => element.flow.state === 'details', 'the details step');
    equal(server.requests.at(-1)!.url.split('?')[0], `${endpoint}/api/registrations/L1`);
  });
});

describe('<chatpoint-register> details step', () => {
  it('submits on Enter, sends name and email, and moves focus to the code field', async () => {
    const sent = listen('chatpoint-code-sent');
    const element = await mount();
    element.focus();
    equal(focused(element), $(element, '#name'), 'delegatesFocus puts focus on Name');
    await sendKeys({ type: 'Ann Lee' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'ann@example.com' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => element.flow.state === 'code', 'the code step');
    await element.updateComplete;
    deepEqual(server.calls('start')[0]!.body, { name: 'Ann Lee', email: 'ann@example.com', lang: 'en' });
    equal(server.calls('start')[0]!.init.credentials, 'omit');
    equal(focused(element), $(element, '#code'));
    equal(sent.length, 1);
    deepEqual(sent[0]!.detail, { email: 'ann@example.com' });
  });

  it('shows invalid_name beside Name and stays on the step', async () => {
    server.reply('start', apiError(422, 'invalid_name', 'Name must not be empty.'));
    const errors = listen('chatpoint-error');
    const element = await mount();
    await submitDetails(element);
    equal(element.flow.state, 'details');
    equal(alertText(element, 'name'), 'Enter your name.');
    equal(alertText(element, 'email'), '');
    equal($(element, '#name').getAttribute('aria-invalid'), 'true');
    equal(focused(element), $(element, '#name'));
    deepEqual(errors.at(-1)!.detail, { code: 'invalid_name', message: 'Name must not be empty.' });
  });

  it('shows invalid_email beside Email and keeps what was typed', async () => {
    server.reply('start', apiError(422, 'invalid_email'));
    const element = await mount();
    await submitDetails(element, 'Ann Lee', 'ann@');
    equal(alertText(element, 'email'), 'Enter a valid email address.');
    equal(alertText(element, 'name'), '');
    equal($<HTMLInputElement>(element, '#name').value, 'Ann Lee');
    equal($<HTMLInputElement>(element, '#email').value, 'ann@');
    includes($(element, '#email').getAttribute('aria-describedby'), 'email-error');
  });

  it('shows rate_limited with the wait beside the submit button', async () => {
    server.reply('start', apiError(429, 'rate_limited', 'Slow down.', { 'Retry-After': '120' }));
    const element = await mount();
    await submitDetails(element);
    equal(element.flow.state, 'details');
    equal(alertText(element, 'form'), 'Try again in 120 seconds.');
  });

  it('shows the closed state when registration closed meanwhile', async () => {
    server.reply('start', apiError(409, 'registration_closed'));
    const errors = listen('chatpoint-error');
    const element = await mount();
    await submitDetails(element);
    equal(element.flow.state, 'closed');
    equal($(element, '[role="alert"]').textContent, 'Registration is closed.');
    equal(focused(element), $(element, '[role="alert"]'), 'focus is not lost');
    equal(errors.at(-1)!.detail.code, 'registration_closed');
  });

  it('renders names with HTML markup as text', async () => {
    const markup = '<img src=x onerror="window.__pwned=1"><b>Acme</b>';
    server.reply('info', { status: 200, body: { workdomain: { name: markup }, open: true } });
    server.reply('verify', {
      status: 201,
      body: { ...registered, user: { ...registered.user, name: markup } },
    });
    const element = await mount();
    equal($(element, '[part="heading"]').textContent, markup);
    await toCodeStep(element, markup, 'ann@example.com');
    await submitCode(element, '123456');
    includes($(element, '[part="message"]').textContent, markup);
    equal($$(element, 'img, b').length, 0);
    equal((window as unknown as { __pwned?: number }).__pwned, undefined);
  });
});

describe('<chatpoint-register> code step', () => {
  it('has one code field named "Verification code" for one-time codes and shows the address', async () => {
    const element = await mount();
    await toCodeStep(element);
    const input = $<HTMLInputElement>(element, '#code');
    equal($$(element, 'input').length, 1);
    equal(accessibleName(input), 'Verification code');
    equal(input.autocomplete, 'one-time-code');
    equal(input.inputMode, 'numeric');
    includes($(element, '[part="message"]').textContent, 'ann@example.com');
  });

  it('registers with the code, fires chatpoint-registered and shows the Chat button', async () => {
    const done = listen('chatpoint-registered');
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '123456');
    deepEqual(server.calls('verify')[0]!.body, { registrationId: 'reg-1', code: '123456' });
    equal(element.flow.state, 'done');
    includes($(element, '[part="message"]').textContent, 'Welcome, Ann Lee!');
    const chat = button(element, 'Chat');
    equal(accessibleName(chat), 'Chat');
    equal(focused(element), chat);
    deepEqual(done[0]!.detail, { user: registered.user, deepLink: registered.deepLink });
  });

  it('opens the deep link from the Chat button', async () => {
    const element = await mount();
    const opened: string[] = [];
    (element as unknown as { navigate(url: string): void }).navigate = (url) => opened.push(url);
    await toCodeStep(element);
    await submitCode(element, '123456');
    button(element, 'Chat').click();
    deepEqual(opened, [registered.deepLink]);
  });

  it('keeps the code step on a wrong code and tells the tries left', async () => {
    server.reply('verify', apiError(422, 'invalid_code', 'Wrong code.', undefined, { triesLeft: 3 }));
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '000000');
    equal(element.flow.state, 'code');
    equal(alertText(element, 'code'), 'That code is not right (3 tries left).');
    equal($(element, '#code').getAttribute('aria-invalid'), 'true');
    equal(focused(element), $(element, '#code'));
  });

  it('says only "That code is not right." when the API gives no number', async () => {
    server.reply('verify', apiError(422, 'invalid_code', 'Wrong code.'));
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '000000');
    equal(alertText(element, 'code'), 'That code is not right.');
  });

  it('does not spend a try on a code that is not 6 digits', async () => {
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '123');
    equal(server.calls('verify').length, 0);
    equal(alertText(element, 'code'), 'That code is not right.');
  });

  it('offers "Start again" on too_many_attempts, going back to details with the values kept', async () => {
    server.reply('verify', apiError(429, 'too_many_attempts'));
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '123456');
    equal(element.flow.state, 'code');
    equal(alertText(element, 'code'), 'Too many wrong codes. Start again.');
    const restart = button(element, 'Start again');
    equal(focused(element), restart);
    restart.click();
    await element.updateComplete;
    equal(element.flow.state, 'details');
    equal($<HTMLInputElement>(element, '#name').value, 'Ann Lee');
    equal($<HTMLInputElement>(element, '#email').value, 'ann@example.com');
    equal(focused(element), $(element, '#name'));
  });

  it('offers "Send a new code" on code_expired, keeping the registration, name and email', async () => {
    server.reply('start', { status: 202, body: { registrationId: 'reg-1', resendAfter: 0, expiresIn: 600 } });
    server.reply('verify', apiError(410, 'code_expired'), { status: 201, body: registered });
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '123456');
    equal(alertText(element, 'code'), 'That code has expired. Ask for a new one.');
    const again = button(element, 'Send a new code');
    equal(focused(element), again);
    again.click();
    await settled(element);
    deepEqual(server.calls('resend')[0]!.body, { registrationId: 'reg-1' });
    equal(alertText(element, 'code'), '');
    equal(button(element, 'Send a new code in 60 s').disabled, true);
    includes($(element, '[part="message"]').textContent, 'ann@example.com');
    await submitCode(element, '654321');
    equal(element.flow.state, 'done');
    equal(element.flow.registration!.user.name, 'Ann Lee');
  });

  it('says a code replaced by a resend is not the latest one', async () => {
    server.reply('verify', apiError(422, 'code_superseded', 'Newer code.', undefined, { triesLeft: 3 }));
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '123456');
    equal(element.flow.state, 'code');
    equal(alertText(element, 'code'), 'A newer code was sent; use the code from the latest email.');
    equal(focused(element), $(element, '#code'));
  });

  it('says "1 try left" and "2 tries left" by the plural rules', async () => {
    server.reply(
      'verify',
      apiError(422, 'invalid_code', 'Wrong.', undefined, { triesLeft: 2 }),
      apiError(422, 'invalid_code', 'Wrong.', undefined, { triesLeft: 1 }),
    );
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '000000');
    equal(alertText(element, 'code'), 'That code is not right (2 tries left).');
    await submitCode(element, '000000');
    equal(alertText(element, 'code'), 'That code is not right (1 try left).');
  });

  it('goes to closed when registration closed before the code was verified', async () => {
    server.reply('verify', apiError(409, 'registration_closed'));
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '123456');
    equal(element.flow.state, 'closed');
    equal($(element, '[role="alert"]').textContent, 'Registration is closed.');
  });

  it('strips spaces and dashes from a pasted code and submits it', async () => {
    for (const pasted of ['123 456', '12-34-56', ' 1 2 3 - 4 5 6 ']) {
      const element = await mount();
      await toCodeStep(element);
      const input = $<HTMLInputElement>(element, '#code');
      input.value = pasted;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      equal(input.value, '123456', `pasting ${pasted}`);
      await waitFor(() => element.flow.state === 'done', 'the done step');
      equal(server.calls('verify').at(-1)!.body!.code, '123456');
      unmountAll();
    }
  });

  it('keeps only digits while typing and does not submit on its own', async () => {
    const element = await mount();
    await toCodeStep(element);
    $(element, '#code').focus();
    await sendKeys({ type: '12-34a56' });
    equal($<HTMLInputElement>(element, '#code').value, '123456');
    equal(server.calls('verify').length, 0);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => element.flow.state === 'done', 'the done step');
  });

  it('"Change email" goes back to details keeping the values', async () => {
    const element = await mount();
    await toCodeStep(element);
    button(element, 'Change email').click();
    await element.updateComplete;
    equal(element.flow.state, 'details');
    equal($<HTMLInputElement>(element, '#name').value, 'Ann Lee');
    equal($<HTMLInputElement>(element, '#email').value, 'ann@example.com');
    equal(focused(element), $(element, '#name'));
  });

  it('counts down from the resendAfter of start before "Send a new code" works', async () => {
    server.reply('start', { status: 202, body: { registrationId: 'reg-1', resendAfter: 2, expiresIn: 600 } });
    const element = await mount();
    await toCodeStep(element);
    equal(button(element, 'Send a new code in 2 s').disabled, true);
    equal(alertText(element, 'code'), '', 'a wait is not an error');
    await waitFor(
      () => $$(element, 'button').some((b) => b.textContent!.trim() === 'Send a new code in 1 s'),
      'the tick',
    );
    await waitFor(() => resendReady(element), 'the end of the countdown', 4000);
  });

  it('resends, fires chatpoint-code-sent and waits as long as the server says', async () => {
    server.reply('start', { status: 202, body: { registrationId: 'reg-1', resendAfter: 0, expiresIn: 600 } });
    server.reply('resend', { status: 202, body: { resendAfter: 45, expiresIn: 600 } });
    const sent = listen('chatpoint-code-sent');
    const element = await mount();
    await toCodeStep(element);
    button(element, 'Send a new code').click();
    await settled(element);
    deepEqual(server.calls('resend')[0]!.body, { registrationId: 'reg-1' });
    equal(sent.length, 2);
    equal(button(element, 'Send a new code in 45 s').disabled, true);
    equal(focused(element), $(element, '#code'));
  });

  it('counts down from Retry-After on 429 without showing an error, then enables "Send a new code"', async () => {
    server.reply('start', { status: 202, body: { registrationId: 'reg-1', resendAfter: 0, expiresIn: 600 } });
    server.reply('resend', apiError(429, 'rate_limited', 'Wait.', { 'Retry-After': '2' }), {
      status: 202,
      body: { resendAfter: 60, expiresIn: 600 },
    });
    const errors = listen('chatpoint-error');
    const element = await mount();
    await toCodeStep(element);
    button(element, 'Send a new code').click();
    await settled(element);
    equal(element.flow.state, 'code');
    equal(alertText(element, 'code'), '');
    equal(button(element, 'Send a new code in 2 s').disabled, true);
    await waitFor(() => resendReady(element), 'the end of the countdown', 4000);
    equal(errors.at(-1)!.detail.code, 'rate_limited');
  });
});

describe('<chatpoint-register> returning members', () => {
  it('says "Welcome back" when the code signed an existing member in (200), and Chat works the same', async () => {
    server.reply('verify', { status: 200, body: registered });
    const done = listen('chatpoint-registered');
    const element = await mount();
    const opened: string[] = [];
    (element as unknown as { navigate(url: string): void }).navigate = (url) => opened.push(url);
    await toCodeStep(element);
    await submitCode(element, '123456');
    equal(element.flow.state, 'done');
    equal($(element, '[part="message"]').textContent, 'Welcome back, Ann Lee!');
    button(element, 'Chat').click();
    deepEqual(opened, [registered.deepLink]);
    deepEqual(done[0]!.detail, { user: registered.user, deepLink: registered.deepLink });
  });

  it('opens the deep link in a new tab on a desktop, keeping the page', async () => {
    const calls: unknown[][] = [];
    const original = window.open;
    window.open = (...args: unknown[]) => {
      calls.push(args);
      return null;
    };
    try {
      const element = await mount();
      await toCodeStep(element);
      await submitCode(element, '123456');
      button(element, 'Chat').click();
      deepEqual(calls, [[registered.deepLink, '_blank', 'noopener']]);
    } finally {
      window.open = original;
    }
  });
});

describe('<chatpoint-register> progress', () => {
  it('comes back to the code step after a reload: same registration, same address, same countdown', async () => {
    const first = await mount();
    await toCodeStep(first, 'Ann Lee', 'ann@example.com');
    first.remove();
    const again = await mount();
    equal(again.flow.state, 'code');
    includes($(again, '[part="message"]').textContent, 'ann@example.com');
    ok(
      button(again, 'Send a new code in 60 s').disabled || button(again, 'Send a new code in 59 s').disabled,
    );
    await submitCode(again, '123456');
    deepEqual(server.calls('verify')[0]!.body, { registrationId: 'reg-1', code: '123456' });
    equal(server.calls('start').length, 1);
    // Done: a reload keeps the Chat step while the login token works (chatpoint-register.edges.test.ts).
    again.remove();
    equal((await mount()).flow.state, 'done');
  });

  it('keeps progress per link and forgets it on "Change email" and once the code expired', async () => {
    const element = await mount();
    await toCodeStep(element);
    element.remove();
    server.reply('info', {
      status: 200,
      body: { workdomain: { name: 'Other' }, open: true, message: 'off' },
    });
    equal((await mount({ link: 'L2' })).flow.state, 'not_found', 'another link is not this one');
    const back = await mount();
    equal(back.flow.state, 'code');
    button(back, 'Change email').click();
    back.remove();
    equal((await mount()).flow.state, 'details');

    const later = await mount();
    await toCodeStep(later);
    later.remove();
    const key = Object.keys(sessionStorage).find((name) => name.startsWith('chatpoint-register:'))!;
    sessionStorage.setItem(
      key,
      JSON.stringify({ ...JSON.parse(sessionStorage.getItem(key)!), expiresAt: Date.now() - 1 }),
    );
    equal((await mount()).flow.state, 'details');
  });
});

describe('<chatpoint-register> one-tap link', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('with onetap, fills in the code of #verify=<registrationId>.<code>, drops it from the address and sends nothing', async () => {
    history.replaceState(null, '', '#verify=reg-9.123456');
    const element = await mount({ onetap: '' });
    equal(element.flow.state, 'code');
    equal($<HTMLInputElement>(element, '#code').value, '123456');
    equal(location.hash, '');
    // A mail scanner loads the page too: only the registrant's press verifies.
    await new Promise((resolve) => setTimeout(resolve, 100));
    equal(server.calls('verify').length, 0);
    equal(server.calls('start').length, 0);
    button(element, 'Verify').click();
    await waitFor(() => element.flow.state === 'done', 'the done step');
    deepEqual(server.calls('verify')[0]!.body, { registrationId: 'reg-9', code: '123456' });
  });

  it('keeps the code step with the error when the tapped code is stale', async () => {
    server.reply('verify', apiError(410, 'code_expired'));
    history.replaceState(null, '', '#verify=reg-9.123456');
    const element = await mount({ onetap: '' });
    button(element, 'Verify').click();
    await waitFor(() => element.flow.error, 'the answer');
    await settled(element);
    equal(element.flow.state, 'code');
    equal(alertText(element, 'code'), 'That code has expired. Ask for a new one.');
  });

  it('ignores the fragment without onetap, and the old autoverify verifies nothing', async () => {
    history.replaceState(null, '', '#verify=reg-9.123456');
    const element = await mount({ autoverify: '' });
    equal(element.flow.state, 'details');
    equal(server.calls('verify').length, 0);
    equal(location.hash, '#verify=reg-9.123456');
  });
});

describe('<chatpoint-register> first message', () => {
  const asking = (message: string): Reply => ({
    status: 200,
    body: { workdomain: { name: 'Acme Support' }, open: true, message },
  });

  it('asks for a "Message" when the link wants one and sends it with start', async () => {
    server.reply('info', asking('required'));
    server.reply('start', apiError(422, 'invalid_message'), {
      status: 202,
      body: { registrationId: 'reg-1', resendAfter: 60, expiresIn: 600 },
    });
    const element = await mount();
    const field = $<HTMLTextAreaElement>(element, '#message');
    equal(accessibleName(field), 'Message');
    equal(field.required, true);
    await submitDetails(element);
    equal(alertText(element, 'message'), 'Write a message (up to 2000 characters).');
    equal(focused(element), field);
    field.value = 'Do you ship to Osaka?';
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settled(element);
    equal(element.flow.state, 'code');
    deepEqual(server.calls('start').at(-1)!.body, {
      name: 'Ann Lee',
      email: 'ann@example.com',
      lang: 'en',
      message: 'Do you ship to Osaka?',
    });
  });

  it('has an optional message field, and none when the link does not ask', async () => {
    server.reply('info', asking('optional'));
    const optional = await mount();
    equal($<HTMLTextAreaElement>(optional, '#message').required, false);
    unmountAll();
    server.reply('info', asking('off'));
    const off = await mount();
    equal($$(off, 'textarea').length, 0);
    await toCodeStep(off);
    deepEqual(server.calls('start').at(-1)!.body, { name: 'Ann Lee', email: 'ann@example.com', lang: 'en' });
  });
});

describe('<chatpoint-register> events', () => {
  it('bubble out of the shadow root and are composed', async () => {
    const sent = listen('chatpoint-code-sent');
    const errors = listen('chatpoint-error');
    const done = listen('chatpoint-registered');
    server.reply('verify', apiError(422, 'invalid_code', 'Wrong code.'), { status: 201, body: registered });
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '111111');
    await submitCode(element, '123456');
    for (const event of [sent[0], errors[0], done[0]] as Event[]) {
      ok(event, 'event seen on document');
      equal(event.bubbles, true, `${event.type} bubbles`);
      equal(event.composed, true, `${event.type} composed`);
      equal(event.target, element, `${event.type} target`);
    }
    ok((sent[0] as ChatpointCodeSentEvent).detail.email);
    equal((errors[0] as ChatpointErrorEvent).detail.code, 'invalid_code');
    equal((done[0] as ChatpointRegisteredEvent).detail.deepLink, registered.deepLink);
  });
});

describe('<chatpoint-register> keyboard', () => {
  it('goes from details to Chat with the keyboard alone', async () => {
    const element = await mount();
    const opened: string[] = [];
    (element as unknown as { navigate(url: string): void }).navigate = (url) => opened.push(url);
    element.focus();
    await sendKeys({ type: 'Ann Lee' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'ann@example.com' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused(element) === element.shadowRoot!.querySelector('#code'), 'focus on the code');
    await sendKeys({ type: '123456' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => element.flow.state === 'done', 'the done step');
    await element.updateComplete;
    equal(focused(element), button(element, 'Chat'));
    await sendKeys({ press: 'Enter' });
    deepEqual(opened, [registered.deepLink]);
  });

  it('does not take focus from the page when it first loads', async () => {
    const outside = document.createElement('input');
    document.body.append(outside);
    outside.focus();
    await mount();
    equal(document.activeElement, outside);
    outside.remove();
  });
});

describe('<chatpoint-register> definition', () => {
  it('loading the script twice does not throw', async () => {
    // A second copy of the module (another URL), like the snippet pasted twice.
    await import(`./chatpoint-register.ts?copy=${Date.now()}`);
    equal(customElements.get('chatpoint-register'), ChatpointRegister);
  });
});
