/// <reference types="mocha" />
import { equal } from './testing/assert.ts';
import { FakeRegistrationServer } from './testing/fake-registration-server.ts';

// The shipped file (dist/widget/chatpoint-register.js from `vite build`), not the sources.
const bundle = '/dist/widget/chatpoint-register.js';

describe('the built widget bundle', () => {
  let server: FakeRegistrationServer;

  before(async () => {
    if (!(await fetch(bundle, { method: 'HEAD' })).ok)
      throw new Error(`${bundle} is missing: run npm run build first.`);
  });

  beforeEach(() => {
    server = new FakeRegistrationServer().install();
  });

  afterEach(() => server.uninstall());

  it('defines <chatpoint-register>, renders the details form and registers', async () => {
    const loaded = await import(/* @vite-ignore */ bundle);
    equal(customElements.get('chatpoint-register'), loaded.ChatpointRegister);
    const element = document.createElement('chatpoint-register');
    element.setAttribute('link', 'L1');
    element.setAttribute('endpoint', 'https://api.chat.example');
    const seen: string[] = [];
    for (const type of ['chatpoint-code-sent', 'chatpoint-registered'] as const) {
      document.addEventListener(type, () => seen.push(type));
    }
    document.body.append(element);
    const root = element.shadowRoot!;
    const until = async (selector: string) => {
      for (let i = 0; i < 300 && !root.querySelector(selector); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return root.querySelector<HTMLInputElement>(selector)!;
    };
    (await until('#name')).value = 'Ann Lee';
    (await until('#email')).value = 'ann@example.com';
    root.querySelector('form')!.requestSubmit();
    (await until('#code')).value = '123456';
    root.querySelector('form')!.requestSubmit();
    await until('[part="message"] + [part="actions"] button');
    equal(root.querySelector('[part="actions"] button')!.textContent, 'Chat');
    equal(seen.join(), 'chatpoint-code-sent,chatpoint-registered');
    element.remove();
  });
});
