import { sql } from 'drizzle-orm';
import type { PicNoticeMode } from '../../contract/enums.ts';
import type { Language } from '../../contract/languages.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { emailOutbox } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { EMAIL_LEASE_SECONDS, enqueueEmail } from '../mail/outbox.ts';
import type { PicDigestProps } from '../mail/templates/pic-digest.tsx';

interface NewRegistrant {
  pic: { id: string; name: string; email: string; lang: Language };
  registrant: { name: string; email: string };
  workdomainName: string;
  conversationId: string;
  message: string | null;
  /** The workdomain's choice: a mail per registrant, a summary, or nothing. */
  picNotice: PicNoticeMode;
}

/** The shortest time between two summaries to one person in charge. */
export const DIGEST_INTERVAL_MINUTES = 15;

/** Tells the person in charge about a new registrant, inside the registration transaction. */
export async function tellPic(deps: AppDeps, tx: Tx, registration: NewRegistrant) {
  if (registration.picNotice === 'off') return;
  const { pic, registrant, message } = registration;
  const conversationUrl = `${deps.config.publicUrl}/app?conversation=${encodeURIComponent(registration.conversationId)}`;
  if (registration.picNotice === 'digest') {
    const entry = [
      `${registrant.name} <${registrant.email}>`,
      ...(message ? [`“${firstLine(message)}”`] : []),
      conversationUrl,
    ].join('\n');
    await addToDigest(tx, {
      to: pic.email,
      key: `pic-digest:${pic.id}`,
      props: {
        lang: pic.lang,
        picName: pic.name,
        workdomainName: registration.workdomainName,
        count: 1,
        registrantList: entry,
        appUrl: `${deps.config.publicUrl}/app`,
      },
    });
    return;
  }
  await enqueueEmail(tx, {
    to: pic.email,
    template: 'pic-new-registrant',
    props: {
      lang: pic.lang,
      picName: pic.name,
      registrantName: registrant.name,
      registrantEmail: registrant.email,
      workdomainName: registration.workdomainName,
      message: message ?? '',
      hasMessage: Boolean(message),
      conversationUrl,
    },
  });
}

const firstLine = (text: string) => {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
};

/**
 * Adds a registrant to the person in charge's open summary, or opens one, in one statement. An
 * open summary is a pending mail no worker has claimed yet (the partial unique index holds one per
 * PIC); a new one is due at once, or 15 minutes after the last summary went out (or, while one is
 * being sent, after its lease ends), so the PIC gets at most one every 15 minutes however many
 * instances write to it.
 */
async function addToDigest(tx: Queryable, digest: { to: string; key: string; props: PicDigestProps }) {
  const entry = digest.props.registrantList;
  await tx.execute(sql`
    insert into ${emailOutbox} (to_address, template, props, supersede_key, next_attempt_at)
    values (
      ${digest.to}, 'pic-digest', ${JSON.stringify(digest.props)}::jsonb, ${digest.key},
      greatest(now(), (
        -- A summary being sent right now goes out within its lease: count from the lease's end.
        select max(case when status = 'sent' then sent_at else now() + make_interval(secs => ${EMAIL_LEASE_SECONDS}) end)
          + make_interval(mins => ${DIGEST_INTERVAL_MINUTES})
        from ${emailOutbox}
        where supersede_key = ${digest.key} and template = 'pic-digest' and status in ('pending', 'sent')
      ))
    )
    on conflict (supersede_key) where template = 'pic-digest' and status = 'pending' and attempts = 0
    do update set props = ${emailOutbox}.props
      || jsonb_build_object(
        'count', (${emailOutbox}.props->>'count')::int + 1,
        'registrantList', (${emailOutbox}.props->>'registrantList') || ${`\n\n${entry}`}
      )`);
}
