import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/simulation.js';
import { injectBurst } from '../../src/cloudtrail/insights/workload.js';
import { gunzip } from '../../src/cloudtrail/trails/gzip.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

describe('a trail with insight selectors', () => {
  it('turns Insights on for its regions; the Insights records land under CloudTrail-Insight/ and in event history', () => {
    const sim = createSimulation({ seed: 4, start: '2026-01-01T00:00:00Z' });
    const acct = sim.addAccount({ name: 'prod', regions: ['us-east-1'] });
    const admin = acct.iamUser('admin');
    sim.cloudtrail.s3.createBucket('logs');
    sim.cloudtrail.createTrail(admin, { Name: 'main', S3BucketName: 'logs' });
    sim.cloudtrail.startLogging(admin, { Name: 'main' });
    sim.cloudtrail.putInsightSelectors(admin, { TrailName: 'main', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] });
    // A week of a regular IAM job builds the baseline; then a burst.
    const ops = acct.iamUser('ops');
    for (let h = 0; h < 24 * 9; h++) sim.clock.schedule(Date.parse('2026-01-01T00:30:00Z') + h * 3_600_000, () => sim.call(ops, 'iam:CreateUser', { userName: `u${h}` }));
    sim.advanceTo('2026-01-10T10:00:00Z');
    injectBurst(sim, { principal: ops, operation: 'iam:CreateUser', count: 40, over: '4m' });
    sim.advanceTo('2026-01-10T12:00:00Z');
    sim.cloudtrail.drain();
    const insights = sim.records({ eventCategory: 'Insight' });
    expect(insights.map((r) => r.insightDetails?.state)).toEqual(['Start', 'End']);
    const keys = sim.cloudtrail.s3.listKeys('logs').filter((k) => k.includes('/CloudTrail-Insight/'));
    expect(keys.length).toBeGreaterThan(0);
    const delivered = keys.flatMap((k) => (JSON.parse(gunzip(sim.cloudtrail.s3.getObject('logs', k).body).toString()) as { Records: CloudTrailRecord[] }).Records);
    expect(delivered.map((r) => r.eventID).sort()).toEqual(insights.map((r) => r.eventID).sort());
    expect(sim.lookupEvents({ accountId: acct.id, region: 'us-east-1', EventCategory: 'insight' }).Events).toHaveLength(2);
  });
});
