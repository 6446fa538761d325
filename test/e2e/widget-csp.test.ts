import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

/** The CSP that docs/widget.md tells a host page to add: nothing else is allowed. */
describe('the widget on a host page with a strict Content-Security-Policy', () => {
  let h: Harness;
  let browser: Browser;
  let host: Server;
  let hostUrl: string;

  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', listen: true });
    const { linkId } = await h.seedWorkdomain();
    const csp = `default-src 'none'; script-src ${h.baseUrl}; connect-src ${h.baseUrl}`;
    host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      res.end(`<!doctype html><html lang="en"><head><title>Host</title>
<script type="module" src="${h.baseUrl}/widget/chatpoint-register.js"></script></head>
<body><chatpoint-register link="${linkId}"></chatpoint-register></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await h?.close();
  });

  it('registers with script-src and connect-src PUBLIC_URL only, and nothing is blocked', {
    timeout: 60_000,
  }, async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('recordViolation', (text: string) => violations.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as any).recordViolation(`${event.violatedDirective} ${event.blockedURI}`),
      ),
    );
    await page.goto(hostUrl);
    await page.getByLabel('Name').fill('Cora Strict');
    await page.getByLabel('Email').fill('cora.strict@example.com');
    await page.getByLabel('Email').press('Enter');
    const codeField = page.getByLabel('Verification code');
    await codeField.waitFor();
    await codeField.fill(codeIn(await h.smtp.waitFor('cora.strict@example.com')));
    await codeField.press('Enter');
    await page.getByRole('button', { name: 'Chat' }).waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });
});
