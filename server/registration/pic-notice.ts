import type { Language } from '../../contract/languages.ts';
import { answerLines, type StoredAnswer } from '../chat/answer-lines.ts';
import type { Tx } from '../db/client.ts';
import type { AppDeps } from '../deps.ts';
import { enqueueEmail } from '../mail/outbox.ts';

interface NewRegistrant {
  pic: { name: string; email: string; lang: Language };
  registrant: { name: string; email: string };
  workdomainName: string;
  conversationId: string;
  message: string | null;
  answers: StoredAnswer[];
}

/** Mails the person in charge about a new registrant, inside the registration transaction. */
export async function tellPic(deps: AppDeps, tx: Tx, registration: NewRegistrant) {
  const { pic, registrant, message } = registration;
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
      conversationUrl: `${deps.config.publicUrl}/app?conversation=${encodeURIComponent(registration.conversationId)}`,
    },
  });
}
