import { css } from 'lit';

/** The open switch, the capacity meter and the welcome message preview. */
export const settingsSectionStyles = css`
.switch {
  inline-size: 3.25rem;
  block-size: 1.9rem;
  padding: 0.2rem;
  justify-content: flex-start;
  border: 2px solid var(--_muted);
  border-radius: 999px;
  background: Canvas;
}
.switch .thumb {
  inline-size: 1.3rem;
  block-size: 1.3rem;
  border-radius: 50%;
  background: var(--_muted);
}
.switch[aria-checked='true'] { justify-content: flex-end; border-color: var(--_accent); background: var(--_accent) }
.switch[aria-checked='true'] .thumb { background: var(--_on-accent) }
#open-label { cursor: pointer }
meter { inline-size: 100%; block-size: 1.25rem }
.language-tabs { display: flex; flex-wrap: wrap; gap: 0.4rem }
.language-tabs button { padding: 0.3rem 0.7rem; font-weight: 500 }
.language-tabs button[aria-pressed='true'] { background: var(--_accent); color: var(--_on-accent) }
/* A language that has its own welcome carries a dot. */
.language-tabs button.written::after { content: ''; inline-size: 0.45rem; block-size: 0.45rem; border-radius: 50%; background: currentColor }
.capacity-warning {
  padding: 0.4rem 0.75rem;
  border-inline-start: 4px solid var(--_warning-border);
  background: var(--_warning-bg);
  font-weight: 600;
}
.preview { display: grid; gap: 0.35rem }
.chat {
  display: flex;
  align-items: flex-start;
  gap: 0.6rem;
  padding: 0.75rem;
  border-radius: var(--_radius);
  background: var(--_surface);
}
.avatar {
  display: grid;
  place-items: center;
  flex: none;
  inline-size: 2.25rem;
  block-size: 2.25rem;
  border-radius: 50%;
  background: var(--_accent);
  color: var(--_on-accent);
  font-size: 0.85rem;
  font-weight: 600;
}
.message { display: grid; gap: 0.2rem; min-inline-size: 0 }
.sender { font-size: 0.85rem; font-weight: 600 }
.bubble {
  padding: 0.5rem 0.75rem;
  border: 1px solid var(--_line);
  border-radius: 0 1rem 1rem 1rem;
  background: Canvas;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
`;
