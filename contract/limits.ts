/**
 * Numbers that the server enforces and the widget and pages show. Plain constants, so a client
 * can import them without pulling in a schema library.
 */
export const limits = {
  /** Digits in a verification or sign-in code. */
  codeLength: 6,
  codeLifetimeMinutes: 10,
  /** Wrong codes a code survives: the last of them kills it, and every later try is refused. */
  maxCodeAttempts: 5,
  loginTokenLifetimeSeconds: 5 * 60,
  initialPasswordLifetimeDays: 7,
  nameMaxLength: 100,
  /** Welcome message and a registrant's first message, in characters. */
  welcomeMessageMaxLength: 2000,
  firstMessageMaxLength: 2000,
  chatMessageMaxLength: 4000,
  passwordMinLength: 8,
  passwordMaxLength: 128,
  /** Entries in each email-domain list and in the allowed-origins list of a workdomain. */
  emailDomainsMax: 200,
  allowedOriginsMax: 50,
  /** Registration links a workdomain may have at once, the default one included. */
  registrationLinksMax: 100,
  linkLabelMaxLength: 80,
  /** Webhook endpoints per workdomain. */
  webhooksMax: 10,
  webhookUrlMaxLength: 2048,
  /** Characters of a users-list search. */
  userSearchMax: 100,
  /** The registration form's own questions (docs/privacy.md). */
  registrationFieldsMax: 5,
  fieldLabelMaxLength: 100,
  fieldOptionsMax: 20,
  fieldOptionMaxLength: 60,
  fieldTextMaxLength: 200,
  policyVersionMaxLength: 40,
  policyUrlMaxLength: 2000,
  /** Request bodies above this answer 413. */
  maxBodyBytes: 16 * 1024,
} as const;
