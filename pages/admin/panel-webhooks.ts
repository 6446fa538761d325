import { css, html } from 'lit';
import { adminStyles } from './admin.styles.ts';
import {
  adminApi,
  errorMessage,
  WEBHOOK_EVENT_TYPES,
  type Webhook,
  type WebhookCreated,
  type WebhookDelivery,
} from './admin-api.ts';
import type { Loadable } from './admin-data.ts';
import { AdminSection } from './admin-section.ts';
import type { ChatpointConfirmDialog } from './confirm-dialog.ts';
import { helpButton, helpText } from './help-toggle.ts';
import { adminWords, fill } from './i18n/index.ts';
import { panelStyles } from './registration-panel.styles.ts';
import { formatDateTime } from './words.ts';

type EventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const eventKeys = {
  'user.registered': 'userRegistered',
  'registration.opened': 'registrationOpened',
  'registration.closed': 'registrationClosed',
} as const satisfies Record<EventType, string>;
const eventWords = (type: EventType) => adminWords().webhooks[eventKeys[type]];

/** How long after "Send test event" the deliveries are looked at again. */
const TEST_RELOAD_MS = 1500;

function deliveryStatus(delivery: WebhookDelivery) {
  const t = adminWords().webhooks;
  const tries = fill(delivery.attempts === 1 ? t.attemptsOne : t.attempts, { count: delivery.attempts });
  if (delivery.status === 'delivered')
    return html`<span class="status-active">${t.delivered}</span> <span class="muted">(${tries})</span>`;
  if (delivery.status === 'failed')
    return html`<span class="alert">${t.failed}</span> <span class="muted">(${tries})</span>`;
  if (delivery.attempts === 0) return html`<span>${t.waiting}</span>`;
  return html`<span>${t.retrying}</span>
    <span class="muted">(${tries}${delivery.nextAttemptAt ? `, ${fill(t.next, { time: formatDateTime(delivery.nextAttemptAt) })}` : ''})</span>`;
}

function deliveryAnswer(delivery: WebhookDelivery) {
  const code = delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : (delivery.lastError ?? '');
  const excerpt = delivery.lastResponse ? `: ${delivery.lastResponse}` : '';
  return `${code}${excerpt}`;
}

/**
 * The Webhooks section of the Public Registration panel: add an https URL with its events (the
 * signing secret is shown once), see the latest deliveries, send a test event, delete.
 */
export class ChatpointAdminWebhooks extends AdminSection {
  static override properties = {
    ...AdminSection.properties,
    webhooks: { state: true },
    urlDraft: { state: true },
    eventsDraft: { state: true },
    created: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  static override styles = [
    adminStyles,
    panelStyles,
    css`
      :host { padding-block-start: 1.25rem; border-block-start: 1px solid var(--_line) }
      ul.hooks { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none }
      ul.hooks > li { display: grid; gap: 0.5rem; padding: 0.75rem; border: 1px solid var(--_line); border-radius: var(--_radius) }
      .url { font-weight: 600; overflow-wrap: anywhere }
      fieldset { min-inline-size: 0; display: grid; gap: 0.35rem; margin: 0; padding: 0.5rem 0.75rem; border: 1px solid var(--_line); border-radius: var(--_radius) }
      legend { padding-inline: 0.25rem }
      fieldset label { display: flex; align-items: center; gap: 0.5rem }
      fieldset input { inline-size: 1.1rem; block-size: 1.1rem }
      .secret { padding: 0.75rem; border-inline-start: 4px solid var(--_warning-border); background: var(--_warning-bg) }
      .secret input { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace }
      table.deliveries { min-inline-size: 30rem; font-size: 0.9rem }
      td.answer { overflow-wrap: anywhere }
      .announcement:not(:empty) { position: static }
    `,
  ];

  declare webhooks: Loadable<Webhook[]>;
  declare urlDraft: string;
  declare eventsDraft: ReadonlySet<EventType>;
  /** The webhook just added, with its secret: shown until dismissed, never again. */
  declare created: WebhookCreated | null;
  declare busy: string;
  declare error: string;

  constructor() {
    super();
    this.webhooks = { value: null, error: null };
    this.urlDraft = '';
    this.eventsDraft = new Set(WEBHOOK_EVENT_TYPES);
    this.created = null;
    this.busy = '';
    this.error = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  get #confirm() {
    return this.renderRoot.querySelector<ChatpointConfirmDialog>('chatpoint-admin-confirm')!;
  }

  async load() {
    try {
      this.webhooks = { value: (await adminApi.webhooks()).webhooks, error: null };
    } catch (error) {
      this.webhooks = { value: this.webhooks.value, error: errorMessage(error) };
    }
  }

  #toggleEvent(type: EventType, on: boolean) {
    const events = new Set(this.eventsDraft);
    if (on) events.add(type);
    else events.delete(type);
    this.eventsDraft = events;
  }

