import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../test/helpers/server-process.ts';

const root = path.resolve(import.meta.dirname, '..');
const bundle = path.join(root, 'dist/server.js');

/** What the benchmark runs: the production bundle when the build made one, else the TypeScript entry. */
export function serverEntry(): { label: string; args: string[] } {
  if (existsSync(bundle)) return { label: 'node dist/server.js', args: ['dist/server.js'] };
  return { label: 'node --import tsx server/main.ts', args: ['--import', 'tsx', 'server/main.ts'] };
}

export interface BenchServer {
  url: string;
  pid: number;
  child: ChildProcess;
  output: string[];
  stop(): Promise<number | null>;
}

/** Starts the server as its own process (so its CPU and memory are its own) and waits for /healthz. */
export async function startBenchServer(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, ...serverEntry().args], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Generous: on a busy machine a first start (transpile, migrate, seed) can take minutes.
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.join('')}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid!,
    child,
    output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
