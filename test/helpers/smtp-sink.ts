import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  raw: string;
  headers: ParsedMail['headers'];
}

/** A real SMTP server on a free loopback port that keeps what it receives. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private waiters: (() => void)[] = [];
  private server: SMTPServer;
  port = 0;
  /** While true, every message is refused with 451 (to play an outage). */
  refusing = false;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          if (this.refusing) {
            callback(Object.assign(new Error('Service unavailable, try later'), { responseCode: 451 }));
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          const parsed = await simpleParser(raw);
          const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
          this.messages.push({
            to: to ?? '',
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            raw,
            headers: parsed.headers,
          });
          for (const wake of this.waiters.splice(0)) wake();
          callback();
        });
      },
    });
  }

  async start(): Promise<this> {
    // A client that hangs up mid-conversation (as during an outage) is not a test failure.
    this.server.on('error', () => {});
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits for a message to `to` (and matching `filter`) that arrived after `skip` earlier ones. */
  async waitFor(
    to: string,
    filter: (mail: ReceivedMail) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(
        (mail) => mail.to.toLowerCase().includes(to.toLowerCase()) && filter(mail),
      );
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  all(to: string): ReceivedMail[] {
    return this.messages.filter((mail) => mail.to.toLowerCase().includes(to.toLowerCase()));
  }

  async stop() {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The 6-digit code in a verification mail. */
export function codeIn(mail: ReceivedMail): string {
  const match = /\b(\d{6})\b/.exec(mail.subject) ?? /\b(\d{6})\b/.exec(mail.text);
  if (!match) throw new Error(`no code in mail "${mail.subject}"`);
  return match[1]!;
}
