/**
 * The Insights engine on hand-built management records (fake host): exact statistics,
 * attributions, timing of Start/End and delivery, warm-up, enablement and the policy's
 * input checks. Numbers are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { InsightsEngine } from '../../src/cloudtrail/insights/engine.js';
import { DEFAULT_INSIGHTS_POLICY, resolvePolicy } from '../../src/cloudtrail/insights/policy.js';
import { roundAverage } from '../../src/cloudtrail/insights/record.js';
import { TrailsimInputError } from '../../src/core/errors.js';
import type { CloudTrailRecord, InsightDetails } from '../../src/record/types.js';
import { ACCOUNT, DAY, FakeHost, HOUR, MIN, REGION, T0, every } from './fake-host.js';

const iso = (t: number) => new Date(t).toISOString().slice(0, 19) + 'Z';
const details = (r: CloudTrailRecord): InsightDetails => r.insightDetails!;

/** Hourly iam:CreateUser by `ops` at :30 from T0, and a burst of 30 by mallory over 3 minutes at day 8 10:00. */
function burstScenario(seed: number | string = 7) {
  const h = new FakeHost(seed);
  const engine = new InsightsEngine(h);
  engine.enable({ accountId: ACCOUNT, regions: [REGION] });
  h.at(every(T0 + 30 * MIN, T0 + 9 * DAY, HOUR), () => h.call('iam:CreateUser', { user: 'ops', agent: 'aws-cli/2.15.0' }));
  const burst = T0 + 8 * DAY + 10 * HOUR;
  h.at([...Array(30).keys()].map((i) => burst + i * 6_000), () => h.call('iam:CreateUser', { user: 'mallory', agent: 'evil/1.0' }));
  const delivered: { at: number; r: CloudTrailRecord }[] = [];
  h.onRecord((r) => {
    if (r.eventCategory === 'Insight') delivered.push({ at: h.clock.now(), r });
  });
  h.clock.advanceTo(T0 + 9 * DAY);
  return { h, engine, delivered, burst };
}

