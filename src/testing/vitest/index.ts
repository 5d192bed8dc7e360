/**
 * trailsim/vitest: assertion matchers for simulations, records and event patterns.
 *
 * The matcher functions are runner-agnostic (`(received, ...expected) => { pass, message }`)
 * and do not load vitest: `expect.extend(trailsimMatchers)` works in vitest and in jest. For
 * vitest, `import 'trailsim/vitest/setup'` (or list it in `setupFiles`) extends `expect` and
 * its types in one go; jest typing is described on `TrailsimMatchers`.
 *
 * @example
 * import { expect } from 'vitest';
 * import { trailsimMatchers } from 'trailsim/vitest';
 * expect.extend(trailsimMatchers);
 *
 * expect(sim).toHaveRecorded({ eventName: 'StopLogging', 'userIdentity.type': 'Root' });
 * expect(sim).not.toHaveRecorded({ errorCode: 'AccessDenied' });
 * expect(record).toBeValidCloudTrailRecord();
 * expect(envelope).toMatchEventPattern({ source: ['aws.cloudtrail'] });
 */
import { toBeValidCloudTrailRecord } from './toBeValidCloudTrailRecord.js';
import { toHaveRecorded } from './toHaveRecorded.js';
import { toMatchEventPattern } from './toMatchEventPattern.js';
import { expectCoverage, toPassCoverage } from './coverage.js';

export { toHaveRecorded, toBeValidCloudTrailRecord, toMatchEventPattern, toPassCoverage, expectCoverage };
export type { CoverageExpectations } from '../../coverage/check.js';
export type {
  TrailsimMatchers,
  MatcherResult,
  RecordQuery,
  RecordedOptions,
  RecordValidityOptions,
  DeepQuery,
  Matchable,
  AsymmetricMatcherLike,
  PatternSource,
} from './types.js';

/** The object to pass to `expect.extend` (vitest or jest). */
export const trailsimMatchers = Object.freeze({ toHaveRecorded, toBeValidCloudTrailRecord, toMatchEventPattern, toPassCoverage });
