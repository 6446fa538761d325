/** The closed sets of values the API and the database share. */
export const plans = ['free', 'standard', 'pro', 'enterprise'] as const;
export type Plan = (typeof plans)[number];
/** Plans on which a workdomain may open public registration. */
export const registrationPlans: readonly Plan[] = ['pro', 'enterprise'];

export const closedReasons = ['manual', 'pic_unavailable', 'capacity_reached', 'plan_ineligible'] as const;
export type ClosedReason = (typeof closedReasons)[number];

export const userKinds = ['internal', 'external'] as const;
export const userRoles = ['member', 'admin'] as const;
export const userStatuses = ['active', 'inactive'] as const;
export type UserKind = (typeof userKinds)[number];
export type UserRole = (typeof userRoles)[number];
export type UserStatus = (typeof userStatuses)[number];

/** Whether a link's form asks for a first message to the PIC. */
export const firstMessageModes = ['off', 'optional', 'required'] as const;
export type FirstMessageMode = (typeof firstMessageModes)[number];

/** How the person in charge hears of new registrants: a mail each, a summary at most every 15 minutes, or none. */
export const picNoticeModes = ['each', 'digest', 'off'] as const;
export type PicNoticeMode = (typeof picNoticeModes)[number];

/**
 * Events a webhook endpoint can subscribe to; `webhook.test` is only ever sent by the test button.
 * Here rather than beside the webhook schemas, so the admin page can list them without zod.
 */
export const webhookEventTypes = [
  'user.registered',
  'user.deleted',
  'registration.opened',
  'registration.closed',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
