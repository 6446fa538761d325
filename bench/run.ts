import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { CodeSink } from './code-sink.ts';
import { argon2Floor, rawTransactionFloor } from './floors.ts';
import { hashCost } from './hash-cost.ts';
import { type LevelResult, runLevel, runStartOnly } from './load.ts';
import { renderMarkdown } from './markdown.ts';
import { BackendCpu, backgroundCpuMs, peakRssMb, processCpuMs, resetPeakRss, rssMb } from './proc.ts';
import { monotonicUs, type ProfileSummary, summariseProfile } from './profile.ts';
import { type BenchServer, serverEntry, startBenchServer } from './server.ts';
import { countStatements, StatementCounter, type StatementReport } from './statements.ts';
import { backendTargets, checkTargets, type Report } from './targets.ts';
import { widgetBrotliBytes, widgetFirstRender } from './widget.ts';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean' },
    'no-profile': { type: 'boolean', default: false },
    seconds: { type: 'string' },
    levels: { type: 'string' },
    backends: { type: 'string', default: 'postgres,pglite' },
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const quick = values.quick!;
const seconds = Number(values.seconds ?? (quick ? '4' : '8'));
const levelList = values.levels ?? (quick ? '32' : '1,8,32,64');
const levels = levelList.split(',').map(Number);
/** The load at which CPU per registration and peak RSS are taken (the targets are set at 32). */
const costLevel = levels.includes(32) ? 32 : Math.max(...levels);
const profile = !values['no-profile'] && (values.profile ?? !quick);
const baseUrl = values['database-url']!;
const root = path.resolve(import.meta.dirname, '..');

