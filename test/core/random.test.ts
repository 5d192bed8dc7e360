import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Random, WeightedTable } from '../../src/core/random.js';

describe('Random streams', () => {
  it('same seed and path give the same values; a different seed or path gives different ones', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.array(fc.string(), { maxLength: 4 }), (seed, path) => {
        const a = new Random(seed, path);
        const b = new Random(seed, path);
        const xs = Array.from({ length: 8 }, () => a.uint32());
        const ys = Array.from({ length: 8 }, () => b.uint32());
        expect(xs).toEqual(ys);
        const c = new Random(seed, [...path, 'other']);
        expect(Array.from({ length: 8 }, () => c.uint32())).not.toEqual(xs);
      }),
    );
  });

  it('a forked stream does not depend on how much the parent was used', () => {
    const a = new Random(42);
    const before = a.fork('account', '123456789012').uint32();
    for (let i = 0; i < 1000; i++) a.next();
    expect(a.fork('account', '123456789012').uint32()).toBe(before);
  });

  it('values are in range and roughly uniform', () => {
    const r = new Random('uniform');
    const buckets = new Array(10).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outOfRange++;
      else buckets[Math.floor(x * 10)]++;
    }
    expect(outOfRange).toBe(0);
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(600);
  });

  it('uuid() is a lower-case version-4 UUID; exponential and poisson have the right means', () => {
    const r = new Random(1);
    for (let i = 0; i < 200; i++) expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += r.exponential(2);
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
    let ps = 0;
    for (let i = 0; i < 20_000; i++) ps += r.poisson(4);
    expect(ps / 20_000).toBeCloseTo(4, 0);
  });
});

/** `x` moved by `k` units in the last place. */
function ulps(x: number, k: number): number {
  const f = new Float64Array([x]);
  const u = new BigInt64Array(f.buffer);
  u[0] += BigInt(k);
  return f[0];
}

describe('WeightedTable', () => {
  // draw() must answer what weighted() answers for the same stream state, value for value:
  // traffic planning switched to it, and generated records must not change.
  const weightsArb = fc.array(
    fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(0.05, 0.1, 0.2, 0.3, 0.5, 1e-9, 1e6)),
    { minLength: 1, maxLength: 120 },
  );

  it('draws exactly what weighted() draws from the same stream', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer(), (weights, seed) => {
        const items = weights.map((w, i) => [i, w] as const);
        const table = new WeightedTable(items);
        const a = new Random(seed, ['a']);
        const b = new Random(seed, ['a']);
        for (let i = 0; i < 200; i++) expect(b.draw(table)).toBe(a.weighted(items));
      }),
    );
  });

  it('agrees with the linear pass at and next to every boundary, and on tables the search cannot take', () => {
    const linear = <T>(items: readonly (readonly [T, number])[], r: number): T => {
      for (const [v, w] of items) if ((r -= w) < 0) return v;
      return items[items.length - 1][0];
    };
    const tables = [
      [0.1, 0.2, 0.3, 0.05, 0.05, 0.3],
      [1, 0, 0, 2, 0, 3],
      [0.3, 0.3, 0.3, 0.1],
      // Running sums the search and the subtraction round apart, one ulp from a boundary
      // (r = 1.3499999999999999: first sum above r is item 3, the subtraction gives item 4;
      // r = 1.53 + 1 ulp: 4 against 3): the table must notice and take the loop.
      [0.15, 0.7, 0.15, 0.35, 0.07, 0.15, 0.9],
      [0.3, 0.03, 0.3, 0.9, 0.7, 0.3, 0.15, 0.2, 0.9, 0.9, 0.2, 0.15],
      [0, 0, 0],
      [2, -1, 3], // a negative weight: the table falls back to the loop
      [1, Number.POSITIVE_INFINITY, 1],
    ];
    for (const weights of tables) {
      const items = weights.map((w, i) => [i, w] as const);
      const table = new WeightedTable(items);
      let cum = 0;
      const probes = [0, table.total, table.total * 0.999999, 0.5];
      for (const w of weights) {
        cum += w;
        for (let k = -3; k <= 3; k++) probes.push(ulps(cum, k));
        probes.push(cum * (1 - 1e-15), cum * (1 + 1e-15));
      }
      for (const r of probes) if (Number.isFinite(r) && r >= 0) expect(table.at(r), `${weights} r=${r}`).toBe(linear(items, r));
    }
  });
});

describe('Random.fork', () => {
  it('is the stream of the whole path: fork(...q) of (seed, p) equals new Random(seed, [...p, ...q]), nested or not', () => {
    const name = fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom('\u001f', ''));
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.array(name, { maxLength: 3 }), fc.array(name, { maxLength: 3 }), fc.array(name, { maxLength: 2 }), (seed, p, q, r) => {
        const direct = new Random(seed, [...p, ...q, ...r]);
        const forked = new Random(seed, p).fork(...q).fork(...r);
        expect(forked.path).toEqual(direct.path);
        const a = Array.from({ length: 6 }, () => direct.uint32());
        expect(Array.from({ length: 6 }, () => forked.uint32())).toEqual(a);
        // A numeric name forks as its decimal string.
        expect(new Random(seed, p).fork(42).uint32()).toBe(new Random(seed, [...p, '42']).uint32());
      }),
    );
  });
});
