import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GenerationPlan } from '../../src/cli/generate-plan.js';
import { RecordSummary } from '../../src/cli/summary.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

// A day of generated traffic over two accounts and two regions: many event names, errors,
// several account/region pairs.
const plan = new GenerationPlan({ accounts: 2, regions: ['us-east-1', 'eu-west-1'], days: 1, rate: '40/h', seed: 3 });
const records: CloudTrailRecord[] = [];
for (const { unit } of plan.units(1)) plan.produce(unit, (_t, _s, r) => void records.push(r));

/** What the summary must say, counted the plain way. */
function expected(rs: readonly CloudTrailRecord[]) {
  const count = (key: (r: CloudTrailRecord) => string) => {
    const m = new Map<string, number>();
    for (const r of rs) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return m;
  };
  return {
    accountRegion: count((r) => `${r.recipientAccountId ?? '-'} ${r.awsRegion}`),
    events: count((r) => `${r.eventSource ?? 'insight'} ${r.eventName ?? ''}`),
    errors: rs.filter((r) => r.errorCode || r.errorMessage).length,
  };
}

describe('RecordSummary', () => {
  it('counts by account and region and by event as the records say', () => {
    const s = new RecordSummary();
    for (const r of records) s.add(r);
    const d = s.data();
    const e = expected(records);
    expect(records.length).toBeGreaterThan(1000);
    expect(d.total).toBe(records.length);
    expect(d.errors).toBe(e.errors);
    expect(new Map(d.byAccountRegion)).toEqual(e.accountRegion);
    expect(new Map(d.byEvent)).toEqual(e.events);
    expect(e.accountRegion.size).toBeGreaterThanOrEqual(4);
    expect(d.first).toBe(records[0].eventTime);
    expect(d.last).toBe(records.at(-1)!.eventTime);
  });

  it('prints the same lines whether the records were counted in one summary or merged from parts', () => {
    const whole = new RecordSummary();
    for (const r of records) whole.add(r);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: records.length }), { maxLength: 4 }), fc.boolean(), (cuts, ownFirst) => {
        const at = [0, ...[...cuts].sort((a, b) => a - b), records.length];
        const parts = at.slice(1).map((end, i) => {
          const p = new RecordSummary();
          for (const r of records.slice(at[i], end)) p.add(r);
          return p;
        });
        // Merged into a part that counted records of its own, or into an empty summary (as
        // generate with worker threads does).
        const into = ownFirst ? parts[0] : new RecordSummary();
        for (const p of ownFirst ? parts.slice(1) : parts) into.merge(p.data());
        expect(into.lines(1000)).toEqual(whole.lines(1000));
        expect(into.total).toBe(records.length);
      }),
      { numRuns: 40 },
    );
  });
});
