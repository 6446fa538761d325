import { html } from 'lit';
import {
  adminApi,
  WEBHOOK_EVENT_TYPES,
  type Webhook,
  type WebhookCreated,
  type WebhookDelivery,
} from '../../admin-api.ts';
import { adminWords, fill } from '../../i18n/index.ts';
import { formatDateTime } from '../../words.ts';
import { ListSection } from '../list-section.ts';
import { webhooksSectionStyles } from './webhooks-section.styles.ts';

type EventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const eventKeys = {
  'user.registered': 'userRegistered',
  'user.deleted': 'userDeleted',
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
export class ChatpointAdminWebhooks extends ListSection<Webhook> {
  static override properties = {
    ...ListSection.properties,
    urlDraft: { state: true },
    eventsDraft: { state: true },
    created: { state: true },
  };
  static override styles = [...ListSection.styles, webhooksSectionStyles];

  declare urlDraft: string;
  declare eventsDraft: ReadonlySet<EventType>;
  /** The webhook just added, with its secret: shown until dismissed, never again. */
  declare created: WebhookCreated | null;

  constructor() {
    super();
    this.urlDraft = '';
    this.eventsDraft = new Set(WEBHOOK_EVENT_TYPES);
    this.created = null;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  protected override async fetchItems() {
    return (await adminApi.webhooks()).webhooks;
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
    await this.change('add', async () => {
      this.created = await adminApi.createWebhook({
        url,
        events: WEBHOOK_EVENT_TYPES.filter((type) => this.eventsDraft.has(type)),
      });
      this.urlDraft = '';
      this.eventsDraft = new Set(WEBHOOK_EVENT_TYPES);
      return '';
    });
    if (this.error) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#webhook-secret')?.focus();
  };

  async #test(webhook: Webhook) {
    await this.change(
      `test:${webhook.id}`,
      async () => {
        await adminApi.testWebhook(webhook.id);
        setTimeout(() => void this.load(), TEST_RELOAD_MS);
        return adminWords().webhooks.testSent;
      },
      { activity: false },
    );
  }

  async #delete(webhook: Webhook) {
    if (this.busy) return;
    const t = adminWords().webhooks;
    const confirmed = await this.confirm({
      heading: t.deleteHeading,
      message: [webhook.url, t.deleteEffect],
      confirmLabel: t.deleteWebhook,
    });
    if (!confirmed) return;
    await this.change(`delete:${webhook.id}`, async () => {
      await adminApi.deleteWebhook(webhook.id);
      if (this.created?.id === webhook.id) this.created = null;
      return t.deleted;
    });
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
    const webhooks = this.items.value;
    const t = adminWords().webhooks;
    if (!webhooks) return this.items.error ? '' : html`<p class="muted">${t.loading}</p>`;
    if (webhooks.length === 0) return html`<p class="muted">${t.none}</p>`;
    return html`<ul class="items" aria-labelledby="webhooks-heading">${webhooks.map((w, i) => this.#webhook(w, i))}</ul>
      <div class="row">
        <button type="button" class="plain" @click=${() => this.load()}>${t.refresh}</button>
      </div>`;
  }

  override render() {
    const t = adminWords().webhooks;
    return html`<section class="stack" aria-labelledby="webhooks-heading">
      ${this.head('webhooks', t.heading, t.loadError)}
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
