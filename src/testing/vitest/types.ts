import type { CoverageExpectations } from '../../coverage/check.js';
import type { PatternSource } from '../../bus/pattern/types.js';
import type { CloudTrailRecord, UserIdentity, SessionContext } from '../../record/types.js';
import type { ValidateOptions } from '../../validate/types.js';

/** What every trailsim matcher returns: jest's and vitest's matcher result. */
export interface MatcherResult {
  pass: boolean;
  /** The failure message: for `pass: false` why the assertion failed, for `pass: true` why its `.not` form failed. */
  message: () => string;
}

/** A jest/vitest asymmetric matcher (`expect.any(String)`, `expect.stringMatching(/x/)`). */
export interface AsymmetricMatcherLike {
  asymmetricMatch(other: unknown): boolean;
}

/** What a query may give for a value of type T: the value, a predicate, an asymmetric matcher, or (strings) a RegExp. */
export type Matchable<T> = T | AsymmetricMatcherLike | ((value: T) => boolean) | (T extends string ? RegExp : never);

/** A partial deep query of a value: objects match a subset of keys; arrays match element by element. */
export type DeepQuery<T> = T extends readonly (infer E)[]
  ? readonly DeepQuery<E>[] | Matchable<T>
  : T extends object
    ? { readonly [K in keyof T]?: DeepQuery<T[K]> } | Matchable<T>
    : Matchable<T>;

type UserIdentityPaths = { readonly [K in keyof UserIdentity as `userIdentity.${K}`]?: DeepQuery<UserIdentity[K]> };
type SessionContextPaths = { readonly [K in keyof SessionContext as `userIdentity.sessionContext.${K}`]?: DeepQuery<SessionContext[K]> };

/**
 * A query for `toHaveRecorded`: record fields by name (`eventName`), nested objects
 * (`userIdentity: { type: 'Root' }`) or dotted paths (`'userIdentity.type'`,
 * `'requestParameters.userName'`, `'resources[0].ARN'`). `undefined` means "absent"
 * (`errorCode: undefined` for a successful call).
 */
export type RecordQuery = { readonly [K in keyof CloudTrailRecord]?: DeepQuery<CloudTrailRecord[K]> } & UserIdentityPaths &
  SessionContextPaths & { readonly [path: string]: unknown };

/** Options of `toHaveRecorded`. */
export interface RecordedOptions {
  /** Exactly this many records must match (`.not`: any other number). @defaultValue at least one */
  times?: number;
}

/** Options of `toBeValidCloudTrailRecord`: the validator's options, and which severity fails. */
export interface RecordValidityOptions extends ValidateOptions {
  /** Lowest severity that makes a record invalid. @defaultValue 'error' */
  failOn?: 'error' | 'warning';
}

/**
 * The matchers' signatures, for typing `expect` in any runner: vitest (see ./setup), or jest.
 * An augmentation must repeat the runner's own type parameters exactly:
 *
 * ```ts
 * // jest.setup.ts (listed in jest's setupFilesAfterEnv)
 * import { expect } from '@jest/globals';
 * import { trailsimMatchers, type TrailsimMatchers } from 'trailsim/vitest';
 * expect.extend(trailsimMatchers);
 *
 * // types, with @jest/globals (jest >= 28):
 * declare module 'expect' {
 *   interface Matchers<R extends void | Promise<void>, T = unknown> extends TrailsimMatchers<R> {}
 * }
 * // or, with the @types/jest globals:
 * declare global {
 *   namespace jest {
 *     interface Matchers<R, T = {}> extends TrailsimMatchers<R> {}
 *   }
 * }
 * ```
 */
export interface TrailsimMatchers<R = unknown> {
  /**
   * The simulation (or array of records, or anything with `records()`) holds a record matching
   * `query` (partial deep match); with `{ times: n }`, exactly n. On failure, lists the closest
   * records and the fields that differ.
   * @example expect(sim).toHaveRecorded({ eventName: 'StopLogging', 'userIdentity.type': 'Root' })
   */
  toHaveRecorded(query: RecordQuery, options?: RecordedOptions): R;
  /**
   * `validateRecord` finds no violation of severity 'error' (or 'warning' with `failOn`).
   * @example expect(JSON.parse(line)).toBeValidCloudTrailRecord({ delivery: 'trail' })
   */
  toBeValidCloudTrailRecord(options?: RecordValidityOptions): R;
  /**
   * The event (object or JSON text) matches the EventBridge pattern, as TestEventPattern
   * decides but without requiring the envelope fields. On failure, names the pattern fields
   * (per `$or` alternative) the event fails and the values it has there.
   * @example expect(envelope).toMatchEventPattern({ source: ['aws.s3'], detail: { eventName: [{ prefix: 'Delete' }] } })
   */
  toMatchEventPattern(pattern: PatternSource): R;
  /**
   * The received coverage() result meets `expectations` (by default: every detection catches
   * the playbooks that expect it). On failure, lists every broken expectation.
   * @example expect(await coverage({ rules })).toPassCoverage({ maxFalsePositivesPer10k: 1 })
   */
  toPassCoverage(expectations?: CoverageExpectations): R;
}

export type { PatternSource };
