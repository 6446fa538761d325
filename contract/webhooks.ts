import { z } from '@hono/zod-openapi';
import { type WebhookEventType, webhookEventTypes } from './enums.ts';
import { limits } from './limits.ts';

export { type WebhookEventType, webhookEventTypes };
export type WebhookMessageType = WebhookEventType | 'webhook.test';

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

export const WebhookIdParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' }, example: '0b7c3f9e-1d2a-4c5b-8e6f-7a8b9c0d1e2f' }),
});

export const WebhookCreate = z
  .strictObject({
    url: z
      .string()
      .max(limits.webhookUrlMaxLength)
      .openapi({ example: 'https://example.com/chatpoint/webhook', description: 'https only' }),
    events: z
      .array(z.enum(webhookEventTypes))
      .min(1)
      .optional()
      .openapi({ description: 'Events to send; every event when absent' }),
  })
  .openapi('WebhookCreate');

export const WebhookCreatedSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(webhookEventTypes)),
    secret: z.string().openapi({
      example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      description: 'Verifies the webhook-signature header. Shown only in this answer.',
    }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('WebhookCreated');

export const WebhookDeliverySchema = z
  .object({
    id: z.string().openapi({ description: 'Also the webhook-id header, without its msg_ prefix' }),
    type: z.string().openapi({ example: 'user.registered' }),
    status: z.enum(webhookDeliveryStatuses),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable().openapi({ description: "The receiver's last HTTP status" }),
    lastError: z.string().nullable(),
    lastResponse: z.string().nullable().openapi({ description: 'Up to 256 bytes of the last response body' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    nextAttemptAt: z.string().nullable().openapi({ format: 'date-time', description: 'While pending' }),
  })
  .openapi('WebhookDelivery');

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(webhookEventTypes)),
    createdAt: z.string().openapi({ format: 'date-time' }),
    deliveries: z
      .array(WebhookDeliverySchema)
      .openapi({ description: 'The latest deliveries, newest first' }),
  })
  .openapi('Webhook');

export const WebhookListSchema = z.object({ webhooks: z.array(WebhookSchema) }).openapi('WebhookList');

export const WebhookTestQueuedSchema = z.object({ deliveryId: z.string() }).openapi('WebhookTestQueued');

export type WebhookCreate = z.infer<typeof WebhookCreate>;
export type WebhookCreated = z.infer<typeof WebhookCreatedSchema>;
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export type Webhook = z.infer<typeof WebhookSchema>;
