import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { GenerationPlan } from '../../src/cli/generate-plan.js';
import { recordJson } from '../../src/cloudtrail/trails/record-json.js';

/** Runs `days` days, one shard-day after another as `trailsim generate` does; the hash of every line, and the sessions held after each day. */
function run(days: number, bound?: number): { hash: string; records: number; held: number[] } {
  const plan = new GenerationPlan({ accounts: 2, regions: ['us-east-1', 'eu-west-1'], days, rate: '50/h', seed: 11 });
  if (bound !== undefined) plan.traffic.estate.boundSessions(bound);
  const h = createHash('sha256');
  const held: number[] = [];
  let records = 0;
  let day = -1;
  for (const { unit } of plan.units(1)) {
    if (unit.dayIndex !== day && day >= 0) held.push(plan.traffic.estate.heldSessions);
    day = unit.dayIndex;
    plan.produce(unit, (_t, _s, r) => {
      h.update(recordJson(r)).update('\n');
      records++;
    });
  }
  held.push(plan.traffic.estate.heldSessions);
  return { hash: h.digest('hex'), records, held };
}

describe('the estate keeps a bounded number of built sessions', () => {
  it('a long run holds about a day of sessions, not all of them; pruning often changes no record', () => {
    const often = run(12, 40);
    const never = run(12, Number.MAX_SAFE_INTEGER);
    expect(often.records).toBeGreaterThan(10_000);
    expect(often.hash).toBe(never.hash);
    // Without a bound every session stays: the count grows day after day.
    expect(never.held.at(-1)!).toBeGreaterThan(never.held[1] * 4);
    // With one, what is held stops growing: pruning keeps the last day's sessions and lets
    // twice that build up before the next prune.
    const early = Math.max(...often.held.slice(0, 3));
    expect(Math.max(...often.held.slice(4))).toBeLessThanOrEqual(3 * early);
    expect(often.held.at(-1)!).toBeLessThan(never.held.at(-1)! / 2);
  });
});
