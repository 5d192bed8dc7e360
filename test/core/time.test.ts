import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidTimeError, parseIsoTime, toMillis, formatEventTime, utcDay } from '../../src/core/time.js';
import { TrailsimInputError, InvalidTimeRangeException, InvalidScenarioError } from '../../src/core/errors.js';
import { createSimulation } from '../../src/simulation.js';
import { defineScenario } from '../../src/scenario/define.js';

describe('toMillis: strict ISO-8601', () => {
  it.each([
    ['2026-03-01', Date.UTC(2026, 2, 1)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2026-03-01T09:30:00Z', Date.UTC(2026, 2, 1, 9, 30)],
    ['2026-03-01T09:30Z', Date.UTC(2026, 2, 1, 9, 30)],
    ['2026-03-01 09:30:15.250Z', Date.UTC(2026, 2, 1, 9, 30, 15, 250)],
    ['2026-03-01T09:30:00+02:00', Date.UTC(2026, 2, 1, 7, 30)],
    ['2026-03-01T09:30:00-0130', Date.UTC(2026, 2, 1, 11, 0)],
    ['0099-01-01', -59042995200000],
  ])('reads %s', (text, ms) => {
    expect(toMillis(text)).toBe(ms);
  });

  it.each([
    ['2026-02-30', /2026-02 has no day 30 \(it has 28 days\)/],
    ['2025-02-29', /has no day 29/],
    ['2026-04-31', /has no day 31/],
    ['2026-13-01', /no month 13/],
    ['2026-00-10', /no month 00/],
    ['2026-01-01T24:00:00Z', /no hour 24/],
    ['2026-01-01T10:60:00Z', /no minute 60/],
    ['2026-01-01T10:00:60Z', /no second 60/],
    ['2026-01-01T10:00:00', /no time zone: add Z/],
    ['2026-01-01T10:00:00+25:00', /not a UTC offset/],
    ['Feb 30 2026', /not an ISO-8601/],
    ['1 March 2026', /not an ISO-8601/],
    ['2026', /not an ISO-8601/],
    ['', /not an ISO-8601/],
  ])('rejects %j with InvalidTimeError', (text, message) => {
    expect(() => toMillis(text, '--start')).toThrow(InvalidTimeError);
    expect(() => toMillis(text, '--start')).toThrow(message);
    expect(() => toMillis(text, '--start')).toThrow(/Invalid --start/);
  });

  it('rejects non-finite numbers and invalid Dates', () => {
    for (const bad of [Number.NaN, Infinity, 9e15, new Date('nope')]) expect(() => toMillis(bad)).toThrow(InvalidTimeError);
    expect(new InvalidTimeError('x')).toBeInstanceOf(TrailsimInputError);
  });

  it('fuzz: a real instant formatted as ISO-8601 reads back to itself', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(toMillis(d.toISOString())).toBe(d.getTime());
        expect(toMillis(d.toISOString().slice(0, 10))).toBe(Math.floor(d.getTime() / 86_400_000) * 86_400_000);
      }),
    );
  });

  it('fuzz: any Y-M-D either names that exact calendar day or is refused (never shifted)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const r = parseIsoTime(text);
        if (typeof r === 'number') expect(new Date(r).toISOString().slice(0, 10)).toBe(text);
        else expect(m < 1 || m > 12 || d < 1 || d > 28).toBe(true);
      }),
    );
  });

  it('fuzz: any string either reads to a finite instant or throws InvalidTimeError, and never disagrees with a Date.parse that keeps the fields', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,4})?)?(Z|[+-]\d{2}:\d{2})?)?$/)), (s) => {
        let ms: number;
        try {
          ms = toMillis(s);
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidTimeError);
          return;
        }
        expect(Number.isFinite(ms)).toBe(true);
        const native = Date.parse(s.trim().replace(' ', 'T'));
        // Where the platform parser reads the same text, it agrees; years before 100 aside.
        if (Number.isFinite(native) && !/^00/.test(s.trim())) expect(ms).toBe(native);
      }),
    );
  });
});

describe('every time the API accepts is strict', () => {
  it('createSimulation({ start }) and advanceTo refuse 30 February', () => {
    expect(() => createSimulation({ start: '2026-02-30' })).toThrow(/Invalid clock start: '2026-02-30': 2026-02 has no day 30/);
    const sim = createSimulation({ start: '2026-02-01' });
    expect(() => sim.advanceTo('2026-02-30T00:00:00Z')).toThrow(InvalidTimeError);
    expect(sim.clock.now()).toBe(Date.UTC(2026, 1, 1));
  });

  it('lookupEvents keeps AWS\'s InvalidTimeRangeException for a date that does not exist', () => {
    const sim = createSimulation({ start: '2026-02-01' });
    sim.addAccount({ name: 'a' });
    expect(() => sim.lookupEvents({ StartTime: '2026-02-30T00:00:00Z' })).toThrow(InvalidTimeRangeException);
    expect(() => sim.lookupEvents({ EndTime: '2026-01-01T10:00:00' })).toThrow(/no time zone/);
  });

  it('generateShard refuses a day that does not exist', () => {
    const sim = createSimulation({ start: '2026-02-01' });
    const a = sim.addAccount({ name: 'a' });
    const traffic = sim.addTraffic({ rate: '10/h' });
    expect(() => sim.generateShard(traffic, { accountId: a.id, region: 'us-east-1', day: '2026-02-30' })).toThrow(/generateShard: day: '2026-02-30': 2026-02 has no day 30/);
    expect(() => sim.generateShard(traffic, { accountId: a.id, region: 'us-east-1', day: '2026-02-03T00:00:00Z' })).toThrow(InvalidTimeError);
    expect(sim.generateShard(traffic, { accountId: a.id, region: 'us-east-1', day: '2026-02-03' }).length).toBeGreaterThan(0);
  });

  it('a scenario with an impossible start is an InvalidScenarioError', () => {
    expect(() => defineScenario({ name: 's', start: '2026-02-30', run() {} })).toThrow(InvalidScenarioError);
    expect(() => defineScenario({ name: 's', start: '2026-02-30', run() {} })).toThrow(/invalid 'start'.*no day 30/);
  });
});

describe('formatEventTime and utcDay (integer formatting on the hot path)', () => {
  it('write what Date.toISOString writes, for any instant, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), { minLength: 1, maxLength: 20 }), (times) => {
        for (const t of times) {
          const iso = new Date(t).toISOString();
          expect(formatEventTime(t)).toBe(iso.slice(0, 19) + 'Z');
          expect(utcDay(t)).toBe(iso.slice(0, 10));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps second boundaries, midnight and times before 1970 exact', () => {
    for (const t of [0, -1, 999, 1000, 86_399_999, 86_400_000, -86_400_000, -86_400_001, Date.UTC(2026, 1, 28, 23, 59, 59, 999), Date.UTC(2024, 1, 29, 12)]) {
      expect(formatEventTime(t)).toBe(new Date(t).toISOString().slice(0, 19) + 'Z');
      expect(utcDay(t)).toBe(new Date(t).toISOString().slice(0, 10));
    }
    expect(() => formatEventTime(NaN)).toThrow(RangeError);
  });
});
