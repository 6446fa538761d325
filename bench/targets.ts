// The report is plain JSON, also read back from results files.
export type Report = any;

export interface Target {
  label: string;
  value: number | string;
  target: string;
  met: boolean;
}

const at = (levels: any[], concurrency: number) => levels.find((l) => l.concurrency === concurrency);

/** The per-backend figures with a target, as printed by `npm run bench` and checked by `--check`. */
export function backendTargets(b: Report, report: Report): Target[] {
  const postgres = b.backend === 'postgres';
  const targets: Target[] = [];
  const cost = b.cost;
  if (cost) {
    const parts = postgres
      ? `server ${cost.serverCpuMs} ms + PostgreSQL ${cost.postgresCpuMs} ms`
      : `server incl. PGlite ${cost.serverCpuMs} ms`;
    targets.push({
      label: `CPU per registration at ${cost.concurrency} in flight ÷ one hash (${parts} vs ${report.floors.argon2idHashCpuMs} ms)`,
      value: `${b.ratios.cpuPerRegistrationVsOneHash}×`,
      target: '≤ 1.3×',
      met: b.ratios.cpuPerRegistrationVsOneHash <= 1.3,
    });
  }
  if (b.memory) {
    const peakLimit = postgres ? 150 : 300;
    targets.push({
      label: `server peak RSS at ${cost?.concurrency ?? 32} in flight`,
      value: `${b.memory.peakRssMbAtCostLevel} MB`,
      target: `≤ ${peakLimit} MB`,
      met: b.memory.peakRssMbAtCostLevel <= peakLimit,
    });
    if (postgres) {
      targets.push({
        label: 'server idle RSS',
        value: `${b.memory.idleRssMb} MB`,
        target: '≤ 80 MB',
        met: b.memory.idleRssMb <= 80,
      });
    }
  }
  if (!postgres) return targets;
  targets.push(
    {
      label: 'registrations/s ÷ argon2id floor',
      value: b.ratios.registrationsVsHashFloor,
      target: '≥ 0.85',
      met: b.ratios.registrationsVsHashFloor >= 0.85,
    },
    {
      label: 'start/s ÷ raw-transaction floor',
      value: b.ratios.startsVsTransactionFloor,
      target: '≥ 0.5',
      met: b.ratios.startsVsTransactionFloor >= 0.5,
    },
  );
  const at8 = at(b.levels, 8);
  if (at8) {
    targets.push(
      {
        label: 'start p99 at 8 in flight',
        value: `${at8.startP99Ms} ms`,
        target: '≤ 25 ms',
        met: at8.startP99Ms <= 25,
      },
      {
        label: 'verify p99 at 8 in flight ÷ one hash time',
        value: b.ratios.verifyP99At8VsOneHash,
        target: '≤ 4',
        met: b.ratios.verifyP99At8VsOneHash <= 4,
      },
    );
  }
  if (b.twoProcesses) {
    const best = Math.max(...b.levels.map((l: any) => l.registrationsPerSecond));
    targets.push({
      label: 'two processes vs one (registrations/s)',
      value: `${b.twoProcesses.registrationsPerSecond} vs ${best}`,
      target: '≥ 0.95 × one',
      met: b.twoProcesses.registrationsPerSecond >= best * 0.95,
    });
  }
  return targets;
}

export function checkTargets(report: Report): string[] {
  const failures: string[] = [];
  if (report.widget.brotliBytes > 10240)
    failures.push(`widget ${report.widget.brotliBytes} B brotli > 10240`);
  if (report.widget.firstRender && report.widget.firstRender.medianMs > 100)
    failures.push(`widget first render ${report.widget.firstRender.medianMs} ms > 100`);
  for (const b of report.backends) {
    for (const t of backendTargets(b, report)) {
      if (!t.met) failures.push(`${b.backend} ${t.label}: ${t.value} (target ${t.target})`);
    }
  }
  return failures;
}
