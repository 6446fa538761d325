import { css } from 'lit';

/** Each webhook with its deliveries; the once-shown secret; the add form. */
export const webhooksSectionStyles = css`
.url { font-weight: 600; overflow-wrap: anywhere }
fieldset { min-inline-size: 0; display: grid; gap: 0.35rem; margin: 0; padding: 0.5rem 0.75rem; border: 1px solid var(--_line); border-radius: var(--_radius) }
legend { padding-inline: 0.25rem }
fieldset label { display: flex; align-items: center; gap: 0.5rem }
fieldset input { inline-size: 1.1rem; block-size: 1.1rem }
.secret { padding: 0.75rem; border-inline-start: 4px solid var(--_warning-border); background: var(--_warning-bg) }
.secret input { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace }
table.deliveries { min-inline-size: 30rem; font-size: 0.9rem }
td.answer { overflow-wrap: anywhere }
`;
