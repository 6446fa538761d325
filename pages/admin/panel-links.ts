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
import { panelStyles } from './registration-panel.styles.ts';

const plural = (n: number) => `${n} ${n === 1 ? 'registration' : 'registrations'}`;

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
      this.error = 'Give the new link a label, such as the site or campaign it is for.';
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
      this.announce(`Link "${link.label}" added.`);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = '';
    }
  };

  async #delete(link: RegistrationLink) {
    if (this.busy) return;
    const confirmed = await this.#confirm.ask({
      heading: `Delete the link "${link.label}"?`,
      message: [
        'The link, its QR code and every page that embeds its snippet stop working at once.',
        'People who already registered through it keep their accounts.',
      ],
      confirmLabel: 'Delete link',
    });
    if (!confirmed) return;
    this.busy = link.linkId;
    this.error = '';
    try {
      await adminApi.deleteLink(link.linkId);
      await this.load();
      void this.data?.loadActivity();
      this.announce(`Link "${link.label}" deleted.`);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = '';
    }
  }

  #link(link: RegistrationLink, index: number) {
    const urlId = `link-url-${index}`;
    const embedId = `link-embed-${index}`;
    return html`<li>
      <div class="link-head">
        <strong>${link.label}</strong>
        ${link.default ? html`<span class="badge">Default</span>` : ''}
        <span class="count muted">${plural(link.registrations)}</span>
      </div>
      <div class="copy-row">
        <input id=${urlId} readonly aria-label="Link: ${link.label}" .value=${link.url} />
        <button type="button" class="secondary" @click=${() => this.copy(link.url, urlId, 'link')}>Copy link</button>
      </div>
      <details>
        <summary>Snippet and QR code</summary>
        <div class="stack">
          <textarea id=${embedId} readonly rows="3" aria-label="Embed snippet: ${link.label}" .value=${link.embed}></textarea>
          <div class="row">
            <button type="button" class="secondary" @click=${() => this.copy(link.embed, embedId, 'snippet')}>
              Copy snippet
            </button>
          </div>
          <div class="qr">
            <img src=${linkQrPath(link.linkId)} alt="QR code of the link ${link.label}" width="160" height="160" loading="lazy" />
            <a class="button secondary" href=${linkQrPath(link.linkId)} download="chatpoint-${link.linkId}-qr.svg">Download QR code</a>
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
              >${this.busy === link.linkId ? 'Deleting…' : html`Delete<span class="visually-hidden"> ${link.label}</span>`}</button>
            </div>`
      }
    </li>`;
  }

  #list() {
    const links = this.links.value;
    if (!links) return this.links.error ? '' : html`<p class="muted">Loading…</p>`;
    if (links.length === 0) {
      return html`<p class="muted">The first link is created the first time you open registration; then you can add more.</p>`;
    }
    return html`<ul aria-labelledby="links-heading">${links.map((link, i) => this.#link(link, i))}</ul>`;
  }

  override render() {
    const canAdd = Boolean(this.links.value?.length);
    return html`<section class="stack" aria-labelledby="links-heading">
      <div class="label-row">
        <h3 id="links-heading">Links</h3>
        ${helpButton(this, 'links', 'Links')}
      </div>
      ${helpText(this, 'links')}
      <p class="announcement" role="status" aria-live="polite">${this.announcement}</p>
      <p class="alert" role="alert">${this.links.error ? `The links could not be loaded. ${this.links.error}` : ''}</p>
      ${this.#list()}
      ${
        canAdd
          ? html`<form class="add" @submit=${this.#add} novalidate>
              <div class="field">
                <label for="link-label">Label of a new link</label>
                <input
                  id="link-label"
                  maxlength=${MAX_LINK_LABEL_LENGTH}
                  placeholder="Spring fair, partner site…"
                  .value=${this.labelDraft}
                  @input=${(e: Event) => {
                    this.labelDraft = (e.target as HTMLInputElement).value;
                  }}
                />
              </div>
              <button type="submit" aria-disabled=${this.busy === 'add' ? 'true' : 'false'}>
                ${this.busy === 'add' ? 'Adding…' : 'Add link'}
              </button>
            </form>`
          : ''
      }
      <p class="alert" role="alert">${this.error}</p>
      <chatpoint-admin-confirm></chatpoint-admin-confirm>
    </section>`;
  }
}