  #add = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const url = this.urlDraft.trim();
    if (!url) {
      this.error = adminWords().webhooks.urlMissing;
      this.renderRoot.querySelector<HTMLInputElement>('#webhook-url')?.focus();
      return;
    }
    if (this.eventsDraft.size === 0) {
      this.error = adminWords().webhooks.eventMissing;
      return;
    }
    this.busy = 'add';
    this.error = '';
    try {
      this.created = await adminApi.createWebhook({
        url,
        events: WEBHOOK_EVENT_TYPES.filter((type) => this.eventsDraft.has(type)),
      });
      this.urlDraft = '';
      this.eventsDraft = new Set(WEBHOOK_EVENT_TYPES);
      await this.load();
      void this.data?.loadActivity();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#webhook-secret')?.focus();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = '';
    }
  };

  async #test(webhook: Webhook) {
    if (this.busy) return;
    this.busy = `test:${webhook.id}`;
    this.error = '';
    try {
      await adminApi.testWebhook(webhook.id);
      this.announce(adminWords().webhooks.testSent);
      await this.load();
      setTimeout(() => void this.load(), TEST_RELOAD_MS);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = '';
    }
  }

  async #delete(webhook: Webhook) {
    if (this.busy) return;
    const t = adminWords().webhooks;
    const confirmed = await this.#confirm.ask({
      heading: t.deleteHeading,
      message: [webhook.url, t.deleteEffect],
      confirmLabel: t.deleteWebhook,
    });
    if (!confirmed) return;
    this.busy = `delete:${webhook.id}`;
    try {
      await adminApi.deleteWebhook(webhook.id);
      if (this.created?.id === webhook.id) this.created = null;
      await this.load();
      void this.data?.loadActivity();
      this.announce(adminWords().webhooks.deleted);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = '';
    }
  }

  #secret(created: WebhookCreated) {
    const t = adminWords().webhooks;
    return html`<div class="secret stack" role="group" aria-labelledby="secret-label">
      <label id="secret-label" for="webhook-secret">${fill(t.secretOf, { url: created.url })}</label>
      <p>${t.secretOnce}</p>
      <div class="copy-row">
        <input id="webhook-secret" readonly .value=${created.secret} />
        <button type="button" class="secondary" @click=${() => this.copy(created.secret, 'webhook-secret', t.refusedSecret)}>
          ${t.copySecret}
        </button>
      </div>
      <div class="row">
        <button type="button" class="plain" @click=${() => {
          this.created = null;
        }}>${t.savedIt}</button>
      </div>
    </div>`;
  }

  #deliveries(webhook: Webhook, index: number) {
    const t = adminWords().webhooks;
    if (webhook.deliveries.length === 0) return html`<p class="muted">${t.noDeliveries}</p>`;
    const headingId = `deliveries-${index}`;
    return html`<p id=${headingId} class="muted">${t.latest}</p>
      <div class="scroll" role="region" aria-labelledby=${headingId} tabindex="0">
        <table class="deliveries">
          <thead>
            <tr>
              <th scope="col">${t.time}</th>
              <th scope="col">${t.event}</th>
              <th scope="col">${t.status}</th>
              <th scope="col">${t.lastAnswer}</th>
            </tr>
          </thead>
          <tbody>
            ${webhook.deliveries.map(
              (delivery) => html`<tr>
                <td><time datetime=${delivery.createdAt}>${formatDateTime(delivery.createdAt)}</time></td>
                <td><code>${delivery.type}</code></td>
                <td>${deliveryStatus(delivery)}</td>
                <td class="answer">${deliveryAnswer(delivery)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  #webhook(webhook: Webhook, index: number) {
    const testing = this.busy === `test:${webhook.id}`;
    const deleting = this.busy === `delete:${webhook.id}`;
    const t = adminWords().webhooks;
    return html`<li>
      <span class="url">${webhook.url}</span>
      <span class="muted">${webhook.events.map((type) => eventWords(type)).join(' · ')}</span>
      ${this.#deliveries(webhook, index)}
      <div class="row">
        <button type="button" class="secondary" aria-disabled=${testing ? 'true' : 'false'} @click=${() => this.#test(webhook)}>
          ${testing ? t.sending : t.sendTest}
        </button>
        <button type="button" class="danger" aria-disabled=${deleting ? 'true' : 'false'} @click=${() => this.#delete(webhook)}>
          ${deleting ? t.deleting : t.delete}
        </button>
      </div>
    </li>`;
  }

  #list() {
    const webhooks = this.webhooks.value;
    const t = adminWords().webhooks;
    if (!webhooks) return this.webhooks.error ? '' : html`<p class="muted">${t.loading}</p>`;
    if (webhooks.length === 0) return html`<p class="muted">${t.none}</p>`;
    return html`<ul class="hooks" aria-labelledby="webhooks-heading">${webhooks.map((w, i) => this.#webhook(w, i))}</ul>
      <div class="row">
        <button type="button" class="plain" @click=${() => this.load()}>${t.refresh}</button>
      </div>`;
  }

  override render() {
    const t = adminWords().webhooks;
    return html`<section class="stack" aria-labelledby="webhooks-heading">
      <div class="label-row">
        <h3 id="webhooks-heading">${t.heading}</h3>
        ${helpButton(this, 'webhooks', t.heading)}
      </div>
      ${helpText(this, 'webhooks')}
      <p class="announcement" role="status" aria-live="polite">${this.announcement}</p>
      <p class="alert" role="alert">${this.webhooks.error ? fill(t.loadError, { error: this.webhooks.error }) : ''}</p>
      ${this.created ? this.#secret(this.created) : ''}
      ${this.#list()}
      <form class="stack" @submit=${this.#add} novalidate>
        <div class="field">
          <label for="webhook-url">${t.url}</label>
          <input
            id="webhook-url"
            type="url"
            inputmode="url"
            placeholder="https://example.com/chatpoint/webhook"
            .value=${this.urlDraft}
            @input=${(e: Event) => {
              this.urlDraft = (e.target as HTMLInputElement).value;
            }}
          />
        </div>
        <fieldset>
          <legend>${t.events}</legend>
          ${WEBHOOK_EVENT_TYPES.map(
            (type) => html`<label>
              <input
                type="checkbox"
                .checked=${this.eventsDraft.has(type)}
                @change=${(e: Event) => this.#toggleEvent(type, (e.target as HTMLInputElement).checked)}
              />
              <span>${eventWords(type)} <span class="muted">(<code>${type}</code>)</span></span>
            </label>`,
          )}
        </fieldset>
        <div class="row">
          <button type="submit" aria-disabled=${this.busy === 'add' ? 'true' : 'false'}>
            ${this.busy === 'add' ? t.adding : t.add}
          </button>
        </div>
        <p class="alert" role="alert">${this.error}</p>
      </form>
      <chatpoint-admin-confirm></chatpoint-admin-confirm>
    </section>`;
  }
}
