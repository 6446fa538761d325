import type { PicNoticeMode } from '../../contract/enums.ts';
import type { Language } from '../../contract/languages.ts';
import { answerLines, type StoredAnswer } from '../chat/answer-lines.ts';
import type { Tx } from '../db/client.ts';
import type { AppDeps } from '../deps.ts';
import { addToOpenDigest, enqueueEmail } from '../mail/outbox.ts';

interface NewRegistrant {
  pic: { id: string; name: string; email: string; lang: Language };
  registrant: { name: string; email: string };
  workdomainName: string;
  conversationId: string;
  message: string | null;
  /** The registrant's answers to the form's questions, listed in the mail. */
  answers: StoredAnswer[];
  /** The workdomain's choice: a mail per registrant, a summary, or nothing. */
  picNotice: PicNoticeMode;
}

/** Tells the person in charge about a new registrant, inside the registration transaction. */
export async function tellPic(deps: AppDeps, tx: Tx, registration: NewRegistrant) {
  if (registration.picNotice === 'off') return;
  const { pic, registrant, message } = registration;
  const conversationUrl = `${deps.config.publicUrl}/app?conversation=${encodeURIComponent(registration.conversationId)}`;
  if (registration.picNotice === 'digest') {
    const entry = [
      `${registrant.name} <${registrant.email}>`,
      ...(registration.answers.length > 0 ? [answerLines(registration.answers, pic.lang)] : []),
      ...(message ? [`“${firstLine(message)}”`] : []),
      conversationUrl,
    ].join('\n');
    await addToOpenDigest(tx, {
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
      answers: answerLines(registration.answers, pic.lang),
      hasAnswers: registration.answers.length > 0,
      conversationUrl,
    },
  });
}

const firstLine = (text: string) => {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
};
