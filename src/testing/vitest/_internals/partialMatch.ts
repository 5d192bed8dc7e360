import { isAsymmetric } from './format.js';

/**
 * Partial deep matching of a query against a value, leaf by leaf, so a failure can name each
 * field that differs. A query is an object whose keys may be dotted paths
 * (`'userIdentity.type'`, `'resources[0].ARN'`); object values match a subset of the received
 * object's keys; arrays match element by element and must have the same length; a RegExp
 * matches strings; a function is a predicate; jest/vitest asymmetric matchers are honoured;
 * `undefined` means the field is absent.
 */

export type Segment = string | number;

export interface Mismatch {
  readonly path: string;
  readonly expected: unknown;
  readonly received: unknown;
  /** What differs beyond the value itself, e.g. "array length 1, received 2". */
  readonly note?: string;
}

/** Splits `a.b[0].c` into ['a', 'b', 0, 'c']. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1] !== '') out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function formatPath(path: readonly Segment[]): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s === '' ? seg : `.${seg}`;
  return s;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || isAsymmetric(v) || v instanceof RegExp) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function get(v: unknown, seg: Segment): unknown {
  if (v === null || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) return typeof seg === 'number' || /^\d+$/.test(seg) ? v[Number(seg)] : undefined;
  return Object.hasOwn(v, seg) ? (v as Record<string, unknown>)[seg] : undefined;
}

/** The value at a path (undefined when any step is missing). */
export function valueAt(v: unknown, path: readonly Segment[]): unknown {
  let cur = v;
  for (const seg of path) cur = get(cur, seg);
  return cur;
}

function leafMatches(expected: unknown, received: unknown): boolean {
  if (isAsymmetric(expected)) return expected.asymmetricMatch(received);
  if (expected instanceof RegExp) return typeof received === 'string' && new RegExp(expected.source, expected.flags.replace('g', '')).test(received);
  if (typeof expected === 'function') return Boolean((expected as (x: unknown) => unknown)(received));
  return Object.is(expected, received);
}

function compare(expected: unknown, received: unknown, path: Segment[], out: Mismatch[]): void {
  if (isPlainObject(expected)) {
    if (!isPlainObject(received)) {
      // Report each expected leaf as missing rather than one opaque object mismatch.
      if (received === undefined || received === null) {
        for (const [k, v] of Object.entries(expected)) compare(v, undefined, [...path, ...parsePath(k)], out);
        return;
      }
      out.push({ path: formatPath(path), expected, received, note: 'expected an object' });
      return;
    }
    for (const [k, v] of Object.entries(expected)) {
      const sub = parsePath(k);
      compare(v, valueAt(received, sub), [...path, ...sub], out);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(received)) {
      out.push({ path: formatPath(path), expected, received, note: 'expected an array' });
      return;
    }
    if (received.length !== expected.length) {
      out.push({ path: formatPath(path), expected, received, note: `array length ${expected.length}, received ${received.length}` });
      return;
    }
    expected.forEach((e, i) => compare(e, received[i], [...path, i], out));
    return;
  }
  if (!leafMatches(expected, received)) out.push({ path: formatPath(path), expected, received });
}

/** The leaves of `query` that `value` does not match; empty when it matches. */
export function mismatches(query: object, value: unknown): Mismatch[] {
  const out: Mismatch[] = [];
  compare(query, value, [], out);
  return out;
}

/** Number of leaves a query checks (for "1 of 3 fields differ"). */
export function leafCount(query: unknown): number {
  if (isPlainObject(query)) return Object.values(query).reduce<number>((n, v) => n + leafCount(v), 0);
  if (Array.isArray(query)) return query.reduce<number>((n, v) => n + leafCount(v), 0) || 1;
  return 1;
}
