/**
 * Every text of the widget. `{name}`-style placeholders are filled in; error texts are keyed by API
 * error code, with `_one`, `_few`… variants picked by Intl.PluralRules; `locale` is the tag for Intl.
 */
export const en = {
  locale: 'en',
  loading: 'Loading…',
  tryAgain: 'Try again',
  name: 'Name',
  email: 'Email',
  submit: 'Send code',
  codeSent: 'We sent a code to {email}.',
  changeEmail: 'Change email',
  code: 'Verification code',
  verify: 'Verify',
  resend: 'Resend code',
  resendIn: 'You can resend in {seconds} s.',
  startAgain: 'Start again',
  welcome: 'Welcome, {name}! Your account is ready.',
  chat: 'Chat',
  invalid_name: 'Enter your name.',
  invalid_email: 'Enter a valid email address.',
  invalid_code: 'That code is not right.',
  invalid_code_tries: 'That code is not right ({count} tries left).',
  invalid_code_tries_one: 'That code is not right (1 try left).',
  code_expired: 'That code has expired. Start again.',
  too_many_attempts: 'Too many wrong codes. Start again.',
  registration_closed: 'Registration is closed.',
  rate_limited: 'Try again in {seconds} seconds.',
  link_not_found: 'This registration link does not exist.',
  network_error: 'Cannot reach the server.',
  generic: 'Something went wrong.',
};

export type Strings = typeof en;