describe('InsightsEngine: a burst of write calls', () => {
  it('writes exactly one Start/End pair with the hand-computed statistics and attributions', () => {
    const { h, delivered, burst } = burstScenario();
    const insights = h.insights();
    expect(insights).toHaveLength(2);
    const [start, end] = insights;
    // Baseline: the 7 whole days before 2026-03-09 plus 10 hours of that day =
    // 7*1440 + 600 = 10680 minutes, holding 7*24 + 10 = 178 hourly calls: 178/10680 = 1/60.
    const baselineAverage = 0.0166666667;
    const ops = `arn:aws:iam::${ACCOUNT}:user/ops`;
    const mallory = `arn:aws:iam::${ACCOUNT}:user/mallory`;
    expect(start).toEqual({
      eventVersion: '1.11',
      eventTime: '2026-03-09T10:00:00Z',
      awsRegion: REGION,
      eventID: start.eventID,
      eventType: 'AwsCloudTrailInsight',
      recipientAccountId: ACCOUNT,
      sharedEventID: start.sharedEventID,
      insightDetails: {
        state: 'Start',
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateUser',
        insightType: 'ApiCallRateInsight',
        insightContext: {
          // 30 calls, one every 6 s from 10:00:00: 10 in each of 10:00, 10:01, 10:02.
          statistics: { baseline: { average: baselineAverage }, insight: { average: 10 }, insightDuration: 1, baselineDuration: 10680 },
          attributions: [
            { attribute: 'userIdentityArn', insight: [{ value: mallory, average: 10 }], baseline: [{ value: ops, average: baselineAverage }] },
            { attribute: 'userAgent', insight: [{ value: 'evil/1.0', average: 10 }], baseline: [{ value: 'aws-cli/2.15.0', average: baselineAverage }] },
            { attribute: 'errorCode', insight: [{ value: 'null', average: 10 }], baseline: [{ value: 'null', average: baselineAverage }] },
          ],
        },
      },
      eventCategory: 'Insight',
    });
    // Insights records carry only these keys, in the order of AWS's examples.
    expect(Object.keys(start)).toEqual(['eventVersion', 'eventTime', 'awsRegion', 'eventID', 'eventType', 'recipientAccountId', 'sharedEventID', 'insightDetails', 'eventCategory']);
    expect(end.sharedEventID).toBe(start.sharedEventID);
    expect(end.eventID).not.toBe(start.eventID);
    expect(end.eventTime).toBe('2026-03-09T10:03:00Z'); // the minute after the last unusual one
    expect(details(end).state).toBe('End');
    expect(details(end).insightContext.statistics).toEqual({ baseline: { average: baselineAverage }, insight: { average: 10 }, insightDuration: 3, baselineDuration: 10680 });
    expect(details(end).insightContext.attributions![0].insight).toEqual([{ value: mallory, average: 10 }]);
    // Start is decided when 10:00 is over; End after 5 ordinary minutes (10:03..10:07).
    expect(delivered.map((d) => iso(d.at))).toEqual([iso(burst + MIN), iso(burst + 8 * MIN)]);
    for (const r of insights) {
      for (const k of ['userIdentity', 'eventSource', 'eventName', 'sourceIPAddress', 'userAgent']) expect(r).not.toHaveProperty(k);
    }
  });

  it('is deterministic: same seed, same records; another seed changes only the ids', () => {
    const a = burstScenario(7).h.insights();
    const b = burstScenario(7).h.insights();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = burstScenario(8).h.insights();
    expect(c.map((r) => r.eventID)).not.toEqual(a.map((r) => r.eventID));
    expect(c.map((r) => r.insightDetails)).toEqual(a.map((r) => r.insightDetails));
    for (const r of [...a, ...c]) expect(r.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('lists attributions top five by average, ties by value, and counts failed write calls by error code', () => {
    const h = new FakeHost();
    new InsightsEngine(h).enable({ accountId: ACCOUNT, regions: [REGION] });
    const burst = T0 + 8 * DAY;
    // 7 users: u0 makes 6 calls, u1..u6 make 2 each, in one minute (18 calls); u6's fail.
    const calls: { user: string; error?: string }[] = [];
    for (let i = 0; i < 6; i++) calls.push({ user: 'u0' });
    for (let u = 1; u <= 6; u++) for (let k = 0; k < 2; k++) calls.push({ user: `u${u}`, ...(u === 6 ? { error: 'LimitExceeded' } : {}) });
    calls.forEach((c, i) => h.at([burst + i * 1000], () => h.call('iam:CreateUser', c)));
    h.clock.advanceTo(burst + HOUR);
    const start = h.insights().find((r) => details(r).insightType === 'ApiCallRateInsight')!;
    const [arns, , errors] = details(start).insightContext.attributions!;
    expect(arns.insight.map((v) => [v.value.split('/')[1], v.average])).toEqual([['u0', 6], ['u1', 2], ['u2', 2], ['u3', 2], ['u4', 2]]);
    expect(arns.baseline).toEqual([]);
    expect(errors.insight).toEqual([{ value: 'null', average: 16 }, { value: 'LimitExceeded', average: 2 }]);
    expect(details(start).insightContext.statistics.baseline.average).toBe(0);
  });
});

describe('InsightsEngine: error rate', () => {
  it('reports an error storm on a read API as ApiErrorRateInsight with its errorCode and no errorCode attribution', () => {
    const h = new FakeHost();
    new InsightsEngine(h).enable({ accountId: ACCOUNT, regions: [REGION] });
    // Baseline: a LookupEvents call every 10 minutes, one in ten throttled... keep it simple:
    // every 10 minutes a successful call, and one ThrottlingException a day at 12:00.
    h.at(every(T0, T0 + 9 * DAY, 10 * MIN), () => h.call('cloudtrail:LookupEvents', { user: 'auditor' }));
    h.at(every(T0 + 12 * HOUR + 30_000, T0 + 8 * DAY, DAY), () => h.call('cloudtrail:LookupEvents', { user: 'auditor', error: 'ThrottlingException' }));
    const storm = T0 + 8 * DAY + 15 * HOUR;
    h.at([...Array(24).keys()].map((i) => storm + i * 5_000), () => h.call('cloudtrail:LookupEvents', { user: 'scanner', agent: 'boto3/1.34', error: 'ThrottlingException' }));
    h.clock.advanceTo(T0 + 9 * DAY);
    const insights = h.insights();
    // A read API: no call-rate Insight, only the error rate.
    expect(insights.map((r) => [details(r).state, details(r).insightType, details(r).errorCode])).toEqual([
      ['Start', 'ApiErrorRateInsight', 'ThrottlingException'],
      ['End', 'ApiErrorRateInsight', 'ThrottlingException'],
    ]);
    const [start, end] = insights;
    // 24 errors, one every 5 s from 15:00:00: 12 in 15:00 and 12 in 15:01.
    // Baseline: 7 daily errors over 7*1440 + 900 = 10980 minutes.
    expect(details(start).insightContext.statistics).toEqual({ baseline: { average: 0.0006375228 }, insight: { average: 12 }, insightDuration: 1, baselineDuration: 10980 });
    expect(details(end).insightContext.statistics).toEqual({ baseline: { average: 0.0006375228 }, insight: { average: 12 }, insightDuration: 2, baselineDuration: 10980 });
    expect(details(start).insightContext.attributions!.map((a) => a.attribute)).toEqual(['userIdentityArn', 'userAgent']);
    expect(details(start).insightContext.attributions![0]).toEqual({
      attribute: 'userIdentityArn',
      insight: [{ value: `arn:aws:iam::${ACCOUNT}:user/scanner`, average: 12 }],
      baseline: [{ value: `arn:aws:iam::${ACCOUNT}:user/auditor`, average: 0.0006375228 }],
    });
    expect(Object.keys(details(start))).toEqual(['state', 'eventSource', 'eventName', 'insightType', 'errorCode', 'insightContext']);
  });
});

describe('InsightsEngine: gaps in periodic activity', () => {
  /** ec2:CreateSnapshot every 5 minutes from T0; stopped at day 8 10:00 (last run 09:55), resumed at 14:00. */
  function gapScenario(policy = {}) {
    const h = new FakeHost();
    new InsightsEngine(h, policy).enable({ accountId: ACCOUNT, regions: [REGION] });
    const stop = T0 + 8 * DAY + 10 * HOUR;
    const resume = T0 + 8 * DAY + 14 * HOUR;
    h.at(every(T0, stop, 5 * MIN), () => h.call('ec2:CreateSnapshot', { user: 'backup' }));
    h.at(every(resume, T0 + 10 * DAY, 5 * MIN), () => h.call('ec2:CreateSnapshot', { user: 'backup' }));
    const delivered: { at: number; r: CloudTrailRecord }[] = [];
    h.onRecord((r) => r.eventCategory === 'Insight' && delivered.push({ at: h.clock.now(), r }));
    h.clock.advanceTo(T0 + 10 * DAY);
    return { h, delivered, stop, resume };
  }

  it('opens a low-side Insight at the first missed run and ends it at the first call after the gap', () => {
    const { h, delivered, stop, resume } = gapScenario();
    const insights = h.insights();
    expect(insights).toHaveLength(2);
    const [start, end] = insights;
    // Baseline mean 0.2/min (288 runs a day): window S = ceil(40 / 0.2) = 200 minutes; the
    // window is quiet when it holds <= 0.1 * 40 = 4 calls: (t-200, t] keeps only 09:40..09:55,
    // first at t = 12:55. The silence after 09:55 first expected a call at 10:00.
    expect(start.eventTime).toBe('2026-03-09T10:00:00Z');
    expect(details(start)).toMatchObject({ state: 'Start', eventName: 'CreateSnapshot', insightType: 'ApiCallRateInsight' });
    // 2136 calls in 7*1440 + 600 = 10680 minutes = 0.2; no call in the 176 minutes 10:00..12:55.
    expect(details(start).insightContext.statistics).toEqual({ baseline: { average: 0.2 }, insight: { average: 0 }, insightDuration: 176, baselineDuration: 10680 });
    expect(details(start).insightContext.attributions![0]).toEqual({ attribute: 'userIdentityArn', insight: [], baseline: [{ value: `arn:aws:iam::${ACCOUNT}:user/backup`, average: 0.2 }] });
    expect(iso(delivered[0].at)).toBe(iso(stop + 176 * MIN));
    expect(end.eventTime).toBe(iso(resume));
    expect(end.sharedEventID).toBe(start.sharedEventID);
    expect(details(end).insightContext.statistics).toEqual({ baseline: { average: 0.2 }, insight: { average: 0 }, insightDuration: 240, baselineDuration: 10680 });
    expect(iso(delivered[1].at)).toBe(iso(resume + MIN));
  });

  it('finds the gap of a sparser job (every 30 minutes) with a day-long window', () => {
    const h = new FakeHost();
    new InsightsEngine(h).enable({ accountId: ACCOUNT, regions: [REGION] });
    const stop = T0 + 8 * DAY + 10 * HOUR;
    const resume = T0 + 9 * DAY + 12 * HOUR;
    h.at(every(T0, stop, 30 * MIN), () => h.call('ssm:UpdateInstanceInformation', { user: 'patcher' }));
    h.at(every(resume, T0 + 11 * DAY, 30 * MIN), () => h.call('ssm:UpdateInstanceInformation', { user: 'patcher' }));
    const delivered: number[] = [];
    h.onRecord((r) => r.eventCategory === 'Insight' && delivered.push(h.clock.now()));
    h.clock.advanceTo(T0 + 11 * DAY);
    const [start, end, ...rest] = h.insights();
    expect(rest).toEqual([]);
    // Day 9's window comes from days 2..8 (6 * 48 + 20 = 308 calls in 10080 minutes):
    // S = ceil(40 * 10080 / 308) = 1310 minutes, expecting about 43.7 calls; quiet at <= 4
    // calls (08:00..09:30 of day 8), first when 07:30 leaves it: t = 07:31 + 1309 min = 05:20.
    expect(start.eventTime).toBe('2026-03-09T10:00:00Z');
    expect(iso(delivered[0])).toBe('2026-03-10T05:21:00Z');
    // 7 * 48 + 20 calls before 10:00 over 10680 minutes = 1/30; silent 10:00..05:20 = 1161 minutes.
    expect(details(start).insightContext.statistics).toEqual({ baseline: { average: 0.0333333333 }, insight: { average: 0 }, insightDuration: 1161, baselineDuration: 10680 });
    expect(end.eventTime).toBe(iso(resume));
    expect(details(end).insightContext.statistics.insightDuration).toBe(26 * 60);
  });

  it('does not look for gaps when the policy turns them off', () => {
    expect(gapScenario({ gap: false }).h.insights()).toEqual([]);
  });

  it('ends a gap that lasts, once the baseline stops expecting the calls', () => {
    const h = new FakeHost();
    new InsightsEngine(h).enable({ accountId: ACCOUNT, regions: [REGION] });
    const stop = T0 + 8 * DAY + 10 * HOUR;
    h.at(every(T0, stop, 5 * MIN), () => h.call('ec2:CreateSnapshot', { user: 'backup' }));
    h.clock.advanceTo(T0 + 16 * DAY);
    const insights = h.insights();
    expect(insights.map((r) => details(r).state)).toEqual(['Start', 'End']);
    const end = Date.parse(insights[1].eventTime);
    // Each gap day lowers the expected count by 1/7: below 20 of 40 after four days.
    expect(end).toBeGreaterThan(stop + 3 * DAY);
    expect(end).toBeLessThan(stop + 5 * DAY);
    expect(details(insights[1]).insightContext.statistics.insight.average).toBe(0);
  });
});

describe('InsightsEngine: warm-up, baseline and delivery', () => {
  function burstAt(h: FakeHost, t: number, n = 20) {
    h.at([...Array(n).keys()].map((i) => t + i * 2_000), () => h.call('ec2:RunInstances', { user: 'mallory' }));
  }

  it('raises nothing until seven whole days have been observed', () => {
    const h = new FakeHost();
    new InsightsEngine(h).enable({ accountId: ACCOUNT, regions: [REGION] });
    burstAt(h, T0 + 3 * DAY);
    burstAt(h, T0 + 6 * DAY + 23 * HOUR);
    burstAt(h, T0 + 7 * DAY + 2 * HOUR);
    h.clock.advanceTo(T0 + 8 * DAY);
    expect(h.insights().map((r) => [r.eventTime, details(r).state])).toEqual([
      ['2026-03-08T02:00:00Z', 'Start'],
      ['2026-03-08T02:01:00Z', 'End'],
    ]);
  });

  it('waits 36 hours after enabling, and reads the history recorded before it', () => {
    const h = new FakeHost();
    h.at(every(T0, T0 + 10 * DAY, HOUR), () => h.call('ec2:RunInstances', { user: 'ci' }));
    h.clock.advanceTo(T0 + 7 * DAY + 12 * HOUR);
    const engine = new InsightsEngine(h);
    engine.enable({ accountId: ACCOUNT, regions: [REGION] });
    burstAt(h, T0 + 8 * DAY + 10 * HOUR + 30 * MIN); // 22.5 h after enabling: still warming up
    burstAt(h, T0 + 9 * DAY + 1 * HOUR + 30 * MIN); // 37.5 h after enabling
    h.clock.advanceTo(T0 + 10 * DAY);
    const insights = engine.records();
    expect(insights.map((r) => r.eventTime)).toEqual(['2026-03-10T01:30:00Z', '2026-03-10T01:31:00Z']);
    // The baseline holds the hourly calls recorded before Insights was enabled: days 2..8
    // (7 * 24 hourly calls + the 20 of the warm-up burst) and 00:00, 01:00 of day 9, over
    // 7 * 1440 + 90 minutes.
    expect(details(insights[0]).insightContext.statistics).toMatchObject({ baseline: { average: roundAverage(190 / 10170) }, baselineDuration: 10170 });
  });

  it('delivers on the virtual clock after the configured delay', () => {
    const h = new FakeHost();
    new InsightsEngine(h, { deliveryDelay: '30m' }).enable({ accountId: ACCOUNT, regions: [REGION] });
    const t = T0 + 8 * DAY + 10 * HOUR;
    burstAt(h, t);
    const seen: string[] = [];
    h.onRecord((r) => r.eventCategory === 'Insight' && seen.push(`${iso(h.clock.now())} ${details(r).state} ${r.eventTime}`));
    h.clock.advanceTo(t + 20 * MIN);
    expect(seen).toEqual([]);
    h.clock.advanceTo(t + HOUR);
    expect(seen).toEqual(['2026-03-09T10:31:00Z Start 2026-03-09T10:00:00Z', '2026-03-09T10:36:00Z End 2026-03-09T10:01:00Z']);
  });

  it('analyses each account and Region on its own, and only where enabled', () => {
    const h = new FakeHost();
    new InsightsEngine(h).enable({ accountId: ACCOUNT, regions: ['eu-west-1'] });
    const t = T0 + 8 * DAY;
    for (const region of ['us-east-1', 'eu-west-1']) {
      h.at([...Array(12).keys()].map((i) => t + i * 1000), () => h.call('ec2:RunInstances', { region }));
    }
    h.at([...Array(12).keys()].map((i) => t + i * 1000), () => h.call('ec2:RunInstances', { account: '444455556666', region: 'eu-west-1' }));
    h.clock.advanceTo(t + HOUR);
    expect(h.insights().map((r) => [r.awsRegion, r.recipientAccountId, details(r).state])).toEqual([
      ['eu-west-1', ACCOUNT, 'Start'],
      ['eu-west-1', ACCOUNT, 'End'],
    ]);
  });

  it('ignores read calls without errors, data events, non-API events and its own records; counts late records as ignored', () => {
    const h = new FakeHost();
    const engine = new InsightsEngine(h);
    engine.enable({ accountId: ACCOUNT, regions: [REGION] });
    h.clock.advanceTo(T0 + 8 * DAY);
    for (let i = 0; i < 50; i++) h.call('ec2:DescribeInstances');
    const write = h.call('ec2:CreateTags');
    for (let i = 0; i < 50; i++) h.ingest({ ...write, eventID: `d${i}`, eventCategory: 'Data' });
    for (let i = 0; i < 50; i++) h.ingest({ ...write, eventID: `s${i}`, eventType: 'AwsServiceEvent' });
    for (let i = 0; i < 50; i++) h.ingest({ ...write, eventID: `c${i}`, eventType: 'AwsConsoleAction' });
    h.clock.advance(10 * MIN);
    expect(h.insights()).toEqual([]);
    h.ingest({ ...write, eventTime: '2026-03-01T00:00:00Z', eventID: 'late' });
    expect(engine.ignoredLateRecords).toBe(1);
    for (let i = 0; i < 50; i++) h.call('ec2:CreateTags');
    h.clock.advance(10 * MIN);
    const insights = h.insights();
    expect(insights.map((r) => `${details(r).eventName} ${details(r).state} ${r.eventTime}`)).toEqual(['CreateTags Start 2026-03-09T00:10:00Z', 'CreateTags End 2026-03-09T00:11:00Z']);
    // Its own Insights records are not counted (they would be management-shaped noise otherwise).
    for (const r of insights) h.ingest({ ...r, eventID: r.eventID.replace(/^./, 'f') });
    h.clock.advance(HOUR);
    expect(h.insights()).toHaveLength(4);
    expect(engine.records()).toHaveLength(2);
  });
});

describe('InsightsEngine: enablement', () => {
  it('runs while any source enables it, closes Insights in progress when the last one goes, and restarts the warm-up', () => {
    const h = new FakeHost();
    const engine = new InsightsEngine(h);
    const trail = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main';
    engine.setInsightSelectors(trail, { accountId: ACCOUNT, regions: [REGION], types: ['ApiCallRateInsight'] });
    engine.enable({ accountId: ACCOUNT, regions: [REGION], types: ['ApiCallRateInsight'], source: 'manual' });
    expect(engine.isEnabled(ACCOUNT, REGION, 'ApiCallRateInsight')).toBe(true);
    expect(engine.isEnabled(ACCOUNT, REGION, 'ApiErrorRateInsight')).toBe(false);
    const t = T0 + 8 * DAY;
    // A long burst: 12 calls a minute for 30 minutes.
    h.at([...Array(360).keys()].map((i) => t + i * 5_000), () => h.call('ec2:RunInstances'));
    h.clock.advanceTo(t + 10 * MIN + 30_000);
    engine.setInsightSelectors(trail, { accountId: ACCOUNT, regions: [REGION], types: [] });
    expect(engine.isEnabled(ACCOUNT, REGION)).toBe(true); // 'manual' still enables it
    engine.disable({ accountId: ACCOUNT, regions: [REGION], source: 'manual' });
    expect(engine.isEnabled(ACCOUNT, REGION)).toBe(false);
    h.clock.advanceTo(t + 11 * MIN);
    const insights = h.insights();
    // Closed at disable: the last unusual minute analysed was 00:09.
    expect(insights.map((r) => `${details(r).state} ${r.eventTime} ${details(r).insightContext.statistics.insightDuration}`)).toEqual([
      'Start 2026-03-09T00:00:00Z 1',
      'End 2026-03-09T00:10:00Z 10',
    ]);
    // Enabled again: a new 36-hour warm-up.
    engine.enable({ accountId: ACCOUNT, regions: [REGION] });
    h.clock.advanceTo(t + 35 * HOUR);
    expect(h.insights()).toHaveLength(2);
    h.at([...Array(20).keys()].map((i) => t + 37 * HOUR + i * 1000), () => h.call('ec2:RunInstances'));
    h.clock.advanceTo(t + 38 * HOUR);
    expect(h.insights()).toHaveLength(4);
  });

  it('rejects bad input before changing anything', () => {
    const h = new FakeHost();
    const engine = new InsightsEngine(h);
    expect(() => engine.enable({ accountId: '12345' , regions: [REGION] })).toThrow(TrailsimInputError);
    expect(() => engine.enable({ accountId: ACCOUNT })).toThrow(/needs regions/);
    expect(() => engine.enable({ accountId: ACCOUNT, regions: [REGION], types: ['ApiCallRate' as never] })).toThrow(/Unknown Insights type/);
    expect(() => engine.enable({ accountId: ACCOUNT, regions: [REGION], source: '' })).toThrow(/source/);
    expect(() => engine.setInsightSelectors('t', { accountId: ACCOUNT, regions: [REGION], types: undefined as never })).toThrow(/types/);
    expect(engine.isEnabled(ACCOUNT, REGION)).toBe(false);
  });
});

describe('Insights policy', () => {
  it('names its defaults', () => {
    expect(DEFAULT_INSIGHTS_POLICY).toMatchObject({ sigma: 8, sigmaFloor: 1, minCount: 10, minRatio: 2, closeAfter: 5, baselineDays: 7, warmup: '36h', deliveryDelay: 0, gap: true });
    expect(resolvePolicy()).toMatchObject({ warmupMs: 36 * HOUR, deliveryDelayMs: 0 });
  });

  it('rejects unknown options and out-of-range values', () => {
    expect(() => resolvePolicy({ k: 3 } as never)).toThrow(/Unknown Insights policy option 'k'/);
    expect(() => resolvePolicy({ minCount: 0 })).toThrow(/minCount/);
    expect(() => resolvePolicy({ closeAfter: 1.5 })).toThrow(/closeAfter/);
    expect(() => resolvePolicy({ gapRatio: 2 })).toThrow(/gapRatio/);
    expect(() => resolvePolicy({ gapMinWindow: 100, gapMaxWindow: 60 })).toThrow(/gapMinWindow/);
    expect(() => resolvePolicy({ warmup: 'soon' })).toThrow(/duration/i);
    expect(() => new InsightsEngine(new FakeHost(), { sigma: -1 })).toThrow(TrailsimInputError);
  });

  it('opens on lower counts when configured to', () => {
    const h = new FakeHost();
    new InsightsEngine(h, { minCount: 5, sigmaFloor: 0.5, warmup: 0 }).enable({ accountId: ACCOUNT, regions: [REGION] });
    const t = T0 + 7 * DAY;
    h.at([...Array(6).keys()].map((i) => t + i * 1000), () => h.call('iam:DeleteUser'));
    h.clock.advanceTo(t + HOUR);
    expect(h.insights().map((r) => details(r).insightContext.statistics.insight.average)).toEqual([6, 6]);
  });
});
