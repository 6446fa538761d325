import { themeCss, themeTokens } from '../../pages/ui/theme-tokens.ts';

/** The small stylesheet the hosted pages share (served as /static/page.css; CSP forbids inline). */
export const PAGE_CSS = `
${themeCss(':root')}
:root { color-scheme: light dark; font: 1rem/1.5 ${themeTokens.font}; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; background: Canvas; color: CanvasText; }
main { max-width: 32rem; margin: 0 auto; padding: 2rem 1rem; }
main.wide { max-width: 64rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; line-height: 1.25; }
a { color: var(--_accent); }
.muted { color: var(--_muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--_line); }
iframe { width: 100%; height: 70vh; border: 1px solid var(--_line); }

/* The join page: one card, the widget inside it. */
main.join { max-width: 30rem; padding: max(1.5rem, env(safe-area-inset-top)) 1rem 2rem; display: grid; gap: 1rem; }
.join .brand { margin: 0; font-weight: 700; color: var(--_accent); letter-spacing: .02em; }
.join h1 { margin: 0; }
.join .next { margin: 0; }
.join .card { padding: 0; border: 1px solid var(--_line); border-radius: var(--_radius); background: Canvas; }
@media (min-width: 40rem) {
  body:has(main.join) { background: var(--_surface); }
  main.join { padding-top: 4rem; }
  .join .card { box-shadow: 0 1px 3px color-mix(in srgb, CanvasText 12%, transparent); }
}
/* The page's heading already names the workdomain. */
.join chatpoint-register::part(heading) { display: none; }
/* Only where a finger points: a desktop has no app to open. */
.join .app-link { display: none; margin: 0; }
@media (pointer: coarse) { .join .app-link { display: block; } }
`;
