import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGenerateWorld } from '../../src/cli/generate.js';
import { shardOf, createSimulation } from '../../src/simulation.js';
import { daysBetween } from '../../src/activity/traffic.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

function generate(seed: number, days = 1, rate = '300/h', accounts = 2): { lines: string[]; records: CloudTrailRecord[] } {
  const { sim, from, to } = buildGenerateWorld({ accounts, regions: ['us-east-1', 'eu-west-1'], days, rate, seed });
  const records: CloudTrailRecord[] = [];
  sim.onRecord((r) => records.push(r));
  sim.advanceTo(to - 1);
  expect(from).toBeLessThan(to);
  return { lines: records.map((r) => JSON.stringify(r)), records };
}

/** One larger run (3 accounts, 2 Regions, 2 days) that several properties below are checked on. */
let fullRun: CloudTrailRecord[] | undefined;
const full = (): CloudTrailRecord[] => (fullRun ??= generate(11, 2, '200/h', 3).records);

describe('determinism', () => {
  it('same seed ⇒ byte-identical output (property over seeds)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const a = generate(seed, 1, '40/h').lines.join('\n');
        const b = generate(seed, 1, '40/h').lines.join('\n');
        expect(a).toBe(b);
      }),
      { numRuns: 8 },
    );
  });

  it('different seeds ⇒ different output', () => {
    expect(generate(1, 1, '40/h').lines.join('\n')).not.toBe(generate(2, 1, '40/h').lines.join('\n'));
  });

  it('records come out in eventTime order', () => {
    const records = full();
    expect(records.length).toBeGreaterThan(10_000);
    // The first record out of order, if any (one assertion, not one per record).
    const late = records.findIndex((r, i) => i > 0 && records[i - 1].eventTime > r.eventTime);
    expect(late, late > 0 ? `${records[late - 1].eventTime} then ${records[late].eventTime}` : '').toBe(-1);
  });

  it('one account-region-day generated alone equals that slice of a full run', () => {
    const records = full();
    const { sim, traffic, from, to } = buildGenerateWorld({ accounts: 3, regions: ['us-east-1', 'eu-west-1'], days: 2, rate: '200/h', seed: 11 });
    let checked = 0;
    for (const account of sim.world.accounts.values()) {
      for (const region of ['us-east-1', 'eu-west-1']) {
        for (const day of daysBetween(from, to)) {
          const alone = sim.generateShard(traffic, { accountId: account.id, region, day }).map((r) => JSON.stringify(r));
          const slice = records.filter((r) => {
            const k = shardOf(r);
            return k.accountId === account.id && k.region === region && k.day === day;
          }).map((r) => JSON.stringify(r));
          expect(alone.length).toBeGreaterThan(0);
          expect(alone).toEqual(slice);
          checked++;
        }
      }
    }
    expect(checked).toBe(12);
    // Every record of the full run belongs to exactly one of those shards.
    expect(records.length).toBe(records.filter((r) => /^\d{12}$/.test(shardOf(r).accountId)).length);
  });

  it('global-service calls only appear in the us-east-1 shard', () => {
    const records = full();
    const globals = records.filter((r) => r.eventSource === 'iam.amazonaws.com' || r.eventSource === 'signin.amazonaws.com');
    expect(globals.length).toBeGreaterThan(0);
    expect(globals.filter((r) => r.awsRegion !== 'us-east-1').map((r) => `${r.eventName} in ${r.awsRegion}`)).toEqual([]);
  });

  it('the order accounts and principals are created in does not change their ids', () => {
    const a = createSimulation({ seed: 9 });
    const a1 = a.addAccount({ name: 'x' });
    const u1 = a1.iamUser('u1');
    const u2 = a1.iamUser('u2');
    const b = createSimulation({ seed: 9 });
    const b1 = b.addAccount({ name: 'x' });
    const v2 = b1.iamUser('u2');
    const v1 = b1.iamUser('u1');
    expect(b1.id).toBe(a1.id);
    expect(v1.identity).toEqual(u1.identity);
    expect(v2.identity).toEqual(u2.identity);
  });
});
