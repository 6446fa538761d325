import { type ParsedMail, simpleParser } from 'mailparser';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { LoopbackSmtpServer } from './loopback-smtp.ts';

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
export class SmtpSink extends LoopbackSmtpServer {
  readonly messages: ReceivedMail[] = [];
  private waiters: (() => void)[] = [];
  /** While true, every message is refused with 451 (to play an outage). */
  refusing = false;

  protected receive(
    stream: SMTPServerDataStream,
    _session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ) {
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
}

/** The 6-digit code in a verification mail. */
export function codeIn(mail: ReceivedMail): string {
  const match = /\b(\d{6})\b/.exec(mail.subject) ?? /\b(\d{6})\b/.exec(mail.text);
  if (!match) throw new Error(`no code in mail "${mail.subject}"`);
  return match[1]!;
}
