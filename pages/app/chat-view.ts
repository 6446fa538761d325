import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { queryParam } from '../ui/address-token.ts';
import { ApiError, errorMessage } from '../ui/api.ts';
import { formAlert } from '../ui/field.ts';
import { fill, formatDateTime, LanguageController, words } from '../ui/i18n/index.ts';
import { pageStyles } from '../ui/page-styles.ts';
import { appApi, type Conversation, type Me, type Message, type Person } from './app-api.ts';
import { ChatpointSignedOutEvent } from './events.ts';
import { Poller } from './poller.ts';

const preview = (last: Conversation['lastMessage']) => (typeof last === 'string' ? last : (last?.body ?? ''));

const shownTime = (iso: string) => formatDateTime(iso, { dateStyle: 'short', timeStyle: 'short' });

const unreadBadge = (count: number) =>
  count > 0
    ? html`<span class="badge">${count}<span class="visually-hidden"> ${words().chat.unread}</span></span>`
    : nothing;

/** Oldest first; the server's order breaks ties. */
const byTime = (messages: Message[]) =>
  messages
    .map((message, index) => ({ message, index, time: Date.parse(message.createdAt) || 0 }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ message }) => message);

/**
 * The signed-in view: contacts, conversations and the open conversation, polled for new messages.
 *
 * @prop me - The signed-in user and their contacts (GET /api/me).
 * @event chatpoint-signed-out - The session ended while polling. `detail: { expired: true }`.
 */
export class ChatpointChat extends LitElement {
  static override properties = {
    me: { attribute: false },
    conversations: { state: true },
    selectedId: { state: true },
    messages: { state: true },
    draft: { state: true },
    sending: { state: true },
    loadError: { state: true },
    sendError: { state: true },
  };
  static override styles = [
    pageStyles,
    css`
      /* Fills the height it is given: the log scrolls, the message box stays at the bottom. */
      :host { display: flex; flex-direction: column; min-height: 0; }
      .chat { flex: 1; min-height: 0; display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); grid-template-rows: minmax(0, 1fr); }
      aside { display: grid; gap: 1.5rem; align-content: start; overflow-y: auto; min-height: 0; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
      .person { display: grid; }
      .person button { justify-self: start; margin-top: 0.25rem; padding: 0.25rem 0.75rem; }
      .people button { width: 100%; text-align: left; display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.1rem 0.5rem; font-weight: 400; background: Canvas; color: inherit; border-color: var(--_border); }
      .people button[aria-current='true'] { border: 2px solid var(--_accent); }
      .people strong { font-weight: 600; }
      .people .preview { grid-column: 1; }
      .people .badge { grid-row: 1 / span 2; grid-column: 2; align-self: center; }
      .people .unread strong { font-weight: 800; }
      .badge { display: inline-block; min-width: 1.5rem; padding: 0 0.4rem; border-radius: 999px; background: var(--_accent); color: var(--_on-accent); font-size: 0.8rem; font-weight: 700; text-align: center; line-height: 1.5rem; }
      .preview { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      .conversation { display: flex; flex-direction: column; gap: 0.5rem; min-width: 0; min-height: 0; }
      .partner { display: flex; gap: 0.5rem; align-items: center; min-width: 0; }
      .partner > div { min-width: 0; }
      .partner p { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      .back { display: inline-flex; gap: 0.35rem; align-items: center; padding: 0.25rem 0.6rem; flex: none; }
      .log {
        flex: 1;
        min-height: 6rem;
        overflow-y: auto;
        overscroll-behavior: contain;
        padding: 0.75rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .log ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
      .message { display: grid; gap: 0.15rem; max-width: 85%; padding: 0.5rem 0.75rem; border-radius: var(--_radius); background: color-mix(in srgb, CanvasText 7%, Canvas); }
      .message.mine { justify-self: end; background: color-mix(in srgb, var(--_accent) 18%, Canvas); }
      .message .body { white-space: pre-wrap; }
      .message.system { justify-self: center; max-width: 100%; background: none; text-align: center; font-style: italic; color: var(--_muted); font-size: 0.9rem; }
      .meta { font-size: 0.8rem; color: var(--_muted); }
      .assignment { margin: 0; padding: 0.5rem 0.75rem; font-size: 0.9rem; }
      .composer {
        display: grid;
        gap: 0.25rem 0.5rem;
        grid-template-columns: minmax(0, 1fr) auto;
        align-items: end;
        padding-bottom: env(safe-area-inset-bottom, 0px);
      }
      .composer label, .composer .error, .composer .hint { grid-column: 1 / -1; }
      textarea { resize: none; min-height: 2.75rem; max-height: 8rem; field-sizing: content; }
      @media (min-width: 601px) {
        .chat { grid-template-columns: 16rem minmax(0, 1fr); }
        .back { display: none; }
      }
      /* A phone shows one pane: the open conversation, or the list behind the back button. */
      @media (max-width: 600px) {
        .chat.list-open .conversation, .chat:not(.list-open) aside { display: none; }
        .composer label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
        .composer .hint { display: none; }
      }
    `,
  ];

