/**
 * The union of all rules' non-exact conditions on one field path, indexed so that one event
 * value is evaluated once against all of them, at a cost that depends on the value and on the
 * number of *distinct* conditions it satisfies, not on how many rules use them:
 *   - prefixes and suffixes (plain and ignore-case) are kept sorted with prefix links: a binary
 *     search plus the matches;
 *   - equals-ignore-case is a hash lookup on a case-folded key;
 *   - wildcards are indexed by their literal head the same way, then checked with the linear
 *     matcher;
 *   - IP addresses are parsed once per value: one lookup for single addresses, a scan of the
 *     distinct CIDR ranges;
 *   - numeric ranges and anything-but conditions are scanned once per distinct condition
 *     (anything-but matches nearly every value, so its cost is that of the output anyway).
 * Exact values (strings, numbers, booleans, null) are not here: matchers look them up directly.
 *
 * Conditions equal by key share one entry, whose owners (the matcher's fields) all hit together.
 */

import { endsWithIgnoreCase, equalsIgnoreCase, foldKey, isPlainFoldPattern, startsWithIgnoreCase } from './casefold.js';
import { inIpRange, ipKey } from './cidr.js';
import { conditionKey } from './compile.js';
import { inRange } from './numeric.js';
import type { Condition, LeafValue } from './types.js';
import { matchWildcard, wildcardHead } from './wildcard.js';

/** Whether an anything-but condition accepts a value (given with its case-folded form, '' if not a string). */
type Accepts = (v: LeafValue, folded: string) => boolean;

interface Entry<T> {
  readonly key: string;
  readonly cond: Condition;
  readonly owners: T[];
  /** For anything-but conditions: whether a value is accepted. */
  readonly accepts: Accepts | null;
}

function valueOf(e: Entry<unknown>): string {
  return (e.cond as { value: string }).value;
}

function needsFold(c: Condition): boolean {
  return c.kind === 'anything-but-ignore-case' || c.kind === 'equals-ignore-case' || ((c.kind === 'prefix' || c.kind === 'suffix') && c.ignoreCase);
}

/**
 * Keys matched against a value's prefixes (or, with `fromEnd`, its suffixes).
 *
 * With few distinct key lengths, one hash lookup per length does. Otherwise the keys (reversed,
 * for suffixes) are kept sorted, each with a link to the longest other key that is a prefix of
 * it: every key that is a prefix of a value v is a prefix of k, the greatest key not above v
 * (a string between p and v, where p is a prefix of v, starts with p), so a lookup is one binary
 * search plus a walk up k's links, O(log n + matches), whatever the lengths.
 */
const FEW_LENGTHS = 6;

class AffixIndex<E> {
  /** Key as given → its entries. */
  private readonly byKey = new Map<string, E[]>();
  /** Key length → number of keys of that length, and the lengths in order. */
  private readonly lengthCount = new Map<number, number>();
  private lengths: number[] = [];
  /** For the sorted form: keys (reversed for suffixes) in order, the keys as given, prefix links. */
  private sorted: string[] = [];
  private original: string[] = [];
  private parent: Int32Array = new Int32Array(0);
  private dirty = false;

  constructor(private readonly fromEnd: boolean) {}

  get size(): number {
    return this.byKey.size;
  }

  add(key: string, e: E): void {
    const list = this.byKey.get(key);
    if (list) {
      list.push(e);
      return;
    }
    this.byKey.set(key, [e]);
    this.dirty = true;
    const n = this.lengthCount.get(key.length) ?? 0;
    this.lengthCount.set(key.length, n + 1);
    if (n === 0) this.lengths = [...this.lengthCount.keys()].sort((a, b) => a - b);
  }

  remove(key: string, e: E): void {
    const list = this.byKey.get(key);
    if (!list) return;
    const i = list.indexOf(e);
    if (i >= 0) list.splice(i, 1);
    if (list.length > 0) return;
    this.byKey.delete(key);
    this.dirty = true;
    const n = (this.lengthCount.get(key.length) ?? 1) - 1;
    if (n > 0) this.lengthCount.set(key.length, n);
    else {
      this.lengthCount.delete(key.length);
      this.lengths = [...this.lengthCount.keys()].sort((a, b) => a - b);
    }
  }

