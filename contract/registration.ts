import { z } from '@hono/zod-openapi';
import { firstMessageModes } from './enums.ts';
import { languages } from './languages.ts';
import { limits } from './limits.ts';
import { FieldAnswersSchema, PrivacySettingsSchema } from './privacy.ts';

/** The public registration API: request and answer shapes, for the server and (as types) the widget. */
export const LinkParams = z.object({
  linkId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'linkId', in: 'path' }, example: 'q8Yb3m2c0JxTQw1a' }),
});
export const RegistrationId = z.string().uuid().openapi({ example: '0b8e1f5e-6c1e-4a58-9a55-3c0c9d7f2a10' });

export const FirstMessageMode = z.enum(firstMessageModes).openapi({
  description: 'Whether the form asks for a first message to the person in charge: off, optional or required',
});
export const LinkInfo = z
  .object({
    workdomain: z.object({ name: z.string() }),
    open: z.boolean(),
    message: FirstMessageMode,
    challenge: z.boolean().openapi({ description: 'Whether start needs a solved proof of work (altcha)' }),
    ...PrivacySettingsSchema,
  })
  .openapi('RegistrationLinkInfo');
export const LinkInfoQuery = z.object({
  view: z
    .enum(['1'])
    .optional()
    .openapi({
      param: { name: 'view', in: 'query' },
      description: '1 counts a link view in the funnel; the widget sends it once per browser session',
    }),
});
export const AltchaChallenge = z
  .object({
    algorithm: z.literal('SHA-256'),
    challenge: z.string(),
    maxnumber: z.number().int(),
    salt: z.string().openapi({ description: 'Carries the expiry as `?expires=<unix seconds>`' }),
    signature: z.string(),
  })
  .openapi('AltchaChallenge');
export const StartBody = z
  .strictObject({
    name: z.string().max(1000),
    email: z.string().max(1000),
    lang: z
      .union([z.enum(languages), z.string().max(35)])
      .optional()
      .openapi({
        description:
          'Language of every mail and page this person gets: en, zh-Hant, zh-Hans or ja; any other BCP 47 tag is mapped (zh-TW/zh-HK → zh-Hant, zh/zh-CN/zh-SG → zh-Hans, ja-JP → ja, else en).',
        example: 'ja',
      }),
    message: z
      .string()
      .max(20_000)
      .optional()
      .openapi({
        description: `The registrant's first message to the person in charge, at most ${limits.firstMessageMaxLength} characters of text; ignored when the link does not ask for one`,
      }),
    altcha: z.string().max(2000).optional().openapi({
      description:
        'Base64 of the solved ALTCHA v1 payload {"algorithm","challenge","number","salt","signature"}',
    }),
    consent: z.boolean().optional().openapi({
      description: 'true: agrees to the terms and privacy policy (required when consentRequired)',
    }),
    marketing: z
      .boolean()
      .optional()
      .openapi({ description: 'The marketing choice, when the link offers one' }),
    fields: FieldAnswersSchema.optional().openapi({
      description: `Answers to the link's fields: text ≤ ${limits.fieldTextMaxLength} characters, one of a select's options, a checkbox's boolean`,
    }),
  })
  .openapi('RegistrationStart');
const ResendAfter = z.number().int().openapi({
  description: 'Seconds until a new code may be asked for (resend)',
  example: 60,
});
const ExpiresIn = z
  .number()
  .int()
  .openapi({
    description: 'Seconds the code just sent works (a notice holds no code; the number is the same)',
    example: limits.codeLifetimeMinutes * 60,
  });
export const Started = z
  .object({ registrationId: RegistrationId, resendAfter: ResendAfter, expiresIn: ExpiresIn })
  .openapi('RegistrationStarted');
export const ResendBody = z.strictObject({ registrationId: RegistrationId }).openapi('RegistrationResend');
export const Resent = z
  .object({ resendAfter: ResendAfter, expiresIn: ExpiresIn })
  .openapi('RegistrationResent');
export const VerifyBody = z
  .strictObject({ registrationId: RegistrationId, code: z.string().max(64).openapi({ example: '048213' }) })
  .openapi('RegistrationVerify');
export const Verified = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    loginToken: z.string().openapi({
      description: `JWT, single use, ${limits.loginTokenLifetimeSeconds / 60} minutes; redeem with POST /api/auth/exchange`,
    }),
    deepLink: z
      .string()
      .openapi({ description: 'Universal link into the app (web app when the app is absent)' }),
    webUrl: z.string(),
  })
  .openapi('RegistrationVerified');

export type LinkInfo = z.infer<typeof LinkInfo>;
export type AltchaChallenge = z.infer<typeof AltchaChallenge>;
export type StartBody = z.infer<typeof StartBody>;
export type Started = z.infer<typeof Started>;
export type Resent = z.infer<typeof Resent>;
export type Verified = z.infer<typeof Verified>;
export type RegisteredUser = Verified['user'];