async function scratchDatabase() {
  const name = `cp_bench_${Date.now().toString(36)}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const benchEnv = (sink: CodeSink) => ({
  // The demo workdomain and its open link are what the load registers into.
  DEMO: '1',
  SMTP_URL: sink.url,
  RATE_LIMIT_STARTS_PER_IP: '1000000',
  RATE_LIMIT_SENDS_PER_EMAIL: '1000',
  RATE_LIMIT_SENDS_PER_EMAIL_DAILY: '1000',
  MAX_QUEUED_HASHES: '256',
});

function linkIdFrom(server: BenchServer): string {
  const match = /\/join\/([A-Za-z0-9_-]+)/.exec(server.output.join(''));
  if (!match) throw new Error(`the server printed no registration link:\n${server.output.join('')}`);
  return match[1]!;
}

async function raiseSeats(databaseUrl: string | null, dataDir: string) {
  // The demo workdomain has 25 seats; the benchmark registers thousands.
  if (databaseUrl) {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    await sql`update workdomains set external_user_limit = 100000000`;
    await sql.end();
    return;
  }
  const { openDatabase } = await import('../server/db/client.ts');
  const { workdomains } = await import('../server/db/schema/index.ts');
  const database = await openDatabase({ databaseUrl: null, dataDir });
  await database.db.update(workdomains).set({ externalUserLimit: 100_000_000 });
  await database.close();
}

const launched = Date.now();
/** Progress lines carry the seconds since launch, so slow phases show. */
const log = (line: string) => console.log(`[${Math.round((Date.now() - launched) / 1000)} s] ${line}`);
function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** Resident set of a server that has started and served nothing yet. */
async function idleRss(server: BenchServer) {
  await pause(2000);
  return rssMb(server.pid);
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Cost {
  concurrency: number;
  registrations: number;
  serverCpuMs: number;
  /** The part of serverCpuMs on the event loop's thread; the rest is mostly the hashes. */
  serverMainThreadCpuMs: number;
  /** PostgreSQL backends of the bench database; null on PGlite, which runs inside the server. */
  postgresCpuMs: number | null;
  /** Cluster background processes (WAL writer, checkpointer …), shared with other databases. */
  postgresBackgroundCpuMs: number | null;
  backends: number | null;
}

/** One load level with the server's and PostgreSQL's CPU read around it. */
async function measuredLevel(
  server: BenchServer,
  linkId: string,
  sink: CodeSink,
  concurrency: number,
  monitor: BackendCpu | null,
): Promise<{ result: LevelResult; cost: Cost }> {
  const serverBefore = processCpuMs(server.pid)!;
  const mainThreadBefore = processCpuMs(server.pid, true)!;
  const backgroundBefore = monitor ? backgroundCpuMs() : 0;
  await monitor?.start();
  const result = await runLevel([server.url], linkId, sink, concurrency, seconds);
  // The verify's outbox round may still be running when the last answer arrives.
  await pause(300);
  const postgresCpu = await monitor?.stop();
  const perRegistration = (ms: number) => round(ms / Math.max(result.registrations, 1));
  return {
    result,
    cost: {
      concurrency,
      registrations: result.registrations,
      serverCpuMs: perRegistration(processCpuMs(server.pid)! - serverBefore),
      serverMainThreadCpuMs: perRegistration(processCpuMs(server.pid, true)! - mainThreadBefore),
      postgresCpuMs: postgresCpu ? perRegistration(postgresCpu.cpuMs) : null,
      postgresBackgroundCpuMs: monitor ? perRegistration(backgroundCpuMs() - backgroundBefore) : null,
      backends: postgresCpu?.backends ?? null,
    },
  };
}

interface BackendResult {
  backend: 'postgres' | 'pglite';
  levels: LevelResult[];
  startOnly: Awaited<ReturnType<typeof runStartOnly>>;
  cost: Cost;
  memory: { idleRssMb: number; peakRssMbAtCostLevel: number; peakRssMb: number };
  statements?: StatementReport;
  profile?: ProfileSummary & { concurrency: number; registrationsPerSecond: number; mainThreadCpuMs: number };
  twoProcesses?: {
    registrationsPerSecond: number;
    errors: number;
    mailsSent: number;
    started: number;
    registrations: number;
  };
}

async function benchBackend(backend: 'postgres' | 'pglite', sink: CodeSink): Promise<BackendResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chatpoint-bench-'));
  const scratch = backend === 'postgres' ? await scratchDatabase() : null;
  const env = { ...benchEnv(sink), DATA_DIR: dataDir, DATABASE_URL: scratch?.url ?? '' };
  const monitorSql = scratch ? postgres(baseUrl, { max: 1, onnotice: () => {} }) : null;
  const running = new Set<BenchServer>();
  const start = async (extraEnv: Record<string, string> = {}, nodeArgs: string[] = []) => {
    const server = await startBenchServer({ ...env, ...extraEnv }, nodeArgs);
    running.add(server);
    return server;
  };
  try {
    // The first start seeds the demo workdomain. PGlite's files are locked while the server
    // runs, so it restarts after its seat limit is raised; PostgreSQL reads the limit live.
    log(`${backend}: starting ${serverEntry().label}`);
    let server = await start();
    const linkId = linkIdFrom(server);
    if (scratch) {
      await raiseSeats(scratch.url, dataDir);
    } else {
      await server.stop();
      await raiseSeats(null, dataDir);
      server = await start();
    }
    // Idle RSS of a server that did not seed: this one on PGlite, on PostgreSQL the fresh server
    // of the statement phase below.
    const idleRssMb = scratch ? 0 : await idleRss(server);
    resetPeakRss(server.pid);

    // Unrecorded warm-up, so the first measured level does not pay for JIT and lazy imports.
    await runLevel([server.url], linkId, sink, 8, 2);
    const results: LevelResult[] = [];
    let cost: Cost | undefined;
    let peakAtCostLevel = 0;
    const monitor = monitorSql && scratch ? new BackendCpu(monitorSql, scratch.name) : null;
    for (const level of levels) {
      const measured = await measuredLevel(server, linkId, sink, level, monitor);
      log(`${backend} c=${level}: ${JSON.stringify(measured.result)}`);
      results.push(measured.result);
      if (level === costLevel) {
        cost = measured.cost;
        peakAtCostLevel = peakRssMb(server.pid);
        log(`${backend} cost at c=${level}: ${JSON.stringify(cost)}, peak RSS ${peakAtCostLevel} MB`);
      }
    }
    const peak = peakRssMb(server.pid);
    const startOnly = await runStartOnly([server.url], linkId, 32, seconds);
    log(`${backend} start-only: ${JSON.stringify(startOnly)}`);
    await server.stop();
    const memory = { idleRssMb, peakRssMbAtCostLevel: peakAtCostLevel, peakRssMb: peak };

    let statements: StatementReport | undefined;
    let profiled: BackendResult['profile'];
    let twoProcesses: BackendResult['twoProcesses'];
    if (scratch) {
      const counter = await new StatementCounter(scratch.url).start();
      const counted = await start({ DATABASE_URL: counter.urlFor(scratch.url) });
      memory.idleRssMb = await idleRss(counted);
      statements = await countStatements(counter, counted.url, linkId, sink, quick ? 5 : 20);
      log(`${backend} statements per registration: ${JSON.stringify(statements)}`);
      await counted.stop();
      await counter.stop();

      if (profile) profiled = await profileServer(start, linkId, sink);

      if (!quick) {
        const [a, b] = await Promise.all([start(), start()]);
        const before = sink.mails;
        const result = await runLevel([a.url, b.url], linkId, sink, 32, seconds);
        await pause(2000);
        twoProcesses = {
          registrationsPerSecond: result.registrationsPerSecond,
          errors: result.errors,
          registrations: result.registrations,
          started: result.started,
          mailsSent: sink.mails - before,
        };
        log(`${backend} two processes: ${JSON.stringify(twoProcesses)}`);
        await Promise.all([a.stop(), b.stop()]);
      }
    }
    return {
      backend,
      levels: results,
      startOnly,
      cost: cost!,
      memory,
      statements,
      profile: profiled,
      twoProcesses,
    };
  } finally {
    await Promise.all([...running].map((server) => server.stop()));
    await monitorSql?.end();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `node --cpu-prof` on a fresh server at 16 in flight; self time counted inside the load window
 * only. The profile file stays in the temp directory for Chrome DevTools; its path is printed.
 */
async function profileServer(
  start: (env?: Record<string, string>, nodeArgs?: string[]) => Promise<BenchServer>,
  linkId: string,
  sink: CodeSink,
): Promise<BackendResult['profile']> {
  const dir = mkdtempSync(path.join(tmpdir(), 'chatpoint-profile-'));
  const server = await start({}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  await runLevel([server.url], linkId, sink, 16, 1); // warm-up: JIT, pool connections
  const from = monotonicUs();
  const cpuBefore = processCpuMs(server.pid, true)!;
  const result = await runLevel([server.url], linkId, sink, 16, seconds);
  const mainThreadCpuMs = round(processCpuMs(server.pid, true)! - cpuBefore, 0);
  const to = monotonicUs();
  await server.stop();
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no CPU profile');
  const summary = summariseProfile(path.join(dir, file), from, to);
  log(`postgres profile at c=16 (${path.join(dir, file)}): ${JSON.stringify(summary.top.slice(0, 5))}`);
  return {
    concurrency: 16,
    registrationsPerSecond: result.registrationsPerSecond,
    mainThreadCpuMs,
    ...summary,
  };
}

async function main() {
  const began = Date.now();
  const loadAverageAtStart = round(loadavg()[0]!, 1);
  await new Promise<void>((resolve, reject) => {
    const build = spawn('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('build failed'))));
  });
  const widgetFile = path.join(root, 'dist/widget/chatpoint-register.js');
  const widget = {
    brotliBytes: widgetBrotliBytes(widgetFile),
    firstRender: quick ? null : await widgetFirstRender(widgetFile),
  };
  log(`widget: ${JSON.stringify(widget)}`);

  const hash = await hashCost(quick ? 10 : 30);
  const hashCpu = hash.cpuMs;
  const hashFloor = await argon2Floor(seconds * 1000);
  const transactionFloor = await rawTransactionFloor(baseUrl, seconds * 1000, 32);
  log(
    `floors: argon2id ${hashFloor.toFixed(1)} hashes/s, one hash ${hashCpu.toFixed(1)} ms CPU (${hash.callMs.toFixed(1)} ms of it blocking the caller), raw transaction ${transactionFloor.toFixed(0)}/s`,
  );

  const sink = await new CodeSink().start();
  const backends: BackendResult[] = [];
  for (const backend of values.backends!.split(',') as ('postgres' | 'pglite')[]) {
    backends.push(await benchBackend(backend, sink));
  }
  await sink.stop();

  const report = {
    date: new Date().toISOString(),
    machine: {
      /** 1-minute load average at the start and end: other work on the same cores. */
      loadAverage: [loadAverageAtStart, round(loadavg()[0]!, 1)],
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    commit: gitCommit(),
    server: serverEntry().label,
    quick,
    secondsPerLevel: seconds,
    mail: 'real SMTP sink (smtp-server) in the driver process',
    floors: {
      argon2idHashesPerSecond: round(hashFloor, 1),
      argon2idHashCpuMs: round(hashCpu),
      argon2idHashCallMs: round(hash.callMs),
      rawTransactionsPerSecond: round(transactionFloor, 0),
    },
    widget,
    backends: backends.map((b) => {
      const best = Math.max(...b.levels.map((l) => l.registrationsPerSecond));
      const at8 = b.levels.find((l) => l.concurrency === 8);
      const cpuMs = b.cost.serverCpuMs + (b.cost.postgresCpuMs ?? 0);
      return {
        ...b,
        ratios: {
          cpuPerRegistrationVsOneHash: round(cpuMs / hashCpu),
          registrationsVsHashFloor: round(best / hashFloor),
          startsVsTransactionFloor: round(b.startOnly.startsPerSecond / transactionFloor),
          verifyP99At8VsOneHash: at8 ? round(at8.verifyP99Ms / (1000 / (hashFloor / cpus().length))) : null,
        },
      };
    }),
    runSeconds: Math.round((Date.now() - began) / 1000),
  };
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const full = !quick && levelList === '1,8,32,64' && values.backends === 'postgres,pglite';
  const suffix = quick ? '-quick' : `-${values.backends}-c${levelList}`;
  const file = path.join(root, 'bench/results', `${report.date.slice(0, 10)}${full ? '' : suffix}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  // Only a full run replaces the published table; partial runs are for experiments.
  const docs = path.join(root, 'docs/benchmarks.md');
  if (full) writeFileSync(docs, renderMarkdown(report, docs));
  printSummary(report);
  log(`wrote ${path.relative(root, file)}${full ? ' and docs/benchmarks.md' : ''} in ${report.runSeconds} s`);

  if (values.check) {
    const failures = checkTargets(report);
    for (const failure of failures) console.error(`MISSED: ${failure}`);
    process.exit(failures.length ? 1 : 0);
  }
}

function printSummary(report: Report) {
  console.log(`\nserver: ${report.server}; one argon2id hash: ${report.floors.argon2idHashCpuMs} ms CPU`);
  for (const b of report.backends) {
    for (const t of backendTargets(b, report)) {
      console.log(`${t.met ? '  ok  ' : 'MISSED'} ${b.backend} ${t.label}: ${t.value} (target ${t.target})`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
