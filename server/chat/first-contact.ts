import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Language } from '../../contract/languages.ts';
import type { Tx } from '../db/client.ts';
import { pipeline } from '../db/pipeline.ts';
import { contacts, conversations, messages } from '../db/schema/index.ts';
import type { StoredAnswer } from './answer-lines.ts';
import { systemLine } from './system-lines.ts';
import { type WelcomeMessages, welcomeMessageFor } from './welcome-message.ts';

interface Person {
  id: string;
  name: string;
}

export interface FirstContactLines {
  workdomainName: string;
  /** How the registrant came: the widget on the business's site, or the hosted registration page. */
  via: 'site' | 'page';
  /** The PIC's default welcome message; empty for none. */
  welcomeMessage: string;
  /** The PIC's welcome message per language, and the registrant's language that picks one. */
  welcomeMessages: WelcomeMessages;
  lang: Language;
  /** The registrant's first message to the PIC, or null. */
  firstMessage: string | null;
  /** The registrant's answers to the form's questions, listed under the line announcing them. */
  answers: StoredAnswer[];
}

// Lines written in one transaction share now(); these offsets keep their reading order.
const after = (milliseconds: 1 | 2) => sql.raw(`now() + interval '${milliseconds} milliseconds'`);

/**
 * Connects a new user with the person in charge, inside the registration's transaction: a contact
 * both ways, their conversation, a system line both of them see, the PIC's welcome message (when
 * there is one), and then the registrant's own first message (when there is one).
 */
export async function createFirstContact(
  tx: Tx,
  workdomainId: string,
  newUser: Person,
  pic: Person,
  lines: FirstContactLines,
) {
  const [userAId, userBId] = [newUser.id, pic.id].sort() as [string, string];
  const conversationId = randomUUID();
  const joinedLine = {
    conversationId,
    ...systemLine({
      type: 'joined',
      user: { id: newUser.id, name: newUser.name },
      workdomain: { name: lines.workdomainName },
      via: lines.via,
      ...(lines.answers.length > 0 ? { answers: lines.answers } : {}),
    }),
  };
  const welcomeMessage = welcomeMessageFor(lines.lang, lines.welcomeMessages, lines.welcomeMessage);
  const welcome = welcomeMessage.trim()
    ? [
        {
          conversationId,
          senderId: pic.id,
          kind: 'text' as const,
          body: welcomeMessage,
          createdAt: after(1),
        },
      ]
    : [];
  const first = lines.firstMessage
    ? [
        {
          conversationId,
          senderId: newUser.id,
          kind: 'text' as const,
          body: lines.firstMessage,
          createdAt: after(2),
        },
      ]
    : [];
  // Sent together and run in this order, so each row finds the ones it refers to.
  await pipeline([
    tx.insert(contacts).values([
      { userId: newUser.id, contactUserId: pic.id },
      { userId: pic.id, contactUserId: newUser.id },
    ]),
    tx.insert(conversations).values({ id: conversationId, workdomainId, userAId, userBId }),
    tx.insert(messages).values([joinedLine, ...welcome, ...first]),
  ]);
  return { conversationId };
}

/**
 * A returning member's message to the person in charge, in their existing conversation. When the
 * PIC has changed since they joined, the contact and conversation with the new PIC are made first.
 */
export async function postToPic(tx: Tx, workdomainId: string, member: Person, pic: Person, body: string) {
  await tx
    .insert(contacts)
    .values([
      { userId: member.id, contactUserId: pic.id },
      { userId: pic.id, contactUserId: member.id },
    ])
    .onConflictDoNothing();
  const [userAId, userBId] = [member.id, pic.id].sort() as [string, string];
  await tx.insert(conversations).values({ workdomainId, userAId, userBId }).onConflictDoNothing();
  const [conversation] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.userAId, userAId), eq(conversations.userBId, userBId)));
  const conversationId = conversation!.id;
  await tx.insert(messages).values({ conversationId, senderId: member.id, kind: 'text', body });
  return { conversationId };
}
