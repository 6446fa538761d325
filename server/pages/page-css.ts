/** The small stylesheet the hosted pages share (served as /static/page.css; CSP forbids inline). */
export const PAGE_CSS = `
:root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0; min-height: 100vh; background: Canvas; color: CanvasText; }
main { max-width: 32rem; margin: 0 auto; padding: 2rem 1rem; }
main.wide { max-width: 64rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
.muted { opacity: .75; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid color-mix(in srgb, CanvasText 15%, transparent); }
iframe { width: 100%; height: 70vh; border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); }
`;
