import { css, html, nothing } from 'lit';
import type { AdminUser } from './admin-api.ts';
import { adminWords } from './i18n/index.ts';

export interface UserDetailActions {
  close(): void;
  exportData(user: AdminUser): void;
  erase(user: AdminUser): void;
}

const answer = (value: string | boolean) => {
  const t = adminWords().userDetail;
  return typeof value === 'boolean' ? (value ? t.yes : t.no) : value;
};

function registeredVia(user: AdminUser) {
  const t = adminWords().userDetail;
  if (!user.registeredViaLink) return t.notViaLink;
  const label = user.registeredVia?.label;
  return !label || label === 'default' ? t.defaultLink : label;
}

/** What a registrant told the form and agreed to, with the export and erasure of their data. */
export function userDetail(user: AdminUser | null, actions: UserDetailActions) {
  const t = adminWords().userDetail;
  const answers = Object.entries(user?.fields ?? {});
  return html`<dialog id="user-detail" aria-labelledby="user-detail-heading" @close=${actions.close}>
    ${
      user
        ? html`<div class="stack">
            <h2 id="user-detail-heading">${user.name}</h2>
            <p class="muted detail-email">${user.email}</p>
            <dl class="detail">
              <dt>${t.answers}</dt>
              <dd>
                ${
                  answers.length
                    ? html`<ul class="answers">
                        ${answers.map(([key, value]) => html`<li><code>${key}</code>: ${answer(value)}</li>`)}
                      </ul>`
                    : t.noAnswers
                }
              </dd>
              <dt>${t.marketing}</dt>
              <dd>${user.marketing ? t.yes : t.no}</dd>
              <dt>${t.consentVersion}</dt>
              <dd>${user.consentVersion ?? t.noConsent}</dd>
              <dt>${t.registeredVia}</dt>
              <dd>${registeredVia(user)}</dd>
            </dl>
            <div class="row detail-actions">
              ${
                user.kind === 'external'
                  ? html`<button type="button" class="secondary" @click=${() => actions.exportData(user)}>
                        ${adminWords().users.exportData}
                      </button>
                      <button type="button" class="danger" @click=${() => actions.erase(user)}>
                        ${adminWords().users.erase}
                      </button>`
                  : nothing
              }
              <button type="button" class="secondary" @click=${actions.close}>${adminWords().page.close}</button>
            </div>
          </div>`
        : nothing
    }
  </dialog>`;
}

export const userDetailStyles = css`
#user-detail {
  width: min(32rem, calc(100vw - 2rem));
  padding: 1.25rem;
  border: 1px solid var(--_line);
  border-radius: var(--_radius);
  background: Canvas;
  color: CanvasText;
}
#user-detail::backdrop { background: rgb(0 0 0 / 0.45) }
.detail-email { overflow-wrap: anywhere }
.detail { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1rem; margin: 0 }
.detail dt { font-weight: 600 }
.detail dd { margin: 0; overflow-wrap: anywhere }
.answers { margin: 0; padding-inline-start: 1.1rem }
.detail-actions { justify-content: flex-end; flex-wrap: wrap }
button.name-link { padding: 0; border: 0; background: none; color: var(--_accent); font: inherit; font-weight: 600; text-align: start; cursor: pointer; text-decoration: underline }
@media (max-width: 30rem) { .detail { grid-template-columns: 1fr } .detail dd { margin-block-end: 0.4rem } }
`;
