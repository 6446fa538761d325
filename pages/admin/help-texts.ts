/** The help text behind each "?" button of the Public Registration panel. Plain text, never markup. */
export const helpTexts = {
  open: 'When registration is open, anyone with the registration link can create an external account in this workdomain with their name and email address. Opening needs the Pro plan or above and a person in charge. ChatPoint closes registration by itself when the person in charge is deactivated or when the external-user limit is reached.',
  pic: 'The person in charge is the internal user every new registrant is connected to. Each new user gets a direct contact with this person and the welcome message comes from them. Registration cannot open without an active person in charge.',
  welcomeMessage:
    'The first chat message a new user receives from the person in charge right after registering. It is sent as plain text, up to 2000 characters. Leave it empty to send no welcome message.',
  message:
    "Whether the registration form asks for a first message to the person in charge: off, optional or required. The message, up to 2000 characters of plain text, appears in the new user's conversation with the person in charge right after the welcome message, and in the email the person in charge gets about each new registrant.",
  capacity:
    'How many external users this workdomain has, out of the number its plan allows. Deactivated users do not count. When the limit is reached, registration closes by itself; open it again after freeing places or raising the limit.',
  link: 'The registration link is created the first time registration is opened and stays the same afterwards. It is a universal link: on a phone with ChatPoint installed it opens the registration form in the app, otherwise in the web browser. Share it directly or as the QR code.',
  embed:
    'Paste this snippet into any web page to show the registration form there. It uses the same registration link, so it stops working if the link is regenerated.',
  regenerate:
    'Creates a new registration link. The old link, its QR code and every embedded widget stop working at once; share the new link and update the snippet on your pages.',
} as const;
