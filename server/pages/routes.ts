import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { registrationSettings, workdomains } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { pageSecurityHeaders } from '../http/security-headers.ts';
import { escapeHtml, htmlShell } from './html.ts';
import { PAGE_CSS } from './page-css.ts';
import { loadStaticAsset, type StaticAsset, sendStaticAsset, staticAsset } from './static-asset.ts';

export interface BuiltAssets {
  /** The widget module, or null when `npm run build` has not run. */
  widget: { asset: StaticAsset; hash: string } | null;
  /** Entry name (app, admin, reset) → script path, from Vite's manifest. */
  entries: Record<string, string>;
  pagesDir: string;
}

export function loadBuiltAssets(distDir: string): BuiltAssets {
  const widgetFile = path.join(distDir, 'widget', 'chatpoint-register.js');
  const widget = existsSync(widgetFile) ? loadStaticAsset(widgetFile, CONTENT_TYPES['.js']!) : null;
  const pagesDir = path.join(distDir, 'pages');
  const manifestFile = path.join(pagesDir, '.vite', 'manifest.json');
  const entries: Record<string, string> = {};
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<
      string,
      { file: string; name?: string; isEntry?: boolean }
    >;
    for (const chunk of Object.values(manifest)) {
      if (chunk.isEntry && chunk.name) entries[chunk.name] = `/static/${chunk.file}`;
    }
  }
  return {
    widget: widget
      ? {
          asset: widget,
          hash: createHash('sha256').update(widget.bodies.identity).digest('hex').slice(0, 12),
        }
      : null,
    entries,
    pagesDir,
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function pageRoutes(deps: AppDeps, assets: BuiltAssets) {
  const app = new Hono();
  const https = deps.config.publicUrl.startsWith('https:');
  const staticFiles = new Map<string, StaticAsset>();
  const pageCss = staticAsset(Buffer.from(PAGE_CSS), CONTENT_TYPES['.css']!);
  const widgetPath = assets.widget ? `/widget/chatpoint-register-${assets.widget.hash}.js` : null;

  // The stable name embed snippets use (short cache), and a hashed copy that never changes.
  const serveWidget = (cacheControl: string) => (c: Context) => {
    if (!assets.widget) return c.text('The widget is not built. Run npm run build.', 503);
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return sendStaticAsset(c, assets.widget.asset, cacheControl);
  };
  app.get('/widget/chatpoint-register.js', serveWidget('public, max-age=300'));
  if (widgetPath) app.get(widgetPath, serveWidget('public, max-age=31536000, immutable'));

  app.get('/static/page.css', (c) => sendStaticAsset(c, pageCss, 'public, max-age=300'));
  app.get('/static/*', (c) => {
    const relative = path.normalize(c.req.path.slice('/static/'.length));
    if (relative.startsWith('..') || path.isAbsolute(relative) || relative.startsWith('.vite'))
      return c.notFound();
    const file = path.join(assets.pagesDir, relative);
    // Built files are hashed and never change while the process runs: read each once.
    let asset = staticFiles.get(file);
    if (!asset) {
      if (!existsSync(file) || !statSync(file).isFile() || /\.(br|gz)$/.test(file)) return c.notFound();
      asset = loadStaticAsset(file, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
      staticFiles.set(file, asset);
    }
    return sendStaticAsset(c, asset, 'public, max-age=31536000, immutable');
  });

  // The code mail's one-tap link carries the code in this page's fragment.
  app.get('/join/:linkId', pageSecurityHeaders({ https, carriesToken: true }), async (c) => {
    const linkId = c.req.param('linkId');
    const [row] = await deps.db
      .select({ name: workdomains.name })
      .from(registrationSettings)
      .innerJoin(workdomains, eq(workdomains.id, registrationSettings.workdomainId))
      .where(eq(registrationSettings.linkId, linkId));
    const title = row ? `Chat with ${row.name} on ChatPoint` : 'Registration link not found — ChatPoint';
    // The admin panel's preview: only what the embed snippet renders, in preview mode (no view counted, no sending).
    if (c.req.query('preview') === '1') {
      return c.html(
        htmlShell({
          title: `Preview: ${title}`,
          scripts: widgetPath ? [widgetPath] : [],
          body: `<chatpoint-register link="${escapeHtml(linkId)}" preview></chatpoint-register>`,
        }),
        row ? 200 : 404,
      );
    }
    const description = row
      ? `Register with your name and email to chat with ${row.name} on ChatPoint.`
      : 'This registration link does not exist.';
    const body = row
      ? `<main class="join">
      <p class="brand">ChatPoint</p>
      <h1>Chat with ${escapeHtml(row.name)}</h1>
      <p class="next">Enter your name and email. We'll email you a 6-digit code; once you type it in, you're in a chat where someone from ${escapeHtml(row.name)} will answer.</p>
      <div class="card">
        <chatpoint-register link="${escapeHtml(linkId)}" theme="auto" autoverify></chatpoint-register>
        <noscript>Registration needs JavaScript.</noscript>
      </div>
      <p class="muted app-link">Have the ChatPoint app? <a href="${escapeHtml(deps.config.appScheme)}://join/${escapeHtml(linkId)}">Open this in the app</a>.</p>
    </main>`
      : `<main class="join">
      <p class="brand">ChatPoint</p>
      <h1>Registration link not found</h1>
      <p class="next">This link does not exist or was replaced. Ask whoever shared it for the current one.</p>
    </main>`;
    return c.html(
      htmlShell({
        title,
        description,
        meta: {
          'og:title': title,
          'og:description': description,
          'og:url': `${deps.config.publicUrl}/join/${linkId}`,
          'og:type': 'website',
        },
        scripts: widgetPath && row ? [widgetPath] : [],
        body,
      }),
      row ? 200 : 404,
    );
  });

  const shell = (entry: string, title: string, tag: string, options: { carriesToken?: boolean }) => {
    const handler = pageSecurityHeaders({ https, denyFraming: true, carriesToken: options.carriesToken });
    return [
      handler,
      (c: any) => {
        const script = assets.entries[entry];
        if (!script) return c.text('The pages are not built. Run npm run build.', 503);
        return c.html(htmlShell({ title, scripts: [script], body: `<${tag}></${tag}>` }));
      },
    ] as const;
  };
  app.get('/app', ...shell('app', 'ChatPoint', 'chatpoint-app', { carriesToken: true }));
  app.get('/app/*', ...shell('app', 'ChatPoint', 'chatpoint-app', { carriesToken: true }));
  app.get('/admin', ...shell('admin', 'User administration — ChatPoint', 'chatpoint-admin', {}));
  app.get(
    '/reset-password',
    ...shell('reset', 'Choose a new password — ChatPoint', 'chatpoint-reset-password', {
      carriesToken: true,
    }),
  );
  return app;
}
