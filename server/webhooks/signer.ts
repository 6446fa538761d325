import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new endpoint secret: `whsec_` and 24 random bytes in base64, as Standard Webhooks expects. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** The message id a receiver deduplicates on: the same for every retry of one delivery. */
export const messageId = (deliveryId: string) => `msg_${deliveryId}`;

/** The three Standard Webhooks headers for one attempt; the signature covers id, timestamp and body. */
export function signatureHeaders(secret: string, msgId: string, body: string, at: Date = new Date()) {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(msgId, at, body),
  };
}
