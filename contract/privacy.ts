import { z } from '@hono/zod-openapi';
import { languages } from './languages.ts';
import { limits } from './limits.ts';
import { registrationFieldTypes } from './registration-fields.ts';

/** The notice, consent and questions of the registration form, as the API shows them. */
export const RegistrationFieldSchema = z
  .object({
    key: z.string().openapi({ example: 'company', description: '^[a-z][a-z0-9_]{0,31}$, unique' }),
    label: z.partialRecord(z.enum(languages), z.string()).openapi({
      description: 'Language → label; the form shows the registrant’s language, else the first given',
      example: { en: 'Company', ja: '会社名' },
    }),
    type: z.enum(registrationFieldTypes),
    required: z.boolean(),
    options: z
      .array(z.string())
      .optional()
      .openapi({ description: `select only: 1 to ${limits.fieldOptionsMax} choices` }),
  })
  .openapi('RegistrationField');

export const PrivacySettingsSchema = {
  privacyPolicyUrl: z.string().nullable().openapi({ example: 'https://example.com/privacy' }),
  termsUrl: z.string().nullable().openapi({ example: 'https://example.com/terms' }),
  consentRequired: z
    .boolean()
    .openapi({ description: 'The form has a required, unticked checkbox agreeing to the terms and policy' }),
  policyVersion: z.string().openapi({
    description: 'Names what is agreed to; members who agreed to another version are asked again',
    example: '2026-12',
  }),
  marketingOptIn: z
    .boolean()
    .openapi({ description: 'The form has an optional, unticked marketing checkbox' }),
  fields: z
    .array(RegistrationFieldSchema)
    .openapi({ description: `At most ${limits.registrationFieldsMax}` }),
};

// Any JSON in the change, so every malformed value gets the same 422 from the settings' own check.
const checkedLater = (description: string, type: 'string' | 'array' | 'boolean') =>
  z.unknown().optional().openapi({ type, description });

export const PrivacySettingsChange = {
  privacyPolicyUrl: checkedLater(
    'Absolute https:// URL (http://localhost… in development); null clears it',
    'string',
  ),
  termsUrl: checkedLater(
    'Absolute https:// URL (http://localhost… in development); null clears it',
    'string',
  ),
  consentRequired: z.boolean().optional().openapi({ description: 'Needs privacyPolicyUrl or termsUrl' }),
  policyVersion: checkedLater(`1 to ${limits.policyVersionMaxLength} characters`, 'string'),
  marketingOptIn: z.boolean().optional(),
  fields: checkedLater(
    'The whole list of questions (RegistrationField), replacing the previous one',
    'array',
  ),
};

export const FieldAnswersSchema = z
  .record(z.string(), z.union([z.string(), z.boolean()]))
  .openapi('FieldAnswers', { example: { company: 'Acme', heard_from: 'Friend' } });

export const ConsentEntrySchema = z
  .object({
    kind: z.enum(['terms', 'marketing']),
    granted: z.boolean(),
    version: z.string().nullable(),
    at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('ConsentEntry');

export const ConsentNeededSchema = z
  .object({ version: z.string(), termsUrl: z.string().nullable(), privacyPolicyUrl: z.string().nullable() })
  .nullable()
  .openapi({ description: 'Set when the member agreed to an older policy version and must agree again' });

export const ConsentBody = z.strictObject({ version: z.string().max(100) }).openapi('ConsentGiven');

export const UserExportSchema = z
  .object({
    user: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      kind: z.enum(['internal', 'external']),
      status: z.enum(['active', 'inactive']),
      lang: z.enum(languages),
      createdAt: z.string().openapi({ format: 'date-time' }),
      fields: FieldAnswersSchema,
      registeredVia: z.object({ linkId: z.string(), label: z.string().nullable() }).nullable(),
    }),
    consents: z.array(
      z.object({
        kind: z.enum(['terms', 'marketing']),
        granted: z.boolean(),
        version: z.string().nullable(),
        lang: z.enum(languages),
        linkId: z.string().nullable(),
        origin: z.string().nullable(),
        at: z.string().openapi({ format: 'date-time' }),
      }),
    ),
    registrations: z.array(
      z.object({
        id: z.string(),
        state: z.string(),
        linkId: z.string(),
        createdAt: z.string().openapi({ format: 'date-time' }),
      }),
    ),
    messages: z.array(
      z.object({
        conversationId: z.string(),
        senderId: z.string().nullable().openapi({ description: 'null for system lines' }),
        body: z.string(),
        createdAt: z.string().openapi({ format: 'date-time' }),
      }),
    ),
  })
  .openapi('UserExport');

export const EraseMeBody = z
  .strictObject({ confirm: z.string().max(1000).openapi({ description: "The account's email address" }) })
  .openapi('EraseMe');
