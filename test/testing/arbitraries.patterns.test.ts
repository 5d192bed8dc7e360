import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PATTERN_OPERATORS, eventPattern, eventPatternWithEvents, type EventPatternWithEvents } from 'trailsim/arbitraries';
import { TrailsimInputError, compilePattern, createMatcher, testEventPattern } from 'trailsim';
import { expectAllValid, expectSameSeedSameValues, shrunkCounterexample } from './_assertions.js';

const LONG = process.env.TRAILSIM_LONG === '1';
const runs = (n: number) => (LONG ? n * 20 : n);

/** Every operator and structure of the language, as it shows in a pattern's JSON text. */
const FEATURES: Record<string, (text: string) => boolean> = {
  'exact string': (t) => /":\["[^"]*"/.test(t) || /,"[^"]*"[\],]/.test(t),
  'exact number': (t) => /[[,]-?\d/.test(t.replace(/"numeric":\[[^\]]*\]/g, '')),
  'exact boolean or null': (t) => /[[,](true|false|null)[\],]/.test(t),
  prefix: (t) => t.includes('{"prefix":"'),
  suffix: (t) => t.includes('{"suffix":"'),
  'prefix ignore-case': (t) => t.includes('{"prefix":{"equals-ignore-case"'),
  'suffix ignore-case': (t) => t.includes('{"suffix":{"equals-ignore-case"'),
  'equals-ignore-case': (t) => /\[\{"equals-ignore-case"|,\{"equals-ignore-case"/.test(t),
  wildcard: (t) => /\{"wildcard":"/.test(t),
  'anything-but value': (t) => /"anything-but":("|-?\d)/.test(t),
  'anything-but list': (t) => t.includes('"anything-but":['),
  'anything-but prefix': (t) => t.includes('"anything-but":{"prefix"'),
  'anything-but suffix': (t) => t.includes('"anything-but":{"suffix"'),
  'anything-but ignore-case': (t) => t.includes('"anything-but":{"equals-ignore-case"'),
  'anything-but wildcard': (t) => t.includes('"anything-but":{"wildcard"'),
  'numeric range': (t) => /"numeric":\["[<>]=?",-?[\d.]+,"/.test(t),
  'numeric single': (t) => /"numeric":\["(=|[<>]=?)",-?[\d.e]+\]/.test(t),
  'exists true': (t) => t.includes('{"exists":true}'),
  'exists false': (t) => t.includes('{"exists":false}'),
  cidr: (t) => t.includes('{"cidr":"'),
  $or: (t) => t.includes('"$or"'),
  nested: (t) => /"detail":\{[^}]*"(requestParameters|userIdentity)":\{/.test(t),
  envelope: (t) => /^\{"(source|detail-type|region|account)"/.test(t),
};

function checkSides({ pattern, matching, nonMatching }: EventPatternWithEvents): void {
  const m = createMatcher({ p: pattern });
  for (const e of matching) {
    expect(testEventPattern(pattern, e), JSON.stringify({ pattern, e })).toBe(true);
    expect(m.match(e)).toEqual(['p']);
    expect(m.match(JSON.stringify(e))).toEqual(['p']);
  }
  for (const e of nonMatching) {
    expect(testEventPattern(pattern, e), JSON.stringify({ pattern, e })).toBe(false);
    expect(m.match(e)).toEqual([]);
  }
}

describe('eventPatternWithEvents', () => {
  it('same seed ⇒ same patterns and events', () => {
    expectSameSeedSameValues(eventPatternWithEvents());
  });

  it('patterns are valid: testEventPattern and compilePattern accept them', () => {
    expectAllValid(eventPatternWithEvents(), ({ pattern, matching }) => {
      expect(() => compilePattern(pattern)).not.toThrow();
      expect(() => compilePattern(JSON.stringify(pattern), { maxLength: 4096 })).not.toThrow();
      expect(() => testEventPattern(pattern, matching[0])).not.toThrow();
    }, { numRuns: runs(100) });
  });

  it('matching events match and non-matching ones do not (testEventPattern, cross-checked with createMatcher)', () => {
    expectAllValid(eventPatternWithEvents(), checkSides, { numRuns: runs(300) });
  });

  it('with many patterns in one matcher, each rule matches its own matching events and none of its non-matching ones', () => {
    fc.assert(
      fc.property(fc.array(eventPatternWithEvents(), { minLength: 2, maxLength: 6 }), (cases) => {
        const m = createMatcher(Object.fromEntries(cases.map((c, i) => [`r${i}`, c.pattern])));
        cases.forEach((c, i) => {
          for (const e of c.matching) expect(m.match(e)).toContain(`r${i}`);
          for (const e of c.nonMatching) expect(m.match(e)).not.toContain(`r${i}`);
        });
      }),
      { numRuns: runs(60), seed: 13 },
    );
  });

  it('covers the whole pattern language, arrays in events, and absent fields', () => {
    const sample = fc.sample(eventPatternWithEvents(), { seed: 21, numRuns: 400 });
    const texts = sample.map((s) => JSON.stringify(s.pattern));
    for (const [feature, seen] of Object.entries(FEATURES)) expect(texts.some(seen), feature).toBe(true);
    const details = sample.flatMap((s) => [...s.matching, ...s.nonMatching]).map((e) => JSON.stringify(e.detail));
    expect(details.some((d) => /:\[/.test(d))).toBe(true);
    expect(sample.some((s) => s.nonMatching.some((e) => Object.keys(e.detail).length === 0))).toBe(true);
  });

  it('honours operators, or, maxDepth, envelope, arrays and event counts', () => {
    const arb = eventPatternWithEvents({ operators: ['exact', 'prefix'], or: false, maxDepth: 0, envelope: false, arrays: false, minMatching: 2, maxMatching: 2, minNonMatching: 3, maxNonMatching: 4 });
    expectAllValid(arb, (c) => {
      const text = JSON.stringify(c.pattern);
      expect(text).not.toMatch(/suffix|equals-ignore-case|wildcard|anything-but|numeric|exists|cidr|\$or/);
      expect(Object.keys(c.pattern)).toEqual(['detail']);
      for (const v of Object.values(c.pattern.detail as object)) expect(Array.isArray(v)).toBe(true);
      expect(c.matching).toHaveLength(2);
      expect(c.nonMatching.length).toBeGreaterThanOrEqual(3);
      for (const e of [...c.matching, ...c.nonMatching]) for (const v of Object.values(e.detail)) expect(Array.isArray(v)).toBe(false);
      checkSides(c);
    }, { numRuns: 80 });
    expectAllValid(eventPatternWithEvents({ operators: ['numeric', 'exists'] }), checkSides, { numRuns: 80 });
    expectAllValid(eventPatternWithEvents({ operators: ['anything-but', 'wildcard'], maxValuesPerField: 5 }), checkSides, { numRuns: 80 });
  });

  it('shrinks to a small pattern with one matching and one non-matching near miss', () => {
    const c = shrunkCounterexample(eventPatternWithEvents(), () => false);
    expect(c.pattern).toEqual({ detail: { eventName: ['Delete'] } });
    expect(c.matching.map((e) => e.detail)).toEqual([{ eventName: 'Delete' }]);
    expect(c.nonMatching).toHaveLength(1);
    expect(c.nonMatching[0].detail).toEqual({ eventName: 'deLeTe' });

    const w = shrunkCounterexample(eventPatternWithEvents(), (x) => !JSON.stringify(x.pattern).includes('wildcard'));
    const text = JSON.stringify(w.pattern);
    expect(text).toContain('wildcard');
    expect(text.length).toBeLessThan(120);
    expect(w.matching).toHaveLength(1);
    expect(w.nonMatching).toHaveLength(1);
  });

  it('rejects constraints it cannot honour', () => {
    expect(() => eventPatternWithEvents({ operators: ['exists'] })).toThrow(TrailsimInputError);
    expect(() => eventPatternWithEvents({ operators: ['regex' as 'exact'] })).toThrow(/regex/);
    expect(() => eventPatternWithEvents({ minMatching: 4, maxMatching: 2 })).toThrow(/minMatching/);
    expect(() => eventPatternWithEvents({ maxDepth: -1 })).toThrow(/maxDepth/);
    expect(PATTERN_OPERATORS).toContain('cidr');
  });
});

describe('eventPattern', () => {
  it('same seed ⇒ same patterns, all valid', () => {
    expectSameSeedSameValues(eventPattern());
    expectAllValid(eventPattern({ maxDepth: 3 }), (p) => expect(() => compilePattern(p)).not.toThrow(), { numRuns: 100 });
  });
});
