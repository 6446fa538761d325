// A scripted stand-in for the registration API at the network boundary (globalThis.fetch), answering
// with the JSON and status codes of docs/api.md. The end-to-end tests use the real server.

export type Route = 'info' | 'challenge' | 'start' | 'resend' | 'verify';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A reply, `'network'` for a failed connection, or a promise to hold the answer back. */
export type Script = Reply | 'network' | Promise<Reply>;

export interface RecordedRequest {
  route: Route;
  url: string;
  init: RequestInit;
  body: Record<string, unknown> | undefined;
}

export const registered = {
  user: { id: 'user-1', name: 'Ann Lee', email: 'ann@example.com' },
  loginToken: 'login-token',
  deepLink: 'https://chat.example/app/open?token=login-token',
  webUrl: 'https://chat.example/app#token=login-token',
};

export function apiError(
  status: number,
  code: string,
  message = code,
  headers?: Record<string, string>,
  details?: Record<string, number>,
): Reply {
  return { status, body: { error: details ? { code, message, details } : { code, message } }, headers };
}

/** A reply held back until the test calls `answer`: shows what the widget does while it waits. */
export function held(): { reply: Promise<Reply>; answer: (reply: Reply) => void } {
  let answer!: (reply: Reply) => void;
  const reply = new Promise<Reply>((resolve) => {
    answer = resolve;
  });
  return { reply, answer };
}

export class FakeRegistrationServer {
  readonly requests: RecordedRequest[] = [];
  #scripts: Record<Route, Script[]> = {
    info: [
      {
        status: 200,
        body: { workdomain: { name: 'Acme Support' }, open: true, message: 'off', challenge: false },
      },
    ],
    challenge: [{ status: 404, body: { error: { code: 'not_found', message: 'no challenge scripted' } } }],
    start: [{ status: 202, body: { registrationId: 'reg-1', resendAfter: 60, expiresIn: 600 } }],
    resend: [{ status: 202, body: { resendAfter: 60, expiresIn: 600 } }],
    verify: [{ status: 201, body: registered }],
  };
  #original?: typeof fetch;

  constructor(readonly link = 'L1') {}

  /** Answers the next requests to `route` in order; the last answer repeats. */
  reply(route: Route, ...scripts: Script[]): this {
    this.#scripts[route] = scripts;
    return this;
  }

  calls(route: Route): RecordedRequest[] {
    return this.requests.filter((request) => request.route === route);
  }

  install(): this {
    this.#original = globalThis.fetch;
    globalThis.fetch = (input, init = {}) => this.#answer(String(input), init);
    return this;
  }

  uninstall(): void {
    if (this.#original) globalThis.fetch = this.#original;
  }

  async #answer(url: string, init: RequestInit): Promise<Response> {
    const match = new URL(url).pathname.match(
      /^\/api\/registrations\/([^/]+)(?:\/(challenge|start|resend|verify))?$/,
    );
    if (!match) throw new TypeError(`unexpected request ${url}`);
    const route = (match[2] ?? 'info') as Route;
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ route, url, init, body });
    if (decodeURIComponent(match[1]!) !== this.link) return respond(apiError(404, 'link_not_found'));
    const queue = this.#scripts[route];
    const script = queue.length > 1 ? queue.shift()! : queue[0]!;
    if (script === 'network') throw new TypeError('Failed to fetch');
    return respond(await script);
  }
}

function respond({ status, body, headers }: Reply): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
