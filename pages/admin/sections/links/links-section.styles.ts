import { css } from 'lit';

/** Each link as a card with its head, snippet and QR code; the add form. */
export const linksSectionStyles = css`
.link-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.75rem }
.link-head strong { overflow-wrap: anywhere }
.count { margin-inline-start: auto }
summary { cursor: pointer; color: var(--_accent); font-weight: 600 }
details[open] > summary { margin-block-end: 0.5rem }
textarea { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem }
.add { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end }
.add .field { flex: 1 1 14rem }
`;
