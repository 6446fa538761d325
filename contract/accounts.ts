import { z } from '@hono/zod-openapi';
import { languages } from './languages.ts';

export const AccountUser = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    workdomain: z.object({ slug: z.string(), name: z.string() }),
    role: z.enum(['member', 'admin']),
    kind: z.enum(['internal', 'external']),
    lang: z.enum(languages).openapi({ description: 'The language of this person’s mail and pages' }),
    mustChangePassword: z
      .boolean()
      .openapi({ description: 'True while the password is still the emailed verification code' }),
  })
  .openapi('AccountUser');

export const LanguageChoice = z
  .strictObject({
    lang: z.string().max(35).openapi({
      description:
        'en, zh-Hant, zh-Hans or ja; other BCP 47 tags are mapped (zh-TW → zh-Hant, zh-CN → zh-Hans, else en)',
      example: 'zh-Hant',
    }),
  })
  .openapi('LanguageChoice');

export const Person = z.object({ id: z.string(), name: z.string(), email: z.string() }).openapi('Person');

export const SignedIn = z
  .object({
    sessionToken: z.string().openapi({
      description: 'Send as "Authorization: Bearer <sessionToken>"; the web app uses the cookie',
    }),
    user: AccountUser,
  })
  .openapi('SignedIn');

export const LoginResult = SignedIn.extend({
  mustChangePassword: z.boolean().openapi({
    description: 'True when the password used was the emailed verification code',
  }),
}).openapi('LoginResult');

export const ChatMessage = z
  .object({
    id: z.string(),
    senderId: z.string().nullable().openapi({ description: 'Null for system lines' }),
    body: z.string().openapi({
      description:
        "Plain text; never interpreted as HTML. A system line (kind `system`) is written in the reader's language",
    }),
    createdAt: z.string().openapi({ example: '2025-01-31T09:30:00.000Z' }),
    kind: z.enum(['text', 'system']),
  })
  .openapi('ChatMessage');

export const ConversationPartner = Person.extend({
  active: z.boolean().openapi({ description: 'False once the person was deactivated' }),
}).openapi('ConversationPartner');

export const Conversation = z
  .object({
    id: z.string(),
    with: ConversationPartner,
    unassigned: z.boolean().openapi({
      description:
        'True for an external user whose conversation partner is no longer active while nobody active looks after them yet (until the business chooses a new person in charge)',
    }),
    lastMessage: ChatMessage.nullable(),
    unread: z.number().int().openapi({
      description: "Messages from the other person since you last fetched this conversation's messages",
    }),
  })
  .openapi('Conversation');

export type AccountUser = z.infer<typeof AccountUser>;
export type Person = z.infer<typeof Person>;
export type SignedIn = z.infer<typeof SignedIn>;
export type LoginResult = z.infer<typeof LoginResult>;
export type ChatMessage = z.infer<typeof ChatMessage>;
export type Conversation = z.infer<typeof Conversation>;
