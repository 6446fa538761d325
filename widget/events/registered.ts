import type { RegisteredUser } from '../api/registration-api.ts';

/** The registrant verified the code and now has an account. */
export class ChatpointRegisteredEvent extends CustomEvent<{ user: RegisteredUser; deepLink: string }> {
  constructor(detail: { user: RegisteredUser; deepLink: string }) {
    super('chatpoint-registered', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chatpoint-registered': ChatpointRegisteredEvent;
  }
}
