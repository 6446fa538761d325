import { existsSync, readFileSync } from 'node:fs';
import { backendTargets, type Report } from './targets.ts';

/** Everything below this line in docs/benchmarks.md is written by hand and kept by new runs. */
export const ANALYSIS_MARKER = '<!-- Written by hand below this line; npm run bench keeps it. -->';

const labels = {
  start: 'start',
  outbox: 'outbox rounds',
  verify: 'verify',
  other: 'other background work',
  total: 'total',
};

const title = (backend: string) => (backend === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)');

function kinds(step: { kinds: Record<string, number> }): string {
  return Object.entries(step.kinds)
    .map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind))
    .join(', ');
}

/**
 * What a run keeps from the current file: everything below the marker, and any section above it
 * whose heading a run does not write (one added by hand, such as a measurement made elsewhere).
 */
function keptParts(docsFile: string, generated: string): { sections: string[]; analysis?: string } {
  if (!existsSync(docsFile)) return { sections: [] };
  const [tables = '', analysis] = readFileSync(docsFile, 'utf8').split(ANALYSIS_MARKER);
  const headings = new Set(generated.match(/^## .*$/gm) ?? []);
  const sections = tables
    .split(/^(?=## )/m)
    .slice(1)
    .filter((section) => !headings.has(section.split('\n')[0]!));
  return { sections: sections.map((section) => section.trimEnd()), analysis };
}

export function renderMarkdown(report: Report, docsFile: string): string {
  const generated = renderTables(report);
  const kept = keptParts(docsFile, generated);
  return (
    [generated, ...kept.sections.map((section) => `${section}\n`), ANALYSIS_MARKER].join('\n') +
    (kept.analysis ?? '\n')
  );
}

function renderTables(report: Report): string {
  const lines = [
    '# Benchmarks',
    '',
    `Measured ${report.date} on ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGb} GB, Node ${report.machine.node}; the server ran as \`${report.server}\`${report.commit ? ` at commit ${report.commit}` : ''}.`,
    `Each level runs ${report.secondsPerLevel} s. Mail: ${report.mail}. Re-run with \`npm run bench\` (see bench/README.md).`,
    'The machine is shared: other work ran on the same cores during the run, so the throughput and latency figures are noisy; CPU time per registration, statement counts and memory are much less so.',
    '',
    '## Targets',
    '',
    '| backend | figure | measured | target | |',
    '|---|---|---:|---:|---|',
  ];
  for (const b of report.backends) {
    for (const t of backendTargets(b, report)) {
      lines.push(
        `| ${title(b.backend)} | ${t.label} | ${t.value} | ${t.target} | ${t.met ? 'met' : '**missed**'} |`,
      );
    }
  }
  lines.push(
    '',
    '## Floors (same run)',
    '',
    `- argon2id (m=19 MiB, t=2, p=1) on all cores: **${report.floors.argon2idHashesPerSecond} hashes/s**`,
    `- CPU time of one argon2id hash (process.cpuUsage around hashes in a row): **${report.floors.argon2idHashCpuMs} ms**; the \`hash()\` call itself holds the event loop ${report.floors.argon2idHashCallMs} ms before the work moves to the thread pool`,
    `- raw postgres.js transaction inserting three rows, 32 in flight: **${report.floors.rawTransactionsPerSecond}/s**`,
    '',
    '## Widget',
    '',
    `- everything the embed snippet loads: **${report.widget.brotliBytes} bytes** brotli (budget 10,240)`,
  );
  if (report.widget.firstRender) {
    lines.push(
      `- script arrival → first render in headless Chromium, median of ${report.widget.firstRender.samples.length}: **${report.widget.firstRender.medianMs} ms** (budget 100)`,
    );
  }
  lines.push(
    '',
    '## CPU per registration',
    '',
    'CPU time (user + system, all threads) from `/proc/<pid>/stat` before and after the load level, divided by the registrations completed in it.',
    'PostgreSQL counts the backends serving the bench database (`pg_stat_activity`), not the whole cluster, because other databases on the same cluster were busy; the cluster background processes (WAL writer, checkpointer, background writer, autovacuum) are shown beside it and left out of the ratio, as part of their work is for others.',
    '',
    '| backend | in flight | registrations | server ms (of it main thread) | PostgreSQL backends ms | cluster background ms | ÷ one hash |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const b of report.backends) {
    const c = b.cost;
    lines.push(
      `| ${title(b.backend)} | ${c.concurrency} | ${c.registrations} | ${c.serverCpuMs} (${c.serverMainThreadCpuMs}) | ${c.postgresCpuMs ?? 'in server'} | ${c.postgresBackgroundCpuMs ?? '–'} | **${b.ratios.cpuPerRegistrationVsOneHash}×** |`,
    );
  }
  lines.push(
    '',
    '## Memory',
    '',
    'Server process only: idle RSS (`VmRSS`) 2 s after start, before any request; peak (`VmHWM`, reset after the idle reading) during the levels up to the CPU level, and over all levels.',
    '',
    '| backend | idle RSS | peak RSS up to the CPU level | peak RSS, all levels |',
    '|---|---:|---:|---:|',
  );
  for (const b of report.backends) {
    lines.push(
      `| ${title(b.backend)} | ${b.memory.idleRssMb} MB | ${b.memory.peakRssMbAtCostLevel} MB | ${b.memory.peakRssMb} MB |`,
    );
  }
  const counted = report.backends.find((b: Report) => b.statements);
  if (counted) {
    const s = counted.statements;
    lines.push(
      '',
      '## Statements per registration (PostgreSQL)',
      '',
      `${s.registrations} registrations one after another, through a loopback proxy that counts every Execute and simple Query the server sends (bench/statements.ts); median per registration, min–max in brackets. Work that only claims, checks or marks outbox rows is the outbox's; everything else belongs to the request in flight.`,
      '',
      '| step | statements | of one typical registration |',
      '|---|---:|---|',
      ...(['start', 'outbox', 'verify', 'other', 'total'] as const)
        .filter((step) => s[step])
        .map(
          (step) =>
            `| ${labels[step]} | ${s[step].median} (${s[step].min}–${s[step].max}) | ${step === 'total' ? '' : kinds(s[step])} |`,
        ),
    );
  }
  for (const b of report.backends) {
    const c = b.levels.find((l: Report) => l.concurrency === b.cost.concurrency);
    lines.push(
      '',
      `## ${title(b.backend)}`,
      '',
      '| in flight | registrations/s | start p50 / p99 (ms) | verify p50 / p99 (ms) | errors |',
      '|---:|---:|---:|---:|---:|',
      ...b.levels.map(
        (l: Report) =>
          `| ${l.concurrency} | ${l.registrationsPerSecond} | ${l.startP50Ms} / ${l.startP99Ms} | ${l.verifyP50Ms} / ${l.verifyP99Ms} | ${l.errors}${l.errors ? ` ${JSON.stringify(l.errorCodes)}` : ''} |`,
      ),
      '',
      `- at ${c.concurrency} in flight: **${c.registrationsPerSecond} registrations/s**, start p99 **${c.startP99Ms} ms**`,
      `- start alone, 32 in flight: ${b.startOnly.startsPerSecond}/s (p50 ${b.startOnly.p50Ms} ms, p99 ${b.startOnly.p99Ms} ms, ${b.startOnly.errors} errors) = **${b.ratios.startsVsTransactionFloor} ×** the raw-transaction floor (target ≥ 0.5)`,
      `- registrations/s ÷ argon2id floor: **${b.ratios.registrationsVsHashFloor}** (target ≥ 0.85)`,
    );
    if (b.ratios.verifyP99At8VsOneHash !== null) {
      lines.push(
        `- verify p99 at 8 in flight ÷ one hash time: **${b.ratios.verifyP99At8VsOneHash}** (target ≤ 4)`,
      );
    }
    if (b.twoProcesses) {
      lines.push(
        `- two server processes on one PostgreSQL (start on one, verify on the other): ${b.twoProcesses.registrationsPerSecond} registrations/s, ${b.twoProcesses.errors} errors, ${b.twoProcesses.mailsSent} mails for ${b.twoProcesses.started} starts (${b.twoProcesses.registrations} completed)`,
      );
    }
  }
  const profiled = report.backends.find((b: Report) => b.profile);
  if (profiled) {
    const p = profiled.profile;
    lines.push(
      '',
      '## Profile (PostgreSQL)',
      '',
      `\`node --cpu-prof\` on the server, ${p.concurrency} in flight for ${report.secondsPerLevel} s (${p.registrationsPerSecond} registrations/s), main thread only (the hashes run on other threads). Only samples inside the load window count: ${p.busyMs} ms busy, ${p.idleMs} ms idle, against ${p.mainThreadCpuMs} ms of CPU the main thread really got (\`/proc\`); samples are taken in wall-clock time, so on a crowded machine a function that makes the thread wait for a core (a socket write that wakes PostgreSQL) collects more than its CPU. Self time, share of the busy time:`,
      '',
      '| function | where | self ms | share |',
      '|---|---|---:|---:|',
      ...p.top.map((t: Report) => `| \`${t.name}\` | ${t.where} | ${t.ms} | ${t.percent} % |`),
      '',
      '| area | self ms | share |',
      '|---|---:|---:|',
      ...p.byArea.map((t: Report) => `| ${t.name} | ${t.ms} | ${t.percent} % |`),
    );
  }
  return `${lines.join('\n')}\n`;
}
