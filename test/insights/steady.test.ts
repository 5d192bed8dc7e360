/**
 * Steady Poisson traffic over 30 days raises no Insights under the default policy.
 *
 * - Default run: (1) the simulation's own generated traffic (`addTraffic`, constant profile,
 *   default personas) at 120 calls/h for 30 days, seed 1; (2) a reduced-but-faithful
 *   workload on the fake host: per-minute Poisson counts for 8 write APIs and 4 error codes
 *   at rates from 0.005 to 2 per minute (far busier per API than the default personas, to
 *   reach the rates where the threshold matters), 30 days, seeds 1, 2, 3.
 * - TRAILSIM_LONG=1: the simulation's traffic at 1000 calls/h in two Regions for 30 days:
 *   constant profile seed 1, diurnal profile (the default) seeds 1, 2, 3.
 *
 * Under the policy's Poisson model the expected number of false Insights for one API
 * over 30 days is at most ~5e-3 (worst at about 1 call a minute); see README.md.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/simulation.js';
import { InsightsEngine } from '../../src/cloudtrail/insights/index.js';
import { Random } from '../../src/core/random.js';
import type { RateProfile } from '../../src/activity/rate.js';
import { ACCOUNT, DAY, FakeHost, MIN, REGION, T0 } from './fake-host.js';

const LONG = !!process.env.TRAILSIM_LONG;

/** Per-minute Poisson counts: [operation, calls per minute, error code?]. */
const SUBJECTS: readonly (readonly [string, number, string?])[] = [
  ['ec2:CreateTags', 2],
  ['ec2:RunInstances', 1],
  ['logs:CreateLogStream', 0.5],
  ['iam:CreateUser', 0.3],
  ['ec2:CreateSnapshot', 0.1],
  ['lambda:UpdateFunctionCode', 0.05],
  ['iam:AttachRolePolicy', 0.02],
  ['iam:CreateAccessKey', 0.005],
  ['ec2:DescribeInstances', 1, 'Client.UnauthorizedOperation'],
  ['s3:GetBucketPolicy', 0.5, 'NoSuchBucketPolicy'],
  ['kms:Decrypt', 0.1, 'AccessDeniedException'],
  ['sts:AssumeRole', 0.02, 'AccessDenied'],
];
const USERS = ['alice', 'bob', 'ci'];

function poissonWorkload(seed: number): { insights: number; calls: number } {
  const h = new FakeHost(seed, T0, false);
  const engine = new InsightsEngine(h);
  engine.enable({ accountId: ACCOUNT, regions: [REGION] });
  const rng = new Random(seed, ['steady-workload']);
  let calls = 0;
  h.clock.every(
    MIN,
    () => {
      for (const [op, rate, error] of SUBJECTS) {
        const n = rng.poisson(rate);
        for (let i = 0; i < n; i++) h.call(op, { user: rng.pick(USERS), ...(error ? { error, readOnly: true } : {}) });
        calls += n;
      }
    },
    T0,
  );
  h.clock.advanceTo(T0 + 30 * DAY);
  return { insights: engine.records().length, calls };
}

function simulated(seed: number, rate: number, regions: string[], profile: RateProfile): { insights: number; records: number } {
  const sim = createSimulation({ seed, start: '2026-03-01T00:00:00Z', keepRecords: false });
  const prod = sim.addAccount({ name: 'prod', regions });
  const engine = new InsightsEngine(sim);
  engine.enable({ accountId: prod.id });
  sim.addTraffic({ rate, profile });
  sim.advance('30d');
  return { insights: engine.records().length, records: sim.recordTotal };
}

describe('steady traffic raises no Insights', () => {
  it('generated traffic, 120 calls/h, constant, 30 days (seed 1)', () => {
    const r = simulated(1, 120, ['us-east-1'], { kind: 'constant' });
    expect(r.records).toBeGreaterThan(80_000);
    expect(r.insights).toBe(0);
  });

  it.each([1, 2, 3])('Poisson workload, 12 subjects up to 2 calls/min, 30 days (seed %i)', (seed) => {
    const r = poissonWorkload(seed);
    expect(r.calls).toBeGreaterThan(200_000);
    expect(r.insights).toBe(0);
  });

  it.runIf(LONG).each([
    [1, 'constant'],
    [1, 'diurnal'],
    [2, 'diurnal'],
    [3, 'diurnal'],
  ] as const)('generated traffic, 1000 calls/h, two Regions, 30 days (seed %i, %s)', (seed, kind) => {
    const r = simulated(seed, 1000, ['us-east-1', 'eu-west-1'], { kind });
    expect(r.records).toBeGreaterThan(1_000_000);
    expect(r.insights).toBe(0);
  }, 900_000);
});
