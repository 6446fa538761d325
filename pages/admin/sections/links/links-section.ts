import { html, type PropertyValues } from 'lit';
import { adminApi, linkQrPath, MAX_LINK_LABEL_LENGTH, type RegistrationLink } from '../../admin-api.ts';
import { adminWords, fill } from '../../i18n/index.ts';
import { ListSection } from '../list-section.ts';
import { linksSectionStyles } from './links-section.styles.ts';

const plural = (count: number) => {
  const t = adminWords().links;
  return fill(count === 1 ? t.registrationsOne : t.registrations, { count });
};

/**
 * The Links section of the Public Registration panel: every entrance to the registration with its
 * URL, snippet, QR code and how many people came through it; add and delete links.
 */
export class ChatpointAdminLinks extends ListSection<RegistrationLink> {
  static override properties = {
    ...ListSection.properties,
    defaultLinkId: { attribute: false },
    labelDraft: { state: true },
  };
  static override styles = [...ListSection.styles, linksSectionStyles];

  /** The registration's default link; a change (first open, regeneration) reloads the list. */
  declare defaultLinkId: string | null;
  declare labelDraft: string;

  constructor() {
    super();
    this.defaultLinkId = null;
    this.labelDraft = '';
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('defaultLinkId')) void this.load();
  }

  protected override async fetchItems() {
    return (await adminApi.links()).links;
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
    await this.change('add', async () => {
      const link = await adminApi.createLink(label);
      this.labelDraft = '';
      return fill(adminWords().links.added, { label: link.label });
    });
  };

  async #delete(link: RegistrationLink) {
    if (this.busy) return;
    const t = adminWords().links;
    const confirmed = await this.confirm({
      heading: fill(t.deleteHeading, { label: link.label }),
      message: [t.deleteEffect, t.deleteKeeps],
      confirmLabel: t.deleteLink,
    });
    if (!confirmed) return;
    await this.change(link.linkId, async () => {
      await adminApi.deleteLink(link.linkId);
      return fill(t.deleted, { label: link.label });
    });
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
    const links = this.items.value;
    const t = adminWords().links;
    if (!links) return this.items.error ? '' : html`<p class="muted">${t.loading}</p>`;
    if (links.length === 0) {
      return html`<p class="muted">${t.none}</p>`;
    }
    return html`<ul class="items" aria-labelledby="links-heading">${links.map((link, i) => this.#link(link, i))}</ul>`;
  }

  override render() {
    const canAdd = Boolean(this.items.value?.length);
    const t = adminWords().links;
    return html`<section class="stack" aria-labelledby="links-heading">
      ${this.head('links', t.heading, t.loadError)}
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
