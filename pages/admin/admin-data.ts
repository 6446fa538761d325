import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { followUserLanguage } from '../ui/i18n/index.ts';
import {
  type AdminUser,
  ApiError,
  type AuditEntry,
  adminApi,
  errorMessage,
  type Funnel,
  type Me,
  type Registration,
  type SettingsChange,
} from './admin-api.ts';

export const AdminStatus = {
  loading: 'loading',
  signedOut: 'signedOut',
  notAdmin: 'notAdmin',
  ready: 'ready',
} as const;
export type AdminStatus = (typeof AdminStatus)[keyof typeof AdminStatus];

/** A part of the page that loads on its own: its data, or why it could not load. */
export interface Loadable<T> {
  value: T | null;
  error: string | null;
}

const empty = <T>(): Loadable<T> => ({ value: null, error: null });

/**
 * Who is signed in and everything the admin page shows. Actions throw ApiError for the caller to
 * show beside the control; afterwards the parts they affect are reloaded, so the users table, the
 * panel and the audit log always agree with the server.
 */
export class AdminData implements ReactiveController {
  status: AdminStatus = AdminStatus.loading;
  me: Me['user'] | null = null;
  /** The users list as far as the admin has paged it, for the search in `usersSearch`. */
  users: Loadable<AdminUser[]> = empty();
  usersSearch = '';
  /** Where the next page of the users list starts; null when every matching user is shown. */
  usersNext: string | null = null;
  /** Every internal user: the people who can be in charge (however long the users list is). */
  staff: Loadable<AdminUser[]> = empty();
  registration: Loadable<Registration> = empty();
  funnel: Loadable<Funnel> = empty();
  audit: Loadable<AuditEntry[]> = empty();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {
    void this.start();
  }

  async start() {
    try {
      await this.#whoAmI();
    } catch (error) {
      // Not signed in, or the session ended: show the sign-in form.
      if (!(error instanceof ApiError) || error.status !== 401) console.warn(error);
      this.#set({ status: AdminStatus.signedOut });
    }
  }

  async signOut() {
    try {
      await adminApi.signOut();
    } finally {
      this.me = null;
      this.users = empty();
      this.staff = empty();
      this.usersSearch = '';
      this.usersNext = null;
      this.registration = empty();
      this.funnel = empty();
      this.audit = empty();
      this.#set({ status: AdminStatus.signedOut });
    }
  }

  async deactivate(user: AdminUser) {
    await adminApi.deactivate(user.id);
    await Promise.all([this.loadUsers(), this.loadRegistration(), this.loadActivity()]);
  }

  /** Erases an external user for good (their seat is free again). */
  async erase(user: AdminUser) {
    await adminApi.eraseUser(user.id);
    await Promise.all([this.loadUsers(), this.loadRegistration(), this.loadActivity()]);
  }

  async reactivate(user: AdminUser) {
    await adminApi.reactivate(user.id);
    await Promise.all([this.loadUsers(), this.loadRegistration(), this.loadActivity()]);
  }

  saveSettings(change: SettingsChange) {
    return this.#changeRegistration(() => adminApi.saveSettings(change));
  }

  setOpen(open: boolean) {
    return this.#changeRegistration(() =>
      open ? adminApi.openRegistration() : adminApi.closeRegistration(),
    );
  }

  regenerateLink() {
    return this.#changeRegistration(() => adminApi.regenerateLink());
  }

  /** The first page of the users list for the current search, and every internal user. */
  loadUsers() {
    return Promise.all([
      this.#load('users', async () => {
        const page = await adminApi.users({ q: this.usersSearch });
        this.usersNext = page.next;
        return page.users;
      }),
      this.#load('staff', async () => {
        const staff: AdminUser[] = [];
        let cursor: string | undefined;
        do {
          const page = await adminApi.users({ kind: 'internal', cursor });
          staff.push(...page.users);
          cursor = page.next ?? undefined;
        } while (cursor);
        return staff;
      }),
    ]);
  }

  /** Shows the users whose name or email holds `search`, from the first page. */
  searchUsers(search: string) {
    this.usersSearch = search.trim();
    return this.#load('users', async () => {
      const query = this.usersSearch;
      const page = await adminApi.users({ q: query });
      // A newer search may have answered first: its list stays.
      if (query !== this.usersSearch) return this.users.value ?? [];
      this.usersNext = page.next;
      return page.users;
    });
  }

  /** Adds the next page of the current search to the list. */
  loadMoreUsers() {
    const cursor = this.usersNext;
    if (!cursor) return Promise.resolve();
    return this.#load('users', async () => {
      const page = await adminApi.users({ q: this.usersSearch, cursor });
      this.usersNext = page.next;
      return [...(this.users.value ?? []), ...page.users];
    });
  }

  loadRegistration() {
    return this.#load('registration', () => adminApi.registration());
  }

  loadActivity() {
    return Promise.all([
      this.#load('funnel', () => adminApi.funnel()),
      this.#load('audit', async () => {
        const { entries } = await adminApi.audit();
        return [...entries].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
      }),
    ]);
  }

  async #whoAmI() {
    const { user } = await adminApi.me();
    followUserLanguage(user.lang);
    this.me = user;
    if (user.role !== 'admin') {
      this.#set({ status: AdminStatus.notAdmin });
      return;
    }
    this.#set({ status: AdminStatus.ready });
    await Promise.all([this.loadUsers(), this.loadRegistration(), this.loadActivity()]);
  }

  async #changeRegistration(change: () => Promise<Registration>) {
    try {
      const registration = await change();
      this.#set({ registration: { value: registration, error: null } });
      return registration;
    } catch (error) {
      // A refused change can still mean the state moved (e.g. the PIC was deactivated meanwhile).
      void this.loadRegistration();
      throw error;
    } finally {
      void this.loadActivity();
    }
  }

  async #load<K extends 'users' | 'staff' | 'registration' | 'funnel' | 'audit'>(
    key: K,
    fetchPart: () => Promise<NonNullable<this[K]['value']>>,
  ) {
    try {
      this.#set({ [key]: { value: await fetchPart(), error: null } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.#set({ status: AdminStatus.signedOut });
        return;
      }
      this.#set({ [key]: { value: this[key].value, error: errorMessage(error) } });
    }
  }

  #set(change: Partial<Pick<AdminData, 'status' | 'users' | 'staff' | 'registration' | 'funnel' | 'audit'>>) {
    Object.assign(this, change);
    this.host.requestUpdate();
  }
}
