/**
 * trailsim/vitest's coverage helpers, used as a team's CI would: a detection that stops
 * catching its playbook, or gets noisy on benign traffic, fails the test with a message
 * naming it.
 */
import { describe, expect, it } from 'vitest';
import { expectCoverage, trailsimMatchers } from '../../src/testing/vitest/index.js';
import { coverage, CoverageAssertionError, defineDetection } from '../../src/coverage/index.js';
import { createSimulation } from '../../src/simulation.js';
import type { CloudTrailRecord } from '../../src/record/types.js';
import { stopTrail } from '../fixtures/coverage/playbooks.js';

expect.extend(trailsimMatchers);
declare module 'vitest' {
  interface Assertion {
    toPassCoverage(expectations?: import('../../src/coverage/index.js').CoverageExpectations): void;
  }
}

const catches = defineDetection({ id: 'stop-logging', title: 'StopLogging', playbooks: ['inline-stop-trail'], match: (r: CloudTrailRecord) => r.eventName === 'StopLogging' });
const broken = defineDetection({ id: 'stop-logging-typo', title: 'StopLoging (typo)', playbooks: ['inline-stop-trail'], match: (r: CloudTrailRecord) => r.eventName === 'StopLoging' });
const noisy = defineDetection({ id: 'any-describe', title: 'Any Describe call', match: (r: CloudTrailRecord) => r.eventName?.startsWith('Describe') === true });

const sim = createSimulation({ seed: 5, start: '2026-06-01T00:00:00Z' });
sim.addAccount({ name: 'a', regions: ['us-east-1'] });
sim.addTraffic({ rate: '100/h' });
sim.advanceTo('2026-06-02T00:00:00Z');
const baseline = { records: sim.records() };

describe('expectCoverage and toPassCoverage', () => {
  it('pass when each detection still catches its playbook and stays quiet', async () => {
    const result = await coverage({ rules: [catches], scenarios: [stopTrail], baseline });
    expectCoverage(result, { maxFalsePositivesPer10k: 0 });
    expect(result).toPassCoverage({ maxFalsePositivesPer10k: 0, everyPlaybookCaught: true });
  });

  it('fail naming the detection that no longer catches its playbook', async () => {
    const result = await coverage({ rules: [catches, broken], scenarios: [stopTrail], baseline });
    expect(() => expectCoverage(result)).toThrow(CoverageAssertionError);
    expect(() => expectCoverage(result)).toThrow(/stop-logging-typo \(StopLoging \(typo\)\) no longer catches inline-stop-trail/);
    expect(result).not.toPassCoverage();
    expect(() => expect(result).toPassCoverage()).toThrow(/1 check:/);
  });

  it('fail naming the detection that is noisy on benign traffic, unless it is listed as noisy', async () => {
    const result = await coverage({ rules: [catches, noisy], scenarios: [stopTrail], baseline });
    expect(result.detections[1].falsePositives.hits).toBeGreaterThan(0);
    expect(() => expectCoverage(result, { maxFalsePositivesPer10k: 1 })).toThrow(/any-describe \(Any Describe call\) is noisy: [\d.]+ false positives per 10k/);
    expect(() => expectCoverage(result, { maxFalsePositivesPerDay: { 'any-describe': 1 } })).toThrow(/per benign day \(limit 1\)/);
    expectCoverage(result, { maxFalsePositivesPer10k: 1, noisy: ['any-describe'] });
  });

  it('reject something that is not a coverage result', () => {
    expect(() => expectCoverage({} as never)).toThrow(/expected the result of coverage\(\)/);
    expect({}).not.toPassCoverage();
  });
});
