import { InvalidTimeError } from './errors.js';

export { InvalidTimeError };

/** An instant: epoch milliseconds, an ISO-8601 string, or a Date. */
export type Instant = number | string | Date;

// ISO-8601 / RFC 3339 as people type it: a date, optionally a time (after T or one space)
// with a zone (Z or ±HH:MM / ±HHMM / ±HH). `Date.parse` alone is not used: it rolls
// 2026-02-30 over to 2026-03-02, and reads a date-time without a zone in the machine's local
// time zone, so one script would simulate different instants on different machines.
const ISO = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/** The valid range of a JavaScript Date (ECMA-262 §21.4.1.1), in epoch milliseconds. */
const MAX_MS = 8.64e15;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

/**
 * Reads an ISO-8601 date (`2026-03-01`, UTC midnight) or date-time with a zone
 * (`2026-03-01T09:30:00Z`, `2026-03-01 09:30+02:00`) strictly: every field in range (no 30
 * February, no 24:00, no leap second) and a zone on every date-time. Returns epoch
 * milliseconds, or the reason it cannot, as a sentence.
 */
export function parseIsoTime(text: string): number | string {
  const m = ISO.exec(text.trim());
  if (!m) return `'${text}' is not an ISO-8601 date or date-time.`;
  const [, ys, mos, ds, hs, mis, ss, frac, z, sign, ohs, oms] = m;
  const y = Number(ys), mo = Number(mos), d = Number(ds);
  if (mo < 1 || mo > 12) return `'${text}': there is no month ${mos}.`;
  const dim = daysInMonth(y, mo);
  if (d < 1 || d > dim) return `'${text}': ${ys}-${mos} has no day ${ds} (it has ${dim} days).`;
  let ms: number;
  if (hs === undefined) {
    ms = utc(y, mo, d);
  } else {
    const h = Number(hs), mi = Number(mis), s = ss === undefined ? 0 : Number(ss);
    if (h > 23) return `'${text}': there is no hour ${hs} (00-23).`;
    if (mi > 59) return `'${text}': there is no minute ${mis} (00-59).`;
    if (s > 59) return `'${text}': there is no second ${ss} (00-59).`;
    if (z === undefined && sign === undefined) return `'${text}' has no time zone: add Z for UTC ('${text.trim()}Z') or an offset such as +02:00.`;
    let offset = 0;
    if (sign !== undefined) {
      const oh = Number(ohs), om = oms === undefined ? 0 : Number(oms);
      if (oh > 23 || om > 59) return `'${text}': ${sign}${ohs}${oms === undefined ? '' : ':' + oms} is not a UTC offset.`;
      offset = (sign === '+' ? 1 : -1) * (oh * 60 + om) * 60_000;
    }
    const milli = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
    ms = utc(y, mo, d, h, mi, s, milli) - offset;
  }
  if (!(Math.abs(ms) <= MAX_MS)) return `'${text}' is outside the range of a Date.`;
  return ms;
}

/** Epoch milliseconds of an instant, or the reason it is not one. */
export function readInstant(t: unknown): number | string {
  if (typeof t === 'number') return Number.isFinite(t) && Math.abs(t) <= MAX_MS ? t : `${String(t)} is not a time in epoch milliseconds.`;
  if (typeof t === 'string') return parseIsoTime(t);
  if (t instanceof Date) return Number.isFinite(t.getTime()) ? t.getTime() : 'the Date is invalid (Invalid Date).';
  return `${t === null ? 'null' : typeof t} is not a time.`;
}

const HINT = 'Use an ISO-8601 date or date-time with a zone (2026-03-01, 2026-03-01T09:30:00Z), epoch milliseconds, or a valid Date.';

/** Reads an instant into epoch milliseconds; anything else throws `InvalidTimeError` naming `what`. */
export function toMillis(t: Instant, what = 'time'): number {
  const ms = readInstant(t);
  if (typeof ms === 'string') throw new InvalidTimeError(`Invalid ${what}: ${ms} ${HINT}`);
  return ms;
}

/** Two-digit zero-padded numbers 00-59: eventTime is formatted on the per-record hot path. */
const TWO: readonly string[] = Array.from({ length: 60 }, (_, i) => (i < 10 ? '0' : '') + i);

// The last day formatted (`YYYY-MM-DD`, from Date so every year is written as Date
// writes it) and the last second: consecutive records share both.
let lastDayNumber = NaN;
let lastDayText = '';
let lastSecond = NaN;
let lastText = '';

function dayText(day: number): string {
  if (day !== lastDayNumber) {
    lastDayText = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    lastDayNumber = day;
  }
  return lastDayText;
}

/** CloudTrail's eventTime: UTC, second precision, `YYYY-MM-DDTHH:MM:SSZ`. */
export function formatEventTime(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec !== lastSecond) {
    const day = Math.floor(sec / 86_400);
    const s = sec - day * 86_400;
    const h = Math.floor(s / 3600);
    const m = Math.floor((s - h * 3600) / 60);
    lastText = dayText(day) + 'T' + TWO[h] + ':' + TWO[m] + ':' + TWO[s - h * 3600 - m * 60] + 'Z';
    lastSecond = sec;
  }
  return lastText;
}

/** The UTC day of an instant, `YYYY-MM-DD`: the day part of a shard key. */
export function utcDay(ms: number): string {
  return dayText(Math.floor(ms / MS_PER_DAY));
}

export const MS_PER_DAY = 86_400_000;

/** Start of the UTC day holding `ms`. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}
