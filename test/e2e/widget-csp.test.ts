import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ja } from '../../widget/i18n/ja.ts';
import { launchChromium } from '../helpers/browser.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

/** The CSP that docs/widget.md tells a host page to add: nothing else is allowed. */
describe('the widget on a host page with a strict Content-Security-Policy', () => {
  let h: Harness;
  let browser: Browser;
  let host: Server;
  let hostUrl: string;
  let linkId: string;
  let pinnedSnippet: string;
  // Host pages by path: the plain snippet, and the admin's integrity-pinned one (as given, or with its bytes' hash altered).
  const pages = new Map<string, { lang: string; snippet: () => string }>();

  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', listen: true });
    const seeded = await h.seedWorkdomain();
    linkId = seeded.linkId;
    const login = await h.request('POST', '/api/auth/login', {
      workdomain: seeded.workdomain.slug,
      email: seeded.admin.email,
      password: seeded.adminPassword,
    });
    const auth = { authorization: `Bearer ${login.body.sessionToken}` };
    // Bot protection on: the page must also load the proof-of-work solver, on demand.
    const settings = await h.request('PUT', '/api/admin/registration', { botProtection: true }, auth);
    expect(settings.status).toBe(200);
    pinnedSnippet = settings.body.embedPinned;
    expect(pinnedSnippet).toContain(`link="${linkId}"`);
    // No 'unsafe-inline' or 'unsafe-eval' anywhere; style-src falls back to 'none'.
    const csp = `default-src 'none'; script-src ${h.baseUrl}; connect-src ${h.baseUrl}`;
    pages.set('/', {
      lang: 'en',
      snippet: () =>
        `<script type="module" src="${h.baseUrl}/widget/chatpoint-register.js"></script><chatpoint-register link="${linkId}"></chatpoint-register>`,
    });
    pages.set('/pinned', { lang: 'ja', snippet: () => pinnedSnippet });
    pages.set('/tampered', {
      lang: 'en',
      snippet: () => pinnedSnippet.replace(/sha384-[\w+/=]+/, `sha384-${'A'.repeat(64)}`),
    });
    host = createServer((req, res) => {
      const page = pages.get(req.url!);
      if (!page) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      res.end(`<!doctype html><html lang="${page.lang}"><head><title>Host</title></head>
<body>${page.snippet()}</body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await h?.close();
  });

  /** A page that records every policy violation and every console error. */
  async function watchedPage(): Promise<{ page: Page; violations: string[]; consoleErrors: string[] }> {
    const page = await browser.newPage();
    const violations: string[] = [];
    const consoleErrors: string[] = [];
    await page.exposeFunction('recordViolation', (text: string) => violations.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as any).recordViolation(`${event.violatedDirective} ${event.blockedURI}`),
      ),
    );
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    return { page, violations, consoleErrors };
  }

  async function register(
    page: Page,
    labels: { name: string; email: string; code: string; chat: string },
    email: string,
  ) {
    await page.getByLabel(labels.name).fill('Cora Strict');
    await page.getByLabel(labels.email).fill(email);
    await page.getByLabel(labels.email).press('Enter');
    const codeField = page.getByLabel(labels.code);
    await codeField.waitFor();
    await codeField.fill(codeIn(await h.smtp.waitFor(email)));
    await codeField.press('Enter');
    await page.getByRole('button', { name: labels.chat }).waitFor();
  }

  it('registers with script-src and connect-src PUBLIC_URL only, and nothing is blocked', {
    timeout: 60_000,
  }, async () => {
    const { page, violations, consoleErrors } = await watchedPage();
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(request.url()));
    await page.goto(`${hostUrl}/`);
    await register(
      page,
      { name: 'Name', email: 'Email', code: 'Verification code', chat: 'Chat' },
      'cora.strict@example.com',
    );
    // The solver arrived on demand, from the service's origin.
    expect(scripts.some((url) => /\/widget\/chatpoint-register-altcha-[\w-]+\.js$/.test(url))).toBe(true);
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("serves the pinned snippet's script immutable, and its integrity is the served bytes' sha384", async () => {
    const src = /src="([^"]+)"/.exec(pinnedSnippet)![1]!;
    const integrity = /integrity="([^"]+)"/.exec(pinnedSnippet)![1]!;
    expect(src).toMatch(new RegExp(`^${h.baseUrl}/widget/chatpoint-register-[0-9a-f]{12}\\.js$`));
    expect(pinnedSnippet).toContain('crossorigin="anonymous"');
    for (const encoding of ['br', 'gzip', 'identity']) {
      const response = await fetch(src, { headers: { 'accept-encoding': encoding } });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const body = Buffer.from(await response.arrayBuffer());
      expect(`sha384-${createHash('sha384').update(body).digest('base64')}`).toBe(integrity);
    }
    // The unversioned URL of the plain snippet stays served, with the same bytes.
    const plain = await fetch(`${h.baseUrl}/widget/chatpoint-register.js`);
    expect(plain.status).toBe(200);
    expect(
      `sha384-${createHash('sha384')
        .update(Buffer.from(await plain.arrayBuffer()))
        .digest('base64')}`,
    ).toBe(integrity);
  });

  it('registers through the pinned snippet in Japanese: the language file and the solver load under the policy', {
    timeout: 60_000,
  }, async () => {
    const { page, violations, consoleErrors } = await watchedPage();
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(request.url()));
    await page.goto(`${hostUrl}/pinned`);
    await register(
      page,
      { name: ja.name, email: ja.email, code: ja.code, chat: ja.chat },
      'cora.pinned@example.com',
    );
    expect(scripts.some((url) => /\/widget\/chatpoint-register-ja-[\w-]+\.js$/.test(url))).toBe(true);
    expect(scripts.some((url) => /\/widget\/chatpoint-register-altcha-[\w-]+\.js$/.test(url))).toBe(true);
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('runs nothing when the bytes do not match the integrity', { timeout: 30_000 }, async () => {
    const { page, consoleErrors } = await watchedPage();
    await page.goto(`${hostUrl}/tampered`);
    await expect.poll(() => consoleErrors.join('\n')).toMatch(/integrity/i);
    expect(await page.evaluate(() => customElements.get('chatpoint-register'))).toBeUndefined();
    await page.close();
  });
});
