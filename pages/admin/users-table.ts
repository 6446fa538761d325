import { css, html, LitElement } from 'lit';
import { adminStyles } from './admin.styles.ts';
import { type AdminUser, errorMessage } from './admin-api.ts';
import type { AdminData, Loadable } from './admin-data.ts';
import type { ChatpointConfirmDialog } from './confirm-dialog.ts';
import { formatDate } from './words.ts';

/** The workdomain's users, with deactivation and reactivation. */
export class ChatpointAdminUsers extends LitElement {
  static override properties = {
    data: { attribute: false },
    users: { attribute: false },
    picId: { attribute: false },
    meId: { attribute: false },
    busyId: { state: true },
    error: { state: true },
    announcement: { state: true },
  };
  static override styles = [
    adminStyles,
    css`
      section { display: grid; gap: 0.75rem }
      td .badges { display: flex; flex-wrap: wrap; gap: 0.25rem; margin-block-start: 0.2rem }
      td.email { white-space: nowrap }
      table { min-width: 46rem }
      /* On a phone the table scrolls sideways; the name column stays in view. */
      th:first-child, td:first-child {
        position: sticky;
        inset-inline-start: 0;
        z-index: 1;
        background: Canvas;
        box-shadow: 1px 0 0 var(--_line);
      }
      @media (max-width: 40rem) {
        th:first-child, td:first-child { max-inline-size: 10rem; overflow-wrap: anywhere }
      }
    `,
  ];

  declare data: AdminData;
  declare users: Loadable<AdminUser[]>;
  declare picId: string | null;
  declare meId: string | null;
  declare busyId: string | null;
  declare error: string;
  declare announcement: string;

  constructor() {
    super();
    this.users = { value: null, error: null };
    this.picId = null;
    this.meId = null;
    this.busyId = null;
    this.error = '';
    this.announcement = '';
  }

  get #confirm() {
    return this.renderRoot.querySelector<ChatpointConfirmDialog>('chatpoint-admin-confirm')!;
  }

  async #toggle(user: AdminUser) {
    if (this.busyId) return;
    const deactivating = user.status === 'active';
    const isPic = user.id === this.picId;
    if (deactivating) {
      const confirmed = await this.#confirm.ask({
        heading: `Deactivate ${user.name}?`,
        message: [
          ...(isPic
            ? [
                `${user.name} is the person in charge of public registration. This closes public registration.`,
              ]
            : []),
          'They are signed out at once and cannot sign in until they are reactivated.',
        ],
        confirmLabel: 'Deactivate',
      });
      if (!confirmed) return;
    }
    this.busyId = user.id;
    this.error = '';
    try {
      await (deactivating ? this.data.deactivate(user) : this.data.reactivate(user));
      this.announcement = deactivating
        ? `${user.name} is deactivated.${isPic ? ' Public registration is closed until you choose another person in charge.' : ''}`
        : `${user.name} is active again.`;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busyId = null;
    }
  }

  #row(user: AdminUser) {
    const active = user.status === 'active';
    const busy = this.busyId === user.id;
    return html`<tr>
      <td>
        ${user.name}${user.id === this.meId ? html` <span class="muted">(you)</span>` : ''}
        <div class="badges">
          ${user.id === this.picId ? html`<span class="badge">Person in charge</span>` : ''}
          ${
            user.registeredViaLink
              ? html`<span class="badge"
                  >Via registration link${
                    user.registeredVia && user.registeredVia.label !== 'default'
                      ? `: ${user.registeredVia.label}`
                      : ''
                  }</span
                >`
              : ''
          }
        </div>
      </td>
      <td class="email">${user.email}</td>
      <td>${user.kind === 'internal' ? 'Internal' : 'External'}</td>
      <td>${user.role === 'admin' ? 'Admin' : 'Member'}</td>
      <td class=${active ? 'status-active' : 'status-inactive'}>${active ? 'Active' : 'Inactive'}</td>
      <td><time datetime=${user.createdAt}>${formatDate(user.createdAt)}</time></td>
      <td>
        ${
          user.id === this.meId
            ? ''
            : html`<button
                class=${active ? 'danger' : 'secondary'}
                aria-label="${active ? 'Deactivate' : 'Reactivate'} ${user.name}"
                aria-disabled=${busy ? 'true' : 'false'}
                @click=${() => this.#toggle(user)}
              >
                ${busy ? (active ? 'Deactivating…' : 'Reactivating…') : active ? 'Deactivate' : 'Reactivate'}
              </button>`
        }
      </td>
    </tr>`;
  }

  override render() {
    const users = this.users.value;
    return html`<section aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      <p class="alert" role="alert">${this.error || this.users.error || ''}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${
        users
          ? html`<div class="scroll" role="region" aria-labelledby="users-heading" tabindex="0">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Type</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">Created</th>
                    <th scope="col"><span class="visually-hidden">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${users.map((user) => this.#row(user))}
                </tbody>
              </table>
            </div>`
          : this.users.error
            ? ''
            : html`<p class="muted">Loading users…</p>`
      }
      <chatpoint-admin-confirm></chatpoint-admin-confirm>
    </section>`;
  }
}
