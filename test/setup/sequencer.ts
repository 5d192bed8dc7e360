import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Longest files first, so the two workers of a 2-core machine finish together instead of one
 * waiting on a long file started last. A fresh clone has no vitest results cache, and file size
 * says little about run time, so the slowest files are named here, slowest first (seconds per
 * file from one run on 2 cores; order matters, exact figures do not). test/user/* runs last:
 * `npm test` builds dist/ while the rest runs.
 */
const SLOW: readonly string[] = [
  'test/cli/generate-scale.test.ts', // ~28 s; its worker threads and child processes use the other core too
  'test/scenarios/library.test.ts', // ~20 s
  'test/sim/determinism.test.ts',
  'test/insights/simulation.test.ts',
  'test/cli/cli.test.ts',
  'test/sigma/fuzz.test.ts',
  'test/cli/epipe.test.ts',
  'test/testing/arbitraries.records.test.ts',
  'test/bus/pattern.property.test.ts',
  'test/estate/sessions.test.ts',
  'test/trails/export.test.ts',
  'test/testing/arbitraries.simulation.test.ts',
  'test/cli/run-errors.test.ts',
  'test/trails/record-json.test.ts',
  'test/lake/no-duckdb.test.ts',
  'test/testing/arbitraries.patterns.test.ts',
  'test/catalog/model-ops.test.ts',
  'test/lake/s3-tree.test.ts',
  'test/insights/steady.test.ts',
  'test/cloudtrail/history.property.test.ts',
  'test/cloudtrail/history.test.ts',
];
// test/user, longest first; they start once the build is done.
const LAST: readonly string[] = [
  'test/user/public-api.test.ts',
  'test/user/cli-scenarios.test.ts',
  'test/user/coverage-report.test.ts',
  'test/user/packed.test.ts',
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rel = (f: TestSpecification) => f.moduleId.slice(f.project.config.root.length + 1).replace(/\\/g, '/');
    const rank = (f: TestSpecification): number => {
      const p = rel(f);
      const slow = SLOW.indexOf(p);
      if (slow >= 0) return slow;
      if (p.startsWith('test/user/')) return 2000 + (LAST.includes(p) ? LAST.indexOf(p) : LAST.length);
      return 1000;
    };
    // The rest in vitest's own order (cached durations when there are some, else size).
    const rest = await super.sort(files);
    const pos = new Map(rest.map((f, i) => [f, i]));
    return [...files].sort((a, b) => rank(a) - rank(b) || pos.get(a)! - pos.get(b)!);
  }
}
