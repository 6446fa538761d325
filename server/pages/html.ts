const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text into HTML text or a quoted attribute: nothing a user typed is ever markup. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

export interface ShellOptions {
  /** The page's language (README, Languages). */
  lang: string;
  title: string;
  description?: string;
  scripts: string[];
  styles?: string[];
  body: string;
  meta?: Record<string, string>;
}

/** A page with no inline script: the CSP forbids it. */
export function htmlShell(options: ShellOptions): string {
  const meta = Object.entries(options.meta ?? {})
    .map(
      ([property, content]) => `<meta property="${escapeHtml(property)}" content="${escapeHtml(content)}">`,
    )
    .join('\n    ');
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
    <title>${escapeHtml(options.title)}</title>
    ${options.description ? `<meta name="description" content="${escapeHtml(options.description)}">` : ''}
    ${meta}
    <link rel="stylesheet" href="/static/page.css">
    ${(options.styles ?? []).map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n    ')}
    ${options.scripts.map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`).join('\n    ')}
  </head>
  <body>
    ${options.body}
  </body>
</html>
`;
}
