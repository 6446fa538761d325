import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startServerProcess } from '../test/helpers/server-process.ts';

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
  const server = await startServerProcess(env, undefined, {
    args: [...nodeArgs, ...serverEntry().args],
    cwd: root,
  });
  return {
    url: server.url,
    pid: server.child.pid!,
    child: server.child,
    output: server.output,
    stop: () => server.kill('SIGTERM'),
  };
}