  private rebuild(): void {
    const pairs = [...this.byKey.keys()].map((k) => [this.fromEnd ? reverse(k) : k, k] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sorted = pairs.map(([n]) => n);
    const parent = new Int32Array(sorted.length);
    const stack: number[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const key = sorted[i] as string;
      while (stack.length > 0 && !key.startsWith(sorted[stack[stack.length - 1] as number] as string)) stack.pop();
      parent[i] = stack.length > 0 ? (stack[stack.length - 1] as number) : -1;
      stack.push(i);
    }
    this.sorted = sorted;
    this.original = pairs.map(([, k]) => k);
    this.parent = parent;
    this.dirty = false;
  }

  /** Appends to `out` every entry whose key is a prefix (suffix, for `fromEnd`) of `value`. */
  collect(value: string, out: E[]): void {
    if (this.byKey.size === 0) return;
    if (this.lengths.length <= FEW_LENGTHS) {
      const lengths = this.lengths;
      for (let j = 0; j < lengths.length; j++) {
        const len = lengths[j] as number;
        if (len > value.length) break;
        const part = len === value.length ? value : this.fromEnd ? value.slice(value.length - len) : value.slice(0, len);
        const list = this.byKey.get(part);
        if (list) for (let k = 0; k < list.length; k++) out.push(list[k] as E);
      }
      return;
    }
    if (this.dirty) this.rebuild();
    const s = this.fromEnd ? reverse(value) : value;
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as string) <= s) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (at >= 0) {
      if (s.startsWith(sorted[at] as string)) {
        const list = this.byKey.get(this.original[at] as string) as E[];
        for (let k = 0; k < list.length; k++) out.push(list[k] as E);
      }
      at = this.parent[at] as number;
    }
  }
}

function reverse(s: string): string {
  return s.length < 2 ? s : s.split('').reverse().join('');
}

function remove<E>(list: E[], e: E): void {
  const i = list.indexOf(e);
  if (i >= 0) list.splice(i, 1);
}

/** The anything-but test of a condition (null for other kinds). */
function anythingButTest(c: Condition): Accepts | null {
  switch (c.kind) {
    case 'anything-but': {
      const strings = new Set(c.strings);
      const numbers = new Set(c.numbers);
      return (v) => (typeof v === 'string' ? !strings.has(v) : typeof v === 'number' ? !numbers.has(v) : true);
    }
    case 'anything-but-ignore-case': {
      const plain = new Map<string, string[]>();
      const slow: string[] = [];
      for (const p of c.values) {
        if (isPlainFoldPattern(p)) {
          const k = foldKey(p);
          const list = plain.get(k);
          if (list) list.push(p);
          else plain.set(k, [p]);
        } else slow.push(p);
      }
      return (v, folded) => {
        if (typeof v !== 'string') return true;
        const candidates = plain.get(folded);
        if (candidates && candidates.some((p) => equalsIgnoreCase(p, v))) return false;
        return !slow.some((p) => equalsIgnoreCase(p, v));
      };
    }
    case 'anything-but-prefix':
      return (v) => typeof v !== 'string' || !c.values.some((p) => v.startsWith(p));
    case 'anything-but-suffix':
      return (v) => typeof v !== 'string' || !c.values.some((p) => v.endsWith(p));
    case 'anything-but-wildcard':
      return (v) => typeof v !== 'string' || !c.wildcards.some((w) => matchWildcard(w, v));
    default:
      return null;
  }
}

