/**
 * Detection coverage in a team's CI: `expectCoverage(result, expectations)` throws a
 * `CoverageAssertionError` listing every detection that stopped catching its playbook or got
 * noisy on benign traffic; `toPassCoverage` is the same as a matcher.
 *
 * @example
 * import { coverage, loadDetections } from 'trailsim/coverage';
 * import { expectCoverage } from 'trailsim/vitest';
 * it('our detections still catch their playbooks and stay quiet', async () => {
 *   const result = await coverage({ rules: await loadDetections('detections/'), baseline: { days: 1 } });
 *   expectCoverage(result, { maxFalsePositivesPer10k: 1 });
 * });
 */
import { checkCoverage, CoverageAssertionError, type CoverageExpectations } from '../../coverage/check.js';
import type { CoverageResult } from '../../coverage/types.js';
import type { MatcherResult } from './types.js';

function isCoverageResult(v: unknown): v is CoverageResult {
  return typeof v === 'object' && v !== null && (v as { format?: unknown }).format === 'trailsim.coverage/1';
}

/** Throws `CoverageAssertionError` (its message lists each failure) unless `result` meets `expectations`. */
export function expectCoverage(result: CoverageResult, expectations: CoverageExpectations = {}): void {
  if (!isCoverageResult(result)) throw new TypeError('expectCoverage: expected the result of coverage() (format trailsim.coverage/1).');
  const failures = checkCoverage(result, expectations);
  if (failures.length > 0) throw new CoverageAssertionError(failures);
}

/** `expect(result).toPassCoverage(expectations)`: the matcher form of `expectCoverage`. */
export function toPassCoverage(received: unknown, expectations: CoverageExpectations = {}): MatcherResult {
  if (!isCoverageResult(received)) return { pass: false, message: () => 'expected the result of coverage() (format trailsim.coverage/1)' };
  const failures = checkCoverage(received, expectations);
  return {
    pass: failures.length === 0,
    message: () => (failures.length === 0 ? 'expected the coverage checks to fail, but every one passed' : new CoverageAssertionError(failures).message),
  };
}
