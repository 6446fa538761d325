import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Context, Hono } from 'hono';
import { fill, type PageWords, wordsFor } from '../../pages/ui/i18n/catalogues.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { pageSecurityHeaders } from '../http/security-headers.ts';
import { isOpen } from '../registration/availability.ts';
import { findLink } from '../registration/link.ts';
import { escapeHtml, htmlShell } from './html.ts';
import { pageLanguage } from './language.ts';
import { PAGE_CSS } from './page-css.ts';
import { loadStaticAsset, type StaticAsset, sendStaticAsset, staticAsset } from './static-asset.ts';

export interface BuiltAssets {
  /** The widget module, or null when `npm run build` has not run. */
  widget: { asset: StaticAsset; hash: string } | null;
  /** The widget's other files (a language's texts each), by file name: hashed, loaded on demand. */
  widgetChunks: Map<string, StaticAsset>;
  /** Entry name (app, admin, reset) → script path, from Vite's manifest. */
  entries: Record<string, string>;
  pagesDir: string;
}

export function loadBuiltAssets(distDir: string): BuiltAssets {
  const widgetFile = path.join(distDir, 'widget', 'chatpoint-register.js');
  const widget = existsSync(widgetFile) ? loadStaticAsset(widgetFile, CONTENT_TYPES['.js']!) : null;
  const widgetChunks = new Map<string, StaticAsset>();
  if (widget) {
    for (const name of readdirSync(path.dirname(widgetFile))) {
      if (/^chatpoint-register-[\w.-]+\.js$/.test(name))
        widgetChunks.set(
          name,
          loadStaticAsset(path.join(path.dirname(widgetFile), name), CONTENT_TYPES['.js']!),
        );
    }
  }
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
    widgetChunks,
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
  const sendWidgetFile = (c: Context, asset: StaticAsset, cacheControl: string) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return sendStaticAsset(c, asset, cacheControl);
  };
  const serveWidget = (cacheControl: string) => (c: Context) => {
    if (!assets.widget) return c.text('The widget is not built. Run npm run build.', 503);
    return sendWidgetFile(c, assets.widget.asset, cacheControl);
  };
  app.get('/widget/chatpoint-register.js', serveWidget('public, max-age=300'));
  if (widgetPath) app.get(widgetPath, serveWidget('public, max-age=31536000, immutable'));
  // A language's texts, imported by the module relative to itself (so from this origin, cross-origin
  // for an embedding page); the names carry a content hash.
  app.get('/widget/:file', (c, next) => {
    const chunk = assets.widgetChunks.get(c.req.param('file'));
    return chunk ? sendWidgetFile(c, chunk, 'public, max-age=31536000, immutable') : next();
  });

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
    const lang = await pageLanguage(deps, c);
    const t = wordsFor(lang).join;
    const link = await findLink(deps.db, linkId).catch((error) => {
      if (error instanceof AppError && error.code === 'link_not_found') return undefined;
      throw error;
    });
    const row = link?.workdomain;
    const workdomain = { workdomain: row?.name ?? '' };
    const title = row ? fill(t.title, workdomain) : t.notFoundTitle;
    // The admin panel's preview: only what the embed snippet renders, in preview mode (no view counted, no sending).
    if (c.req.query('preview') === '1') {
      return c.html(
        htmlShell({
          lang,
          title: `Preview: ${title}`,
          scripts: widgetPath ? [widgetPath] : [],
          body: `<chatpoint-register link="${escapeHtml(linkId)}" lang="${lang}" preview></chatpoint-register>`,
        }),
        row ? 200 : 404,
      );
    }
    const description = row ? fill(t.description, workdomain) : t.notFoundDescription;
    const body = link
      ? `<main class="join">
      <p class="brand">ChatPoint</p>
      <h1>${escapeHtml(fill(t.heading, workdomain))}</h1>
      ${
        // Closed: the widget says so and offers members the sign-in; "we'll email you a code" would mislead.
        isOpen(link.settings, link.workdomain)
          ? `<p class="next">${escapeHtml(fill(t.next, workdomain))}</p>`
          : ''
      }
      <div class="card">
        <chatpoint-register link="${escapeHtml(linkId)}" theme="auto" onetap></chatpoint-register>
        <noscript>${escapeHtml(t.noScript)}</noscript>
      </div>
      <p class="muted app-link">${escapeHtml(t.haveApp)} <a href="${escapeHtml(deps.config.appScheme)}://join/${escapeHtml(linkId)}">${escapeHtml(t.openInApp)}</a></p>
    </main>`
      : `<main class="join">
      <p class="brand">ChatPoint</p>
      <h1>${escapeHtml(t.notFound)}</h1>
      <p class="next">${escapeHtml(t.notFoundNext)}</p>
    </main>`;
    return c.html(
      htmlShell({
        lang,
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

  const shell = (
    entry: string,
    title: (words: PageWords) => string,
    tag: string,
    options: { carriesToken?: boolean },
  ) => {
    const handler = pageSecurityHeaders({ https, denyFraming: true, carriesToken: options.carriesToken });
    return [
      handler,
      async (c: Context) => {
        const script = assets.entries[entry];
        if (!script) return c.text('The pages are not built. Run npm run build.', 503);
        const lang = await pageLanguage(deps, c);
        return c.html(
          htmlShell({ lang, title: title(wordsFor(lang)), scripts: [script], body: `<${tag}></${tag}>` }),
        );
      },
    ] as const;
  };
  const appTitle = (t: PageWords) => t.app.pageTitle;
  app.get('/app', ...shell('app', appTitle, 'chatpoint-app', { carriesToken: true }));
  app.get('/app/*', ...shell('app', appTitle, 'chatpoint-app', { carriesToken: true }));
  app.get('/admin', ...shell('admin', (t) => t.admin.pageTitle, 'chatpoint-admin', {}));
  app.get(
    '/reset-password',
    ...shell('reset', (t) => t.reset.pageTitle, 'chatpoint-reset-password', { carriesToken: true }),
  );
  return app;
}
