/**
 * Vitest setup: extends vitest's `expect` with trailsim's matchers and its `Assertion` type
 * with their signatures. Import it once per test file, or list it in `setupFiles` and make
 * its types visible (tsconfig `"types": ["trailsim/vitest/setup"]`, or a
 * `/// <reference types="trailsim/vitest/setup" />` line).
 *
 * ```ts
 * import 'trailsim/vitest/setup';
 * expect(sim).toHaveRecorded({ eventName: 'CreateUser' });
 * ```
 *
 * Jest: do not import this module (it loads vitest); see `TrailsimMatchers` for the three
 * lines that extend jest's `expect` and its types.
 */
import { expect } from 'vitest';
import { trailsimMatchers } from './index.js';
import type { TrailsimMatchers } from './types.js';

expect.extend(trailsimMatchers);

/** Matchers that also make sense inside other matchers (`expect.toMatchEventPattern(p)`). */
type TrailsimAsymmetricMatchers = Pick<TrailsimMatchers<unknown>, 'toMatchEventPattern' | 'toBeValidCloudTrailRecord'>;

declare module 'vitest' {
  // `T` must be declared as vitest declares it; the matchers return void like vitest's own.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends TrailsimMatchers<void> {}
  interface AsymmetricMatchersContaining extends TrailsimAsymmetricMatchers {}
}

export { trailsimMatchers };