/** The index of one path's non-exact conditions; T is the owner (a matcher field). */
export class PathIndex<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly prefix = new AffixIndex<Entry<T>>(false);
  private readonly suffix = new AffixIndex<Entry<T>>(true);
  private readonly prefixFold = new AffixIndex<Entry<T>>(false);
  private readonly suffixFold = new AffixIndex<Entry<T>>(true);
  private readonly equalsFold = new Map<string, Entry<T>[]>();
  /** Ignore-case conditions whose pattern folds irregularly: checked against every string. */
  private readonly foldSlow: Entry<T>[] = [];
  private readonly wildcards = new AffixIndex<Entry<T>>(false);
  private readonly ipSingle = new Map<string, Entry<T>>();
  private readonly ipRanges: Entry<T>[] = [];
  private readonly numeric: Entry<T>[] = [];
  private readonly anythingBut: Entry<T>[] = [];
  private exists: Entry<T> | null = null;
  /** Entries that need a value's case-folded form. */
  private foldUsers = 0;
  private readonly scratch: Entry<T>[] = [];
  private readonly candidates: Entry<T>[] = [];

  get isEmpty(): boolean {
    return this.entries.size === 0;
  }

  add(cond: Condition, owner: T): void {
    const key = conditionKey(cond);
    let e = this.entries.get(key);
    if (!e) {
      e = { key, cond, owners: [], accepts: anythingButTest(cond) };
      this.entries.set(key, e);
      this.place(e, true);
      if (needsFold(cond)) this.foldUsers++;
    }
    e.owners.push(owner);
  }

  remove(cond: Condition, owner: T): void {
    const key = conditionKey(cond);
    const e = this.entries.get(key);
    if (!e) return;
    remove(e.owners, owner);
    if (e.owners.length === 0) {
      this.entries.delete(key);
      this.place(e, false);
      if (needsFold(cond)) this.foldUsers--;
    }
  }

  /** Adds an entry to, or removes it from, the structure its kind is indexed in. */
  private place(e: Entry<T>, add: boolean): void {
    const c = e.cond;
    const affix = (index: AffixIndex<Entry<T>>, key: string): void => (add ? index.add(key, e) : index.remove(key, e));
    const list = (l: Entry<T>[]): void => (add ? void l.push(e) : remove(l, e));
    switch (c.kind) {
      case 'prefix':
      case 'suffix': {
        if (!c.ignoreCase) affix(c.kind === 'prefix' ? this.prefix : this.suffix, c.value);
        else if (isPlainFoldPattern(c.value)) affix(c.kind === 'prefix' ? this.prefixFold : this.suffixFold, foldKey(c.value));
        else list(this.foldSlow);
        break;
      }
      case 'equals-ignore-case': {
        if (!isPlainFoldPattern(c.value)) {
          list(this.foldSlow);
          break;
        }
        const k = foldKey(c.value);
        let l = this.equalsFold.get(k);
        if (!l) this.equalsFold.set(k, (l = []));
        list(l);
        if (l.length === 0) this.equalsFold.delete(k);
        break;
      }
      case 'wildcard':
        affix(this.wildcards, wildcardHead(c.wildcard));
        break;
      case 'ip':
        if (c.range.lo === c.range.hi) {
          if (add) this.ipSingle.set(c.range.lo, e);
          else this.ipSingle.delete(c.range.lo);
        } else list(this.ipRanges);
        break;
      case 'numeric':
        list(this.numeric);
        break;
      case 'exists':
        // exists:false is an absence, handled by the matcher, not a value condition.
        if (c.exists) this.exists = add ? e : null;
        break;
      case 'equals':
        break; // looked up directly by matchers
      default:
        list(this.anythingBut);
    }
  }

  /** Calls `hit(owner, leaf)` for every owner with a condition matched by `values[leaf]`. */
  evaluate(values: readonly LeafValue[], count: number, hit: (owner: T, leaf: number) => void): void {
    const found = this.scratch;
    for (let i = 0; i < count; i++) {
      const v = values[i] as LeafValue;
      found.length = 0;
      if (this.exists !== null) found.push(this.exists);
      const folded = typeof v === 'string' && this.foldUsers > 0 ? foldKey(v) : '';
      const ab = this.anythingBut;
      for (let k = 0; k < ab.length; k++) {
        const e = ab[k] as Entry<T>;
        if ((e.accepts as Accepts)(v, folded)) found.push(e);
      }
      if (typeof v === 'string') this.strings(v, folded, found);
      else if (typeof v === 'number') {
        const numeric = this.numeric;
        for (let k = 0; k < numeric.length; k++) {
          const e = numeric[k] as Entry<T>;
          if (e.cond.kind === 'numeric' && inRange(e.cond.range, v)) found.push(e);
        }
      }
      for (let k = 0; k < found.length; k++) {
        const owners = (found[k] as Entry<T>).owners;
        for (let o = 0; o < owners.length; o++) hit(owners[o] as T, i);
      }
    }
  }

  /** The string conditions a string value satisfies, appended to `found`. */
  private strings(v: string, folded: string, found: Entry<T>[]): void {
    if (this.prefix.size) this.prefix.collect(v, found);
    if (this.suffix.size) this.suffix.collect(v, found);
    const candidates = this.candidates;
    if (this.prefixFold.size || this.suffixFold.size) {
      candidates.length = 0;
      this.prefixFold.collect(folded, candidates);
      for (const e of candidates) if (startsWithIgnoreCase(valueOf(e), v)) found.push(e);
      candidates.length = 0;
      this.suffixFold.collect(folded, candidates);
      for (const e of candidates) if (endsWithIgnoreCase(valueOf(e), v)) found.push(e);
    }
    if (this.equalsFold.size) {
      const l = this.equalsFold.get(folded);
      if (l) for (const e of l) if (equalsIgnoreCase(valueOf(e), v)) found.push(e);
    }
    for (const e of this.foldSlow) {
      const c = e.cond;
      const p = valueOf(e);
      const ok = c.kind === 'prefix' ? startsWithIgnoreCase(p, v) : c.kind === 'suffix' ? endsWithIgnoreCase(p, v) : equalsIgnoreCase(p, v);
      if (ok) found.push(e);
    }
    if (this.wildcards.size) {
      candidates.length = 0;
      this.wildcards.collect(v, candidates);
      for (const e of candidates) if (e.cond.kind === 'wildcard' && matchWildcard(e.cond.wildcard, v)) found.push(e);
    }
    if (this.ipSingle.size > 0 || this.ipRanges.length > 0) {
      const key = ipKey(v);
      if (key !== null) {
        const single = this.ipSingle.get(key);
        if (single) found.push(single);
        for (const e of this.ipRanges) if (e.cond.kind === 'ip' && inIpRange(e.cond.range, key)) found.push(e);
      }
    }
  }
}
