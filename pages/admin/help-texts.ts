/** The help text behind each "?" button of the Public Registration panel. Plain text, never markup. */
export const helpTexts = {
  open: 'When registration is open, anyone with the registration link can create an external account in this workdomain with their name and email address. Opening needs the Pro plan or above and a person in charge. ChatPoint closes registration by itself when the person in charge is deactivated or when the external-user limit is reached.',
  pic: 'The person in charge is the internal user every new registrant is connected to. Each new user gets a direct contact with this person and the welcome message comes from them. Registration cannot open without an active person in charge.',
  welcomeMessage:
    'The first chat message a new user receives from the person in charge right after registering. It is sent as plain text, up to 2000 characters. Leave it empty to send no welcome message.',
  welcomeMessages:
    'The welcome message can be written once per language. A new user gets the one in the language they registered in (English, Traditional Chinese, Simplified Chinese or Japanese), else the default message. Empty a language to remove its message. Each is up to 2000 characters.',
  message:
    "Whether the registration form asks for a first message to the person in charge: off, optional or required. The message, up to 2000 characters of plain text, appears in the new user's conversation with the person in charge right after the welcome message, and in the email the person in charge gets about each new registrant.",
  picNotice:
    'Whether the person in charge gets an email about new registrants: one email for each (the default), a summary at most every 15 minutes listing everyone who registered since the last one (for campaigns), or none. The emails link to each conversation.',
  capacity:
    'How many external users this workdomain has, out of the number its plan allows. Deactivated users do not count. When the limit is reached, registration closes by itself; open it again after freeing places or raising the limit.',
  link: 'The registration link is created the first time registration is opened and stays the same afterwards. It is a universal link: on a phone with ChatPoint installed it opens the registration form in the app, otherwise in the web browser. Share it directly or as the QR code.',
  embed:
    'Paste this snippet into any web page to show the registration form there. It uses the same registration link, so it stops working if the link is regenerated.',
  embedPinned:
    "Use this snippet instead if your site's security review pins the scripts it runs. It loads this exact version of the form's script, with a Subresource Integrity hash the browser checks, so the script cannot change under your page. When ChatPoint is updated, this snippet keeps the old version until you paste the new one.",
  regenerate:
    'Creates a new registration link. The old link, its QR code and every embedded widget stop working at once; share the new link and update the snippet on your pages.',
  botProtection:
    'Asks every browser to solve a small proof of work before a code is sent: the registration form does it by itself in well under a second, so registrants notice nothing, while scripts that send many registrations pay for each one. Nothing is sent to a third party. Scripts that call the registration API directly must solve it too.',
  allowedEmailDomains:
    'Only addresses at these domains can register, one domain per line, for example example.com. A domain also covers its subdomains: example.com lets in sales.example.com. Leave it empty to accept any domain.',
  blockedEmailDomains:
    'Addresses at these domains cannot register, one domain per line. A domain also covers its subdomains. Registrants see that their email domain is not accepted here; nobody learns whether an address already has an account.',
  blockDisposableEmails:
    'Refuses addresses at known throwaway-mail services (such as mailinator.com), from a list of several thousand domains that ChatPoint updates with its releases. On by default.',
  allowedOrigins:
    'The web sites that may show the registration form, one per line as scheme://host or scheme://host:port, for example https://www.example.com. When the list is not empty, other sites cannot use your link; the hosted registration page always works. Leave it empty to allow any site.',
  csp: 'If a page that shows the form has a Content-Security-Policy, it must let the page load the script from ChatPoint and talk to it: add these sources to its script-src and connect-src directives.',
  links:
    'Each link is another entrance to the same registration, with the same person in charge, welcome message and external-user limit. Give a link to one web site, poster or campaign and see how many people registered through it; the users list shows which link each person came through. The default link cannot be deleted. A deleted link stops working at once, as do its QR code and snippet.',
  webhooks:
    'ChatPoint calls each webhook URL when someone registers and when registration opens or closes, including when it closes by itself. Every call is signed with the secret shown when you add the webhook (Standard Webhooks), and a call that fails is retried with growing pauses for at least 24 hours. The URL must use https and point at a public server.',
  privacyPolicyUrl:
    'The address of your privacy policy, starting with https://. The registration form links to it, opening in a new tab. Leave it empty to show no link.',
  termsUrl:
    'The address of your terms of use, starting with https://. The registration form links to it, opening in a new tab. Leave it empty to show no link.',
  consentRequired:
    'Adds a required, unticked checkbox "I agree to the Terms and the Privacy Policy" (whichever links are set) to the form. Needs a privacy policy or terms URL. Each agreement is recorded with the policy version, the language, the link and the time.',
  policyVersion:
    'Names the version of your terms and policy that people agree to, up to 40 characters, for example a date. When you change it, members who agreed to an older version are asked to agree again the next time they open ChatPoint.',
  marketingOptIn:
    'Adds an optional, unticked checkbox "Send me news and offers" to the form. Every choice is recorded; the users list shows each person\'s latest one.',
  fields:
    'Up to 5 questions of your own below name and email: a text, a choice from a list (one choice per line) or a checkbox, each optionally required. The key names the answer in the users list, exports and webhooks: lower-case letters, digits and _, starting with a letter. The label is shown in your language; registrants in other languages see it too until you add theirs.',
} as const;
