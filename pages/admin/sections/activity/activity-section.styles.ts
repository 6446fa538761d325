import { css } from 'lit';

/** The funnel and audit tables. */
export const activitySectionStyles = css`
table.audit { min-inline-size: 36rem }
table.funnel { inline-size: 100% }
table.funnel-links { min-inline-size: 20rem }
.funnel td small { display: block; color: var(--_muted); font-size: 0.8rem }
td.details { overflow-wrap: anywhere }
`;
