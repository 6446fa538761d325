import { html } from 'lit';
import type { AdminUser, AuditEntry, Funnel, FunnelCounts } from './admin-api.ts';
import type { ChatpointRegistrationPanel } from './registration-panel.ts';
import { auditAction, auditActor, auditDetails, formatDateTime } from './words.ts';

/** Each step, and the step its conversion is measured against. */
const funnelSteps: [keyof FunnelCounts, string, (keyof FunnelCounts)?][] = [
  ['linkViews', 'Link views'],
  ['codesSent', 'Codes sent', 'linkViews'],
  ['verified', 'Verified', 'codesSent'],
  ['accountsCreated', 'Accounts created', 'linkViews'],
  ['signInCodesSent', 'Sign-in codes sent (existing accounts)'],
  ['noticesSent', 'Notices sent (inactive accounts)'],
];

const stepWords: Partial<Record<keyof FunnelCounts, string>> = {
  linkViews: 'link views',
  codesSent: 'codes sent',
};

/** "12 %" of a base; a dash when there is nothing to divide by. */
export const percent = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part / whole) * 100)} %` : '–';

function countCell(counts: FunnelCounts, key: keyof FunnelCounts, base?: keyof FunnelCounts) {
  return html`<td class="num">
    ${counts[key]}${base ? html`<small>${percent(counts[key], counts[base])} of ${stepWords[base]}</small>` : ''}
  </td>`;
}

function byLinkTable(funnel: Funnel, currentLinkId: string | null) {
  if (funnel.byLink.length === 0) return '';
  return html`<h4 id="funnel-links-heading">Per link, last 30 days</h4>
    <div class="scroll" role="region" aria-labelledby="funnel-links-heading" tabindex="0">
      <table class="funnel funnel-links">
        <thead>
          <tr>
            <th scope="col">Link</th>
            <th scope="col" class="num">Views</th>
            <th scope="col" class="num">Codes sent</th>
            <th scope="col" class="num">Accounts</th>
            <th scope="col" class="num">Conversion</th>
          </tr>
        </thead>
        <tbody>
          ${funnel.byLink.map(
            ({ linkId, last30Days: counts }) => html`<tr>
              <th scope="row"><code>${linkId}</code>${linkId === currentLinkId ? html` <span class="badge">Current</span>` : ''}</th>
              <td class="num">${counts.linkViews}</td>
              <td class="num">${counts.codesSent}</td>
              <td class="num">${counts.accountsCreated}</td>
              <td class="num">${percent(counts.accountsCreated, counts.linkViews)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

function funnelSection(panel: ChatpointRegistrationPanel) {
  const funnel = panel.funnel.value;
  return html`<section class="stack" aria-labelledby="funnel-heading">
    <h3 id="funnel-heading">Funnel</h3>
    <p class="alert" role="alert">${panel.funnel.error ? `The funnel could not be loaded. ${panel.funnel.error}` : ''}</p>
    ${
      funnel
        ? html`<p class="muted">A visitor counts as one link view per browser session; the preview never counts. Days are UTC days.</p>
          <div class="scroll" role="region" aria-labelledby="funnel-heading" tabindex="0">
            <table class="funnel">
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col" class="num">Last 7 days</th>
                  <th scope="col" class="num">Last 30 days</th>
                </tr>
              </thead>
              <tbody>
                ${funnelSteps.map(
                  ([key, label, base]) => html`<tr>
                    <th scope="row">${label}</th>
                    ${countCell(funnel.last7Days, key, base)} ${countCell(funnel.last30Days, key, base)}
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${byLinkTable(funnel, panel.registration.value?.linkId ?? null)}`
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
