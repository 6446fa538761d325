import { z } from '@hono/zod-openapi';
import {
  closedReasons,
  firstMessageModes,
  picNoticeModes,
  userKinds,
  userRoles,
  userStatuses,
} from './enums.ts';
import { languages } from './languages.ts';
import { limits } from './limits.ts';
import { FieldAnswersSchema, PrivacySettingsChange, PrivacySettingsSchema } from './privacy.ts';

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
    welcomeMessages: z.partialRecord(z.enum(languages), z.string()).openapi({
      description:
        'The welcome message per language (en, zh-Hant, zh-Hans, ja); a new user gets the one in their language, else welcomeMessage. {} by default',
      example: { ja: 'ようこそ！ご用件をお聞かせください。' },
    }),
    linkId: z.string().nullable().openapi({ description: 'Created on the first open; null before that' }),
    url: z.string().nullable().openapi({ example: 'http://localhost:8787/join/q8Yb3m2c0JxTQw1a' }),
    embed: z.string().nullable().openapi({ description: 'HTML snippet for a customer web page' }),
    embedPinned: z.string().nullable().openapi({
      description:
        'The same snippet with the versioned, immutable script URL, integrity (sha384) and crossorigin, for pages that pin what they run; null before the first open or when the widget is not built',
    }),
    capacity: z.object({
      used: z.number().int().openapi({ description: 'Active external users' }),
      limit: z.number().int().openapi({ description: "The workdomain's external-user limit" }),
    }),
    message: z
      .enum(firstMessageModes)
      .openapi({ description: 'Whether the form asks registrants for a first message to the PIC' }),
    picNotice: z.enum(picNoticeModes).openapi({
      description:
        'How the PIC hears of new registrants: each (a mail per registrant), digest (at most one summary every 15 minutes) or off',
    }),
    botProtection: z
      .boolean()
      .openapi({ description: 'start needs a solved proof of work (the widget solves it unseen)' }),
    allowedEmailDomains: z
      .array(z.string())
      .openapi({ description: 'Only these domains (and their subdomains) may register; empty: any' }),
    blockedEmailDomains: z
      .array(z.string())
      .openapi({ description: 'These domains (and their subdomains) may not register' }),
    blockDisposableEmails: z
      .boolean()
      .openapi({ description: 'Refuse addresses at known disposable-mail domains (default true)' }),
    allowedOrigins: z.array(z.string()).openapi({
      description: 'Web pages (scheme://host[:port]) that may call the registration API; empty: any',
      example: ['https://www.example.com'],
    }),
    refusedOrigins: z
      .array(
        z.object({
          origin: z.string().openapi({ example: 'https://shop.example.net' }),
          at: z.string().openapi({ format: 'date-time', description: 'When it was last refused' }),
        }),
      )
      .openapi({
        description:
          'Web sites refused lately (origin_not_allowed) and not allowed since: the last 10 distinct ones, latest first',
      }),
    ...PrivacySettingsSchema,
  })
  .openapi('RegistrationSettings');

export const RegistrationSettingsChange = z
  .strictObject({
    picUserId: UserId.optional().openapi({ description: 'An active internal user of this workdomain' }),
    welcomeMessage: z
      .string()
      .optional()
      .openapi({ description: `At most ${limits.welcomeMessageMaxLength} characters; "" for none` }),
    // Any JSON here, so that every malformed map gets the same 422 from the settings' own check.
    welcomeMessages: z
      .unknown()
      .optional()
      .openapi({
        type: 'object',
        additionalProperties: { type: ['string', 'null'] },
        description: `Language (en, zh-Hant, zh-Hans, ja) → its welcome message, at most ${limits.welcomeMessageMaxLength} characters; "" or null removes one, languages left out stay as they are. Anything else → 422 invalid_request`,
        example: { ja: 'ようこそ！', 'zh-Hant': '歡迎！' },
      }),
    message: z
      .enum(firstMessageModes)
      .optional()
      .openapi({ description: 'off (default), optional or required: the first-message field of the form' }),
    picNotice: z
      .enum(picNoticeModes)
      .optional()
      .openapi({ description: 'each (default), digest or off: how the PIC hears of new registrants' }),
    botProtection: z.boolean().optional(),
    allowedEmailDomains: z
      .array(z.string().max(300))
      .max(limits.emailDomainsMax)
      .optional()
      .openapi({ description: 'Domains such as example.com; stored lower-case, IDNs as punycode' }),
    blockedEmailDomains: z.array(z.string().max(300)).max(limits.emailDomainsMax).optional(),
    blockDisposableEmails: z.boolean().optional(),
    allowedOrigins: z
      .array(z.string().max(300))
      .max(limits.allowedOriginsMax)
      .optional()
      .openapi({ description: 'Exact origins, scheme://host[:port], no path' }),
    ...PrivacySettingsChange,
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
    registrants: z.number().int().nullable().openapi({
      description:
        'For the person in charge of public registration: how many active external users have them as their contact (who a new person in charge takes over). Null for everyone else',
    }),
    fields: FieldAnswersSchema,
    marketing: z.boolean().openapi({ description: 'The latest marketing choice' }),
    consentVersion: z.string().nullable().openapi({ description: 'The latest policy version agreed to' }),
  })
  .openapi('AdminUser');

export const UserListSchema = z
  .object({
    users: z.array(AdminUserSchema),
    next: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as ?cursor= for the following page; null on the last page' }),
  })
  .openapi('AdminUserList');

export const UserListQuery = z.object({
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'The `next` of the previous page' }),
  q: z
    .string()
    .max(limits.userSearchMax)
    .optional()
    .openapi({ param: { name: 'q', in: 'query' }, description: 'Only users whose name or email holds this' }),
  kind: z
    .enum(userKinds)
    .optional()
    .openapi({ param: { name: 'kind', in: 'query' }, description: 'Only internal or only external users' }),
});
export const UserChangedSchema = z.object({ user: AdminUserSchema }).openapi('AdminUserChanged');

const share = (description: string) =>
  z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .openapi({ description: `${description}; 0 to 1, null when nothing was sent` });

const FunnelWindow = z.object({
  linkViews: z
    .number()
    .int()
    .openapi({ description: 'Visitors who opened the widget or page (once per browser session)' }),
  codesSent: z.number().int().openapi({ description: 'Registration codes emailed (resends included)' }),
  signInCodesSent: z
    .number()
    .int()
    .openapi({ description: 'Sign-in codes emailed to addresses that already have an account' }),
  noticesSent: z.number().int().openapi({ description: 'Notices emailed to inactive accounts' }),
  verified: z
    .number()
    .int()
    .openapi({ description: 'Correct codes entered, of both kinds: accountsCreated + signIns' }),
  accountsCreated: z.number().int().openapi({ description: 'New accounts: registration codes verified' }),
  signIns: z.number().int().openapi({ description: 'Members signed in: sign-in codes verified' }),
  newAccountRate: share('accountsCreated / codesSent, never above 1'),
  signInRate: share('signIns / signInCodesSent, never above 1'),
});

const FunnelWindows = { last7Days: FunnelWindow, last30Days: FunnelWindow };

export const FunnelSchema = z
  .object({
    ...FunnelWindows,
    byLink: z
      .array(
        z.object({
          linkId: z.string(),
          label: z
            .string()
            .nullable()
            .openapi({ description: "The link's label (null for an unknown link)" }),
          deleted: z.boolean().openapi({ description: 'The link was deleted or replaced by a new link' }),
          ...FunnelWindows,
        }),
      )
      .openapi({ description: 'The same counts for each registration link, busiest first' }),
  })
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
