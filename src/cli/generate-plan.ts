/**
 * The work of `trailsim generate`, cut into independent pieces.
 *
 * A dataset is days × shards (one account and region each, in the traffic's order: accounts,
 * then regions). A shard-day's calls come from its own random streams (see `ShardKey`), so
 * any process that builds the same world can produce any shard-day alone. One run's
 * records.jsonl is every shard of a day merged by (call time in ms, shard index), keeping
 * each shard's own order: the order the simulation's traffic driver records them in.
 *
 * A *unit* is one day and a set of that day's shards; a producer emits its records merged
 * by that same key, so units of one day merge again by it (in worker threads or not) into
 * exactly one run's order.
 */
import { buildGenerateWorld, type GenerateOptions } from './generate.js';
import { daysBetween, type Traffic, type CallIntent, type ShardKey } from '../activity/traffic.js';
import type { Simulation } from '../simulation.js';
import type { Random } from '../core/random.js';
import type { Account } from '../world/account.js';
import type { CloudTrailRecord } from '../record/types.js';

export interface PlannedShard {
  readonly index: number;
  readonly account: Account;
  readonly region: string;
}

/** One day and some of its shards (indices into `GenerationPlan.shards`). */
export interface WorkUnit {
  readonly dayIndex: number;
  readonly shards: readonly number[];
}

/** Receives a unit's records in output order. */
export type RecordSink = (time: number, shard: number, record: CloudTrailRecord) => void;

/**
 * Units for `producers` parallel producers, grouped by day in day order: with at least as
 * many shards as producers, each day is split by shard, dealt back and forth (0, 1, …,
 * n-1, n-1, …, 0, 0, …) so each producer gets a mix of regions and accounts: shards run
 * accounts then regions, and a region (us-east-1's global services) or an account (the
 * organization's management account) can be busier than the others. Otherwise whole days
 * go round-robin. A producer runs its units in list order.
 */
export function planUnits(shards: number, producers: number, dayIndices: readonly number[]): { unit: WorkUnit; producer: number }[] {
  const n = Math.max(1, producers);
  const all = Array.from({ length: shards }, (_, i) => i);
  const out: { unit: WorkUnit; producer: number }[] = [];
  if (n === 1 || shards < n) {
    dayIndices.forEach((d, i) => out.push({ unit: { dayIndex: d, shards: all }, producer: i % n }));
  } else {
    for (const d of dayIndices) {
      for (let p = 0; p < n; p++) out.push({ unit: { dayIndex: d, shards: all.filter((s) => dealtTo(s, n) === p) }, producer: p });
    }
  }
  return out;
}

/** The producer of shard `s` among `n`: back and forth, 0..n-1 then n-1..0. */
function dealtTo(s: number, n: number): number {
  const i = s % n;
  return Math.floor(s / n) % 2 === 0 ? i : n - 1 - i;
}

export class GenerationPlan {
  readonly sim: Simulation;
  readonly traffic: Traffic;
  readonly from: number;
  readonly to: number;
  readonly days: readonly string[];
  readonly shards: readonly PlannedShard[];

  constructor(readonly options: GenerateOptions) {
    // The plan drives shards itself: no traffic driver on the clock.
    const { sim, traffic, from, to } = buildGenerateWorld(options, { onClock: false });
    this.sim = sim;
    this.traffic = traffic;
    this.from = from;
    this.to = to;
    this.days = daysBetween(from, to);
    this.shards = sim.trafficShards(traffic).map((s, index) => ({ index, account: s.account, region: s.region }));
  }

  shardKey(shard: number, dayIndex: number): ShardKey {
    const s = this.shards[shard];
    return { accountId: s.account.id, region: s.region, day: this.days[dayIndex] };
  }

  units(producers: number, dayIndices: readonly number[] = this.days.map((_, i) => i)): { unit: WorkUnit; producer: number }[] {
    return planUnits(this.shards.length, producers, dayIndices);
  }

  /** Emits the records of `unit`, merged by (time, shard index), each shard in its own order. */
  produce(unit: WorkUnit, sink: RecordSink): number {
    const c = this.cursor(unit, sink);
    while (c.step(Infinity));
    return c.records;
  }

  /** The same, resumable: `step(n)` emits the records of about n more calls. */
  cursor(unit: WorkUnit, sink: RecordSink): UnitCursor {
    const day = this.days[unit.dayIndex];
    const lists: ShardCalls[] = unit.shards.map((i) => {
      const s = this.shards[i];
      const key: ShardKey = { accountId: s.account.id, region: s.region, day };
      const rng = this.sim.shardCallRng(this.traffic, key);
      return { intents: this.sim.shardIntents(this.traffic, s.account, s.region, day), head: 0, rng, region: s.region, shard: i };
    });
    return new UnitCursor(this.sim, lists, sink);
  }
}

/** One shard-day's planned calls and where the cursor is in them. */
interface ShardCalls {
  readonly intents: readonly CallIntent[];
  head: number;
  readonly rng: Random;
  readonly region: string;
  readonly shard: number;
}

export class UnitCursor {
  records = 0;

  constructor(private readonly sim: Simulation, private readonly lists: ShardCalls[], private readonly sink: RecordSink) {}

  /** Emits the records of up to `calls` more calls; false when the unit is done. */
  step(calls: number): boolean {
    const { lists, sink } = this;
    for (let done = 0; done < calls; done++) {
      // The earliest head; on a tie, the shard listed first (the driver's order).
      let best: ShardCalls | undefined;
      let bestTime = Infinity;
      for (let s = 0; s < lists.length; s++) {
        const l = lists[s];
        if (l.head < l.intents.length) {
          const t = l.intents[l.head].time;
          if (t < bestTime) {
            bestTime = t;
            best = l;
          }
        }
      }
      if (!best) return false;
      const it = best.intents[best.head++];
      for (const r of this.sim.buildIntent(it, best.region, best.rng)) {
        sink(it.time, best.shard, r);
        this.records++;
      }
    }
    return true;
  }
}
