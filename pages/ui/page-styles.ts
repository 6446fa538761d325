import { css } from 'lit';
import { theme } from './theme.ts';

/** Shared look of the hosted pages' forms: readable at 320 px, visible focus, light and dark. */
export const pageStyles = [
  theme,
  css`
  :host { overflow-wrap: anywhere; }
  h1, h2, h3, p { margin: 0; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.2rem; }
  form, .stack { display: grid; gap: 1rem; }
  .field { display: grid; gap: 0.25rem; }
  label, button { font-weight: 600; }
  input, textarea, button {
    font: inherit;
    color: inherit;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: Canvas;
    min-width: 0;
  }
  input, textarea { width: 100%; }
  [aria-invalid='true'] { border-color: var(--_error); }
  button { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); cursor: pointer; }
  button.secondary { background: none; color: var(--_accent); }
  button.link { background: none; border-color: transparent; color: var(--_accent); font-weight: 400; text-decoration: underline; padding-inline: 0.25rem; }
  .choices { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
  .choices button { width: 100%; text-align: start; }
  button:disabled { opacity: 0.6; cursor: default; }
  a { color: var(--_accent); }
  :focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
  .hint, .muted { color: var(--_muted); font-size: 0.9rem; }
  .error { color: var(--_error); }
  .notice {
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    border-left: 4px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, Canvas);
  }
  .notice.warning { border-color: var(--_error); background: color-mix(in srgb, var(--_error) 10%, Canvas); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
`,
];
