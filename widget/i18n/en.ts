/**
 * Every text of the widget. `{name}`-style placeholders are filled in; error texts are keyed by API
 * error code, with `_one` variants picked by Intl.PluralRules on `lang`.
 */
export const en = {
  /** BCP 47 tag of these texts, for plural rules. */
  lang: 'en',
  loading: 'Loading…',
  tryAgain: 'Try again',
  name: 'Name',
  email: 'Email',
  message: 'Message',
  submit: 'Send code',
  codeSent: 'We sent a code to {email}.',
  changeEmail: 'Change email',
  code: 'Verification code',
  verify: 'Verify',
  resend: 'Send a new code',
  resendIn: 'Send a new code in {seconds} s',
  startAgain: 'Start again',
  welcome: 'Welcome, {name}! Your account is ready.',
  welcomeBack: 'Welcome back, {name}!',
  chat: 'Chat',
  signIn: 'Sign in',
  member: 'Already a member?',
  didYouMean: 'Did you mean {email}?',
  email_domain_not_allowed: 'This email domain is not accepted here.',
  challenge_failed: 'Automatic check failed. Try again.',
  invalid_name: 'Enter your name.',
  invalid_email: 'Enter a valid email address.',
  invalid_message: 'Write a message (up to 2000 characters).',
  invalid_code: 'That code is not right.',
  invalid_code_tries: 'That code is not right ({count} tries left).',
  invalid_code_tries_one: 'That code is not right ({count} try left).',
  code_expired: 'That code has expired. Ask for a new one.',
  code_superseded: 'A newer code was sent; use the code from the latest email.',
  too_many_attempts: 'Too many wrong codes. Start again.',
  registration_closed: 'Registration is closed.',
  registration_complete: 'This registration is already complete.',
  origin_not_allowed:
    'This site is not allowed to show this form — its owner can add it under Allowed web sites.',
  rate_limited: 'Try again in {seconds} seconds.',
  rate_limited_one: 'Try again in {seconds} second.',
  link_not_found: 'This registration link does not exist.',
  network_error: 'Cannot reach the server.',
  generic: 'Something went wrong.',
};

/** Singular forms (`…_one`): only languages whose plural rules have a `one` form need them. */
type SingularKey = Extract<keyof typeof en, `${string}_one`>;
export type Strings = Omit<typeof en, SingularKey> & Partial<Pick<typeof en, SingularKey>>;
