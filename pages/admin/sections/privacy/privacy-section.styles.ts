import { css } from 'lit';

/** Each question as a card; the preview as a small form. */
export const privacySectionStyles = css`
.questions { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none }
.question { display: grid; gap: 0.5rem; padding: 0.75rem; border: 1px solid var(--_line); border-radius: var(--_radius) }
.question-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem }
.question-head button { padding: 0.25rem 0.6rem }
.question-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.5rem 0.75rem; align-items: end }
.required { padding-block-end: 0.5rem }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem }
.form-preview { display: grid; gap: 0.35rem; margin: 0 }
.form-card { padding: 0.75rem; border-radius: var(--_radius); background: var(--_surface) }
.form-card input:not([type='checkbox']), .form-card select { background: Canvas }
`;
