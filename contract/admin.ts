import { z } from '@hono/zod-openapi';
import { closedReasons, userKinds, userRoles, userStatuses } from './enums.ts';
import { limits } from './limits.ts';

const UserId = z.string().uuid().openapi({ example: '5d0f6a8e-2b7c-4f1e-9a3d-7c2b1e0f9a11' });

export const UserIdParams = z.object({
  id: UserId.openapi({ param: { name: 'id', in: 'path' } }),
});

export const RegistrationSettingsSchema = z
  .object({
    open: z.boolean().openapi({ description: 'Whether the link accepts new registrants right now' }),
    closedReason: z
      .enum(closedReasons)
      .nullable()
      .openapi({ description: 'Why registration is closed; null while open or before the first open' }),
    plan: z.string().openapi({ description: 'free, standard, pro or enterprise', example: 'pro' }),
    pic: z
      .object({ id: z.string(), name: z.string(), email: z.string() })
      .nullable()
      .openapi({ description: 'The person in charge: every new user gets a direct contact with them' }),
    welcomeMessage: z.string().openapi({ description: 'Sent by the PIC to each new user; may be empty' }),
    linkId: z.string().nullable().openapi({ description: 'Created on the first open; null before that' }),
    url: z.string().nullable().openapi({ example: 'http://localhost:8787/join/q8Yb3m2c0JxTQw1a' }),
    embed: z.string().nullable().openapi({ description: 'HTML snippet for a customer web page' }),
    capacity: z.object({
      used: z.number().int().openapi({ description: 'Active external users' }),
      limit: z.number().int().openapi({ description: "The workdomain's external-user limit" }),
    }),
  })
  .openapi('RegistrationSettings');

export const RegistrationSettingsChange = z
  .strictObject({
    picUserId: UserId.optional().openapi({ description: 'An active internal user of this workdomain' }),
    welcomeMessage: z
      .string()
      .optional()
      .openapi({ description: `At most ${limits.welcomeMessageMaxLength} characters; "" for none` }),
  })
  .openapi('RegistrationSettingsChange');

export const AdminUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    kind: z.enum(userKinds),
    role: z.enum(userRoles),
    status: z.enum(userStatuses),
    createdAt: z.string().openapi({ format: 'date-time' }),
    registeredViaLink: z.boolean().openapi({ description: 'Joined through the public registration link' }),
    registeredVia: z
      .object({ linkId: z.string(), label: z.string() })
      .nullable()
      .openapi({ description: 'The registration link the user joined through; null for others' }),
  })
  .openapi('AdminUser');

export const UserListSchema = z.object({ users: z.array(AdminUserSchema) }).openapi('AdminUserList');
export const UserChangedSchema = z.object({ user: AdminUserSchema }).openapi('AdminUserChanged');

const FunnelWindow = z.object({
  linkViews: z.number().int().openapi({ description: 'Registration link or page opened' }),
  codesSent: z.number().int().openapi({ description: 'Verification codes (or notices) emailed' }),
  verified: z.number().int().openapi({ description: 'Correct codes entered' }),
  accountsCreated: z.number().int(),
});

export const FunnelSchema = z
  .object({ last7Days: FunnelWindow, last30Days: FunnelWindow })
  .openapi('RegistrationFunnel');

export const AuditQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, description: '1 to 200; 50 when absent', example: 50 }),
});

export const AuditSchema = z
  .object({
    entries: z.array(
      z.object({
        id: z.string(),
        action: z.string().openapi({ example: 'registration_auto_closed' }),
        actor: z.enum(['admin', 'system', 'operator']),
        actorUserId: z.string().nullable(),
        actorName: z.string().nullable(),
        details: z.record(z.string(), z.unknown()).openapi({ example: { reason: 'capacity_reached' } }),
        createdAt: z.string().openapi({ format: 'date-time' }),
      }),
    ),
  })
  .openapi('AuditLog');

export type RegistrationSettings = z.infer<typeof RegistrationSettingsSchema>;
export type RegistrationSettingsChange = z.infer<typeof RegistrationSettingsChange>;
export type AdminUser = z.infer<typeof AdminUserSchema>;
export type Funnel = z.infer<typeof FunnelSchema>;
export type FunnelCounts = Funnel['last7Days'];
export type AuditEntry = z.infer<typeof AuditSchema>['entries'][number];
