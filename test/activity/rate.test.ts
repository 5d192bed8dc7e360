import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Random } from '../../src/core/random.js';
import { maxMultiplier, poissonArrivals, rateMultiplier, type RateProfile } from '../../src/activity/rate.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Lewis–Shedler thinning written plainly from rateMultiplier: what poissonArrivals must return for every profile. */
function reference(rng: Random, from: number, to: number, perHour: number, profile: RateProfile, hourRng?: (h: number) => Random): number[] {
  const out: number[] = [];
  if (perHour === 0) return out;
  const peak = (perHour * maxMultiplier(profile)) / HOUR;
  for (let t = from; ; ) {
    t += rng.exponential(peak);
    if (t >= to) break;
    const accept = (perHour * rateMultiplier(profile, t, hourRng)) / HOUR / peak;
    if (accept >= 1 || rng.next() < accept) out.push(Math.floor(t));
  }
  return out;
}

describe('poissonArrivals', () => {
  it('gives exactly the thinning of rateMultiplier, for every profile kind and parameter', () => {
    const profileArb: fc.Arbitrary<RateProfile> = fc.oneof(
      fc.constant<RateProfile>({ kind: 'constant' }),
      fc.constant<RateProfile>({ kind: 'diurnal' }),
      fc.record({ kind: fc.constant('diurnal' as const), peakHourUtc: fc.integer({ min: 0, max: 23 }), amplitude: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('bursty' as const), burstProbability: fc.double({ min: 0, max: 0.5, noNaN: true }), burstFactor: fc.integer({ min: 1, max: 12 }) }),
    );
    fc.assert(
      fc.property(profileArb, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 3 }), fc.string(), (profile, perHour, days, seed) => {
        const from = Date.UTC(2026, 0, 1) + days * DAY;
        const hourRng = (h: number) => new Random(seed, ['hour', String(h)]);
        const got = poissonArrivals(new Random(seed, ['a']), from, from + DAY / 4, perHour, profile, hourRng);
        expect(got).toEqual(reference(new Random(seed, ['a']), from, from + DAY / 4, perHour, profile, hourRng));
      }),
      { numRuns: 60 },
    );
  });

  it('follows the diurnal shape: more calls at the peak hour than at the trough', () => {
    const from = Date.UTC(2026, 0, 1);
    const ts = poissonArrivals(new Random(7), from, from + 20 * DAY, 600, { kind: 'diurnal', peakHourUtc: 14, amplitude: 0.6 });
    const at = (h: number) => ts.filter((t) => Math.floor((t % DAY) / HOUR) === h).length;
    expect(ts.length / 20 / 24).toBeGreaterThan(550);
    expect(ts.length / 20 / 24).toBeLessThan(650);
    expect(at(14) / at(2)).toBeGreaterThan(2.5);
  });
});
