/// <reference types="mocha" />
import { emulateMedia } from '@web/test-runner-commands';
import type { ChatpointRegister } from './chatpoint-register.ts';
import { deepEqual } from './testing/assert.ts';
import { seriousViolations } from './testing/axe.ts';
import { apiError, FakeRegistrationServer, held, registered } from './testing/fake-registration-server.ts';
import { mount, place, submitCode, submitDetails, toCodeStep, unmountAll } from './testing/fixture.ts';

let server: FakeRegistrationServer;

beforeEach(() => {
  server = new FakeRegistrationServer().install();
});

afterEach(async () => {
  unmountAll();
  server.uninstall();
  await emulateMedia({ colorScheme: 'light' });
});

async function expectNoSeriousViolations(element: ChatpointRegister): Promise<void> {
  await element.updateComplete;
  deepEqual(await seriousViolations(element), [], 'serious or critical axe violations');
}

// Every view of the widget, each reached the way a registrant reaches it.
const views: Record<string, () => Promise<ChatpointRegister>> = {
  loading: async () => {
    server.reply('info', held().reply);
    return place();
  },
  details: () => mount(),
  'details with errors': async () => {
    server.reply('start', apiError(422, 'invalid_email'));
    const element = await mount();
    await submitDetails(element, 'Ann', 'ann@');
    return element;
  },
  code: async () => {
    const element = await mount();
    await toCodeStep(element);
    return element;
  },
  'code with error and countdown': async () => {
    server.reply('verify', apiError(422, 'invalid_code', '2 tries left', undefined, { triesLeft: 2 }));
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '000000');
    return element;
  },
  'details with a message field': async () => {
    server.reply('info', {
      status: 200,
      body: { workdomain: { name: 'Acme' }, open: true, message: 'required' },
    });
    server.reply('start', apiError(422, 'invalid_message'));
    const element = await mount();
    await submitDetails(element);
    return element;
  },
  'welcome back': async () => {
    server.reply('verify', { status: 200, body: registered });
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '123456');
    return element;
  },
  'code expired': async () => {
    server.reply('verify', apiError(410, 'code_expired'));
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '123456');
    return element;
  },
  done: async () => {
    const element = await mount();
    await toCodeStep(element);
    await submitCode(element, '123456');
    return element;
  },
  closed: () => {
    server.reply('info', { status: 200, body: { workdomain: { name: 'Acme' }, open: false } });
    return mount();
  },
  'not found': () => mount({ link: 'missing' }),
  failed: () => {
    server.reply('info', 'network');
    return mount();
  },
};

for (const [theme, scheme] of [
  ['light', 'light'],
  ['dark', 'dark'],
  ['auto', 'dark'],
] as const) {
  describe(`<chatpoint-register> accessibility (theme ${theme}, ${scheme} scheme)`, () => {
    beforeEach(() => emulateMedia({ colorScheme: scheme }));
    for (const [view, reach] of Object.entries(views)) {
      it(`has no serious or critical axe violations: ${view}`, async () => {
        const element = await reach();
        element.setAttribute('theme', theme);
        await expectNoSeriousViolations(element);
      });
    }
  });
}
