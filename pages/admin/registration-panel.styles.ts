import { css } from 'lit';

export const panelStyles = css`
dialog {
  margin: 0 0 0 auto;
  inline-size: min(44rem, 100vw);
  max-inline-size: 100vw;
  block-size: 100dvh;
  max-block-size: 100dvh;
  padding: 0;
  border: none;
  border-inline-start: 1px solid var(--_line);
  background: Canvas;
  color: CanvasText;
  overflow-y: auto;
}
dialog::backdrop { background: rgb(0 0 0 / 0.45) }
.panel { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.5rem; padding: 0 1.25rem 2rem }
.panel-head {
  position: sticky;
  top: 0;
  z-index: 1;
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 1rem;
  padding-block: 0.75rem;
  border-bottom: 1px solid var(--_line);
  background: Canvas;
}
.announcement:not(:empty) {
  position: sticky;
  top: 3.75rem;
  z-index: 1;
  padding: 0.4rem 0.75rem;
  border-radius: var(--_radius);
  background: var(--_accent);
  color: var(--_on-accent);
  font-weight: 600;
}
section + section { padding-block-start: 1.25rem; border-block-start: 1px solid var(--_line) }
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
.copy-row { display: flex; flex-wrap: wrap; gap: 0.5rem }
.copy-row input { flex: 1 1 14rem }
.qr { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem }
.qr img { inline-size: 10rem; block-size: 10rem; padding: 0.5rem; border: 1px solid var(--_line); background: #fff }
#embed, #csp, #allowedOrigins, #allowedEmailDomains, #blockedEmailDomains { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem }
iframe {
  inline-size: 100%;
  block-size: 34rem;
  border: 1px solid var(--_line);
  border-radius: var(--_radius);
  background: Canvas;
}
table.audit { min-inline-size: 36rem }
table.funnel { inline-size: 100% }
table.funnel-links { min-inline-size: 20rem }
.funnel td small { display: block; color: var(--_muted); font-size: 0.8rem }
input[type='checkbox'] { inline-size: 1.25rem; block-size: 1.25rem; margin: 0; accent-color: var(--_accent) }
td.details { overflow-wrap: anywhere }
`;
