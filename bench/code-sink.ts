import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { LoopbackSmtpServer } from '../test/helpers/loopback-smtp.ts';

/**
 * A real SMTP server for the benchmark that keeps only the latest code per recipient. It reads
 * the code from the Subject header instead of parsing MIME, so the driver stays cheap.
 */
export class CodeSink extends LoopbackSmtpServer {
  private codes = new Map<string, string>();
  private waiters = new Map<string, (code: string) => void>();
  mails = 0;

  protected receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ) {
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
}
