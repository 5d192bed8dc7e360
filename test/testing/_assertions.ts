import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Assertions shared by the arbitraries' tests, after fast-check's own suite: the same seed
 * gives the same values; every value passes a check; a failing property shrinks to a small
 * counterexample.
 */

/** JSON of a value's data: own enumerable keys only, so clone/toString methods are ignored. */
export function dataOf(v: unknown): string {
  return JSON.stringify(v);
}

/** Sampling twice with each seed gives the same values; two different seeds give different ones. */
export function expectSameSeedSameValues<T>(arb: fc.Arbitrary<T>, opts: { numRuns?: number; seeds?: readonly number[]; project?: (v: T) => unknown } = {}): void {
  const { numRuns = 15, seeds = [1, 42, 20_260_301], project = (v: T) => v } = opts;
  const sample = (seed: number) => fc.sample(arb, { seed, numRuns }).map((v) => dataOf(project(v)));
  const first = seeds.map(sample);
  seeds.forEach((seed, i) => expect(sample(seed), `seed ${seed}`).toEqual(first[i]));
  expect(first[0]).not.toEqual(first[1]);
}

/** Every generated value passes `check` (which throws, e.g. with expect, when it does not). */
export function expectAllValid<T>(arb: fc.Arbitrary<T>, check: (v: T) => void, opts: { numRuns?: number; seed?: number } = {}): void {
  // The check's return value is ignored (an expect chain's result is not a verdict).
  fc.assert(
    fc.property(arb, (v) => {
      check(v);
    }),
    { numRuns: opts.numRuns ?? 100, seed: opts.seed ?? 7 },
  );
}

/** Runs a property that must fail and returns its shrunk counterexample. */
export function shrunkCounterexample<T>(arb: fc.Arbitrary<T>, holds: (v: T) => boolean, opts: { numRuns?: number; seed?: number } = {}): T {
  const details = fc.check(fc.property(arb, holds), { numRuns: opts.numRuns ?? 200, seed: opts.seed ?? 11 });
  expect(details.failed, 'the property was meant to fail').toBe(true);
  expect(details.counterexample).not.toBeNull();
  return details.counterexample![0];
}
