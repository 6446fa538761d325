// How long the widget's proof of work takes in Chromium with the CPU slowed down 4× (a mid-range
// phone), for the challenges the server hands out. Run: npx tsx bench/altcha-solve.ts [runs] [maxnumber]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChallenge } from 'altcha-lib/v1';
import { build } from 'esbuild';
import { CHALLENGE_MAX_NUMBER } from '../server/registration/challenge.ts';
import { launchChromium } from '../test/helpers/browser.ts';

const runs = Number(process.argv[2] ?? 40);
const maxnumber = Number(process.argv[3] ?? CHALLENGE_MAX_NUMBER);
const throttle = 4;

const solver = await build({
  entryPoints: ['widget/api/altcha.ts'],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'altcha',
  target: 'es2022',
});
const page = `<!doctype html><script>${solver.outputFiles[0]!.text}</script>`;
// WebCrypto needs a secure context: a loopback http page is one.
const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await launchChromium();
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A fresh challenge each time: the hidden number is uniform in 0…maxnumber, as on the server.
    const challenge = await createChallenge({ hmacKey: 'bench key', maxnumber });
    samples.push(
      await tab.evaluate(async (c) => {
        const t0 = performance.now();
        await (window as any).altcha.solveAltcha(c);
        return performance.now() - t0;
      }, challenge),
    );
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  console.log(
    JSON.stringify({
      maxnumber,
      cpuThrottling: throttle,
      runs,
      meanMs: Math.round(mean),
      medianMs: Math.round(at(0.5)),
      p90Ms: Math.round(at(0.9)),
      maxMs: Math.round(samples.at(-1)!),
    }),
  );
} finally {
  await browser.close();
  server.close();
}
