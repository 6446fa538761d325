import { css, html, type PropertyValues } from 'lit';
import { adminStyles } from './admin.styles.ts';
import {
  adminApi,
  errorMessage,
  linkQrPath,
  MAX_LINK_LABEL_LENGTH,
  type RegistrationLink,
} from './admin-api.ts';
import type { Loadable } from './admin-data.ts';
import { AdminSection } from './admin-section.ts';
import type { ChatpointConfirmDialog } from './confirm-dialog.ts';
import { helpButton, helpText } from './help-toggle.ts';
import { adminWords, fill } from './i18n/index.ts';
import { panelStyles } from './registration-panel.styles.ts';

const plural = (count: number) => {
  const t = adminWords().links;
  return fill(count === 1 ? t.registrationsOne : t.registrations, { count });
};

/**
 * The Links section of the Public Registration panel: every entrance to the registration with its
 * URL, snippet, QR code and how many people came through it; add and delete links.
 */
export class ChatpointAdminLinks extends AdminSection {
  static override properties = {
    ...AdminSection.properties,
    defaultLinkId: { attribute: false },
    links: { state: true },
    labelDraft: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  static override styles = [
    adminStyles,
    panelStyles,
    css`
      :host { padding-block-start: 1.25rem; border-block-start: 1px solid var(--_line) }
      ul { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none }
      li { display: grid; gap: 0.5rem; padding: 0.75rem; border: 1px solid var(--_line); border-radius: var(--_radius) }
      .link-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.75rem }
      .link-head strong { overflow-wrap: anywhere }
      .count { margin-inline-start: auto }
      summary { cursor: pointer; color: var(--_accent); font-weight: 600 }
      details[open] > summary { margin-block-end: 0.5rem }
      textarea { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem }
      .add { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end }
      .add .field { flex: 1 1 14rem }
      .announcement:not(:empty) { position: static }
    `,
  ];

  /** The registration's default link; a change (first open, regeneration) reloads the list. */
  declare defaultLinkId: string | null;
  declare links: Loadable<RegistrationLink[]>;
  declare labelDraft: string;
  declare busy: '' | 'add' | string;
  declare error: string;

  constructor() {
    super();
    this.defaultLinkId = null;
    this.links = { value: null, error: null };
    this.labelDraft = '';
    this.busy = '';
    this.error = '';
  }

  get #confirm() {
    return this.renderRoot.querySelector<ChatpointConfirmDialog>('chatpoint-admin-confirm')!;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('defaultLinkId')) void this.load();
  }

  async load() {
    try {
      this.links = { value: (await adminApi.links()).links, error: null };
    } catch (error) {
      this.links = { value: this.links.value, error: errorMessage(error) };
    }
  }

  #add = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const label = this.labelDraft.trim();
    if (!label) {
      this.error = adminWords().links.labelMissing;
      this.renderRoot.querySelector<HTMLInputElement>('#link-label')?.focus();
      return;
    }
    this.busy = 'add';
    this.error = '';
    try {
      const link = await adminApi.createLink(label);
      this.labelDraft = '';
      await this.load();
      void this.data?.loadActivity();
      this.announce(fill(adminWords().links.added, { label: link.label }));
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = '';
    }
  };

  async #delete(link: RegistrationLink) {
    if (this.busy) return;
    const t = adminWords().links;
    const confirmed = await this.#confirm.ask({
      heading: fill(t.deleteHeading, { label: link.label }),
      message: [t.deleteEffect, t.deleteKeeps],
      confirmLabel: t.deleteLink,
    });
    if (!confirmed) return;
    this.busy = link.linkId;
    this.error = '';
    try {
      await adminApi.deleteLink(link.linkId);
      await this.load();
      void this.data?.loadActivity();
      this.announce(fill(adminWords().links.deleted, { label: link.label }));
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = '';
    }
  }

  #link(link: RegistrationLink, index: number) {
    const urlId = `link-url-${index}`;
    const embedId = `link-embed-${index}`;
    const t = adminWords().links;
    // The first link's stored label is the code `default`: it reads as "Default" in the admin's language.
    const name = link.default ? t.default : link.label;
    const label = { label: name };
    return html`<li>
      <div class="link-head">
        <strong>${name}</strong>
        <span class="count muted">${plural(link.registrations)}</span>
      </div>
      <div class="copy-row">
        <input id=${urlId} readonly aria-label=${fill(t.linkLabel, label)} .value=${link.url} />
        <button type="button" class="secondary" @click=${() => this.copy(link.url, urlId, t.refusedLink)}>${adminWords().share.copyLink}</button>
      </div>
      <details>
        <summary>${t.snippetAndQr}</summary>
        <div class="stack">
          <textarea id=${embedId} readonly rows="3" aria-label=${fill(t.snippetLabel, label)} .value=${link.embed}></textarea>
          <div class="row">
            <button type="button" class="secondary" @click=${() => this.copy(link.embed, embedId, t.refusedSnippet)}>
              ${adminWords().share.copySnippet}
            </button>
          </div>
          <div class="qr">
            <img src=${linkQrPath(link.linkId)} alt=${fill(t.qrAlt, label)} width="160" height="160" loading="lazy" />
            <a class="button secondary" href=${linkQrPath(link.linkId)} download="chatpoint-${link.linkId}-qr.svg">${t.downloadQr}</a>
          </div>
        </div>
      </details>
      ${
        link.default
          ? ''
          : html`<div class="row">
              <button
                type="button"
                class="danger"
                aria-disabled=${this.busy === link.linkId ? 'true' : 'false'}
                @click=${() => this.#delete(link)}
              >${this.busy === link.linkId ? t.deleting : html`${t.delete}<span class="visually-hidden"> ${link.label}</span>`}</button>
            </div>`
      }
    </li>`;
  }

  #list() {
    const links = this.links.value;
    const t = adminWords().links;
    if (!links) return this.links.error ? '' : html`<p class="muted">${t.loading}</p>`;
    if (links.length === 0) {
      return html`<p class="muted">${t.none}</p>`;
    }
    return html`<ul aria-labelledby="links-heading">${links.map((link, i) => this.#link(link, i))}</ul>`;
  }

  override render() {
    const canAdd = Boolean(this.links.value?.length);
    const t = adminWords().links;
    return html`<section class="stack" aria-labelledby="links-heading">
      <div class="label-row">
        <h3 id="links-heading">${t.heading}</h3>
        ${helpButton(this, 'links', t.heading)}
      </div>
      ${helpText(this, 'links')}
      <p class="announcement" role="status" aria-live="polite">${this.announcement}</p>
      <p class="alert" role="alert">${this.links.error ? fill(t.loadError, { error: this.links.error }) : ''}</p>
      ${this.#list()}
      ${
        canAdd
          ? html`<form class="add" @submit=${this.#add} novalidate>
              <div class="field">
                <label for="link-label">${t.newLabel}</label>
                <input
                  id="link-label"
                  maxlength=${MAX_LINK_LABEL_LENGTH}
                  placeholder=${t.placeholder}
                  .value=${this.labelDraft}
                  @input=${(e: Event) => {
                    this.labelDraft = (e.target as HTMLInputElement).value;
                  }}
                />
              </div>
              <button type="submit" aria-disabled=${this.busy === 'add' ? 'true' : 'false'}>
                ${this.busy === 'add' ? t.adding : t.add}
              </button>
            </form>`
          : ''
      }
      <p class="alert" role="alert">${this.error}</p>
      <chatpoint-admin-confirm></chatpoint-admin-confirm>
    </section>`;
  }
}
