import type { Random } from '../core/random.js';
import { TrailsimInputError } from '../core/errors.js';

const HOUR = 3_600_000;

/** How the call rate varies over a day. */
export type RateProfile =
  | { kind: 'constant' }
  /** Sinusoidal day: peak at `peakHourUtc` (default 14), trough at `1 - amplitude` of the mean (amplitude default 0.6). */
  | { kind: 'diurnal'; peakHourUtc?: number; amplitude?: number }
  /** Mostly quiet with bursts: each hour is a burst hour with probability `burstProbability` (default 0.05), at `burstFactor` (default 8) times the base rate. */
  | { kind: 'bursty'; burstProbability?: number; burstFactor?: number };

/** Rate multiplier at time `t` (mean over a day ≈ 1 for constant and diurnal profiles). */
export function rateMultiplier(profile: RateProfile, t: number, hourRng?: (hourStart: number) => Random): number {
  return multiplierOf(profile, hourRng)(t);
}

/**
 * The profile's multiplier as a function of time, its parameters read once: a shard draws
 * hundreds of thousands of candidate arrivals against it.
 */
function multiplierOf(profile: RateProfile, hourRng?: (hourStart: number) => Random): (t: number) => number {
  switch (profile.kind) {
    case 'constant':
      return () => 1;
    case 'diurnal': {
      const peak = profile.peakHourUtc ?? 14;
      const amp = profile.amplitude ?? 0.6;
      return (t) => {
        const hour = (t % 86_400_000) / HOUR;
        return 1 + amp * Math.cos(((hour - peak) / 24) * 2 * Math.PI);
      };
    }
    case 'bursty': {
      const p = profile.burstProbability ?? 0.05;
      const f = profile.burstFactor ?? 8;
      // Keep the daily mean near the base rate: quiet hours run slightly below it.
      const quiet = (1 - p * f) / (1 - p) > 0.1 ? (1 - p * f) / (1 - p) : 0.1;
      // An hour's draw is asked for every candidate arrival in it (~8x the calls): kept for
      // the last hour asked (hourRng forks a stream of its own per hour: same answer).
      let hour = NaN;
      let burst = false;
      return (t) => {
        const hourStart = Math.floor(t / HOUR) * HOUR;
        if (hourStart !== hour) {
          hour = hourStart;
          burst = hourRng ? hourRng(hourStart).next() < p : false;
        }
        return burst ? f : quiet;
      };
    }
  }
}

/** Upper bound of `rateMultiplier` for thinning. */
export function maxMultiplier(profile: RateProfile): number {
  switch (profile.kind) {
    case 'constant': return 1;
    case 'diurnal': return 1 + (profile.amplitude ?? 0.6);
    case 'bursty': return Math.max(1, profile.burstFactor ?? 8);
  }
}

/**
 * Arrival times in [from, to) of a Poisson process whose rate is `perHour` × the profile's
 * multiplier: a homogeneous process at the peak rate, thinned (Lewis–Shedler) by the
 * profile. Deterministic for a given stream.
 */
export function poissonArrivals(rng: Random, from: number, to: number, perHour: number, profile: RateProfile, hourRng?: (hourStart: number) => Random): number[] {
  if (!(perHour >= 0) || !Number.isFinite(perHour)) throw new TrailsimInputError(`Rate must be a non-negative number of calls per hour; got ${perHour}.`);
  const out: number[] = [];
  if (perHour === 0) return out;
  const peak = (perHour * maxMultiplier(profile)) / HOUR;
  const multiplier = multiplierOf(profile, hourRng);
  let t = from;
  for (;;) {
    t += rng.exponential(peak);
    if (t >= to) break;
    const accept = (perHour * multiplier(t)) / HOUR / peak;
    if (accept >= 1 || rng.next() < accept) out.push(Math.floor(t));
  }
  return out;
}

/** Reads `'1000/h'`, `'20/m'`, `'5/s'`, `'2400/d'` or a number (per hour) into calls per hour. */
export function parseRate(rate: string | number): number {
  if (typeof rate === 'number') {
    if (!(rate >= 0) || !Number.isFinite(rate)) throw new TrailsimInputError(`Rate must be a non-negative number of calls per hour; got ${rate}.`);
    return rate;
  }
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(s|m|h|d))?\s*$/.exec(rate);
  if (!m) throw new TrailsimInputError(`Cannot read rate '${rate}': use e.g. '1000/h', '20/m', '5/s' or '2400/d'.`);
  const n = Number(m[1]);
  const unit = m[2] ?? 'h';
  return unit === 's' ? n * 3600 : unit === 'm' ? n * 60 : unit === 'd' ? n / 24 : n;
}
