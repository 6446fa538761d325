import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants } from 'node:zlib';
import { launchChromium } from '../test/helpers/browser.ts';

export function widgetBrotliBytes(file: string): number {
  return brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/**
 * Time from the widget script's arrival (its responseEnd) to the element's first render, in
 * headless Chromium; the API answers from a local server so the network is not what we measure.
 */
export async function widgetFirstRender(
  file: string,
  runs = 10,
): Promise<{ medianMs: number; samples: number[] }> {
  const code = readFileSync(file);
  const server = createServer((req, res) => {
    if (req.url === '/widget.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(code);
    } else if (req.url?.startsWith('/api/registrations/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ workdomain: { name: 'Bench' }, open: true }));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><html lang="en"><body><chatpoint-register link="bench"></chatpoint-register>
<script type="module" src="/widget.js"></script></body></html>`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.addInitScript(() => {
        // The first render is the first node Lit puts into the element's shadow root.
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) {
          const root = attach.call(this, init);
          new MutationObserver((_, observer) => {
            (window as any).__firstRender ??= performance.now();
            observer.disconnect();
          }).observe(root, { childList: true, subtree: true });
          return root;
        };
      });
      await page.goto(`${base}/`);
      await page.waitForFunction(() => (window as any).__firstRender !== undefined);
      const ms = await page.evaluate(() => {
        const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widget.js')) as
          | PerformanceResourceTiming
          | undefined;
        return (window as any).__firstRender - (entry?.responseEnd ?? 0);
      });
      samples.push(Number(ms.toFixed(1)));
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, samples };
}
