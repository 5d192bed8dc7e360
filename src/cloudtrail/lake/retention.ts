/**
 * Event data store retention and billing modes.
 *
 * - `EXTENDABLE_RETENTION_PRICING` (the default): 7 to 3,653 days, default 366;
 *   `FIXED_RETENTION_PRICING`: 7 to 2,557 days, default 2,557
 *   (CreateEventDataStore `BillingMode` and `RetentionPeriod`, CloudTrail API reference).
 * - The billing mode may change from FIXED to EXTENDABLE, never back ("You cannot change the
 *   --billing-mode value from EXTENDABLE_RETENTION_PRICING to FIXED_RETENTION_PRICING",
 *   https://docs.aws.amazon.com/awscloudtrail/latest/userguide/lake-cli-update-eds.html).
 * - "CloudTrail Lake determines whether to retain an event by checking if the eventTime of
 *   the event is within the specified retention period ... CloudTrail will remove events when
 *   the eventTime is older than 90 days" (RetentionPeriod, same reference).
 *
 * Boundary (trailsim's reading of "older than"): an event whose age is exactly
 * `RetentionPeriod` days is still held; it is removed once its age exceeds that by any
 * amount (1 ms on the virtual clock). Age is `now - eventTime`, both in epoch ms.
 */
import { MS_PER_DAY } from '../../core/time.js';
import { InvalidParameterException } from './errors.js';

export type BillingMode = 'EXTENDABLE_RETENTION_PRICING' | 'FIXED_RETENTION_PRICING';

export const BILLING_MODES: readonly BillingMode[] = ['EXTENDABLE_RETENTION_PRICING', 'FIXED_RETENTION_PRICING'];

/** Retention bounds and defaults per billing mode, in days. */
export const RETENTION_LIMITS: Readonly<Record<BillingMode, { min: number; max: number; default: number }>> = {
  EXTENDABLE_RETENTION_PRICING: { min: 7, max: 3653, default: 366 },
  FIXED_RETENTION_PRICING: { min: 7, max: 2557, default: 2557 },
};

export const DEFAULT_BILLING_MODE: BillingMode = 'EXTENDABLE_RETENTION_PRICING';

export function validateBillingMode(mode: unknown): BillingMode {
  if (mode === 'EXTENDABLE_RETENTION_PRICING' || mode === 'FIXED_RETENTION_PRICING') return mode;
  throw new InvalidParameterException(`BillingMode must be one of ${BILLING_MODES.join(', ')}; got ${JSON.stringify(mode)}.`);
}

/** Throws InvalidParameterException unless `days` is a whole number inside the mode's bounds. */
export function validateRetention(days: unknown, mode: BillingMode): number {
  const { min, max } = RETENTION_LIMITS[mode];
  if (typeof days !== 'number' || !Number.isInteger(days) || days < min || days > max) {
    throw new InvalidParameterException(`RetentionPeriod must be an integer between ${min} and ${max} days when BillingMode is ${mode}; got ${JSON.stringify(days)}.`);
  }
  return days;
}

/** Throws InvalidParameterException for EXTENDABLE to FIXED. */
export function validateBillingModeChange(from: BillingMode, to: BillingMode): void {
  if (from === 'EXTENDABLE_RETENTION_PRICING' && to === 'FIXED_RETENTION_PRICING') {
    throw new InvalidParameterException('You cannot change the BillingMode of an event data store from EXTENDABLE_RETENTION_PRICING to FIXED_RETENTION_PRICING.');
  }
}

/** The oldest eventTime (epoch ms) a store with `days` of retention still holds at `now`. */
export function retentionCutoff(now: number, days: number): number {
  return now - days * MS_PER_DAY;
}

/** True while an event with `eventTime` is inside the retention period at `now` (boundary inclusive). */
export function isRetained(eventTime: number, now: number, days: number): boolean {
  return eventTime >= retentionCutoff(now, days);
}
