/**
 * Retention on the virtual clock: after any sequence of ingests and clock advances, a store
 * holds exactly the events whose age (now - eventTime) is at most its retention period, in
 * eventTime order. The boundary is inclusive: an event exactly RetentionPeriod days old is
 * still held, one millisecond older is gone.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/simulation.js';
import { Lake } from '../../src/cloudtrail/lake/lake.js';
import { MS_PER_DAY, formatEventTime } from '../../src/core/time.js';
import { iamUserIdentity, makeRecord } from './support.js';

const START = Date.parse('2026-01-01T00:00:00Z');
const ACCOUNT = '111122223333';
const lakes: Lake[] = [];
afterAll(async () => {
  for (const l of lakes) await l.close();
});

function setup(retentionDays: number) {
  const sim = createSimulation({ seed: 3, start: START });
  const acct = sim.addAccount({ name: 'prod', id: ACCOUNT });
  const lake = new Lake(sim, { recordApiCalls: false });
  lakes.push(lake);
  const admin = acct.iamUser('admin');
  const arn = lake.createEventDataStore(admin, { Name: 'audit', RetentionPeriod: retentionDays }).EventDataStoreArn;
  return { sim, lake, arn, admin };
}

function event(t: number, n: number) {
  return makeRecord(ACCOUNT, formatEventTime(t), iamUserIdentity(ACCOUNT, 'alice'), { eventSource: 'iam.amazonaws.com', eventName: `Op${n}` });
}

/** A step: ingest an event `ageSeconds` before now, or move the clock forward. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('ingest' as const), ageSeconds: fc.integer({ min: -3600, max: 40 * 86400 }) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 20 * 86400 }) }),
);

describe('retention', () => {
  it('holds exactly the events younger than the retention period, oldest first (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 30 }), fc.array(step, { minLength: 1, maxLength: 60 }), (days, steps) => {
        const { sim, lake, arn } = setup(days);
        const ingested: { t: number; n: number }[] = [];
        steps.forEach((s, n) => {
          if (s.kind === 'advance') sim.advance(s.seconds * 1000);
          else {
            // eventTime has second precision, as CloudTrail writes it.
            const t = Math.floor((sim.now - s.ageSeconds * 1000) / 1000) * 1000;
            sim.ingest(event(t, n));
            ingested.push({ t, n });
          }
        });
        const now = sim.now;
        const expected = ingested
          .filter((e) => now - e.t <= days * MS_PER_DAY)
          .sort((a, b) => a.t - b.t || a.n - b.n)
          .map((e) => `Op${e.n}`);
        expect(lake.events(arn).map((r) => r.eventName)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('the boundary is inclusive: RetentionPeriod days old is held, 1 ms more is not', () => {
    const { sim, lake, arn } = setup(7);
    sim.ingest(event(START, 0));
    sim.advance(7 * MS_PER_DAY);
    expect(lake.events(arn)).toHaveLength(1);
    sim.advance(1);
    expect(lake.events(arn)).toHaveLength(0);
  });

  it('an event already older than the retention period is not stored', () => {
    const { sim, lake, arn } = setup(7);
    sim.advance(30 * MS_PER_DAY);
    sim.ingest(event(sim.now - 7 * MS_PER_DAY - 1000, 0));
    sim.ingest(event(sim.now - 7 * MS_PER_DAY, 1));
    expect(lake.events(arn).map((r) => r.eventName)).toEqual(['Op1']);
  });

  it('SQL sees the same events as the store after the clock moves (expired rows leave the engine too)', async () => {
    const { sim, lake, arn, admin } = setup(7);
    const id = arn.split('/')[1];
    for (let d = 0; d < 10; d++) sim.ingest(event(START + d * MS_PER_DAY, d));
    sim.advance(9 * MS_PER_DAY);
    const first = await lake.query(admin, `SELECT eventName FROM ${id} ORDER BY eventTime`);
    expect(first.rows.map((r) => r.eventName)).toEqual(['Op2', 'Op3', 'Op4', 'Op5', 'Op6', 'Op7', 'Op8', 'Op9']);
    sim.advance(3 * MS_PER_DAY);
    sim.ingest(event(sim.now, 10));
    const second = await lake.query(admin, `SELECT eventName FROM ${id} ORDER BY eventTime`);
    expect(second.rows.map((r) => r.eventName)).toEqual(['Op5', 'Op6', 'Op7', 'Op8', 'Op9', 'Op10']);
  });
});
