import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status this receiver answered with. */
  answered: number;
}

/**
 * A real HTTP receiver on a free 127.0.0.1 port that keeps every call. `answer` decides the
 * status of each call (default 200); `respondWith` sets the body sent back.
 */
export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  answer: (call: Omit<ReceivedCall, 'answered'>, index: number) => number = () => 200;
  respondWith = 'ok';
  extraHeaders: Record<string, string> = {};
  private server: Server;
  port = 0;

  constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const call = {
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString(),
        };
        const answered = this.answer(call, this.calls.length);
        this.calls.push({ ...call, answered });
        response.writeHead(answered, { 'content-type': 'text/plain; charset=utf-8', ...this.extraHeaders });
        response.end(this.respondWith);
      });
    });
  }

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(path = '/hook') {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Calls whose body has this event type. */
  ofType(type: string) {
    return this.calls.filter((call) => JSON.parse(call.body).type === type);
  }

  /** Waits until `predicate` holds over the calls so far. */
  async waitUntil(
    predicate: (calls: ReceivedCall[]) => boolean,
    timeoutMs = 15_000,
  ): Promise<ReceivedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) {
        throw new Error(
          `receiver: condition not met within ${timeoutMs} ms; ${this.calls.length} calls so far`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return this.calls;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
