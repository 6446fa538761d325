import { html } from 'lit';
import type { AdminUser, AuditEntry, Funnel, FunnelCounts } from './admin-api.ts';
import { adminWords, fill } from './i18n/index.ts';
import type { RegistrationPanelHost } from './panel-host.ts';
import { auditAction, auditActor, auditDetails, formatDateTime } from './words.ts';

/** Each step, and the step its conversion is measured against. */
const funnelSteps: [keyof FunnelCounts, (keyof FunnelCounts)?][] = [
  ['linkViews'],
  ['codesSent', 'linkViews'],
  ['verified', 'codesSent'],
  ['accountsCreated', 'linkViews'],
  ['signInCodesSent'],
  ['noticesSent'],
];

const stepWords = { linkViews: 'ofLinkViews', codesSent: 'ofCodesSent' } as const;

/** "12 %" of a base; a dash when there is nothing to divide by. */
export const percent = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part / whole) * 100)} %` : '–';

function countCell(counts: FunnelCounts, key: keyof FunnelCounts, base?: keyof FunnelCounts) {
  return html`<td class="num">
    ${counts[key]}${base ? html`<small>${percent(counts[key], counts[base])} ${adminWords().activity[stepWords[base as keyof typeof stepWords]]}</small>` : ''}
  </td>`;
}

function byLinkTable(funnel: Funnel, currentLinkId: string | null) {
  if (funnel.byLink.length === 0) return '';
  const t = adminWords().activity;
  return html`<h4 id="funnel-links-heading">${t.perLink}</h4>
    <div class="scroll" role="region" aria-labelledby="funnel-links-heading" tabindex="0">
      <table class="funnel funnel-links">
        <thead>
          <tr>
            <th scope="col">${t.link}</th>
            <th scope="col" class="num">${t.views}</th>
            <th scope="col" class="num">${t.codesSent}</th>
            <th scope="col" class="num">${t.accounts}</th>
            <th scope="col" class="num">${t.conversion}</th>
          </tr>
        </thead>
        <tbody>
          ${funnel.byLink.map(
            ({ linkId, last30Days: counts }) => html`<tr>
              <th scope="row"><code>${linkId}</code>${linkId === currentLinkId ? html` <span class="badge">${t.current}</span>` : ''}</th>
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

function funnelSection(panel: RegistrationPanelHost) {
  const funnel = panel.funnel.value;
  const t = adminWords().activity;
  return html`<section class="stack" aria-labelledby="funnel-heading">
    <h3 id="funnel-heading">${t.funnel}</h3>
    <p class="alert" role="alert">${panel.funnel.error ? fill(t.funnelError, { error: panel.funnel.error }) : ''}</p>
    ${
      funnel
        ? html`<p class="muted">${t.funnelNote}</p>
          <div class="scroll" role="region" aria-labelledby="funnel-heading" tabindex="0">
            <table class="funnel">
              <thead>
                <tr>
                  <th scope="col">${t.step}</th>
                  <th scope="col" class="num">${t.last7}</th>
                  <th scope="col" class="num">${t.last30}</th>
                </tr>
              </thead>
              <tbody>
                ${funnelSteps.map(
                  ([key, base]) => html`<tr>
                    <th scope="row">${t[key]}</th>
                    ${countCell(funnel.last7Days, key, base)} ${countCell(funnel.last30Days, key, base)}
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${byLinkTable(funnel, panel.registration.value?.linkId ?? null)}`
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

function auditSection(panel: RegistrationPanelHost) {
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
export const activitySection = (panel: RegistrationPanelHost) =>
  html`${funnelSection(panel)} ${auditSection(panel)}`;
