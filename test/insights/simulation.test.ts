/**
 * Insights on a real Simulation: the workload helpers make real calls (recorded as CloudTrail
 * events), the engine turns them into Insights records that reach event history through
 * `sim.ingest` and pass the record validator. One test per kind of unusual activity AWS
 * names: resource provisioning, service limits, IAM bursts, gaps in periodic maintenance.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulation, type Simulation } from '../../src/simulation.js';
import { InsightsEngine, addPeriodicJob, injectBurst, injectErrorStorm, roundAverage } from '../../src/cloudtrail/insights/index.js';
import { validateRecord } from '../../src/validate/index.js';
import type { CloudTrailRecord, InsightDetails } from '../../src/record/types.js';
import type { Account } from '../../src/world/account.js';

const START = '2026-03-01T00:00:00Z';
const T0 = Date.parse(START);
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const d = (r: CloudTrailRecord): InsightDetails => r.insightDetails!;
const summary = (r: CloudTrailRecord) => `${r.awsRegion} ${d(r).state} ${d(r).insightType} ${d(r).eventName}${d(r).errorCode ? ' ' + d(r).errorCode : ''} ${r.eventTime}`;

/** A simulation with one account in two Regions, Insights on from the start, and light background traffic. */
function setup(seed: number | string = 7, background = true): { sim: Simulation; prod: Account; insights: InsightsEngine } {
  const sim = createSimulation({ seed, start: START });
  const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
  const insights = new InsightsEngine(sim);
  insights.enable({ accountId: prod.id });
  if (background) sim.addTraffic({ rate: 30, profile: { kind: 'constant' } });
  return { sim, prod, insights };
}

/** Every Insights record passes the validator and is paired Start/End by sharedEventID. */
function expectWellFormed(records: CloudTrailRecord[]): void {
  for (const r of records) expect(validateRecord(r), JSON.stringify(r)).toEqual([]);
  const byId = new Map<string, string[]>();
  for (const r of records) byId.set(r.sharedEventID!, [...(byId.get(r.sharedEventID!) ?? []), d(r).state]);
  for (const states of byId.values()) expect(states).toEqual(['Start', 'End']);
}

/** Management calls of one API in one account and Region, from the simulation's own records, in [from, to). */
function callsOf(sim: Simulation, accountId: string, region: string, eventName: string, from: number, to: number, errorCode?: string): number {
  return sim
    .records({ accountId, region, eventName, eventCategory: 'Management' })
    .filter((r) => {
      const t = Date.parse(r.eventTime);
      return t >= from && t < to && (errorCode === undefined ? r.readOnly === false : r.errorCode === errorCode);
    }).length;
}

