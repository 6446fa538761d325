import { css } from 'lit';

// Public hooks are the --chatpoint-* properties and the parts; --_* are private shorthands.
export const styles = css`
:host {
  --_bg: var(--chatpoint-background, Canvas);
  --_accent: var(--chatpoint-accent, #0b57d0);
  --_on-accent: var(--chatpoint-accent-text, #fff);
  --_error: var(--chatpoint-error-color, #b3261e);
  --_radius: var(--chatpoint-radius, 0.5rem);
  --_gap: var(--chatpoint-spacing, 1rem);
  display: block;
  max-width: var(--chatpoint-max-width, 28rem);
  font: var(--chatpoint-font, inherit);
  color: var(--chatpoint-color, CanvasText);
  color-scheme: light;
}
:host([theme='auto']) { color-scheme: light dark }
:host([theme='dark']) { color-scheme: dark }
@media (prefers-color-scheme: dark) {
  :host([theme='auto']) {
    --_accent: var(--chatpoint-accent, #8ab4f8);
    --_on-accent: var(--chatpoint-accent-text, #000);
    --_error: var(--chatpoint-error-color, #ffb4ab);
  }
}
:host([theme='dark']) {
  --_accent: var(--chatpoint-accent, #8ab4f8);
  --_on-accent: var(--chatpoint-accent-text, #000);
  --_error: var(--chatpoint-error-color, #ffb4ab);
}
* { box-sizing: border-box; margin: 0 }
[part~='base'], form { display: grid; gap: var(--_gap) }
[part~='base'] { padding: var(--_gap); border-radius: var(--_radius); background: var(--_bg); overflow-wrap: anywhere }
[part~='field'] { display: grid; gap: 0.25rem }
label, button { font-weight: 600 }
[part~='error'] { color: var(--_error) }
input, textarea, [part~='button'] {
  padding: 0.5rem 0.75rem;
  border: 1px solid var(--chatpoint-border-color, #818b98);
  border-radius: var(--_radius);
  background: var(--_bg);
  color: inherit;
  font: inherit;
}
input, textarea { width: 100% }
textarea { resize: vertical }
[aria-invalid='true'] { border-color: var(--_error) }
[part~='actions'] { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem }
[part~='button'] { border-color: var(--_accent); background: var(--_accent); color: var(--_on-accent); cursor: pointer; text-decoration: none }
[part~='secondary'] { background: none; color: var(--_accent) }
:disabled, [aria-busy='true'] button { opacity: 0.6; cursor: default }
:focus-visible { outline: 2px solid var(--chatpoint-focus-color, var(--_accent)); outline-offset: 2px }
@media (prefers-reduced-motion: no-preference) {
  button { transition: opacity 0.15s }
}
`;
