/**
 * Entry of the /admin page: the users view and sign-in. The Public Registration panel is a chunk
 * of its own, loaded on demand (registration-panel-loader.ts).
 */
import { ChatpointAdmin } from './chatpoint-admin.ts';
import { ChatpointConfirmDialog } from './confirm-dialog.ts';
import { defineElements } from './define-elements.ts';
import type { ChatpointRegistrationPanel } from './registration-panel.ts';
import type { ChatpointAdminLinks } from './sections/links/links-section.ts';
import type { ChatpointAdminWebhooks } from './sections/webhooks/webhooks-section.ts';
import '../ui/sign-in.ts';
import { ChatpointAdminUsers } from './users-table.ts';

defineElements([
  ['chatpoint-admin-confirm', ChatpointConfirmDialog],
  ['chatpoint-admin-users', ChatpointAdminUsers],
  ['chatpoint-admin', ChatpointAdmin],
]);

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
