import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Longest files first, so the two workers of a 2-core machine finish together instead of one
 * waiting on a long file started last. A fresh clone has no vitest results cache, and file size
 * says little about run time, so the slowest files are named here, slowest first (from a full
 * `npm test` on 2 cores; order matters, exact figures do not). Then test/user/*, whose child
 * processes keep both cores busy: `npm test` builds dist/ while the files before them run, and
 * they wait for that build. Small files fill the end.
 */
const SLOW: readonly string[] = [
  'test/scenarios/library.test.ts',
  'test/cli/generate-scale.test.ts', // its worker threads and child processes use the other core too
  'test/cli/scenario.test.ts', // whizlab: two simulated years
  'test/sim/determinism.test.ts',
  'test/coverage/library-bar.test.ts',
  'test/bus/pattern.property.test.ts',
  'test/insights/simulation.test.ts',
  'test/insights/steady.test.ts',
  'test/cli/run-errors.test.ts',
  'test/sigma/fuzz.test.ts',
  'test/estate/sessions.test.ts',
  'test/testing/arbitraries.simulation.test.ts',
  'test/cli/epipe.test.ts',
  'test/testing/arbitraries.patterns.test.ts',
  'test/trails/record-json.test.ts',
  'test/cli/cli.test.ts',
  'test/validate/fuzz.test.ts',
  'test/report/report.test.ts',
  'test/testing/arbitraries.records.test.ts',
  'test/lake/s3-tree.test.ts',
  'test/trails/export.test.ts',
  'test/lake/no-duckdb.test.ts',
  // test/user, longest first.
  'test/user/packed.test.ts',
  'test/user/cli-scenarios.test.ts',
  'test/user/public-api.test.ts',
  'test/user/coverage-report.test.ts',
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rel = (f: TestSpecification) => f.moduleId.slice(f.project.config.root.length + 1).replace(/\\/g, '/');
    const rank = (f: TestSpecification): number => {
      const p = rel(f);
      const slow = SLOW.indexOf(p);
      if (slow >= 0) return slow;
      // Any other test/user file right after the named ones: it may need the build too.
      return p.startsWith('test/user/') ? SLOW.length : SLOW.length + 1;
    };
    // The rest in vitest's own order (cached durations when there are some, else size).
    const rest = await super.sort(files);
    const pos = new Map(rest.map((f, i) => [f, i]));
    return [...files].sort((a, b) => rank(a) - rank(b) || pos.get(a)! - pos.get(b)!);
  }
}
