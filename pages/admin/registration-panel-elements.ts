/** The panel's chunk: defines the panel element, then fetches its Links and Webhooks sections. */
import { defineElements } from './define-elements.ts';
import { ChatpointRegistrationPanel } from './registration-panel.ts';
import { ChatpointAdminPrivacy } from './sections/privacy/privacy-section.ts';

defineElements([
  ['chatpoint-registration-panel', ChatpointRegistrationPanel],
  ['chatpoint-admin-privacy', ChatpointAdminPrivacy],
]);

void import('./sections/links/links-section.ts').then(({ ChatpointAdminLinks }) =>
  defineElements([['chatpoint-admin-links', ChatpointAdminLinks]]),
);
void import('./sections/webhooks/webhooks-section.ts').then(({ ChatpointAdminWebhooks }) =>
  defineElements([['chatpoint-admin-webhooks', ChatpointAdminWebhooks]]),
);
