/** Entry of the /admin page: defines its elements once, even if the module is loaded twice. */
import { ChatpointAdmin } from './chatpoint-admin.ts';
import { ChatpointConfirmDialog } from './confirm-dialog.ts';
import { ChatpointAdminLinks } from './panel-links.ts';
import { ChatpointAdminWebhooks } from './panel-webhooks.ts';
import { ChatpointRegistrationPanel } from './registration-panel.ts';
import '../ui/sign-in.ts';
import { ChatpointAdminUsers } from './users-table.ts';

const elements: [string, CustomElementConstructor][] = [
  ['chatpoint-admin-confirm', ChatpointConfirmDialog],
  ['chatpoint-admin-users', ChatpointAdminUsers],
  ['chatpoint-admin-links', ChatpointAdminLinks],
  ['chatpoint-admin-webhooks', ChatpointAdminWebhooks],
  ['chatpoint-registration-panel', ChatpointRegistrationPanel],
  ['chatpoint-admin', ChatpointAdmin],
];
for (const [name, element] of elements) {
  if (!customElements.get(name)) customElements.define(name, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-admin': ChatpointAdmin;
    'chatpoint-admin-confirm': ChatpointConfirmDialog;
    'chatpoint-admin-users': ChatpointAdminUsers;
    'chatpoint-admin-links': ChatpointAdminLinks;
    'chatpoint-admin-webhooks': ChatpointAdminWebhooks;
    'chatpoint-registration-panel': ChatpointRegistrationPanel;
  }
}