  declare me: Me;
  declare conversations: Conversation[] | null;
  declare selectedId: string | null;
  declare messages: Message[];
  declare draft: string;
  declare sending: boolean;
  declare loadError: string;
  declare sendError: string;

  readonly #poller = new Poller(this, () => this.#refresh());
  protected readonly language = new LanguageController(this);
  #autoOpened = false;
  #stickToBottom = true;

  constructor() {
    super();
    this.conversations = null;
    this.selectedId = null;
    this.messages = [];
    this.draft = '';
    this.sending = false;
    this.loadError = '';
    this.sendError = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#poller.pollNow();
  }

  get #selected(): Conversation | undefined {
    return this.conversations?.find((conversation) => conversation.id === this.selectedId);
  }

  #handle(error: unknown): boolean {
    if (error instanceof ApiError && error.code === 'unauthenticated') {
      this.dispatchEvent(new ChatpointSignedOutEvent({ expired: true }));
      return true;
    }
    return false;
  }

  /** One poll: the conversation list, then anything new in the open conversation. */
  async #refresh() {
    try {
      const { conversations } = await appApi.conversations();
      this.conversations = conversations;
      this.loadError = '';
      // A link to one conversation (the PIC's mail about a new registrant) opens it. Otherwise the
      // usual arrival: straight into the conversation with the PIC and the welcome in it. An
      // external user has only that one (or few); an internal user starts from the list.
      const linkedId = queryParam('conversation');
      const linked = conversations.find((conversation) => conversation.id === linkedId);
      const first = linked ?? (this.me.user.kind === 'external' ? conversations[0] : undefined);
      if (!this.#autoOpened && !this.selectedId && first) {
        this.#autoOpened = true;
        await this.open(first.id);
        return;
      }
      if (this.selectedId) await this.#loadMessages(this.selectedId);
    } catch (error) {
      if (!this.#handle(error)) this.loadError = errorMessage(error);
    }
  }

  async #loadMessages(conversationId: string) {
    const last = this.messages.at(-1);
    const { messages } = await appApi.messages(conversationId, last?.id);
    // The user may have switched conversations while this was on its way.
    if (conversationId !== this.selectedId || messages.length === 0) return;
    this.#append(messages);
    // The server counted them read as it answered.
    this.conversations =
      this.conversations?.map((conversation) =>
        conversation.id === conversationId ? { ...conversation, unread: 0 } : conversation,
      ) ?? null;
  }

  #append(incoming: Message[]) {
    const known = new Set(this.messages.map((message) => message.id));
    const fresh = incoming.filter((message) => !known.has(message.id));
    if (fresh.length === 0) return;
    const log = this.renderRoot.querySelector('.log');
    this.#stickToBottom = !log || log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    this.messages = byTime([...this.messages, ...fresh]);
  }

  /** Shows a conversation with all its messages. */
  async open(conversationId: string) {
    if (conversationId === this.selectedId) return;
    this.selectedId = conversationId;
    this.messages = [];
    this.sendError = '';
    this.#stickToBottom = true;
    try {
      await this.#loadMessages(conversationId);
      this.loadError = '';
    } catch (error) {
      if (!this.#handle(error)) this.loadError = errorMessage(error);
    }
  }

  /** Back to the list (phones): the conversation closes, so it is not marked read unseen. */
  #back() {
    this.selectedId = null;
    this.messages = [];
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('nav button[aria-current="false"], nav h2')?.focus(),
    );
  }

  async #send(event?: Event) {
    event?.preventDefault();
    const body = this.draft.trim();
    const conversationId = this.selectedId;
    if (!body || !conversationId || this.sending) return;
    this.sending = true;
    this.sendError = '';
    try {
      const message = await appApi.send(conversationId, body);
      this.draft = '';
      if (conversationId === this.selectedId) {
        this.#stickToBottom = true;
        this.messages = byTime([...this.messages.filter((known) => known.id !== message.id), message]);
      }
    } catch (error) {
      if (!this.#handle(error)) this.sendError = errorMessage(error);
    } finally {
      this.sending = false;
    }
    this.renderRoot.querySelector<HTMLTextAreaElement>('#message')?.focus();
  }

  #onKeydown(event: KeyboardEvent) {
    // Enter sends; Shift+Enter makes a new line; Enter that finishes an IME composition does neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) void this.#send(event);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('messages') && this.#stickToBottom) {
      const log = this.renderRoot.querySelector('.log');
      if (log) log.scrollTop = log.scrollHeight;
    }
  }

  /** The open conversation is being read: it never shows a count. */
  #unread(conversation: Conversation): number {
    return conversation.id === this.selectedId ? 0 : conversation.unread;
  }

  #senderName(message: Message): string {
    if (message.senderId === this.me.user.id) return words().chat.you;
    const partner = this.#selected?.with;
    if (partner && partner.id === message.senderId) return partner.name;
    return this.me.contacts.find((contact) => contact.id === message.senderId)?.name ?? words().chat.someone;
  }

  #renderMessage(message: Message): TemplateResult {
    const time = html`<time class="meta" datetime=${message.createdAt}>${shownTime(message.createdAt)}</time>`;
    if (message.kind === 'system' || message.senderId === null)
      return html`<li class="message system"><span class="body">${message.body}</span> ${time}</li>`;
    const mine = message.senderId === this.me.user.id;
    return html`<li class="message ${mine ? 'mine' : 'theirs'}">
      <span class="meta"><strong>${this.#senderName(message)}</strong></span>
      <span class="body">${message.body}</span>
      ${time}
    </li>`;
  }

  #renderContacts(): TemplateResult {
    const { contacts } = this.me;
    const t = words().chat;
    const conversationWith = (person: Person) =>
      this.conversations?.find((conversation) => conversation.with.id === person.id);
    return html`<section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">${t.contacts}</h2>
      ${
        contacts.length === 0
          ? html`<p class="muted">${t.noContacts}</p>`
          : html`<ul>
            ${contacts.map((contact) => {
              const conversation = conversationWith(contact);
              return html`<li class="person">
                <strong>${contact.name}</strong>
                <span class="muted">${contact.email}</span>
                ${
                  conversation
                    ? html`<button type="button" class="secondary" aria-label=${fill(t.chatWith, { name: contact.name })} @click=${() => this.open(conversation.id)}>${t.chat}</button>`
                    : nothing
                }
              </li>`;
            })}
          </ul>`
      }
    </section>`;
  }

  #renderConversations(): TemplateResult {
    const list = this.conversations;
    const t = words();
    return html`<nav aria-labelledby="conversations-heading">
      <h2 id="conversations-heading">${t.chat.conversations}</h2>
      ${
        list === null
          ? html`<p class="muted">${t.common.loading}</p>`
          : list.length === 0
            ? html`<p class="muted">${t.chat.noConversations}</p>`
            : html`<ul class="people">
              ${list.map(
                (conversation) => html`<li>
                  <button
                    type="button"
                    class=${this.#unread(conversation) > 0 ? 'unread' : ''}
                    aria-current=${conversation.id === this.selectedId ? 'true' : 'false'}
                    @click=${() => this.open(conversation.id)}
                  >
                    <strong>${conversation.with.name}</strong>
                    <span class="preview muted">${preview(conversation.lastMessage)}</span>
                    ${unreadBadge(this.#unread(conversation))}
                  </button>
                </li>`,
              )}
            </ul>`
      }
    </nav>`;
  }

  /** Above the message box: nobody looks after this registrant yet, or the other person left. */
  #renderAssignment(conversation: Conversation) {
    const t = words().chat;
    if (conversation.unassigned)
      return html`<p class="notice assignment" role="status">
        ${fill(t.unassigned, { workdomain: this.me.user.workdomain.name })}
      </p>`;
    if (conversation.with.active === false)
      return html`<p class="notice assignment" role="status">${fill(t.noLongerHere, { name: conversation.with.name })}</p>`;
    return nothing;
  }

  #renderConversation(): TemplateResult {
    const conversation = this.#selected;
    const t = words().chat;
    if (!conversation) return html`<section class="conversation"><p class="muted">${t.choose}</p></section>`;
    const partner = conversation.with;
    const elsewhere = (this.conversations ?? [])
      .filter((other) => other.id !== conversation.id)
      .reduce((sum, other) => sum + other.unread, 0);
    return html`<section class="conversation" aria-labelledby="conversation-heading">
      <div class="partner">
        <button type="button" class="secondary back" @click=${this.#back}>
          <span aria-hidden="true">‹</span> ${t.conversations} ${unreadBadge(elsewhere)}
        </button>
        <div>
          <h2 id="conversation-heading">${partner.name}</h2>
          <p class="muted">${partner.email}</p>
        </div>
      </div>
      <div class="log" role="log" aria-live="polite" aria-label=${fill(t.messagesWith, { name: partner.name })} tabindex="0">
        ${
          this.messages.length === 0
            ? html`<p class="muted">${t.noMessages}</p>`
            : html`<ol>${this.messages.map((message) => this.#renderMessage(message))}</ol>`
        }
      </div>
      ${this.#renderAssignment(conversation)}
      <form class="composer" novalidate @submit=${this.#send}>
        <label for="message">${t.message}</label>
        <textarea
          id="message"
          rows="1"
          placeholder=${t.writeMessage}
          maxlength="4000"
          aria-describedby="message-hint"
          .value=${this.draft}
          @input=${(event: InputEvent) => {
            this.draft = (event.target as HTMLTextAreaElement).value;
          }}
          @keydown=${this.#onKeydown}
        ></textarea>
        <button type="submit" ?disabled=${this.sending || !this.draft.trim()}>${t.send}</button>
        <p class="hint" id="message-hint">${t.sendHint}</p>
        ${formAlert(this.sendError)}
      </form>
    </section>`;
  }

  protected override render(): TemplateResult {
    return html`${this.loadError ? html`<p class="notice warning" role="alert">${this.loadError}</p>` : nothing}
      <div class="chat ${this.selectedId ? '' : 'list-open'}">
        <aside>${this.#renderConversations()} ${this.#renderContacts()}</aside>
        ${this.#renderConversation()}
      </div>`;
  }
}

if (!customElements.get('chatpoint-chat')) customElements.define('chatpoint-chat', ChatpointChat);

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-chat': ChatpointChat;
  }
}
