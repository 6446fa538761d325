import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type postgres from 'postgres';

/** Clock ticks per second of /proc/<pid>/stat (`getconf CLK_TCK`; 100 on Linux everywhere). */
const CLOCK_TICKS = 100;

/**
 * CPU time (user + system) a process has used so far, in ms, all threads; with `mainThreadOnly`
 * only its first thread (Node's event loop). Null once it is gone.
 */
export function processCpuMs(pid: number, mainThreadOnly = false): number | null {
  try {
    const stat = readFileSync(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)" start at field 3; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
}

const mb = (kb: number) => Number((kb / 1024).toFixed(1));

/** Resident set now (VmRSS), in MB. */
export const rssMb = (pid: number) => mb(statusKb(pid, 'VmRSS'));
/** Peak resident set since start or the last resetPeakRss (VmHWM), in MB. */
export const peakRssMb = (pid: number) => mb(statusKb(pid, 'VmHWM'));
/** Starts VmHWM over from the current RSS (Linux clear_refs, value 5), so a phase has its own peak. */
export function resetPeakRss(pid: number) {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/**
 * CPU of the PostgreSQL backends serving one database. The cluster is shared with other
 * databases, so this sums only the backends `pg_stat_activity` lists for ours, read before and
 * after the window; a backend that appears mid-window counts from zero (its start-up is ours).
 */
export class BackendCpu {
  private before = new Map<number, number>();
  constructor(
    private readonly monitor: postgres.Sql,
    private readonly database: string,
  ) {}

  private async pids(): Promise<number[]> {
    const rows = await this.monitor<{ pid: number }[]>`
      select pid from pg_stat_activity where datname = ${this.database} and pid <> pg_backend_pid()`;
    return rows.map((row) => row.pid);
  }

  async start() {
    this.before.clear();
    for (const pid of await this.pids()) this.before.set(pid, processCpuMs(pid) ?? 0);
  }

  /** CPU ms used since start() and how many backends took part. */
  async stop(): Promise<{ cpuMs: number; backends: number; vanished: number }> {
    const pids = new Set([...this.before.keys(), ...(await this.pids())]);
    let cpuMs = 0;
    let vanished = 0;
    for (const pid of pids) {
      const now = processCpuMs(pid);
      if (now === null) {
        vanished++;
        continue;
      }
      cpuMs += now - (this.before.get(pid) ?? 0);
    }
    return { cpuMs, backends: pids.size, vanished };
  }
}

/**
 * The cluster's background processes (WAL writer, checkpointer, background writer, autovacuum).
 * They also work for other databases on a shared cluster, so this is reported beside the
 * per-registration figure, never inside it.
 */
export function backgroundCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (/^postgres: .*(walwriter|checkpointer|background writer|autovacuum)/.test(cmdline)) {
      total += processCpuMs(Number(entry)) ?? 0;
    }
  }
  return total;
}
