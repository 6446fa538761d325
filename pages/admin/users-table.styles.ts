import { css } from 'lit';

/**
 * A table on a wide screen; on a phone each user is a card, so every column (and Deactivate) is in
 * view without scrolling sideways. The header row is hidden there: each value carries its column's
 * name, and the explicit ARIA roles keep the table a table for screen readers.
 */
export const usersTableStyles = css`
section { display: grid; gap: 0.75rem }
input.search { inline-size: 100%; max-inline-size: 24rem }
.more { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem }
td .badges { display: flex; flex-wrap: wrap; gap: 0.25rem; margin-block-start: 0.2rem }
td.email { overflow-wrap: anywhere }
td.actions { min-inline-size: 8rem }
td.actions .status-line:not(:empty), td.actions .alert:not(:empty) { margin-block-start: 0.4rem; max-inline-size: 18rem }
@media (max-width: 48rem) {
  .scroll { overflow: visible }
  table, tbody, tr, td { display: block }
  thead {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  tr {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin-block-end: 0.75rem;
    padding: 0.75rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  td { padding: 0; border: none }
  td.name { flex-basis: 100%; font-weight: 600 }
  td.email { flex-basis: 100% }
  td[data-label]::before { content: attr(data-label) ": "; color: var(--_muted) }
  td.actions { flex-basis: 100%; min-inline-size: 0 }
  td.actions button { margin-block-start: 0.25rem }
  td.actions .status-line:not(:empty), td.actions .alert:not(:empty) { max-inline-size: none }
}
`;
