import { z } from '@hono/zod-openapi';
import { limits } from './limits.ts';

export const LinkIdParams = z.object({
  linkId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'linkId', in: 'path' }, example: 'q8Yb3m2c0JxTQw1a' }),
});

export const LinkCreate = z
  .strictObject({
    label: z
      .string()
      .trim()
      .min(1)
      .max(limits.linkLabelMaxLength)
      .openapi({ example: 'Spring fair', description: `1 to ${limits.linkLabelMaxLength} characters` }),
  })
  .openapi('RegistrationLinkCreate');

export const RegistrationLinkSchema = z
  .object({
    linkId: z.string(),
    label: z.string().openapi({ example: 'default' }),
    url: z.string().openapi({ example: 'http://localhost:8787/join/q8Yb3m2c0JxTQw1a' }),
    embed: z.string().openapi({ description: 'HTML snippet for a customer web page' }),
    embedPinned: z.string().nullable().openapi({
      description:
        'The snippet with the versioned script URL, integrity and crossorigin; null when the widget is not built',
    }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    registrations: z.number().int().openapi({ description: 'Users who registered through this link' }),
    default: z.boolean().openapi({ description: 'The first link; it cannot be deleted' }),
  })
  .openapi('RegistrationLink');

export const RegistrationLinkListSchema = z
  .object({ links: z.array(RegistrationLinkSchema) })
  .openapi('RegistrationLinkList');

export type RegistrationLink = z.infer<typeof RegistrationLinkSchema>;
