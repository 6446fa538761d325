import { css } from 'lit';

/** Domain and origin lists in a code font. */
export const accessSectionStyles = css`
#allowedOrigins, #allowedEmailDomains, #blockedEmailDomains { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem }
`;
