/**
 * A ChatPoint webhook receiver in plain Node (node:http) with the Standard Webhooks library.
 *
 *   npm install standardwebhooks
 *   WEBHOOK_SECRET=whsec_… PORT=3000 npx tsx webhook-receiver.ts
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { pathToFileURL } from 'node:url';
import { Webhook } from 'standardwebhooks';

export type ChatPointEvent =
  | {
      type: 'user.registered';
      timestamp: string;
      data: {
        user: { id: string; name: string; email: string };
        workdomain: { slug: string; name: string };
        linkId: string;
        message: string | null;
      };
    }
  | { type: 'registration.opened'; timestamp: string; data: { workdomain: { slug: string; name: string } } }
  | {
      type: 'registration.closed';
      timestamp: string;
      data: {
        reason: 'manual' | 'pic_unavailable' | 'capacity_reached';
        workdomain: { slug: string; name: string };
      };
    }
  | { type: 'webhook.test'; timestamp: string; data: { webhookId: string; message: string } };

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Verifies each call with the endpoint's secret (401 when the signature, or a timestamp more than
 * five minutes off, does not check out), hands each message to `onEvent` once, and answers 204.
 * When `onEvent` throws, the answer is 500 and ChatPoint tries again later.
 */
export function createWebhookReceiver(
  secret: string,
  onEvent: (event: ChatPointEvent, messageId: string) => void | Promise<void>,
) {
  const webhook = new Webhook(secret);
  // Calls are delivered at least once: remember what was handled (use a database table in production).
  const handled = new Set<string>();

  return createServer((request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', async () => {
      // Verify the exact bytes received, before parsing them.
      const body = Buffer.concat(chunks).toString('utf8');
      let event: ChatPointEvent;
      try {
        event = webhook.verify(body, headersOf(request.headers)) as ChatPointEvent;
      } catch {
        response.writeHead(401).end('invalid signature');
        return;
      }
      const messageId = String(request.headers['webhook-id']);
      try {
        if (!handled.has(messageId)) {
          await onEvent(event, messageId);
          handled.add(messageId);
        }
        response.writeHead(204).end();
      } catch {
        response.writeHead(500).end('try again later');
      }
    });
  });
}

const headersOf = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const secret = process.env.WEBHOOK_SECRET;
  if (!secret) throw new Error('Set WEBHOOK_SECRET to the whsec_… secret shown when the webhook was added.');
  const port = Number(process.env.PORT ?? 3000);
  createWebhookReceiver(secret, (event) => {
    if (event.type === 'user.registered') {
      console.log(
        `${event.data.user.name} <${event.data.user.email}> registered via link ${event.data.linkId}`,
      );
    } else {
      console.log(event.type, JSON.stringify(event.data));
    }
  }).listen(port, () => console.log(`Listening for ChatPoint webhooks on port ${port}`));
}
