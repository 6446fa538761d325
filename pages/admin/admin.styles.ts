import { css } from 'lit';
import { theme } from '../ui/theme.ts';

/** What every part of the admin page shares: colours, controls, focus, tables that scroll at 320 px. */
export const adminStyles = [
  theme,
  css`
* { box-sizing: border-box }
[hidden] { display: none !important }
h1, h2, h3, h4, p, figure { margin: 0 }
h1 { font-size: 1.5rem }
h2 { font-size: 1.25rem }
h3 { font-size: 1.1rem }
h4 { font-size: 1rem }
.muted { color: var(--_muted) }
.stack { display: grid; gap: 1rem }
/* Grid columns may shrink below their content, so wide tables scroll inside their region at 320 px. */
.stack, .field, main, section { grid-template-columns: minmax(0, 1fr) }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem }
.field { display: grid; gap: 0.35rem }
.label-row { display: flex; align-items: center; gap: 0.5rem }
label, .label { font-weight: 600 }
input, select, textarea, button {
  font: inherit;
  color: inherit;
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  background: Canvas;
}
input, select, textarea { width: 100%; min-width: 0; padding: 0.5rem 0.65rem }
textarea { resize: vertical }
input[readonly], textarea[readonly] { background: var(--_surface) }
button, .button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: 0.4rem;
  padding: 0.45rem 0.9rem;
  font-weight: 600;
  border-color: var(--_accent);
  background: var(--_accent);
  color: var(--_on-accent);
  cursor: pointer;
  text-decoration: none;
}
button.secondary, .button.secondary { background: Canvas; color: var(--_accent) }
button.danger { background: Canvas; color: var(--_error); border-color: var(--_error) }
button.plain { border-color: transparent; background: none; color: var(--_accent); padding-inline: 0.4rem }
button[aria-disabled='true'], button:disabled { opacity: 0.6; cursor: default }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px }
.help {
  inline-size: 1.6rem;
  block-size: 1.6rem;
  padding: 0;
  border-radius: 50%;
  background: Canvas;
  color: var(--_accent);
  font-size: 0.9rem;
  line-height: 1;
  flex: none;
}
.help[aria-expanded='true'] { background: var(--_accent); color: var(--_on-accent) }
.help-text {
  padding: 0.5rem 0.75rem;
  border-inline-start: 3px solid var(--_accent);
  background: var(--_surface);
  font-size: 0.95rem;
}
.alert:not(:empty) { color: var(--_error); font-weight: 600 }
.notice {
  padding: 0.75rem 1rem;
  border: 1px solid var(--_warning-border);
  border-inline-start-width: 4px;
  border-radius: var(--_radius);
  background: var(--_warning-bg);
  display: grid;
  gap: 0.25rem;
}
.badge {
  display: inline-block;
  padding: 0 0.45rem;
  border: 1px solid var(--_line);
  border-radius: 999px;
  font-size: 0.8rem;
  white-space: nowrap;
}
/* A confirmation beside the control that caused it (Notices): in the flow, covering nothing. */
.status-line { margin: 0 }
.status-line:not(:empty) {
  padding: 0.4rem 0.75rem;
  border-inline-start: 4px solid var(--_ok);
  border-radius: var(--_radius);
  background: var(--_surface);
  font-weight: 600;
}
.status-active { color: var(--_ok) }
.status-inactive { color: var(--_muted) }
.scroll { position: relative; overflow-x: auto; max-width: 100% }
table { border-collapse: collapse; width: 100% }
caption { text-align: start; font-weight: 600; padding-block-end: 0.35rem }
th, td { text-align: start; padding: 0.45rem 0.5rem; border-bottom: 1px solid var(--_line); vertical-align: top }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums }
.visually-hidden {
  position: absolute !important;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
@media (prefers-reduced-motion: no-preference) {
  button { transition: background-color 0.15s, opacity 0.15s }
}
`,
];
