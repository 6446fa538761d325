import { z } from '@hono/zod-openapi';

export const AccountUser = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    workdomain: z.object({ slug: z.string(), name: z.string() }),
    role: z.enum(['member', 'admin']),
    kind: z.enum(['internal', 'external']),
    mustChangePassword: z
      .boolean()
      .openapi({ description: 'True while the password is still the emailed verification code' }),
  })
  .openapi('AccountUser');

export const Person = z.object({ id: z.string(), name: z.string(), email: z.string() }).openapi('Person');

export const SignedIn = z
  .object({
    sessionToken: z.string().openapi({
      description: 'Send as "Authorization: Bearer <sessionToken>"; the web app uses the cookie',
    }),
    user: AccountUser,
  })
  .openapi('SignedIn');

export const ChatMessage = z
  .object({
    id: z.string(),
    senderId: z.string().nullable().openapi({ description: 'Null for system lines' }),
    body: z.string().openapi({ description: 'Plain text; never interpreted as HTML' }),
    createdAt: z.string().openapi({ example: '2025-01-31T09:30:00.000Z' }),
    kind: z.enum(['text', 'system']),
  })
  .openapi('ChatMessage');

export const Conversation = z
  .object({ id: z.string(), with: Person, lastMessage: ChatMessage.nullable() })
  .openapi('Conversation');

/** For routes that need a session: Bearer token, or the cookie plus a same-origin Origin on writes. */
export const sessionSecurity: Record<string, string[]>[] = [{ sessionBearer: [] }, { sessionCookie: [] }];
