/**
 * Numbers in event patterns.
 *
 * EventBridge's numeric matching (and numeric anything-but) is limited to values between
 * -5.0e9 and +5.0e9 inclusive, with at most 6 digits after the decimal point (event-ruler
 * README "Numeric matching"; ComparableNumber). Pattern numbers outside those limits are
 * rejected with event-ruler's messages; plain numbers in a value list that are outside them
 * still match by exact value (event-ruler keeps the literal match and drops the numeric one).
 *
 * Event values are compared as IEEE doubles; event-ruler compares them after scaling to
 * micro-units, so two event values that differ only beyond the 6th decimal may compare
 * differently here (noted in the README of this folder's tests).
 */

export const NUMERIC_LIMIT = 5e9;
export const MAX_DECIMALS = 6;

/** Thrown with event-ruler's message when a number cannot be used in a numeric comparison. */
export class NumericRangeError extends Error {
  override name = 'NumericRangeError';
}

/** A JSON number literal as exact decimal: value = (neg ? -1 : 1) * digits * 10^exp. */
interface Decimal {
  readonly neg: boolean;
  /** Significant digits without leading or trailing zeros ('' for zero). */
  readonly digits: string;
  readonly exp: number;
}

function parseDecimal(text: string): Decimal {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) throw new NumericRangeError(`Not a number: ${text}`);
  const neg = m[1] === '-';
  const int = m[2] as string;
  const frac = m[3] ?? '';
  let exp = Number(m[4] ?? '0') - frac.length;
  let digits = (int + frac).replace(/^0+/, '');
  const trimmed = digits.replace(/0+$/, '');
  exp += digits.length - trimmed.length;
  digits = trimmed;
  return { neg, digits, exp: digits === '' ? 0 : exp };
}

/** Java BigDecimal.toString() of a stripped decimal (used verbatim in one event-ruler message). */
function bigDecimalString(d: Decimal): string {
  if (d.digits === '') return '0';
  const scale = -d.exp;
  const adjusted = -scale + (d.digits.length - 1);
  const sign = d.neg ? '-' : '';
  if (scale >= 0 && adjusted >= -6) {
    if (scale === 0) return sign + d.digits;
    const pad = d.digits.padStart(scale + 1, '0');
    return `${sign}${pad.slice(0, pad.length - scale)}.${pad.slice(pad.length - scale)}`;
  }
  const rest = d.digits.length > 1 ? `.${d.digits.slice(1)}` : '';
  return `${sign}${d.digits[0]}${rest}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
}

/** Java Double.toHexString(). */
function doubleToHexString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? '-' : '';
  const expBits = (hi >>> 20) & 0x7ff;
  const mant = ((hi & 0xfffff).toString(16).padStart(5, '0') + lo.toString(16).padStart(8, '0')).replace(/0+$/, '') || '0';
  if (expBits === 0) {
    if (mant === '0') return `${sign}0x0.0p0`;
    return `${sign}0x0.${mant}p-1022`;
  }
  return `${sign}0x1.${mant}p${expBits - 1023}`;
}

/** A decimal with more than 6 places rounded to 6, half up (BigDecimal.setScale(6, HALF_UP)), as a double. */
function roundedToSixPlaces(d: Decimal): number {
  const n = d.digits.length;
  const cut = -(d.exp + MAX_DECIMALS); // digits to drop, > 0 here
  const keep = cut < n ? d.digits.slice(0, n - cut) : '';
  const firstDropped = cut <= n ? (d.digits[n - cut] as string) : '0';
  const micros = BigInt(keep || '0') + (firstDropped >= '5' ? 1n : 0n);
  return Number(`${d.neg ? '-' : ''}${micros}e-6`);
}

/**
 * Checks that a pattern number can take part in numeric matching, as ComparableNumber.generate
 * does: at most 6 decimals, then within ±5e9. Returns the number's value.
 */
export function comparableNumber(text: string): number {
  const d = parseDecimal(text);
  if (d.exp < -MAX_DECIMALS) {
    throw new NumericRangeError(
      `Only values upto 6 decimals are supported${bigDecimalString(d)} ${text} ${doubleToHexString(roundedToSixPlaces(d))}`,
    );
  }
  const value = Number(text);
  if (!(Math.abs(value) <= NUMERIC_LIMIT) || exceedsLimit(d)) {
    throw new NumericRangeError('Value must be between -5.0E9 and 5.0E9, inclusive');
  }
  return value;
}

/** Exact comparison of |d| with 5e9 (Number() could round a long literal onto the limit). */
function exceedsLimit(d: Decimal): boolean {
  if (d.digits === '') return false;
  const magnitude = d.digits.length + d.exp; // number of integer digits
  if (magnitude !== 10) return magnitude > 10;
  const padded = d.digits.padEnd(Math.max(d.digits.length, 10), '0');
  return padded > '5'.padEnd(padded.length, '0');
}

/** A number usable both in numeric matching and as an exact value, or null when only the exact match applies. */
export function tryComparableNumber(text: string): number | null {
  try {
    return comparableNumber(text);
  } catch {
    return null;
  }
}

/** A closed/open interval of doubles; `=` is [x, x]. */
export interface NumericRange {
  readonly lo: number;
  readonly loOpen: boolean;
  readonly hi: number;
  readonly hiOpen: boolean;
}

/**
 * Builds a range as event-ruler's Range does: a missing bound is ±5e9, the bottom must be below
 * the top ("Bottom must be less than top"), then both bounds must be comparable numbers.
 */
export function numericRange(lo: string | null, loOpen: boolean, hi: string | null, hiOpen: boolean): NumericRange {
  const loText = lo ?? '-5E9';
  const hiText = hi ?? '5E9';
  if (Number(loText) >= Number(hiText)) throw new NumericRangeError('Bottom must be less than top');
  return { lo: comparableNumber(loText), loOpen, hi: comparableNumber(hiText), hiOpen };
}

/** Whether an event value (already known to be a number) lies in the range. */
export function inRange(r: NumericRange, x: number): boolean {
  if (!(x >= -NUMERIC_LIMIT && x <= NUMERIC_LIMIT)) return false;
  if (r.loOpen ? !(x > r.lo) : !(x >= r.lo)) return false;
  return r.hiOpen ? x < r.hi : x <= r.hi;
}
