import { createRoute, z } from '@hono/zod-openapi';
import { ChatMessage, Conversation } from '../../contract/accounts.ts';
import type { AppDeps } from '../deps.ts';
import { requireSession } from '../http/auth.ts';
import { createRouter } from '../http/router.ts';
import { errorResponses, jsonBody, jsonContent, sessionSecurity } from '../http/schemas.ts';
import { listConversations, listMessages, MESSAGE_PAGE_SIZE, postMessage } from './chat.ts';

const tags = ['Chat'];
const ConversationParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const conversationsRoute = createRoute({
  method: 'get',
  path: '/api/conversations',
  tags,
  summary: 'Your conversations, newest activity first',
  security: sessionSecurity,
  responses: {
    200: jsonContent(z.object({ conversations: z.array(Conversation) }).openapi('Conversations'), 'List'),
    ...errorResponses(401),
  },
});

const messagesRoute = createRoute({
  method: 'get',
  path: '/api/conversations/{id}/messages',
  tags,
  summary: 'Messages, oldest first',
  description: `Without "after": the latest ${MESSAGE_PAGE_SIZE}. With "after" (a message id or an ISO time): the next ${MESSAGE_PAGE_SIZE} after it, for polling.`,
  security: sessionSecurity,
  request: {
    params: ConversationParams,
    query: z.object({
      after: z
        .string()
        .max(64)
        .optional()
        .openapi({ param: { name: 'after', in: 'query' }, description: 'Message id or ISO 8601 time' }),
    }),
  },
  responses: {
    200: jsonContent(z.object({ messages: z.array(ChatMessage) }).openapi('ChatMessages'), 'Messages'),
    ...errorResponses(400, 401, 404),
  },
});

const postMessageRoute = createRoute({
  method: 'post',
  path: '/api/conversations/{id}/messages',
  tags,
  summary: 'Send a text message (1 to 4000 characters)',
  security: sessionSecurity,
  request: {
    params: ConversationParams,
    body: jsonBody(z.strictObject({ body: z.string().max(16_384) }).openapi('NewChatMessage')),
  },
  responses: {
    201: jsonContent(ChatMessage, 'Sent'),
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

export function chatRoutes(deps: AppDeps) {
  const app = createRouter();
  const signedIn = requireSession(deps);
  app.openapi({ ...conversationsRoute, middleware: signedIn }, async (c) => {
    return c.json({ conversations: await listConversations(deps.db, c.get('session').user) }, 200);
  });
  app.openapi({ ...messagesRoute, middleware: signedIn }, async (c) => {
    const { id } = c.req.valid('param');
    const reader = c.get('session').user;
    return c.json({ messages: await listMessages(deps.db, id, reader, c.req.valid('query').after) }, 200);
  });
  app.openapi({ ...postMessageRoute, middleware: signedIn }, async (c) => {
    const userId = c.get('session').user.id;
    const message = await postMessage(deps.db, c.req.valid('param').id, userId, c.req.valid('json').body);
    return c.json(message, 201);
  });
  return app;
}
