/// <reference types="mocha" />
import { deepEqual, equal, ok } from '../testing/assert.ts';
import { apiError, FakeRegistrationServer } from '../testing/fake-registration-server.ts';
import { $, $$, alertText, mount, settled, typeInto, unmountAll, waitFor } from '../testing/fixture.ts';

const privacyInfo = {
  workdomain: { name: 'Acme Support' },
  open: true,
  message: 'off',
  challenge: false,
  privacyPolicyUrl: 'https://acme.example/privacy',
  termsUrl: 'https://acme.example/terms',
  consentRequired: true,
  policyVersion: '1',
  marketingOptIn: true,
  fields: [
    { key: 'company', label: { en: 'Company', ja: '会社名' }, type: 'text', required: true },
    {
      key: 'heard_from',
      label: { en: 'How did you hear of us?', ja: 'きっかけ' },
      type: 'select',
      required: false,
      options: ['Friend', 'Search'],
    },
  ],
};

let server: FakeRegistrationServer;
beforeEach(() => {
  server = new FakeRegistrationServer().install();
});
afterEach(() => {
  unmountAll();
  server.uninstall();
});

const check = (element: HTMLElement & { shadowRoot: ShadowRoot | null }, id: string) =>
  element.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`);

describe('<chatpoint-register> notice, consent and questions', () => {
  it('loads nothing more for a link without them', async () => {
    const element = await mount();
    equal(element.flow.x, undefined);
    equal(check(element, 'consent'), null);
    equal(check(element, 'marketing'), null);
  });

  it('shows the links (new tab), unticked boxes and the questions in the registrant’s language', async () => {
    server.reply('info', { status: 200, body: privacyInfo });
    const element = await mount({ lang: 'ja' });
    await waitFor(() => element.shadowRoot!.querySelector('#consent') !== null, 'the consent checkbox');
    const links = $$(element, 'a[part="link"]');
    deepEqual(
      links.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.textContent]),
      [
        ['https://acme.example/terms', '_blank', '利用規約'],
        ['https://acme.example/privacy', '_blank', 'プライバシーポリシー'],
      ],
    );
    equal(check(element, 'consent')!.checked, false);
    ok(check(element, 'consent')!.required);
    equal(check(element, 'marketing')!.checked, false);
    equal($(element, 'label[for="x-company"]').textContent, '会社名');
    equal($(element, 'label[for="x-heard_from"]').textContent, 'きっかけ');
  });

  it('sends the answers with start, and shows a refusal beside its control', async () => {
    server.reply('info', { status: 200, body: privacyInfo });
    server.reply(
      'start',
      apiError(422, 'invalid_field', 'invalid_field', undefined, { field: 'company' } as never),
      apiError(422, 'consent_required', 'consent_required', undefined, { field: 'consent' } as never),
    );
    const element = await mount();
    await waitFor(() => element.shadowRoot!.querySelector('#consent') !== null, 'the consent checkbox');
    typeInto(element, '#name', 'Ann Lee');
    typeInto(element, '#email', 'ann@example.com');
    typeInto(element, '#x-company', 'Acme KK');
    const select = $<HTMLSelectElement>(element, '#x-heard_from');
    select.value = 'Friend';
    select.dispatchEvent(new Event('change'));
    const consent = check(element, 'consent')!;
    consent.click();
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settled(element);
    deepEqual(server.calls('start').at(-1)?.body, {
      name: 'Ann Lee',
      email: 'ann@example.com',
      lang: 'en',
      consent: true,
      marketing: false,
      fields: { company: 'Acme KK', heard_from: 'Friend' },
    });
    equal(alertText(element, 'company'), 'Please check this answer.');
    equal($(element, '#x-company').getAttribute('aria-invalid'), 'true');
    equal(alertText(element, 'form'), '');

    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settled(element);
    equal(alertText(element, 'consent'), 'Please agree to register.');
    equal(element.flow.state, 'details');
    check(element, 'consent')!.click();
    await element.updateComplete;
    equal(alertText(element, 'consent'), '', 'a ticked box drops its error');
  });
});
