/** A verification code was emailed (after start and after each resend). */
export class ChatpointCodeSentEvent extends CustomEvent<{ email: string }> {
  constructor(detail: { email: string }) {
    super('chatpoint-code-sent', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chatpoint-code-sent': ChatpointCodeSentEvent;
  }
}
