/**
 * Every word of every mail, in English. `{prop}` placeholders are filled with the mail's props;
 * the other languages have exactly these keys (test/integration/mail-languages.test.ts).
 */
export const en = {
  footer: 'ChatPoint — business chat. You received this because someone used this address on ChatPoint.',
  /** Staff mails: they come from a role at the workdomain, not from someone using the address. */
  footerPic:
    'ChatPoint — business chat. You received this because you are the person in charge of public registration for {workdomainName}.',
  footerAdmin:
    'ChatPoint — business chat. You received this because you are an administrator of {workdomainName} on ChatPoint.',
  greeting: 'Hello {name},',
  verificationCode: {
    subject: '{code} is your ChatPoint verification code',
    preview: 'Your verification code for {workdomainName}',
    heading: 'Confirm your email',
    intro: 'Enter this code to finish joining {workdomainName} on ChatPoint:',
    validity:
      'It works for {minutesValid} minutes. It is also your first password: you will be asked to choose your own.',
    ignore: 'If you did not ask for this, ignore this email: no account is created without the code.',
    orTap: 'Or, on the device you are registering with, tap:',
    button: 'Verify my email',
  },
  alreadyRegistered: {
    subject: 'You already have a ChatPoint account at {workdomainName}',
    preview: 'You already have an account at {workdomainName}',
    heading: 'You already have an account',
    body: 'Someone asked to register this email address with {workdomainName} on ChatPoint. This address already has an account there, so no new one was created and no code is needed.',
    forgot: 'If you forgot your password, you can choose a new one:',
    button: 'Reset my password',
    ignore: 'If it was not you, ignore this email.',
  },
  passwordReset: {
    subject: 'Reset your ChatPoint password for {workdomainName}',
    preview: 'Choose a new ChatPoint password',
    heading: 'Choose a new password',
    body: 'Tap the button to choose a new password for {workdomainName}. On a phone with ChatPoint installed it opens in the app.',
    button: 'Choose a new password',
    orOpenLink: 'Or open this link:',
    validity:
      'The link works once, for {minutesValid} minutes. If you did not ask for it, ignore this email.',
  },
  passwordChanged: {
    subject: 'Your ChatPoint password was changed',
    preview: 'Your ChatPoint password was changed',
    heading: 'Your password was changed',
    body: 'The password of your {workdomainName} account on ChatPoint was just changed, and your other devices were signed out.',
    warning: 'If this was not you, reset your password now and tell your administrator.',
  },
  registrationClosed: {
    subject: 'Public registration for {workdomainName} was closed',
    preview: 'Public registration for {workdomainName} was closed',
    heading: 'Public registration was closed',
    body: 'ChatPoint closed public registration for {workdomainName}.',
    pic_unavailable:
      'The person in charge is no longer an active user. Choose another person in charge, then open it again.',
    capacity_reached: 'Every external-user seat is taken. Raise the limit or free seats, then open it again.',
    plan_ineligible: 'The plan no longer includes public registration (Pro or above).',
    button: 'Open user administration',
  },
  signInCode: {
    subject: 'Your sign-in code for {workdomainName}',
    preview: '{code} is your sign-in code for {workdomainName}',
    heading: 'Welcome back',
    intro: 'You already have an account at {workdomainName} on ChatPoint. Enter this code to sign in:',
    validity: 'It works once, for {minutesValid} minutes. It does not change your password.',
    ignore: 'If you did not ask for this, ignore this email: nobody can sign in without the code.',
    orTap: 'Or, on the device you are registering with, tap:',
    button: 'Sign me in',
  },
  picDigest: {
    subject: 'New registrants at {workdomainName}: {count}',
    preview: '{count} people joined {workdomainName} since the last summary',
    heading: 'New registrants',
    body: 'Since the last summary, {count} people registered at {workdomainName} and are now your contacts:',
    button: 'Open ChatPoint',
  },
  picNewRegistrant: {
    subject: '{registrantName} joined {workdomainName} on ChatPoint',
    preview: '{registrantName} ({registrantEmail}) is now a contact of yours',
    heading: 'A new registrant',
    body: '{registrantName} ({registrantEmail}) joined {workdomainName} through its website and is now one of your contacts.',
    firstMessage: 'Their first message:',
    answers: 'Their answers:',
    button: 'Open the conversation',
  },
  emailSignInCode: {
    subject: '{code} is your ChatPoint sign-in code',
    preview: 'Your ChatPoint sign-in code',
    heading: 'Sign in to ChatPoint',
    intro: 'Enter this code to sign in:',
    validity: 'It works once, for {minutesValid} minutes. This address can sign in to: {workdomainNames}.',
    ignore: 'If you did not ask for this, ignore this email: nobody can sign in without the code.',
  },
};

export type MailWords = typeof en;
