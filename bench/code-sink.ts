import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for the benchmark that keeps only the latest code per recipient. It reads
 * the code from the Subject header instead of parsing MIME, so the driver stays cheap.
 */
export class CodeSink {
  private codes = new Map<string, string>();
  private waiters = new Map<string, (code: string) => void>();
  mails = 0;
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        this.mails++;
        const code = /^Subject: (\d{6}) /m.exec(head)?.[1];
        for (const rcpt of session.envelope.rcptTo) {
          const to = rcpt.address.toLowerCase();
          if (!code) continue;
          const waiter = this.waiters.get(to);
          if (waiter) {
            this.waiters.delete(to);
            waiter(code);
          } else this.codes.set(to, code);
        }
        callback();
      });
    },
  });
  port = 0;

  async start() {
    this.server.on('error', () => {});
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  code(email: string, timeoutMs = 30_000): Promise<string> {
    const key = email.toLowerCase();
    const ready = this.codes.get(key);
    if (ready) {
      this.codes.delete(key);
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        reject(new Error(`no code for ${email}`));
      }, timeoutMs);
      this.waiters.set(key, (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
