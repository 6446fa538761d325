import { html } from 'lit';
import type { AdminUser, AuditEntry, Funnel, FunnelCounts } from '../../admin-api.ts';
import { adminWords, fill } from '../../i18n/index.ts';
import type { RegistrationPanelHost } from '../../panel-host.ts';
import { auditAction, auditActor, auditDetails, formatDateTime } from '../../words.ts';

type Count = Exclude<keyof FunnelCounts, 'verified' | 'newAccountRate' | 'signInRate'>;

/**
 * Each step, and its share of the codes that led to it: new accounts of the registration codes,
 * sign-ins of the sign-in codes. Both are at most 100 %.
 */
const funnelSteps: [Count, ('newAccountRate' | 'signInRate')?][] = [
  ['linkViews'],
  ['codesSent'],
  ['accountsCreated', 'newAccountRate'],
  ['signInCodesSent'],
  ['signIns', 'signInRate'],
  ['noticesSent'],
];

const rateWords = { newAccountRate: 'ofRegistrationCodes', signInRate: 'ofSignInCodes' } as const;

/** "12 %" of a share from 0 to 1; a dash when nothing was sent. */
export const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);

function countCell(counts: FunnelCounts, key: Count, rate?: 'newAccountRate' | 'signInRate') {
  return html`<td class="num">
    ${counts[key]}${rate ? html`<small>${percent(counts[rate])} ${adminWords().activity[rateWords[rate]]}</small>` : ''}
  </td>`;
}

function linkName(link: Funnel['byLink'][number], currentLinkId: string | null) {
  const t = adminWords().activity;
  const badge =
    link.linkId === currentLinkId
      ? html` <span class="badge">${t.current}</span>`
      : link.deleted
        ? html` <span class="badge muted">${t.deletedLink}</span>`
        : '';
  // The first link's stored label is the code `default`: it reads as "Default" in the admin's language.
  const label = link.label === 'default' ? adminWords().links.default : link.label;
  return html`${label ?? html`<code>${link.linkId}</code>`}${badge}`;
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
            <th scope="col" class="num">${t.accountsCreated}</th>
            <th scope="col" class="num">${t.signIns}</th>
          </tr>
        </thead>
        <tbody>
          ${funnel.byLink.map(
            (link) => html`<tr>
              <th scope="row">${linkName(link, currentLinkId)}</th>
              <td class="num">${link.last30Days.linkViews}</td>
              <td class="num">${link.last30Days.codesSent}</td>
              ${countCell(link.last30Days, 'accountsCreated', 'newAccountRate')}
              ${countCell(link.last30Days, 'signIns', 'signInRate')}
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
