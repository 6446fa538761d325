import { html, LitElement, nothing } from 'lit';
import { LanguageController } from '../ui/i18n/index.ts';
import { adminStyles } from './admin.styles.ts';
import { type AdminUser, adminApi, errorMessage } from './admin-api.ts';
import type { AdminData, Loadable } from './admin-data.ts';
import type { ChatpointConfirmDialog } from './confirm-dialog.ts';
import { adminWords, fill } from './i18n/index.ts';
import { Notices } from './notices.ts';
import { userDetail, userDetailStyles } from './user-detail.ts';
import { usersTableStyles } from './users-table.styles.ts';
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
    detailUser: { state: true },
  };
  static override styles = [adminStyles, usersTableStyles, userDetailStyles];

  declare data: AdminData;
  declare users: Loadable<AdminUser[]>;
  declare picId: string | null;
  declare meId: string | null;
  declare busyId: string | null;
  /** The user whose details are open, if any. */
  declare detailUser: AdminUser | null;
  /** What happened to a user, said in that user's row; errors stay until the next action. */
  readonly notices = new Notices(this, 0);

  protected readonly language = new LanguageController(this);

  constructor() {
    super();
    this.users = { value: null, error: null };
    this.picId = null;
    this.meId = null;
    this.busyId = null;
    this.detailUser = null;
  }

  get #confirm() {
    return this.renderRoot.querySelector<ChatpointConfirmDialog>('chatpoint-admin-confirm')!;
  }

  /** Why the last action on a user failed, shown in that user's row. */
  #failed: { userId: string; message: string } | null = null;

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
    this.notices.clear();
    this.#failed = null;
    try {
      await (deactivating ? this.data.deactivate(user) : this.data.reactivate(user));
      void this.notices.say(
        user.id,
        fill(deactivating ? (isPic ? t.deactivatedPic : t.deactivated) : t.reactivated, name),
      );
    } catch (error) {
      this.#failed = { userId: user.id, message: errorMessage(error) };
    } finally {
      this.busyId = null;
    }
  }

  /** Everything stored about the person, as a JSON download (an access request). */
  async #export(user: AdminUser) {
    if (this.busyId) return;
    this.#failed = null;
    try {
      const data = await adminApi.exportUser(user.id);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      );
      link.download = `user-${user.id}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      this.#failed = { userId: user.id, message: errorMessage(error) };
      this.requestUpdate();
    }
  }

  /** Erases an external user for good, after a confirmation that names them (an erasure request). */
  async #erase(user: AdminUser) {
    if (this.busyId) return;
    const t = adminWords().users;
    const confirmed = await this.#confirm.ask({
      heading: fill(t.eraseHeading, { name: user.name }),
      message: [fill(t.eraseMessage, { name: user.name, email: user.email }), t.eraseExportFirst],
      confirmLabel: t.erase,
    });
    if (!confirmed) return;
    this.busyId = user.id;
    this.notices.clear();
    this.#failed = null;
    try {
      await this.data.erase(user);
      void this.notices.say('erased', fill(t.erased, { name: user.name }));
    } catch (error) {
      this.#failed = { userId: user.id, message: errorMessage(error) };
    } finally {
      this.busyId = null;
    }
  }

  async #showDetail(user: AdminUser) {
    this.detailUser = user;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('#user-detail')!;
    if (!dialog.open) dialog.showModal();
  }

  readonly #detailActions = {
    close: () => {
      this.renderRoot.querySelector<HTMLDialogElement>('#user-detail')?.close();
      this.detailUser = null;
    },
    exportData: (user: AdminUser) => void this.#export(user),
    erase: (user: AdminUser) => {
      this.#detailActions.close();
      void this.#erase(user);
    },
  };

  #privacyActions(user: AdminUser, busy: boolean) {
    if (user.kind !== 'external') return '';
    const t = adminWords().users;
    return html`<button class="secondary" aria-label=${fill(t.exportName, { name: user.name })}
        @click=${() => this.#export(user)}>${t.exportData}</button>
      <button class="danger" aria-label=${fill(t.eraseName, { name: user.name })}
        aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.#erase(user)}>
        ${busy ? t.erasing : t.erase}
      </button>`;
  }

  #row(user: AdminUser) {
    const active = user.status === 'active';
    const busy = this.busyId === user.id;
    const t = adminWords().users;
    const failed = this.#failed?.userId === user.id ? this.#failed.message : '';
    return html`<tr role="row">
      <td role="cell" class="name" tabindex="-1">
        <button type="button" class="name-link" aria-haspopup="dialog" @click=${() => this.#showDetail(user)}>${user.name}</button>${user.id === this.meId ? html` <span class="muted">${t.you}</span>` : ''}
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
      <td role="cell" class="email">${user.email}</td>
      <td role="cell" data-label=${t.type}>${user.kind === 'internal' ? t.internal : t.external}</td>
      <td role="cell" data-label=${t.role}>${user.role === 'admin' ? t.admin : t.member}</td>
      <td role="cell" data-label=${t.status} class=${active ? 'status-active' : 'status-inactive'}>
        ${active ? t.active : t.inactive}
      </td>
      <td role="cell" data-label=${t.created}><time datetime=${user.createdAt}>${formatDate(user.createdAt)}</time></td>
      <td role="cell" class="actions">
        ${this.#privacyActions(user, busy)}
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
        ${this.notices.line(user.id)}
        <p class="alert" role="alert">${failed || nothing}</p>
      </td>
    </tr>`;
  }

  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  /** Searches as the admin types, once they pause; Enter searches at once. */
  #search(event: Event) {
    const input = event.target as HTMLInputElement;
    clearTimeout(this.#searchTimer);
    const run = () => void this.data.searchUsers(input.value);
    if (event.type === 'search' || (event as KeyboardEvent).key === 'Enter') run();
    else this.#searchTimer = setTimeout(run, 250);
  }

  async #showMore() {
    const shown = this.users.value?.length ?? 0;
    await this.data.loadMoreUsers();
    // Keyboard users continue from the first user the button added.
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('tbody td.name')[shown]?.focus();
  }

  #footer(users: AdminUser[]) {
    const t = adminWords().users;
    const search = this.data?.usersSearch ?? '';
    return html`${
      users.length === 0 && search ? html`<p class="muted">${fill(t.noMatch, { search })}</p>` : nothing
    }
      ${
        this.data?.usersNext
          ? html`<p class="more">
              <button type="button" @click=${this.#showMore}>${t.showMore}</button>
              <span class="muted">${fill(t.shown, { count: users.length })}</span>
            </p>`
          : nothing
      }`;
  }

  override render() {
    const users = this.users.value;
    const t = adminWords().users;
    return html`<section aria-labelledby="users-heading">
      <h2 id="users-heading">${t.heading}</h2>
      <input
        type="search"
        class="search"
        aria-label=${t.search}
        placeholder=${t.search}
        maxlength="100"
        @input=${this.#search}
        @search=${this.#search}
        @keydown=${this.#search}
      />
      <p class="alert" role="alert">${this.users.error ?? ''}</p>
      ${this.notices.line('erased')}
      ${
        users
          ? html`<div class="scroll" role="region" aria-labelledby="users-heading" tabindex="0">
              <table role="table">
                <thead role="rowgroup">
                  <tr role="row">
                    <th role="columnheader" scope="col">${t.name}</th>
                    <th role="columnheader" scope="col">${t.email}</th>
                    <th role="columnheader" scope="col">${t.type}</th>
                    <th role="columnheader" scope="col">${t.role}</th>
                    <th role="columnheader" scope="col">${t.status}</th>
                    <th role="columnheader" scope="col">${t.created}</th>
                    <th role="columnheader" scope="col"><span class="visually-hidden">${t.actions}</span></th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  ${users.map((user) => this.#row(user))}
                </tbody>
              </table>
            </div>
            ${this.#footer(users)}`
          : this.users.error
            ? ''
            : html`<p class="muted">${t.loading}</p>`
      }
      ${userDetail(this.detailUser, this.#detailActions)}
      <chatpoint-admin-confirm></chatpoint-admin-confirm>
    </section>`;
  }
}
