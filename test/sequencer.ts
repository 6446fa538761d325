import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that spend minutes waiting on real server processes, crashes and restarts. */
const WAITING_ON_PROCESSES = /\/test\/(faults|postgres)\//;

/**
 * Vitest runs the files it timed before longest first, and unknown files by size. On a fresh clone
 * that would start the long process tests last, and the run would end with one worker busy on them
 * while the other idles; they start first instead.
 */
export class ProcessTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const known = (spec: TestSpecification) => Boolean(this.ctx.cache.getFileTestResults(this.key(spec)));
    if (sorted.every(known)) return sorted;
    const first = sorted.filter((spec) => WAITING_ON_PROCESSES.test(spec.moduleId));
    return [...first, ...sorted.filter((spec) => !first.includes(spec))];
  }

  private key(spec: TestSpecification): string {
    return `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`;
  }
}
