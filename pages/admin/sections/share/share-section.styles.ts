import { css } from 'lit';

/** The snippet and CSP in a code font, and the live preview of the form. */
export const shareSectionStyles = css`
#embed, #embedPinned, #csp { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem }
iframe {
  inline-size: 100%;
  block-size: 34rem;
  border: 1px solid var(--_line);
  border-radius: var(--_radius);
  background: Canvas;
}
`;
