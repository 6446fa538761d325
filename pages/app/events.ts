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

/** The user erased their own account. */
export class ChatpointAccountDeletedEvent extends CustomEvent<void> {
  constructor() {
    super('chatpoint-account-deleted', { bubbles: true, composed: true });
  }
}

/** The user agreed to the current terms and privacy policy. */
export class ChatpointConsentGivenEvent extends CustomEvent<void> {
  constructor() {
    super('chatpoint-consent-given', { bubbles: true, composed: true });
  }
}

/** The user chose to sign out instead of agreeing. */
export class ChatpointSignOutRequestEvent extends CustomEvent<void> {
  constructor() {
    super('chatpoint-sign-out-request', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chatpoint-password-changed': ChatpointPasswordChangedEvent;
    'chatpoint-password-later': ChatpointPasswordLaterEvent;
    'chatpoint-signed-out': ChatpointSignedOutEvent;
    'chatpoint-account-deleted': ChatpointAccountDeletedEvent;
    'chatpoint-consent-given': ChatpointConsentGivenEvent;
    'chatpoint-sign-out-request': ChatpointSignOutRequestEvent;
  }
}
