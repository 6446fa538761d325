import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'dev-mailbox';
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function createSmtpTransport(smtpUrl: string): MailTransport {
  // Pooled: a mail per registration must not cost a new SMTP connection and handshake each.
  const transporter = nodemailer.createTransport(`${smtpUrl}${smtpUrl.includes('?') ? '&' : '?'}pool=true`);
  return {
    kind: 'smtp',
    async send(email) {
      await transporter.sendMail({ ...email, disableUrlAccess: true, disableFileAccess: true });
    },
    close: () => transporter.close(),
  };
}

export interface StoredEmail extends OutgoingEmail {
  id: string;
  receivedAt: string;
}

/** Keeps mail as JSON files under DATA_DIR/mailbox for /dev/mailbox, when no SMTP server is set. */
export class DevMailbox implements MailTransport {
  readonly kind = 'dev-mailbox';
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'mailbox');
    mkdirSync(this.dir, { recursive: true });
  }

  async send(email: OutgoingEmail): Promise<void> {
    const receivedAt = new Date().toISOString();
    const id = `${receivedAt.replace(/[^0-9]/g, '')}-${randomUUID().slice(0, 8)}`;
    const stored: StoredEmail = { ...email, id, receivedAt };
    writeFileSync(path.join(this.dir, `${id}.json`), JSON.stringify(stored));
  }

  /** Newest first. */
  list(limit = 100): StoredEmail[] {
    return readdirSync(this.dir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .reverse()
      .slice(0, limit)
      .map((file) => JSON.parse(readFileSync(path.join(this.dir, file), 'utf8')) as StoredEmail);
  }

  get(id: string): StoredEmail | undefined {
    if (!/^[0-9]+-[0-9a-f]{8}$/.test(id)) return undefined;
    try {
      return JSON.parse(readFileSync(path.join(this.dir, `${id}.json`), 'utf8')) as StoredEmail;
    } catch {
      return undefined;
    }
  }

  close(): void {}
}
