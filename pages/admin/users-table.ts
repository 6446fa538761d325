import { css, html, LitElement } from 'lit';
import { LanguageController } from '../ui/i18n/index.ts';
import { adminStyles } from './admin.styles.ts';
import { type AdminUser, errorMessage } from './admin-api.ts';
import type { AdminData, Loadable } from './admin-data.ts';
import type { ChatpointConfirmDialog } from './confirm-dialog.ts';
import { adminWords, fill } from './i18n/index.ts';
import { formatDate } from './words.ts';

/** For the person in charge: who they look after, and what deactivating them means for those people. */
function registrantsLine(pic: AdminUser): string {
  const t = adminWords().users;
  const count = pic.registrants ?? 0;
  const text =
    count === 0 ? t.confirmRegistrantsNone : count === 1 ? t.confirmRegistrantsOne : t.confirmRegistrantsMany;
  return fill(text, {
    name: pic.name,
    count: new Intl.NumberFormat(document.documentElement.lang || undefined).format(count),
  });
}

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

  protected readonly language = new LanguageController(this);

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
    const t = adminWords().users;
    const name = { name: user.name };
    if (deactivating) {
      const confirmed = await this.#confirm.ask({
        heading: fill(t.confirmHeading, name),
        message: [...(isPic ? [fill(t.confirmPic, name), registrantsLine(user)] : []), t.confirmSignedOut],
        confirmLabel: t.deactivate,
      });
      if (!confirmed) return;
    }
    this.busyId = user.id;
    this.error = '';
    try {
      await (deactivating ? this.data.deactivate(user) : this.data.reactivate(user));
      this.announcement = fill(
        deactivating ? (isPic ? t.deactivatedPic : t.deactivated) : t.reactivated,
        name,
      );
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busyId = null;
    }
  }

  #row(user: AdminUser) {
    const active = user.status === 'active';
    const busy = this.busyId === user.id;
    const t = adminWords().users;
    return html`<tr>
      <td>
        ${user.name}${user.id === this.meId ? html` <span class="muted">${t.you}</span>` : ''}
        <div class="badges">
          ${user.id === this.picId ? html`<span class="badge">${t.pic}</span>` : ''}
          ${
            user.registeredViaLink
              ? html`<span class="badge"
                  >${t.viaLink}${
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
      <td>${user.kind === 'internal' ? t.internal : t.external}</td>
      <td>${user.role === 'admin' ? t.admin : t.member}</td>
      <td class=${active ? 'status-active' : 'status-inactive'}>${active ? t.active : t.inactive}</td>
      <td><time datetime=${user.createdAt}>${formatDate(user.createdAt)}</time></td>
      <td>
        ${
          user.id === this.meId
            ? ''
            : html`<button
                class=${active ? 'danger' : 'secondary'}
                aria-label=${fill(active ? t.deactivateName : t.reactivateName, { name: user.name })}
                aria-disabled=${busy ? 'true' : 'false'}
                @click=${() => this.#toggle(user)}
              >
                ${busy ? (active ? t.deactivating : t.reactivating) : active ? t.deactivate : t.reactivate}
              </button>`
        }
      </td>
    </tr>`;
  }

  override render() {
    const users = this.users.value;
    const t = adminWords().users;
    return html`<section aria-labelledby="users-heading">
      <h2 id="users-heading">${t.heading}</h2>
      <p class="alert" role="alert">${this.error || this.users.error || ''}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${
        users
          ? html`<div class="scroll" role="region" aria-labelledby="users-heading" tabindex="0">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t.name}</th>
                    <th scope="col">${t.email}</th>
                    <th scope="col">${t.type}</th>
                    <th scope="col">${t.role}</th>
                    <th scope="col">${t.status}</th>
                    <th scope="col">${t.created}</th>
                    <th scope="col"><span class="visually-hidden">${t.actions}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${users.map((user) => this.#row(user))}
                </tbody>
              </table>
            </div>`
          : this.users.error
            ? ''
            : html`<p class="muted">${t.loading}</p>`
      }
      <chatpoint-admin-confirm></chatpoint-admin-confirm>
    </section>`;
  }
}
