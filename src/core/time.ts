import { TrailsimInputError } from './errors.js';

/** An instant: epoch milliseconds, an ISO-8601 string, or a Date. */
export type Instant = number | string | Date;

/** Reads an instant into epoch milliseconds. */
export function toMillis(t: Instant, what = 'time'): number {
  const ms = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t instanceof Date ? t.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new TrailsimInputError(`Invalid ${what}: ${String(t)}. Use epoch milliseconds, an ISO-8601 string or a Date.`);
  return ms;
}

/** CloudTrail's eventTime: UTC, second precision, `YYYY-MM-DDTHH:MM:SSZ`. */
let lastSecond = NaN;
let lastText = '';
export function formatEventTime(ms: number): string {
  // Consecutive records usually share a second: reuse the last formatting.
  const sec = Math.floor(ms / 1000);
  if (sec !== lastSecond) {
    lastText = new Date(sec * 1000).toISOString().slice(0, 19) + 'Z';
    lastSecond = sec;
  }
  return lastText;
}

/** The UTC day of an instant, `YYYY-MM-DD`: the day part of a shard key. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export const MS_PER_DAY = 86_400_000;

/** Start of the UTC day holding `ms`. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}
