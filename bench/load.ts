import { Agent, request } from 'node:http';
import type { CodeSink } from './code-sink.ts';

export interface LevelResult {
  concurrency: number;
  seconds: number;
  started: number;
  registrations: number;
  registrationsPerSecond: number;
  startP50Ms: number;
  startP99Ms: number;
  verifyP50Ms: number;
  verifyP99Ms: number;
  errors: number;
  errorCodes: Record<string, number>;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2));
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** A keep-alive JSON POST over node:http: cheaper than fetch, so the driver steals less CPU. */
export function post(
  url: string,
  body: unknown,
  began = performance.now(),
): Promise<{ status: number; body: any; ms: number }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text ? JSON.parse(text) : null,
            ms: performance.now() - began,
          }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close an idle keep-alive socket just as it is reused; Node's advice is to retry.
      if (req.reusedSocket && error.code === 'ECONNRESET') post(url, body, began).then(resolve, reject);
      else reject(error);
    });
    req.end(payload);
  });
}

let sequence = 0;

/**
 * `concurrency` registrants at a time, each doing start → read the code at the SMTP sink → verify,
 * for `seconds`. Servers are used round-robin (one or several processes).
 */
export async function runLevel(
  servers: string[],
  linkId: string,
  sink: CodeSink,
  concurrency: number,
  seconds: number,
): Promise<LevelResult> {
  const starts: number[] = [];
  const verifies: number[] = [];
  const errorCodes: Record<string, number> = {};
  let registrations = 0;
  let started = 0;
  const fail = (code: string) => {
    errorCodes[code] = (errorCodes[code] ?? 0) + 1;
  };
  const until = Date.now() + seconds * 1000;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (Date.now() < until) {
        const n = ++sequence;
        const email = `bench-${process.pid}-${n}@example.com`;
        const base = servers[n % servers.length]!;
        const verifyBase = servers[(n + 1) % servers.length]!;
        try {
          const startAnswer = await post(`${base}/api/registrations/${linkId}/start`, {
            name: `Bench ${worker}`,
            email,
          });
          starts.push(startAnswer.ms);
          if (startAnswer.status !== 202) {
            fail(startAnswer.body?.error?.code ?? String(startAnswer.status));
            continue;
          }
          started++;
          const code = await sink.code(email);
          const verified = await post(`${verifyBase}/api/registrations/${linkId}/verify`, {
            registrationId: startAnswer.body.registrationId,
            code,
          });
          verifies.push(verified.ms);
          if (verified.status === 201) registrations++;
          else fail(verified.body?.error?.code ?? String(verified.status));
        } catch (error) {
          fail(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  return {
    concurrency,
    seconds: Number(elapsed.toFixed(2)),
    started,
    registrations,
    registrationsPerSecond: Number((registrations / elapsed).toFixed(2)),
    startP50Ms: percentile(starts, 50),
    startP99Ms: percentile(starts, 99),
    verifyP50Ms: percentile(verifies, 50),
    verifyP99Ms: percentile(verifies, 99),
    errors: Object.values(errorCodes).reduce((a, b) => a + b, 0),
    errorCodes,
  };
}

/** `start` alone, `concurrency` in flight, for `seconds`: requests per second and latency. */
export async function runStartOnly(servers: string[], linkId: string, concurrency: number, seconds: number) {
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const n = ++sequence;
        try {
          const result = await post(`${servers[n % servers.length]}/api/registrations/${linkId}/start`, {
            name: 'Start only',
            email: `start-${process.pid}-${n}@example.com`,
          });
          latencies.push(result.ms);
          if (result.status === 202) ok++;
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  return {
    concurrency,
    startsPerSecond: Number((ok / elapsed).toFixed(1)),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors,
  };
}
