import { html } from 'lit';
import type { AdminUser, AuditEntry, FunnelCounts } from './admin-api.ts';
import { adminWords, fill } from './i18n/index.ts';
import type { ChatpointRegistrationPanel } from './registration-panel.ts';
import { auditAction, auditActor, auditDetails, formatDateTime } from './words.ts';

const funnelSteps: (keyof FunnelCounts)[] = ['linkViews', 'codesSent', 'verified', 'accountsCreated'];

function funnelSection(panel: ChatpointRegistrationPanel) {
  const funnel = panel.funnel.value;
  const t = adminWords().activity;
  return html`<section class="stack" aria-labelledby="funnel-heading">
    <h3 id="funnel-heading">${t.funnel}</h3>
    <p class="alert" role="alert">${panel.funnel.error ? fill(t.funnelError, { error: panel.funnel.error }) : ''}</p>
    ${
      funnel
        ? html`<table aria-labelledby="funnel-heading">
            <thead>
              <tr>
                <th scope="col">${t.step}</th>
                <th scope="col" class="num">${t.last7}</th>
                <th scope="col" class="num">${t.last30}</th>
              </tr>
            </thead>
            <tbody>
              ${funnelSteps.map(
                (key) => html`<tr>
                  <th scope="row">${t[key]}</th>
                  <td class="num">${funnel.last7Days[key]}</td>
                  <td class="num">${funnel.last30Days[key]}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : panel.funnel.error
          ? ''
          : html`<p class="muted">${adminWords().page.loading}</p>`
    }
  </section>`;
}

const auditRow = (entry: AuditEntry, users: readonly AdminUser[]) =>
  html`<tr>
    <td><time datetime=${entry.createdAt}>${formatDateTime(entry.createdAt)}</time></td>
    <td>${auditActor(entry)}</td>
    <td>${auditAction(entry.action)}</td>
    <td class="details">${auditDetails(entry, users)}</td>
  </tr>`;

function auditSection(panel: ChatpointRegistrationPanel) {
  const entries = panel.audit.value;
  const users = panel.users.value ?? [];
  const t = adminWords().activity;
  return html`<section class="stack" aria-labelledby="audit-heading">
    <h3 id="audit-heading">${t.audit}</h3>
    <p class="alert" role="alert">${panel.audit.error ? fill(t.auditError, { error: panel.audit.error }) : ''}</p>
    ${
      !entries
        ? panel.audit.error
          ? ''
          : html`<p class="muted">${adminWords().page.loading}</p>`
        : entries.length === 0
          ? html`<p class="muted">${t.nothingYet}</p>`
          : html`<div class="scroll" role="region" aria-labelledby="audit-heading" tabindex="0">
              <table class="audit">
                <thead>
                  <tr>
                    <th scope="col">${t.time}</th>
                    <th scope="col">${t.who}</th>
                    <th scope="col">${t.what}</th>
                    <th scope="col">${t.details}</th>
                  </tr>
                </thead>
                <tbody>
                  ${entries.map((entry) => auditRow(entry, users))}
                </tbody>
              </table>
            </div>`
    }
  </section>`;
}

/** How people reach registration (the funnel) and who changed what (the audit log), newest first. */
export const activitySection = (panel: ChatpointRegistrationPanel) =>
  html`${funnelSection(panel)} ${auditSection(panel)}`;
