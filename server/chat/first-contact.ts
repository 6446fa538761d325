import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { contacts, conversations, messages } from '../db/schema/index.ts';

interface Person {
  id: string;
  name: string;
}

/**
 * Connects a new user with the person in charge, inside the registration's transaction: a contact
 * both ways, their conversation, a system line, and the PIC's welcome message (when there is one)
 * as the last thing the new user reads.
 */
export async function createFirstContact(
  tx: Tx,
  workdomainId: string,
  newUser: Person,
  pic: Person,
  welcomeMessage: string,
) {
  await tx.insert(contacts).values([
    { userId: newUser.id, contactUserId: pic.id },
    { userId: pic.id, contactUserId: newUser.id },
  ]);
  const [userAId, userBId] = [newUser.id, pic.id].sort() as [string, string];
  const [conversation] = await tx
    .insert(conversations)
    .values({ workdomainId, userAId, userBId })
    .returning({ id: conversations.id });
  const conversationId = conversation!.id;
  const systemLine = {
    conversationId,
    senderId: null,
    kind: 'system' as const,
    body: `${newUser.name} registered through the public registration link.`,
  };
  const welcome = welcomeMessage.trim()
    ? [
        {
          conversationId,
          senderId: pic.id,
          kind: 'text' as const,
          body: welcomeMessage,
          // Just after the system line, so the welcome message is what the new user reads last.
          createdAt: sql`now() + interval '1 millisecond'`,
        },
      ]
    : [];
  await tx.insert(messages).values([systemLine, ...welcome]);
  return { conversationId };
}
