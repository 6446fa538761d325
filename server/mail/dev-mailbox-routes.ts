import { Hono } from 'hono';
import { pageSecurityHeaders } from '../http/security-headers.ts';
import { escapeHtml, htmlShell } from '../pages/html.ts';
import type { DevMailbox } from './transports.ts';

/** /dev/mailbox: the mail the service would have sent, while no SMTP server is configured. */
export function devMailboxRoutes(mailbox: DevMailbox) {
  const app = new Hono();
  app.use('/dev/mailbox/*', pageSecurityHeaders({ https: false, denyFraming: false, carriesToken: true }));
  app.use('/dev/mailbox', pageSecurityHeaders({ https: false, denyFraming: false, carriesToken: true }));
  app.get('/dev/mailbox.json', (c) => c.json({ messages: mailbox.list() }));
  app.get('/dev/mailbox', (c) => {
    const rows = mailbox
      .list()
      .map(
        (mail) =>
          `<tr><td>${escapeHtml(mail.receivedAt)}</td><td>${escapeHtml(mail.to)}</td>` +
          `<td><a href="/dev/mailbox/${mail.id}">${escapeHtml(mail.subject)}</a></td></tr>`,
      )
      .join('');
    return c.html(
      htmlShell({
        lang: 'en',
        title: 'Dev mailbox — ChatPoint',
        scripts: [],
        body: `<main class="wide"><h1>Dev mailbox</h1><p class="muted">Mail the service sent while SMTP_URL is unset. Newest first.</p>
<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No mail yet.</td></tr>'}</tbody></table></main>`,
      }),
    );
  });
  app.get('/dev/mailbox/:id/html', (c) => {
    const mail = mailbox.get(c.req.param('id'));
    if (!mail) return c.notFound();
    // Shown inside a sandboxed frame: the mail's HTML runs no script and reaches nothing.
    c.header(
      'Content-Security-Policy',
      "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'",
    );
    return c.html(mail.html);
  });
  app.get('/dev/mailbox/:id', (c) => {
    const mail = mailbox.get(c.req.param('id'));
    if (!mail) return c.notFound();
    return c.html(
      htmlShell({
        lang: 'en',
        title: `${mail.subject} — dev mailbox`,
        scripts: [],
        body: `<main class="wide"><p><a href="/dev/mailbox">← All mail</a></p><h1>${escapeHtml(mail.subject)}</h1>
<p class="muted">To ${escapeHtml(mail.to)} · From ${escapeHtml(mail.from)} · ${escapeHtml(mail.receivedAt)}</p>
<iframe title="Message" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" src="/dev/mailbox/${mail.id}/html"></iframe>
<h2>Plain text</h2><pre>${escapeHtml(mail.text)}</pre></main>`,
      }),
    );
  });
  return app;
}
