import { describe, expect, expectTypeOf, it, type Assertion } from 'vitest';
import '../../src/testing/vitest/setup.js';
import type { RecordQuery, RecordedOptions, RecordValidityOptions } from 'trailsim/vitest';
import { createSimulation, type CloudTrailRecord, type Simulation } from 'trailsim';

/**
 * Compile-time tests: `tsc --noEmit` checks this file (the project's `npm test` runs tsc
 * first). After importing the setup module, vitest's `expect` has the matchers, with their
 * argument types; each `@ts-expect-error` line must be a type error, or tsc fails.
 */
function typeChecks(sim: Simulation, record: CloudTrailRecord, event: object): void {
  expect(sim).toHaveRecorded({ eventName: 'CreateUser' });
  expect(sim).toHaveRecorded({ 'userIdentity.type': 'Root', errorCode: undefined }, { times: 2 });
  expect(sim).not.toHaveRecorded({ userIdentity: { type: 'AssumedRole', sessionContext: { attributes: { mfaAuthenticated: 'false' } } } });
  expect(sim).toHaveRecorded({ 'requestParameters.userName': 'bob', eventTime: /^2026-03/, 'resources[0].ARN': expect.any(String) });
  expect(sim).toHaveRecorded({ eventName: expect.stringContaining('User'), readOnly: (v: boolean | undefined) => v === false });
  expect(sim.records()).toHaveRecorded({ eventCategory: 'Data' });
  expect(record).toBeValidCloudTrailRecord();
  expect(record).toBeValidCloudTrailRecord({ delivery: 'trail', failOn: 'warning', ignoreRules: ['eventContext'] });
  expect(event).toMatchEventPattern({ source: ['aws.s3'], detail: { eventName: [{ prefix: 'Delete' }] } });
  expect(event).toMatchEventPattern('{"source":["aws.s3"]}');
  expect([event]).toEqual([expect.toMatchEventPattern({ source: ['aws.s3'] })]);

  // @ts-expect-error a query is required
  expect(sim).toHaveRecorded();
  // @ts-expect-error 'Admin' is not a userIdentity type
  expect(sim).toHaveRecorded({ 'userIdentity.type': 'Admin' });
  // @ts-expect-error nested fields are typed too
  expect(sim).toHaveRecorded({ userIdentity: { type: 'Admin' } });
  // @ts-expect-error eventName is a string
  expect(sim).toHaveRecorded({ eventName: 42 });
  // @ts-expect-error eventCategory is one of CloudTrail's categories
  expect(sim).toHaveRecorded({ eventCategory: 'Audit' });
  // @ts-expect-error times is a number
  expect(sim).toHaveRecorded({ eventName: 'X' }, { times: 'twice' });
  // @ts-expect-error failOn is 'error' or 'warning'
  expect(record).toBeValidCloudTrailRecord({ failOn: 'info' });
  // @ts-expect-error a pattern is required
  expect(event).toMatchEventPattern();
}

describe('matcher types (checked by tsc)', () => {
  it('expect(sim).toHaveRecorded(...) type-checks after importing the setup module', () => {
    expectTypeOf(typeChecks).toBeFunction();
    expectTypeOf<Assertion<Simulation>['toHaveRecorded']>().parameters.toEqualTypeOf<[query: RecordQuery, options?: RecordedOptions]>();
    expectTypeOf<Assertion<Simulation>['toHaveRecorded']>().returns.toEqualTypeOf<void>();
    expectTypeOf<Assertion<unknown>['toBeValidCloudTrailRecord']>().parameters.toEqualTypeOf<[options?: RecordValidityOptions]>();
    // And at run time the setup module has extended expect.
    expect(createSimulation({ seed: 1 }).records()).not.toHaveRecorded({ eventName: 'CreateUser' });
  });
});
