import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { CodeSink } from './code-sink.ts';
import { post } from './load.ts';

/** One statement the server sent, on which pooled connection, inside which unit of work. */
interface Statement {
  connection: number;
  /** A transaction (begin … commit) or a statement on its own. */
  unit: number;
  sql: string;
}

const SSL_REQUEST = 80_877_103;

/**
 * A loopback proxy in front of PostgreSQL that records the statements passing through it. It
 * reads the frontend side of the wire protocol: every Execute (extended protocol, which
 * postgres.js uses) and every simple Query is one statement; Parse and Bind give each its SQL
 * text, also when a prepared statement is reused. The server is unchanged: it only gets this
 * proxy's address as its DATABASE_URL. Statement counts do not depend on timing, so the proxy's
 * own latency does not matter; it is used only in the statement phase, never for throughput.
 */
export class StatementCounter {
  readonly statements: Statement[] = [];
  private server: Server = createServer((client) => this.relay(client));
  private upstream: { host: string; port: number };
  private connections = 0;
  private units = 0;
  port = 0;

  constructor(databaseUrl: string) {
    const url = new URL(databaseUrl);
    this.upstream = { host: url.hostname, port: Number(url.port || 5432) };
  }

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  /** The same database URL, pointing at this proxy. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  get count() {
    return this.statements.length;
  }

  private relay(client: Socket) {
    const server = createConnection(this.upstream);
    server.pipe(client);
    client.on('error', () => server.destroy());
    server.on('error', () => client.destroy());
    client.on('close', () => server.destroy());
    const connection = ++this.connections;
    const prepared = new Map<string, string>();
    let pending: Buffer = Buffer.alloc(0);
    let startup = true;
    let bound = '';
    let transaction: number | null = null;
    const record = (sql: string) => {
      const verb = statementVerb(sql);
      if (verb === 'begin') transaction = ++this.units;
      this.statements.push({ connection, unit: transaction ?? ++this.units, sql });
      if (verb === 'commit' || verb === 'rollback') transaction = null;
    };
    client.on('data', (chunk: Buffer) => {
      server.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        // The start-up message (and an SSL request before it) has no type byte.
        const head = startup ? 0 : 1;
        if (pending.length < head + 4) break;
        const length = pending.readInt32BE(head);
        if (pending.length < head + length) break;
        const body = pending.subarray(head + 4, head + length);
        if (startup) {
          startup = body.readInt32BE(0) === SSL_REQUEST;
        } else {
          const type = String.fromCharCode(pending[0]!);
          if (type === 'P') {
            const [name = '', sql = ''] = cStrings(body, 2);
            prepared.set(name, sql);
          } else if (type === 'B') {
            bound = prepared.get(cStrings(body, 2)[1] ?? '') ?? '';
          } else if (type === 'E') {
            record(bound);
          } else if (type === 'Q') {
            record(cStrings(body, 1)[0] ?? '');
          }
        }
        pending = pending.subarray(head + length);
      }
    });
  }

  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function cStrings(body: Buffer, count: number): string[] {
  const out: string[] = [];
  let at = 0;
  while (out.length < count && at < body.length) {
    const end = body.indexOf(0, at);
    if (end < 0) break;
    out.push(body.toString('utf8', at, end));
    at = end + 1;
  }
  return out;
}

const statementVerb = (sql: string) => /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? '?';

/** First keyword of a statement, with the table for reads and writes, e.g. "insert registrations". */
export function statementKind(sql: string): string {
  const text = sql.trim().replace(/\s+/g, ' ').toLowerCase();
  const verb = statementVerb(text);
  const pattern: Record<string, RegExp> = {
    insert: /^insert into "?(\w+)"?/,
    update: /^update "?(\w+)"?/,
    delete: /^delete from "?(\w+)"?/,
    select: / from "?(\w+)"?/,
    with: / from "?(\w+)"?/,
  };
  const table = pattern[verb]?.exec(text)?.[1];
  return table ? `${verb} ${table}` : verb;
}

const isOutboxWork = (kind: string) =>
  kind === 'begin' || kind === 'commit' || kind === 'select email_outbox' || kind === 'update email_outbox';

export interface StepCount {
  /** Median statements per registration in this step. */
  median: number;
  min: number;
  max: number;
  /** Statement kinds of one typical registration, e.g. { "insert registrations": 1 }. */
  kinds: Record<string, number>;
}

export interface StatementReport {
  registrations: number;
  start: StepCount;
  /** The mail worker's rounds: claim, still-pending check, mark sent, and the empty claim after. */
  outbox: StepCount;
  verify: StepCount;
  /** Statements of other background work that ran meanwhile (not the requests, not the outbox). */
  other: StepCount;
  total: StepCount;
}

function stepCount(perRegistration: Statement[][]): StepCount {
  const sizes = perRegistration.map((list) => list.length).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const typical = perRegistration.find((list) => list.length === median) ?? [];
  const kinds: Record<string, number> = {};
  for (const statement of typical) {
    const kind = statementKind(statement.sql);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return { median, min: sizes[0] ?? 0, max: sizes.at(-1) ?? 0, kinds };
}

/**
 * Registrations one after another through the counting proxy. The mail worker runs beside the
 * requests on the same pool, so statements are split by unit of work: a transaction or lone
 * statement that only claims, checks or marks outbox rows is the outbox's; the rest belongs to
 * the request in flight.
 */
export async function countStatements(
  counter: StatementCounter,
  serverUrl: string,
  linkId: string,
  sink: CodeSink,
  registrations: number,
): Promise<StatementReport> {
  const windows: { start: [number, number]; verify: [number, number]; end: number }[] = [];
  const quiet = async () => {
    for (let seen = -1; seen !== counter.count; ) {
      seen = counter.count;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  };
  await quiet();
  for (let n = 0; n < registrations; n++) {
    const email = `statements-${process.pid}-${n}@example.com`;
    const a = counter.count;
    const started = await post(`${serverUrl}/api/registrations/${linkId}/start`, { name: 'Count', email });
    if (started.status !== 202) throw new Error(`start answered ${started.status}`);
    const b = counter.count;
    const code = await sink.code(email);
    const c = counter.count;
    const verified = await post(`${serverUrl}/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code,
    });
    if (verified.status !== 201) throw new Error(`verify answered ${verified.status}`);
    const d = counter.count;
    await quiet();
    windows.push({ start: [a, b], verify: [c, d], end: counter.count });
  }
  const byUnit = new Map<number, Statement[]>();
  for (const s of counter.statements) byUnit.set(s.unit, [...(byUnit.get(s.unit) ?? []), s]);
  const outboxUnits = new Set<number>();
  for (const [unit, list] of byUnit) {
    if (list.every((s) => isOutboxWork(statementKind(s.sql))) && list.some((s) => /email_outbox/.test(s.sql)))
      outboxUnits.add(unit);
  }
  const slice = ([from, to]: [number, number], outbox: boolean) =>
    counter.statements.slice(from, to).filter((s) => outboxUnits.has(s.unit) === outbox);
  const starts = windows.map((w) => slice(w.start, false));
  const verifies = windows.map((w) => slice(w.verify, false));
  const outboxes = windows.map((w) => slice([w.start[0], w.end], true));
  // Non-outbox work outside both requests: other background jobs of the server.
  const others = windows.map((w) => [
    ...slice([w.start[1], w.verify[0]], false),
    ...slice([w.verify[1], w.end], false),
  ]);
  const totals = windows.map((w) => counter.statements.slice(w.start[0], w.end));
  return {
    registrations,
    start: stepCount(starts),
    outbox: stepCount(outboxes),
    verify: stepCount(verifies),
    other: stepCount(others),
    total: stepCount(totals),
  };
}
