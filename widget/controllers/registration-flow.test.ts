/// <reference types="mocha" />
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { equal, includes, rejects } from '../testing/assert.ts';
import { FakeRegistrationServer, type Reply } from '../testing/fake-registration-server.ts';
import { waitFor } from '../testing/fixture.ts';
import { FlowState, RegistrationFlow } from './registration-flow.ts';

class Host extends EventTarget implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
}

let server: FakeRegistrationServer;

beforeEach(() => {
  server = new FakeRegistrationServer().install();
});

afterEach(() => {
  server.uninstall();
  // A verified registration is kept for a reload; each test starts afresh.
  sessionStorage.clear();
});

describe('RegistrationFlow', () => {
  it('names its states', () => {
    equal(Object.values(FlowState).join(), 'loading,closed,not_found,details,code,done,failed');
  });

  it('walks details → code → done and asks its host to render', async () => {
    const host = new Host();
    const flow = new RegistrationFlow(host);
    equal(host.controllers[0], flow);
    await flow.load('https://api.chat.example', 'L1');
    equal(flow.state, FlowState.details);
    equal(flow.workdomain, 'Acme Support');
    await flow.start(' Ann ', ' ann@example.com ');
    equal(flow.state, FlowState.code);
    equal(flow.name, 'Ann');
    await flow.verify('123-456');
    equal(flow.state, FlowState.done);
    equal(server.calls('verify')[0]!.body!.code, '123456');
    equal(host.updates > 0, true);
  });

  it('refuses moves that are not in its table', async () => {
    const flow = new RegistrationFlow(new Host());
    await flow.load('https://api.chat.example', 'L1');
    await flow.start('Ann', 'ann@example.com');
    await flow.verify('123456');
    const error = (await rejects(Promise.resolve().then(() => flow.edit()))) as Error;
    includes(error.message, 'done → details');
  });

  it('keeps only the answer of the latest load', async () => {
    let answerFirst!: (reply: Reply) => void;
    server.reply(
      'info',
      new Promise<Reply>((resolve) => {
        answerFirst = resolve;
      }),
      { status: 200, body: { workdomain: { name: 'Second' }, open: true } },
    );
    const flow = new RegistrationFlow(new Host());
    const first = flow.load('https://api.chat.example', 'L1');
    await flow.load('https://api.chat.example', 'L1');
    answerFirst({ status: 200, body: { workdomain: { name: 'First' }, open: false } });
    await first;
    equal(flow.workdomain, 'Second');
    equal(flow.state, FlowState.details);
  });

  it('ignores a second submit while one is under way', async () => {
    const flow = new RegistrationFlow(new Host());
    await flow.load('https://api.chat.example', 'L1');
    const one = flow.start('Ann', 'ann@example.com');
    const two = flow.start('Ann', 'ann@example.com');
    await Promise.all([one, two]);
    equal(server.calls('start').length, 1);
  });

  it('stops the resend countdown when the host disconnects and resumes it on reconnect', async () => {
    const flow = new RegistrationFlow(new Host());
    await flow.load('https://api.chat.example', 'L1');
    await flow.start('Ann', 'ann@example.com');
    await flow.resend();
    equal(flow.resendWait, 60);
    flow.hostDisconnected();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    equal(flow.resendWait, 60);
    flow.hostConnected();
    await waitFor(() => flow.resendWait === 59, 'the countdown');
    flow.hostDisconnected();
  });
});
