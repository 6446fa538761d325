/**
 * The Public Registration panel is most of the admin page's code and only some visits open it: it
 * is fetched when the admin reaches for its button, and its Links and Webhooks sections when it
 * first opens.
 */
let panel: Promise<unknown> | undefined;

export function loadRegistrationPanel() {
  panel ??= import('./registration-panel-elements.ts').catch((error: unknown) => {
    panel = undefined;
    throw error;
  });
  return panel;
}
