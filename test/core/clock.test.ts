import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VirtualClock } from '../../src/core/clock.js';
import { parseDuration } from '../../src/core/duration.js';
import { ClockError, InvalidDurationError } from '../../src/core/errors.js';

describe('parseDuration', () => {
  it('reads units and compound durations', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1w')).toBe(604_800_000);
    expect(parseDuration(42)).toBe(42);
  });

  it.each(['', '5', 'm', '5x', '-5m', '5 m', 'five minutes', '1h-30m'])('rejects %j with InvalidDurationError', (bad) => {
    expect(() => parseDuration(bad)).toThrow(InvalidDurationError);
  });

  it('rejects negative and non-finite numbers', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => parseDuration(bad)).toThrow(InvalidDurationError);
  });

  it('fuzz: any string either parses to a finite non-negative number or throws InvalidDurationError', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          const ms = parseDuration(s);
          return Number.isFinite(ms) && ms >= 0;
        } catch (e) {
          return e instanceof InvalidDurationError;
        }
      }),
    );
  });
});

describe('VirtualClock', () => {
  it('runs callbacks in time order, ties in scheduling order, with now() at their due time', () => {
    const c = new VirtualClock('2026-01-01T00:00:00Z');
    const seen: string[] = [];
    const t0 = c.now();
    c.schedule(t0 + 2000, (now) => seen.push(`b@${now - t0}`));
    c.schedule(t0 + 1000, (now) => seen.push(`a@${now - t0}`));
    c.schedule(t0 + 2000, () => seen.push(`c@${c.now() - t0}`));
    c.advance('1s');
    expect(seen).toEqual(['a@1000']);
    c.advance('5s');
    expect(seen).toEqual(['a@1000', 'b@2000', 'c@2000']);
    expect(c.now()).toBe(t0 + 6000);
  });

  it('runs callbacks scheduled by callbacks within the same advance when due', () => {
    const c = new VirtualClock(0);
    const seen: number[] = [];
    c.schedule(10, () => c.schedule(15, (n) => seen.push(n)));
    c.schedule(20, (n) => seen.push(n));
    c.advance(100);
    expect(seen).toEqual([15, 20]);
  });

  it('every() repeats until stopped; cancel() prevents a callback', () => {
    const c = new VirtualClock(0);
    const ticks: number[] = [];
    const stop = c.every('1m', (n) => ticks.push(n));
    c.advance('3m');
    stop();
    c.advance('3m');
    expect(ticks).toEqual([60_000, 120_000, 180_000]);
    const h = c.schedule(c.now() + 5, () => ticks.push(-1));
    c.cancel(h);
    c.advance(10);
    expect(ticks).not.toContain(-1);
  });

  it('refuses to go back in time or schedule in the past, leaving time unchanged', () => {
    const c = new VirtualClock(1000);
    expect(() => c.advanceTo(999)).toThrow(ClockError);
    expect(() => c.schedule(999, () => {})).toThrow(ClockError);
    expect(c.now()).toBe(1000);
    expect(() => c.advance('-1s')).toThrow(InvalidDurationError);
    expect(c.now()).toBe(1000);
  });

  it('property: callbacks fire exactly once each, in (time, insertion) order, for any schedule and advance steps', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 10 }), (times, steps) => {
        const c = new VirtualClock(0);
        const fired: [number, number][] = [];
        times.forEach((t, i) => c.schedule(t, (now) => fired.push([now, i])));
        for (const s of steps) c.advance(s);
        const end = c.now();
        const expected = times.map((t, i) => [t, i] as [number, number]).filter(([t]) => t <= end).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(fired).toEqual(expected);
      }),
    );
  });
});
