import { InvalidDurationError } from './errors.js';

/** A span of virtual time: milliseconds, or text such as `'5m'`, `'7d'`, `'1h30m'`, `'250ms'`. */
export type Duration = number | string;

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/y;

/** Reads a duration into milliseconds; throws `InvalidDurationError` on anything else. */
export function parseDuration(d: Duration): number {
  if (typeof d === 'number') {
    if (!Number.isFinite(d) || d < 0) throw new InvalidDurationError(`Duration must be a finite, non-negative number of milliseconds; got ${d}.`);
    return d;
  }
  if (typeof d !== 'string') throw new InvalidDurationError(`Duration must be a number of milliseconds or a string such as '5m'; got ${typeof d}.`);
  const text = d.trim();
  if (text === '') throw new InvalidDurationError(`Duration is empty; use e.g. '5m', '7d', '1h30m' or a number of milliseconds.`);
  let total = 0;
  PART.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    PART.lastIndex = pos;
    const m = PART.exec(text);
    if (!m) throw new InvalidDurationError(`Cannot read duration '${d}': expected parts like 250ms, 30s, 5m, 2h, 7d or 1w (e.g. '1h30m').`);
    total += Number(m[1]) * UNIT_MS[m[2]];
    pos = PART.lastIndex;
  }
  return Math.round(total);
}
