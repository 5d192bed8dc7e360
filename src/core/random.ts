/**
 * Seeded randomness. One seed; every consumer draws from a named stream derived by
 * hashing the seed and the stream's path (e.g. seed / account / region / "activity" /
 * day). A stream's values depend only on its path, never on how much any other stream
 * was used: that is what lets one shard be generated alone and equal the same shard of
 * a full run. The generator is sfc32 (fast, 128-bit state, passes PractRand to 2^40+);
 * the path hash is a 4 x 32-bit murmur3-style mix.
 */

const ALNUM_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
/** Character codes of the lower-case hex digits: uuid() is on the per-record hot path. */
const HEX_CODE: readonly number[] = Array.from(HEX, (c) => c.charCodeAt(0));

function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 128-bit string hash's character loop over `text`, continuing from (and updating) the four-word state `st`. */
function absorb(st: number[], text: string): void {
  let h1 = st[0], h2 = st[1], h3 = st[2], h4 = st[3];
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  st[0] = h1;
  st[1] = h2;
  st[2] = h3;
  st[3] = h4;
}

/** A seed: any integer or string. */
export type Seed = number | string;

const SEP = '\u001f';

/** The stream fork() is making a child of, handed to the constructor (read and cleared at once). */
let forking: Random | undefined;

/** A named, seeded random stream. */
export class Random {
  /** The stream's path from the root seed, e.g. `["42", "account", "123456789012"]`. */
  readonly path: readonly string[];
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * The path hash before its final mix: a fork continues it with the child's names instead
   * of hashing the whole path again (forks are made per session slot, session and shard).
   */
  private readonly absorbed: number[];

  constructor(seed: Seed, path: readonly string[] = []) {
    const parent = forking;
    forking = undefined;
    if (parent) {
      // From fork(): `path` is the parent's whole path plus the names; hash only the names.
      this.path = path;
      this.absorbed = parent.absorbed.slice();
      for (let i = parent.path.length; i < path.length; i++) absorb(this.absorbed, SEP + path[i]);
    } else {
      this.path = [String(seed), ...path];
      this.absorbed = [0x9e3779b9, 0x243f6a88, 0xb7e15162, 0xdeadbeef];
      absorb(this.absorbed, this.path.join(SEP));
    }
    const st = this.absorbed;
    // The hash's final mix of the absorbed state, written straight into the stream's words.
    const h1 = Math.imul(st[2] ^ (st[0] >>> 18), 597399067);
    const h2 = Math.imul(st[3] ^ (st[1] >>> 22), 2869860233);
    const h3 = Math.imul(h1 ^ (st[2] >>> 17), 951274213);
    const h4 = Math.imul(h2 ^ (st[3] >>> 19), 2716044179);
    this.a = mix32(h1 ^ h2 ^ h3 ^ h4);
    this.b = mix32(h2 ^ h1);
    this.c = mix32(h3 ^ h1);
    this.d = mix32(h4 ^ h1);
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** An independent child stream named by `names` under this one. Does not consume values. */
  fork(...names: (string | number)[]): Random {
    const path = this.path.slice();
    for (let i = 0; i < names.length; i++) path.push(String(names[i]));
    forking = this;
    return new Random(path[0], path);
  }

  /** Next uint32. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability `p`. */
  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** One element, by weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    // Index loops (no iterator, no destructuring): this runs twice per generated call.
    let total = 0;
    const n = items.length;
    for (let i = 0; i < n; i++) total += items[i][1];
    return pickBySubtraction(items, this.next() * total);
  }

  /**
   * One element of a prepared table, by weight: the same value `weighted(table.items)`
   * returns for the same state, with one draw, in O(log n) instead of two linear passes.
   */
  draw<T>(table: WeightedTable<T>): T {
    const r = this.next() * table.total;
    return table.at(r);
  }

  /** Exponentially distributed value with the given rate (mean 1/rate): Poisson inter-arrival times. */
  exponential(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  /** Poisson-distributed count with mean `lambda` (Knuth for small means, normal approximation above 30). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** `n` characters from `alphabet`. */
  chars(n: number, alphabet: string = ALNUM_UPPER): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }

  /** `n` lower-case hex digits. */
  hex(n: number): string {
    return this.chars(n, HEX);
  }

