/** An error was shown to the registrant. `code` is the API error code (docs/api.md) or `network_error`. */
export class ChatpointErrorEvent extends CustomEvent<{ code: string; message: string }> {
  constructor(detail: { code: string; message: string }) {
    super('chatpoint-error', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chatpoint-error': ChatpointErrorEvent;
  }
}
