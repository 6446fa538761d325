import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that spend minutes on real processes: crashes, restarts, first starts, the CLI. */
const PROCESS_TEST_DIRECTORY = /\/test\/(faults|postgres)\//;
const STARTS_PROCESSES = /from '(node:child_process|\.\.\/helpers\/server-process\.ts)'/;

function startsProcesses(spec: TestSpecification): boolean {
  return (
    PROCESS_TEST_DIRECTORY.test(spec.moduleId) || STARTS_PROCESSES.test(readFileSync(spec.moduleId, 'utf8'))
  );
}

/**
 * Vitest runs the files it timed before longest first, and unknown files by size. On a fresh clone
 * that would start the long process tests late, and the run would end with one worker busy on them
 * while the other idles; they start first instead.
 */
export class ProcessTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const known = (spec: TestSpecification) => Boolean(this.ctx.cache.getFileTestResults(this.key(spec)));
    if (sorted.every(known)) return sorted;
    const first = sorted.filter(startsProcesses);
    return [...first, ...sorted.filter((spec) => !first.includes(spec))];
  }

  private key(spec: TestSpecification): string {
    return `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`;
  }
}