  /** A version-4 UUID, lower case (CloudTrail's eventID format). */
  uuid(): string {
    const w0 = this.uint32(), w1 = this.uint32(), w2 = this.uint32(), w3 = this.uint32();
    const h = HEX_CODE;
    // One flat string from 36 character codes: concatenating 20 pieces made a rope that
    // cost three times as much once flattened (two per record: eventID, requestID).
    return String.fromCharCode(
      h[w0 >>> 28], h[(w0 >>> 24) & 15], h[(w0 >>> 20) & 15], h[(w0 >>> 16) & 15], h[(w0 >>> 12) & 15], h[(w0 >>> 8) & 15], h[(w0 >>> 4) & 15], h[w0 & 15], 45,
      h[w1 >>> 28], h[(w1 >>> 24) & 15], h[(w1 >>> 20) & 15], h[(w1 >>> 16) & 15], 45,
      52, h[(w1 >>> 8) & 15], h[(w1 >>> 4) & 15], h[w1 & 15], 45,
      h[8 | ((w2 >>> 28) & 3)], h[(w2 >>> 24) & 15], h[(w2 >>> 20) & 15], h[(w2 >>> 16) & 15], 45,
      h[(w2 >>> 12) & 15], h[(w2 >>> 8) & 15], h[(w2 >>> 4) & 15], h[w2 & 15],
      h[w3 >>> 28], h[(w3 >>> 24) & 15], h[(w3 >>> 20) & 15], h[(w3 >>> 16) & 15], h[(w3 >>> 12) & 15], h[(w3 >>> 8) & 15], h[(w3 >>> 4) & 15], h[w3 & 15],
    );
  }

  /** Shuffled copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

/**
 * Weighted items prepared for many draws (`Random.draw`). Traffic planning draws a persona
 * and an operation (from ~90 weights) per generated call, and `weighted` sums every weight
 * and subtracts them one by one each time: that was most of the planner's own time.
 *
 * The answer must stay value for value what `weighted` gives, floating-point rounding
 * included. `weighted` computes `r = next() * total`, then `r -= w[i]` in order and stops at
 * the first `r < 0`. Here the running sums `cum[i] = w[0] + … + w[i]` are summed in the same
 * order (so `cum[n-1]` is `weighted`'s `total` exactly) and a binary search finds the first
 * `cum[j] > r`. The two differ only by rounding: each of the ≤ n steps of either side is off
 * by at most half an ulp of a value no larger than `total` (weights are non-negative), so when
 * `r` is farther than `slack` = 4 (n + 2) ε · total from the sums either side of it, both pick
 * the same item. Otherwise (a chance of about 1e-13 per draw), and for tables with a negative
 * or non-finite weight, the table runs `weighted`'s own loop.
 */
export class WeightedTable<T> {
  readonly items: readonly (readonly [T, number])[];
  readonly total: number;
  private readonly values: T[];
  private readonly cum: Float64Array;
  private readonly slack: number;
  /** Binary search is exact only for non-negative finite weights. */
  private readonly searchable: boolean;

  constructor(items: readonly (readonly [T, number])[]) {
    this.items = items;
    const n = items.length;
    this.values = new Array<T>(n);
    this.cum = new Float64Array(n);
    let total = 0;
    let searchable = n > 0;
    for (let i = 0; i < n; i++) {
      const w = items[i][1];
      if (!(w >= 0) || !Number.isFinite(w)) searchable = false;
      total += w;
      this.values[i] = items[i][0];
      this.cum[i] = total;
    }
    this.total = total;
    this.searchable = searchable && Number.isFinite(total);
    this.slack = 4 * (n + 2) * Number.EPSILON * Math.abs(total);
  }

  /** The item `weighted` picks for `r = next() * total`. */
  at(r: number): T {
    const cum = this.cum;
    const n = cum.length;
    if (this.searchable) {
      // First j with cum[j] > r.
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cum[mid] > r) hi = mid;
        else lo = mid + 1;
      }
      const slack = this.slack;
      if (cum[lo] - r > slack && (lo === 0 ? r >= 0 : r - cum[lo - 1] > slack)) return this.values[lo];
    }
    // Near a boundary (or weights the search cannot take): `weighted`'s own loop.
    return pickBySubtraction(this.items, r);
  }
}

/**
 * `weighted`'s pick: subtract the weights in order from `r` (a draw times the total) until
 * it goes below zero. One function for both callers, as WeightedTable's exactness relies on
 * doing the same float steps.
 */
function pickBySubtraction<T>(items: readonly (readonly [T, number])[], r: number): T {
  const n = items.length;
  for (let i = 0; i < n; i++) {
    const it = items[i];
    r -= it[1];
    if (r < 0) return it[0];
  }
  return items[n - 1][0];
}

/** The root stream of a seed. */
export function createRandom(seed: Seed): Random {
  return new Random(seed);
}
