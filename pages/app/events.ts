/** Events between the web app's parts (sign-in's own is in ui/sign-in.ts). All bubble and cross shadow roots. */

/** The user chose their own password. */
export class ChatpointPasswordChangedEvent extends CustomEvent<void> {
  constructor() {
    super('chatpoint-password-changed', { bubbles: true, composed: true });
  }
}

/** The user put off choosing their own password. */
export class ChatpointPasswordLaterEvent extends CustomEvent<void> {
  constructor() {
    super('chatpoint-password-later', { bubbles: true, composed: true });
  }
}

/** The session ended (signed out, expired or revoked elsewhere). */
export class ChatpointSignedOutEvent extends CustomEvent<{ expired: boolean }> {
  constructor(detail: { expired: boolean }) {
    super('chatpoint-signed-out', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chatpoint-password-changed': ChatpointPasswordChangedEvent;
    'chatpoint-password-later': ChatpointPasswordLaterEvent;
    'chatpoint-signed-out': ChatpointSignedOutEvent;
  }
}