describe('Insights on a simulation', () => {
  it('turns an injected burst into one Start/End pair with hand-computed statistics, visible to LookupEvents', () => {
    const { sim, prod, insights } = setup();
    const ops = prod.iamUser('ops-admin');
    const mallory = prod.iamUser('mallory');
    // A baseline the default personas never touch: one iam:CreateUser an hour, at :30.
    addPeriodicJob(sim, { principal: ops, operation: 'iam:CreateUser', every: '1h', start: T0 + 30 * MIN, options: { userAgent: 'aws-cli/2.15.0' } });
    sim.advanceTo(T0 + 8 * DAY + 10 * HOUR);
    const burst = injectBurst(sim, { principal: mallory, operation: 'iam:CreateUser', count: 30, over: '3m', options: { userAgent: 'aws-cli/2.13.0 evil' } });
    expect(burst.records).toHaveLength(1); // the first call is made at once
    sim.advance('1h');
    expect(burst.done).toBe(true);
    expect(burst.records).toHaveLength(30);

    const records = sim.records({ eventCategory: 'Insight' });
    expect(records.map(summary)).toEqual([
      'us-east-1 Start ApiCallRateInsight CreateUser 2026-03-09T10:00:00Z',
      'us-east-1 End ApiCallRateInsight CreateUser 2026-03-09T10:03:00Z',
    ]);
    expectWellFormed(records);
    const [start, end] = records;
    // 178 hourly calls in the 7 * 1440 + 600 = 10680 minutes before 10:00 (1/60 a minute);
    // 10 calls a minute for 3 minutes.
    const base = 0.0166666667;
    expect(d(start).insightContext.statistics).toEqual({ baseline: { average: base }, insight: { average: 10 }, insightDuration: 1, baselineDuration: 10680 });
    expect(d(end).insightContext.statistics).toEqual({ baseline: { average: base }, insight: { average: 10 }, insightDuration: 3, baselineDuration: 10680 });
    expect(d(end).insightContext.attributions).toEqual([
      { attribute: 'userIdentityArn', insight: [{ value: mallory.identity.arn!, average: 10 }], baseline: [{ value: ops.identity.arn!, average: base }] },
      { attribute: 'userAgent', insight: [{ value: 'aws-cli/2.13.0 evil', average: 10 }], baseline: [{ value: 'aws-cli/2.15.0', average: base }] },
      { attribute: 'errorCode', insight: [{ value: 'null', average: 10 }], baseline: [{ value: 'null', average: base }] },
    ]);
    expect(insights.records()).toEqual(records);

    const page = sim.lookupEvents({ accountId: prod.id, region: 'us-east-1', EventCategory: 'insight' });
    expect(page.Events!.map((e) => e.EventId).sort()).toEqual(records.map((r) => r.eventID).sort());
    expect(JSON.parse(page.Events![0].CloudTrailEvent!)).toEqual(end); // newest first
  });

  it('detects unusual resource provisioning in the Region where it happens', () => {
    const { sim, prod } = setup();
    const role = prod.role('ci-deployer');
    const session = role.session({ sessionName: 'stolen', createdAt: T0 + 8 * DAY });
    const at = T0 + 8 * DAY + 9 * HOUR;
    sim.advanceTo(at);
    injectBurst(sim, { principal: session, operation: 'ec2:RunInstances', count: 40, over: '2m', options: { region: 'eu-west-1' } });
    sim.advance('1h');
    const records = sim.records({ eventCategory: 'Insight' });
    expect(records.map(summary)).toEqual([
      'eu-west-1 Start ApiCallRateInsight RunInstances 2026-03-09T09:00:00Z',
      'eu-west-1 End ApiCallRateInsight RunInstances 2026-03-09T09:02:00Z',
    ]);
    expectWellFormed(records);
    const [start, end] = records;
    // The baseline counts the background traffic's RunInstances in eu-west-1, read back from the records.
    const minutes = 7 * 1440 + 540;
    const background = callsOf(sim, prod.id, 'eu-west-1', 'RunInstances', at - minutes * MIN, at);
    expect(d(start).insightContext.statistics).toEqual({ baseline: { average: roundAverage(background / minutes) }, insight: { average: 20 }, insightDuration: 1, baselineDuration: minutes });
    expect(d(end).insightContext.statistics.insight.average).toBe(20);
    expect(d(end).insightContext.attributions![0].insight).toEqual([{ value: session.identity.arn!, average: 20 }]);
  });

  it('detects hitting service limits: an error storm of VcpuLimitExceeded, and throttling on a read API', () => {
    const { sim, prod } = setup();
    const mallory = prod.iamUser('mallory');
    const at = T0 + 8 * DAY + 11 * HOUR;
    sim.advanceTo(at);
    const storm = injectErrorStorm(sim, { principal: mallory, operation: 'ec2:RunInstances', count: 30, over: '2m', error: 'VcpuLimitExceeded' });
    injectErrorStorm(sim, { principal: mallory, operation: 'cloudtrail:LookupEvents', count: 24, over: '2m', error: 'ThrottlingException', at: at + HOUR });
    sim.advance('3h');
    expect(storm.records.every((r) => r.errorCode === 'VcpuLimitExceeded')).toBe(true);
    const records = sim.records({ eventCategory: 'Insight' });
    // RunInstances is a write API: its failed calls also raise its call rate.
    expect(records.map(summary)).toEqual([
      'us-east-1 Start ApiCallRateInsight RunInstances 2026-03-09T11:00:00Z',
      'us-east-1 Start ApiErrorRateInsight RunInstances VcpuLimitExceeded 2026-03-09T11:00:00Z',
      'us-east-1 End ApiCallRateInsight RunInstances 2026-03-09T11:02:00Z',
      'us-east-1 End ApiErrorRateInsight RunInstances VcpuLimitExceeded 2026-03-09T11:02:00Z',
      'us-east-1 Start ApiErrorRateInsight LookupEvents ThrottlingException 2026-03-09T12:00:00Z',
      'us-east-1 End ApiErrorRateInsight LookupEvents ThrottlingException 2026-03-09T12:02:00Z',
    ]);
    expectWellFormed(records);
    const vcpu = records[1];
    const minutes = 7 * 1440 + 660;
    const before = callsOf(sim, prod.id, 'us-east-1', 'RunInstances', at - minutes * MIN, at, 'VcpuLimitExceeded');
    expect(d(vcpu).insightContext.statistics).toEqual({ baseline: { average: roundAverage(before / minutes) }, insight: { average: 15 }, insightDuration: 1, baselineDuration: minutes });
    expect(d(vcpu).insightContext.attributions!.map((a) => a.attribute)).toEqual(['userIdentityArn', 'userAgent']);
    const callRate = records[0];
    expect(d(callRate).insightContext.attributions![2].insight).toEqual([{ value: 'VcpuLimitExceeded', average: 15 }]);
    expect(d(records[4]).insightContext.statistics.insight.average).toBe(12);
  });

  it('detects a burst of IAM actions, one Insight per API', () => {
    const { sim, prod } = setup();
    const intruder = prod.iamUser('svc-legacy');
    sim.advanceTo(T0 + 8 * DAY + 3 * HOUR);
    // 50 calls over 2 minutes, alternating: 13 AttachUserPolicy + 12 CreateAccessKey in the first minute, 12 + 13 in the second.
    injectBurst(sim, { principal: intruder, operation: ['iam:AttachUserPolicy', 'iam:CreateAccessKey'], count: 50, over: '2m' });
    sim.advance('1h');
    const records = sim.records({ eventCategory: 'Insight' });
    expect(records.map(summary)).toEqual([
      'us-east-1 Start ApiCallRateInsight AttachUserPolicy 2026-03-09T03:00:00Z',
      'us-east-1 Start ApiCallRateInsight CreateAccessKey 2026-03-09T03:00:00Z',
      'us-east-1 End ApiCallRateInsight AttachUserPolicy 2026-03-09T03:02:00Z',
      'us-east-1 End ApiCallRateInsight CreateAccessKey 2026-03-09T03:02:00Z',
    ]);
    expectWellFormed(records);
    expect(records.map((r) => d(r).insightContext.statistics.insight.average)).toEqual([13, 12, 12.5, 12.5]);
  });

  it('detects a gap in a periodic maintenance job, from its first missed run to its next call', () => {
    const { sim, prod } = setup();
    const backup = prod.role('backup-runner').session({ sessionName: 'nightly', createdAt: T0 });
    const job = addPeriodicJob(sim, { principal: backup, operation: 'ec2:CreateSnapshot', every: '5m' });
    const stop = T0 + 8 * DAY + 10 * HOUR;
    const resume = T0 + 8 * DAY + 14 * HOUR;
    job.stop(stop); // no run at or after 10:00: the last one is at 09:55
    expect(job.stopped).toBe(false);
    sim.advanceTo(stop);
    expect(job.stopped).toBe(true);
    sim.advanceTo(resume);
    addPeriodicJob(sim, { principal: backup, operation: 'ec2:CreateSnapshot', every: '5m' });
    sim.advance('1d');
    const records = sim.records({ eventCategory: 'Insight' });
    expect(records.map(summary)).toEqual([
      'us-east-1 Start ApiCallRateInsight CreateSnapshot 2026-03-09T10:00:00Z',
      'us-east-1 End ApiCallRateInsight CreateSnapshot 2026-03-09T14:00:00Z',
    ]);
    expectWellFormed(records);
    const [start, end] = records;
    // 288 runs a day: 0.2 a minute. Quiet window: 200 minutes holding <= 4 calls, first at 12:55.
    expect(d(start).insightContext.statistics).toEqual({ baseline: { average: 0.2 }, insight: { average: 0 }, insightDuration: 176, baselineDuration: 10680 });
    expect(d(end).insightContext.statistics).toEqual({ baseline: { average: 0.2 }, insight: { average: 0 }, insightDuration: 240, baselineDuration: 10680 });
    expect(d(start).insightContext.statistics.insight.average).toBeLessThan(d(start).insightContext.statistics.baseline.average);
    expect(job.runs).toBe(8 * 288 + 120);
  });

  it('gives the same Insights records for the same seed', () => {
    const run = (seed: number) => {
      const { sim, prod } = setup(seed);
      sim.advanceTo(T0 + 8 * DAY + 5 * HOUR);
      injectBurst(sim, { principal: prod.iamUser('mallory'), operation: 'ec2:RunInstances', count: 40, over: '2m' });
      injectErrorStorm(sim, { principal: prod.iamUser('mallory'), operation: 'iam:CreateUser', count: 20, over: '1m', error: 'LimitExceeded', at: T0 + 8 * DAY + 6 * HOUR });
      sim.advance('2h');
      return sim.records({ eventCategory: 'Insight' });
    };
    const a = run(11);
    expect(a.length).toBe(6);
    expect(JSON.stringify(run(11))).toBe(JSON.stringify(a));
    expect(run(12).map((r) => r.eventID)).not.toEqual(a.map((r) => r.eventID));
    // A JSONL copy for `node shared/tools/check-records.mjs` by hand.
    const dir = join(tmpdir(), 'trailsim-insights');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'insights.jsonl'), a.map((r) => JSON.stringify(r)).join('\n') + '\n');
  });
});
