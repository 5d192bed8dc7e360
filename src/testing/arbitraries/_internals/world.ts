import { TrailsimInputError } from '../../../core/errors.js';
import { toMillis, type Instant } from '../../../core/time.js';
import { assertRegion } from '../../../world/regions.js';
import type { PopulateConstraints } from '../../../world/world.js';

/** Accounts made for one record or principal are bare: resources are made up per call, and faker's world-building is skipped. */
export const BARE_WORLD: Readonly<Required<PopulateConstraints>> = Object.freeze({ buckets: 0, objectsPerBucket: 0, instances: 0, functions: 0, tables: 0 });

/** The default starting resources of a generated simulation's accounts: a few of each, cheap to build. */
export const SMALL_WORLD: Readonly<Required<PopulateConstraints>> = Object.freeze({ buckets: 1, objectsPerBucket: 2, instances: 1, functions: 1, tables: 1 });

export const DAY = 86_400_000;
export const DEFAULT_START = '2026-01-01T00:00:00Z';

/** The time window of a constraint bag, checked. */
export function timeWindow(minTime: Instant | undefined, maxTime: Instant | undefined, defaultSpan: number): { min: number; max: number } {
  const min = toMillis(minTime ?? DEFAULT_START, 'minTime');
  const max = maxTime === undefined ? min + defaultSpan : toMillis(maxTime, 'maxTime');
  if (max < min) throw new TrailsimInputError(`maxTime (${new Date(max).toISOString()}) is before minTime (${new Date(min).toISOString()}).`);
  return { min, max };
}

/** The regions of a constraint bag, checked. */
export function regionList(regions: readonly string[] | undefined, dflt: readonly string[]): readonly string[] {
  const out = regions ?? dflt;
  if (out.length === 0) throw new TrailsimInputError('regions is empty; name at least one region.');
  for (const r of out) assertRegion(r);
  return out;
}
