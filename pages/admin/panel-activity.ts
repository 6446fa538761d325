import { html } from 'lit';
import type { AdminUser, AuditEntry, FunnelCounts } from './admin-api.ts';
import type { ChatpointRegistrationPanel } from './registration-panel.ts';
import { auditAction, auditActor, auditDetails, formatDateTime } from './words.ts';

const funnelSteps: [keyof FunnelCounts, string][] = [
  ['linkViews', 'Link views'],
  ['codesSent', 'Codes sent'],
  ['verified', 'Verified'],
  ['accountsCreated', 'Accounts created'],
];

function funnelSection(panel: ChatpointRegistrationPanel) {
  const funnel = panel.funnel.value;
  return html`<section class="stack" aria-labelledby="funnel-heading">
    <h3 id="funnel-heading">Funnel</h3>
    <p class="alert" role="alert">${panel.funnel.error ? `The funnel could not be loaded. ${panel.funnel.error}` : ''}</p>
    ${
      funnel
        ? html`<table aria-labelledby="funnel-heading">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col" class="num">Last 7 days</th>
                <th scope="col" class="num">Last 30 days</th>
              </tr>
            </thead>
            <tbody>
              ${funnelSteps.map(
                ([key, label]) => html`<tr>
                  <th scope="row">${label}</th>
                  <td class="num">${funnel.last7Days[key]}</td>
                  <td class="num">${funnel.last30Days[key]}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : panel.funnel.error
          ? ''
          : html`<p class="muted">Loading…</p>`
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
  return html`<section class="stack" aria-labelledby="audit-heading">
    <h3 id="audit-heading">Audit log</h3>
    <p class="alert" role="alert">${panel.audit.error ? `The audit log could not be loaded. ${panel.audit.error}` : ''}</p>
    ${
      !entries
        ? panel.audit.error
          ? ''
          : html`<p class="muted">Loading…</p>`
        : entries.length === 0
          ? html`<p class="muted">Nothing has been recorded yet.</p>`
          : html`<div class="scroll" role="region" aria-labelledby="audit-heading" tabindex="0">
              <table class="audit">
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Who</th>
                    <th scope="col">What</th>
                    <th scope="col">Details</th>
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
