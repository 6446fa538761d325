/** The panel's chunk: defines the panel element, then fetches its Links and Webhooks sections. */
import { defineElements } from './define-elements.ts';
import { ChatpointRegistrationPanel } from './registration-panel.ts';

defineElements([['chatpoint-registration-panel', ChatpointRegistrationPanel]]);

void import('./panel-links.ts').then(({ ChatpointAdminLinks }) =>
  defineElements([['chatpoint-admin-links', ChatpointAdminLinks]]),
);
void import('./panel-webhooks.ts').then(({ ChatpointAdminWebhooks }) =>
  defineElements([['chatpoint-admin-webhooks', ChatpointAdminWebhooks]]),
);
