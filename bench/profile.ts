import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTimeItem {
  name: string;
  where: string;
  ms: number;
  /** Share of the busy (non-idle) main-thread time in the window. */
  percent: number;
}

export interface ProfileSummary {
  windowMs: number;
  busyMs: number;
  idleMs: number;
  top: SelfTimeItem[];
  /** Self time by package or project folder, native code and Node internals under their caller. */
  byArea: SelfTimeItem[];
}

/** Where a frame comes from: a package, a project folder, a Node internal module, or a V8 pseudo-frame. */
function areaOf(file: string): string {
  if (!file) return 'native';
  if (file.startsWith('node:')) return 'Node internals';
  // drizzle-orm's own source maps point at ../src/…, which the bundle's map resolves to here.
  if (file.includes('node_modules/src/')) return 'drizzle-orm';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return pkg[1]!;
  const project = /(?:^|\/)((?:server|contract)\/[^/]+)/.exec(file);
  return project ? project[1]!.replace(/\.ts$/, '') : file;
}

/**
 * Self time per function and per area from a `node --cpu-prof` file, counting only the samples
 * inside [fromUs, toUs] (monotonic clock, as process.hrtime), so start-up and shutdown do not
 * count. Frames in a bundle are mapped back to their sources through its source map.
 */
export function summariseProfile(file: string, fromUs: number, toUs: number, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const maps = new Map<string, SourceMap | null>();
  const sourceMapFor = (url: string): SourceMap | null => {
    if (!maps.has(url)) {
      let map: SourceMap | null = null;
      try {
        const mapFile = `${fileURLToPath(url)}.map`;
        if (existsSync(mapFile)) {
          const payload = JSON.parse(readFileSync(mapFile, 'utf8'));
          map = new SourceMap(payload);
          (map as any).base = path.dirname(mapFile);
        }
      } catch {}
      maps.set(url, map);
    }
    return maps.get(url)!;
  };
  const frames = new Map<number, { name: string; where: string; area: string }>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    let source = url.startsWith('file://') ? fileURLToPath(url) : url;
    let line = lineNumber + 1;
    // Only the bundle is mapped back; packages keep their own file names.
    const map = url.startsWith(`file://${dist}`) ? sourceMapFor(url) : null;
    const entry = map?.findEntry(lineNumber, columnNumber) as
      | { originalSource?: string; originalLine?: number }
      | undefined;
    if (entry?.originalSource) {
      source = path.resolve((map as any).base, entry.originalSource.replace(/^file:\/\//, ''));
      line = (entry.originalLine ?? 0) + 1;
    }
    const short = source.startsWith(root) ? path.relative(root, source) : source;
    frames.set(node.id, {
      name: functionName || (url ? '(anonymous)' : '(root)'),
      where: source ? `${short}:${line}` : '',
      area: /^\((idle|program|garbage collector)\)$/.test(functionName) ? functionName : areaOf(source),
    });
  }
  // Native code and Node internals are charged to the nearest caller in a package or our code,
  // e.g. a socket write to the driver that wrote it.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ownArea = new Map([...frames].map(([id, frame]) => [id, frame.area]));
  const isOurs = (area: string) => area !== 'Node internals' && area !== 'native';
  for (const [id, frame] of frames) {
    if (isOurs(frame.area)) continue;
    let caller: string | undefined;
    for (let at = parent.get(id); at !== undefined && !caller; at = parent.get(at)) {
      if (isOurs(ownArea.get(at)!)) caller = ownArea.get(at);
    }
    if (caller) {
      frame.area = caller;
      if (!frame.where) frame.where = `native, called from ${caller}`;
    }
  }
  const byFunction = new Map<string, { name: string; where: string; us: number }>();
  const byArea = new Map<string, number>();
  let at = profile.startTime;
  let idleUs = 0;
  let busyUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < fromUs || at > toUs) continue;
    const frame = frames.get(profile.samples[i]!)!;
    if (frame.name === '(idle)') {
      idleUs += delta;
      continue;
    }
    busyUs += delta;
    const key = `${frame.name}@${frame.where}`;
    const item = byFunction.get(key) ?? { name: frame.name, where: frame.where, us: 0 };
    item.us += delta;
    byFunction.set(key, item);
    byArea.set(frame.area, (byArea.get(frame.area) ?? 0) + delta);
  }
  const share = (us: number) => Number(((100 * us) / Math.max(busyUs, 1)).toFixed(1));
  const ms = (us: number) => Number((us / 1000).toFixed(1));
  return {
    windowMs: ms(toUs - fromUs),
    busyMs: ms(busyUs),
    idleMs: ms(idleUs),
    top: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((item) => ({ name: item.name, where: item.where, ms: ms(item.us), percent: share(item.us) })),
    byArea: [...byArea.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([area, us]) => ({ name: area, where: '', ms: ms(us), percent: share(us) })),
  };
}

/** Now on the clock the profile uses, in microseconds. */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
