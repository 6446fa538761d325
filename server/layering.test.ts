import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layering rule of docs/architecture.md: the modules of server/ import each other without a
 * cycle. Not counted: `import type`, each module's routes.ts (its HTTP edge), and the assemblers
 * (the root files, cli/, seed/, pages/).
 */
const SERVER = path.resolve(import.meta.dirname);
const ASSEMBLERS = new Set(['cli', 'seed', 'pages']);
const VALUE_IMPORT = /^import\s+(?!type\s)[^;]*?\sfrom\s+'(\.[^']+)'/gms;

function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const entry of readdirSync(SERVER, { recursive: true, encoding: 'utf8' })) {
    const [module, ...rest] = entry.split(path.sep);
    if (rest.length === 0 || !entry.endsWith('.ts') || entry.endsWith('.test.ts')) continue;
    if (ASSEMBLERS.has(module!) || entry.endsWith('routes.ts')) continue;
    const file = path.join(SERVER, entry);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
      const target = path.relative(SERVER, path.resolve(path.dirname(file), specifier!)).split(path.sep);
      if (target.length < 2 || target[0] === '..' || target[0] === module) continue;
      if (!graph.has(module!)) graph.set(module!, new Set());
      graph.get(module!)!.add(target[0]!);
    }
  }
  return graph;
}

/** One import cycle among the modules, as a path that returns to its start, or null. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const done = new Set<string>();
  const walk = (module: string, trail: string[]): string[] | null => {
    if (trail.includes(module)) return [...trail.slice(trail.indexOf(module)), module];
    if (done.has(module)) return null;
    for (const next of graph.get(module) ?? []) {
      const cycle = walk(next, [...trail, module]);
      if (cycle) return cycle;
    }
    done.add(module);
    return null;
  };
  for (const module of graph.keys()) {
    const cycle = walk(module, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('server layering', () => {
  it('has no import cycle between modules', () => {
    const graph = moduleGraph();
    expect(graph.get('registration')).toContain('verification');
    expect(findCycle(graph)).toBeNull();
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
