import { cidrRange, parseIp } from './vocabulary.js';

/**
 * A single pattern condition against a single event value, as trailsim's matcher (and
 * EventBridge) decide it, for the vocabulary of ./vocabulary.ts. This is what the generator
 * uses to know which values satisfy or violate a field; the arbitrary's own tests compare
 * the resulting events with `testEventPattern` and `createMatcher`, so a disagreement shows.
 */

export type Leaf = string | number | boolean | null;
export type JsonValue = Leaf | JsonValue[] | { [key: string]: JsonValue };

const lower = (s: string) => s.toLowerCase();

/** `*` matches any run of characters (generated wildcards have no escapes). */
export function globMatch(pattern: string, s: string): boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return s === pattern;
  const head = pieces[0];
  const tail = pieces[pieces.length - 1];
  if (s.length < head.length + tail.length || !s.startsWith(head) || !s.endsWith(tail)) return false;
  let at = head.length;
  const end = s.length - tail.length;
  for (const p of pieces.slice(1, -1)) {
    const i = s.indexOf(p, at);
    if (i < 0 || i + p.length > end) return false;
    at = i + p.length;
  }
  return true;
}

function ignoreCaseArg(a: JsonValue): string | null {
  return a !== null && typeof a === 'object' && !Array.isArray(a) && typeof a['equals-ignore-case'] === 'string' ? (a['equals-ignore-case'] as string) : null;
}

function sameIp(a: string, b: string): boolean | null {
  const x = parseIp(a);
  const y = parseIp(b);
  if (!x || !y) return null;
  return x.v6 === y.v6 && x.n === y.n;
}

/** Whether a condition that is not `{"exists": false}` accepts one present value. */
export function accepts(cond: JsonValue, v: Leaf): boolean {
  if (typeof cond === 'string') {
    if (typeof v !== 'string') return false;
    return sameIp(cond, v) ?? cond === v;
  }
  if (cond === null || typeof cond !== 'object') return v === cond;
  if (Array.isArray(cond)) throw new Error('evaluate: a condition is never an array');
  const [op, arg] = Object.entries(cond)[0];
  const str = typeof v === 'string' ? v : null;
  switch (op) {
    case 'prefix': {
      const ic = ignoreCaseArg(arg);
      return str !== null && (ic !== null ? lower(str).startsWith(lower(ic)) : str.startsWith(arg as string));
    }
    case 'suffix': {
      const ic = ignoreCaseArg(arg);
      return str !== null && (ic !== null ? lower(str).endsWith(lower(ic)) : str.endsWith(arg as string));
    }
    case 'equals-ignore-case':
      return str !== null && lower(str) === lower(arg as string);
    case 'wildcard':
      return str !== null && globMatch(arg as string, str);
    case 'exists':
      return arg === true;
    case 'cidr': {
      const ip = str === null ? null : parseIp(str);
      const r = cidrRange(arg as string);
      return ip !== null && ip.v6 === r.v6 && ip.n >= r.lo && ip.n <= r.hi;
    }
    case 'numeric': {
      if (typeof v !== 'number' || Math.abs(v) > 5e9) return false;
      const ops = arg as (string | number)[];
      for (let i = 0; i < ops.length; i += 2) {
        const n = ops[i + 1] as number;
        const ok = { '<': v < n, '<=': v <= n, '>': v > n, '>=': v >= n, '=': v === n }[ops[i] as '<' | '<=' | '>' | '>=' | '='];
        if (!ok) return false;
      }
      return true;
    }
    case 'anything-but': {
      if (arg !== null && typeof arg === 'object' && !Array.isArray(arg)) {
        const [kind, list] = Object.entries(arg)[0];
        const xs = (Array.isArray(list) ? list : [list]) as string[];
        if (str === null) return true;
        if (kind === 'prefix') return !xs.some((x) => str.startsWith(x));
        if (kind === 'suffix') return !xs.some((x) => str.endsWith(x));
        if (kind === 'wildcard') return !xs.some((x) => globMatch(x, str));
        return !xs.some((x) => lower(x) === lower(str));
      }
      const xs = Array.isArray(arg) ? arg : [arg];
      return !xs.some((x) => x === v);
    }
    default:
      throw new Error(`evaluate: operator ${op} is not generated`);
  }
}

export function isExistsFalse(cond: JsonValue): boolean {
  return cond !== null && typeof cond === 'object' && !Array.isArray(cond) && cond.exists === false;
}

/** A field's state in an event: absent, or one or more values (an array of values). */
export type FieldState = { readonly absent: true } | { readonly absent: false; readonly values: readonly Leaf[]; readonly array: boolean };

/** Whether a field (its list of conditions, any of which may match) holds for a state. */
export function fieldHolds(conditions: readonly JsonValue[], state: FieldState): boolean {
  if (state.absent) return conditions.some(isExistsFalse);
  return state.values.some((v) => conditions.some((c) => !isExistsFalse(c) && accepts(c, v)));
}
