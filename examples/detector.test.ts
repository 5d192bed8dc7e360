import 'trailsim/vitest/setup'; // adds toHaveRecorded, toBeValidCloudTrailRecord, toMatchEventPattern
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, type CloudTrailRecord } from 'trailsim';
import { cloudTrailRecord } from 'trailsim/arbitraries';

// The code under test: a detector of attempts to turn audit logging off.
const TAMPERING = new Set(['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors']);
function isLoggingTampering(r: CloudTrailRecord): boolean {
  return r.eventSource === 'cloudtrail.amazonaws.com' && TAMPERING.has(r.eventName ?? '');
}

describe('isLoggingTampering', () => {
  it('flags a denied StopLogging, as CloudTrail records it', () => {
    const sim = createSimulation({ seed: 7, start: '2026-03-01T09:00:00Z' });
    const mallory = sim.addAccount({ name: 'prod' }).iamUser('mallory');
    const r = sim.call(mallory, 'cloudtrail:StopLogging', { name: 'main' }, { error: 'AccessDenied' });
    expect(sim).toHaveRecorded({ eventName: 'StopLogging', errorCode: 'AccessDeniedException' });
    expect(r).toBeValidCloudTrailRecord();
    expect(isLoggingTampering(r)).toBe(true);
  });

  it('never throws, and agrees with the definition, on any record CloudTrail could write', () => {
    fc.assert(
      fc.property(cloudTrailRecord({ service: 'cloudtrail' }), (r) => {
        expect(isLoggingTampering(r)).toBe(TAMPERING.has(r.eventName ?? ''));
      }),
      { seed: 1, numRuns: 200 },
    );
  });
});
