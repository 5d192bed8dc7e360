import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Random } from '../../src/core/random.js';

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
