import { describe, expect, it } from 'vitest';
import { InvalidEventPatternException, ValidationException } from '../../src/core/errors.js';
import { compilePattern, createMatcher, testEventPattern, type EventMatcher } from '../../src/bus/pattern/index.js';
import { RuleMachine } from '../../src/bus/pattern/matcher.js';

const ENVELOPE = { id: '1', account: '123456789012', source: 'test', time: '2024-01-01T00:00:00Z', region: 'us-east-1', 'detail-type': 'Test' };

/** Whether a bare event (no envelope needed) matches a pattern, checked both as object and as JSON text. */
function matches(pattern: object | string, event: object): boolean {
  const m = createMatcher({ rule: pattern });
  const asObject = m.match(event).length > 0;
  const asText = m.match(JSON.stringify(event)).length > 0;
  expect(asText).toBe(asObject);
  return asObject;
}

describe('value matching', () => {
  it('exact strings, numbers by value, booleans and null', () => {
    expect(matches({ a: ['x'] }, { a: 'x' })).toBe(true);
    expect(matches({ a: ['x'] }, { a: 'X' })).toBe(false);
    expect(matches({ a: [300] }, { a: 300.0 })).toBe(true);
    expect(matches('{"a": [3.0e2]}', { a: 300 })).toBe(true);
    expect(matches({ a: [300] }, { a: '300' })).toBe(false);
    expect(matches({ a: ['300'] }, { a: 300 })).toBe(false);
    expect(matches({ a: [true] }, { a: true })).toBe(true);
    expect(matches({ a: [true] }, { a: 'true' })).toBe(false);
    expect(matches({ a: [null] }, { a: null })).toBe(true);
    expect(matches({ a: [null] }, {})).toBe(false);
    expect(matches({ a: [''] }, { a: '' })).toBe(true);
    expect(matches({ a: [{ exactly: '10.0.0.1' }] }, { a: '10.0.0.1' })).toBe(true);
  });

  it('arrays in the event match when any element does; empty arrays have no values', () => {
    expect(matches({ a: ['x'] }, { a: ['y', 'x'] })).toBe(true);
    expect(matches({ a: ['x'] }, { a: [['y'], ['x']] })).toBe(true);
    expect(matches({ a: ['x'] }, { a: [] })).toBe(false);
    expect(matches({ a: [{ exists: true }] }, { a: [] })).toBe(false);
    expect(matches({ a: [{ exists: false }] }, { a: [] })).toBe(true);
    expect(matches({ a: { b: ['x'] } }, { a: [{ b: 'y' }, { b: 'x' }] })).toBe(true);
  });

  it('only leaves count: an object is not a value', () => {
    expect(matches({ a: [{ exists: true }] }, { a: { b: 1 } })).toBe(false);
    expect(matches({ a: [{ exists: false }] }, { a: { b: 1 } })).toBe(true);
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { a: { b: 1 } })).toBe(false);
  });

  it('joins names with dots, in patterns and in events', () => {
    expect(matches({ a: { 'b.c': ['x'] } }, { a: { b: { c: 'x' } } })).toBe(true);
    expect(matches({ a: { b: { c: ['x'] } } }, { 'a.b': { c: 'x' } })).toBe(true);
    expect(matches({ a: { b: { c: ['x'] } } }, { a: { 'b.c': 'x' } })).toBe(true);
    expect(matches({ a: { b: ['x'] } }, { a: { 'b.c': 'x' } })).toBe(false);
  });

  it('prefix, suffix, equals-ignore-case and their ignore-case forms', () => {
    expect(matches({ a: [{ prefix: 'ab' }] }, { a: 'abc' })).toBe(true);
    expect(matches({ a: [{ prefix: 'ab' }] }, { a: 'ABc' })).toBe(false);
    expect(matches({ a: [{ prefix: '' }] }, { a: '' })).toBe(true);
    expect(matches({ a: [{ prefix: '' }] }, { a: 5 })).toBe(false);
    expect(matches({ a: [{ prefix: { 'equals-ignore-case': 'aB' } }] }, { a: 'Abc' })).toBe(true);
    expect(matches({ a: [{ suffix: '.png' }] }, { a: 'x.png' })).toBe(true);
    expect(matches({ a: [{ suffix: { 'equals-ignore-case': '.PNG' } }] }, { a: 'x.png' })).toBe(true);
    expect(matches({ a: [{ suffix: { 'equals-ignore-case': '.PNG' } }] }, { a: 'x.pnx' })).toBe(false);
    expect(matches({ a: [{ 'equals-ignore-case': 'Hello' }] }, { a: 'hELLO' })).toBe(true);
    expect(matches({ a: [{ 'equals-ignore-case': 'Hello' }] }, { a: 'hELLO!' })).toBe(false);
  });

  it("ignore-case follows event-ruler's per-character lower/upper alternatives", () => {
    // 'ß' upper-cases to "SS"; the Kelvin sign lower-cases to 'k' but is neither form of 'k'.
    expect(matches({ a: [{ 'equals-ignore-case': 'ß' }] }, { a: 'SS' })).toBe(true);
    expect(matches({ a: [{ 'equals-ignore-case': 'straße' }] }, { a: 'STRASSE' })).toBe(true);
    expect(matches({ a: [{ 'equals-ignore-case': 'k' }] }, { a: '\u212a' })).toBe(false);
    expect(matches({ a: [{ 'equals-ignore-case': 'σ' }] }, { a: 'Σ' })).toBe(true);
    expect(matches({ a: [{ 'equals-ignore-case': 'ΑΣ' }] }, { a: 'ασ' })).toBe(true);
    expect(matches({ a: [{ 'equals-ignore-case': 'Ab' }] }, { a: 'Ab' })).toBe(true);
    expect(matches({ a: [{ prefix: { 'equals-ignore-case': 'é' } }] }, { a: 'Éa' })).toBe(true);
    expect(matches({ a: [{ 'anything-but': { 'equals-ignore-case': ['straße'] } }] }, { a: 'STRASSE' })).toBe(false);
  });

  it('wildcards with escapes', () => {
    expect(matches({ a: [{ wildcard: '*' }] }, { a: '' })).toBe(true);
    expect(matches({ a: [{ wildcard: '' }] }, { a: '' })).toBe(true);
    expect(matches({ a: [{ wildcard: '' }] }, { a: 'x' })).toBe(false);
    expect(matches({ a: [{ wildcard: 'a*b*c' }] }, { a: 'abbbc' })).toBe(true);
    expect(matches({ a: [{ wildcard: 'a*b*c' }] }, { a: 'abbbcd' })).toBe(false);
    expect(matches({ a: [{ wildcard: 'a\\*b' }] }, { a: 'a*b' })).toBe(true);
    expect(matches({ a: [{ wildcard: 'a\\*b' }] }, { a: 'axb' })).toBe(false);
    expect(matches({ a: [{ wildcard: 'a\\\\*' }] }, { a: 'a\\zz' })).toBe(true);
    expect(matches({ a: [{ wildcard: 'x*' }] }, { a: 5 })).toBe(false);
    expect(matches({ a: [{ wildcard: 'arn:aws:iam::*:root' }] }, { a: 'arn:aws:iam::123:root' })).toBe(true);
  });

  it('anything-but: any leaf value other than the excluded ones, including null and other types', () => {
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { a: 'y' })).toBe(true);
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { a: 'x' })).toBe(false);
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { a: null })).toBe(true);
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { a: true })).toBe(true);
    expect(matches({ a: [{ 'anything-but': 'x' }] }, {})).toBe(false);
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { a: ['x', 'y'] })).toBe(true);
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { a: ['x', 'x'] })).toBe(false);
    expect(matches({ a: [{ 'anything-but': 123 }] }, { a: 123.0 })).toBe(false);
    expect(matches({ a: [{ 'anything-but': 123 }] }, { a: '123' })).toBe(true);
    expect(matches({ a: [{ 'anything-but': ['123'] }] }, { a: 123 })).toBe(true);
    expect(matches({ a: [{ 'anything-but': { prefix: 'in' } }] }, { a: 'out' })).toBe(true);
    expect(matches({ a: [{ 'anything-but': { prefix: ['in', 'ou'] } }] }, { a: 'out' })).toBe(false);
    expect(matches({ a: [{ 'anything-but': { prefix: 'in' } }] }, { a: 12 })).toBe(true);
    expect(matches({ a: [{ 'anything-but': { suffix: '.txt' } }] }, { a: 'a.txt' })).toBe(false);
    expect(matches({ a: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { a: 'x/lib/y' })).toBe(false);
    expect(matches({ a: [{ 'anything-but': { wildcard: ['*/lib/*', '*.so'] } }] }, { a: 'x/bin/y' })).toBe(true);
    expect(matches({ a: [{ 'anything-but': { prefix: [] } }] }, { a: 'anything' })).toBe(true);
  });

  it('numeric ranges on JSON numbers within ±5e9', () => {
    const p = { n: [{ numeric: ['>', 0, '<=', 5] }] };
    expect(matches(p, { n: 5 })).toBe(true);
    expect(matches(p, { n: 0 })).toBe(false);
    expect(matches(p, { n: 0.000001 })).toBe(true);
    expect(matches(p, { n: '3' })).toBe(false);
    expect(matches({ n: [{ numeric: ['<', 0] }] }, { n: -5e9 })).toBe(true);
    expect(matches({ n: [{ numeric: ['<', 0] }] }, { n: -5.1e9 })).toBe(false);
    expect(matches({ n: [{ numeric: ['>=', -1] }] }, { n: 6e9 })).toBe(false);
    expect(matches({ n: [{ numeric: ['=', 301.8] }] }, { n: 3.018e2 })).toBe(true);
    expect(matches({ n: [{ numeric: ['>', 100] }, { 'anything-but': '101' }] }, { n: '42' })).toBe(true);
  });

  it('IP addresses: literal strings match by address, cidr from the address as written to its top', () => {
    expect(matches({ ip: ['10.0.0.1'] }, { ip: '10.0.0.1' })).toBe(true);
    expect(matches({ ip: ['2001:db8::1'] }, { ip: '2001:0DB8:0:0:0:0:0:1' })).toBe(true);
    expect(matches({ ip: ['::ffff:a00:1'] }, { ip: '10.0.0.1' })).toBe(true);
    expect(matches({ ip: ['10.0.0.256'] }, { ip: '10.0.0.256' })).toBe(true);
    const net = { ip: [{ cidr: '10.0.0.0/24' }] };
    expect(matches(net, { ip: '10.0.0.255' })).toBe(true);
    expect(matches(net, { ip: '10.0.1.0' })).toBe(false);
    expect(matches(net, { ip: 'fe80::1' })).toBe(false);
    expect(matches(net, { ip: 167772161 })).toBe(false);
    expect(matches({ ip: [{ cidr: '10.0.0.5/24' }] }, { ip: '10.0.0.4' })).toBe(false);
    expect(matches({ ip: [{ cidr: '10.0.0.5/24' }] }, { ip: '10.0.0.6' })).toBe(true);
    expect(matches({ ip: [{ cidr: '2001:db8:1234:1a00::/64' }] }, { ip: '2001:db8:1234:1a00:ffff:ffff:ffff:ffff' })).toBe(true);
    expect(matches({ ip: [{ cidr: '2001:db8:1234:1a00::/64' }] }, { ip: '2001:db8:1234:1a01::' })).toBe(false);
  });

  it('exists and its combination with values', () => {
    expect(matches({ a: [{ exists: true }] }, { a: null })).toBe(true);
    expect(matches({ a: [{ exists: false }] }, { a: null })).toBe(false);
    expect(matches({ a: ['x', { exists: false }] }, {})).toBe(true);
    expect(matches({ a: ['x', { exists: false }] }, { a: 'x' })).toBe(true);
    expect(matches({ a: ['x', { exists: false }] }, { a: 'y' })).toBe(false);
    expect(matches({ a: { b: [{ exists: false }] } }, { a: 'scalar' })).toBe(true);
  });

  it('$or, nested', () => {
    const p = { s: ['1'], $or: [{ a: ['x'] }, { b: ['y'], $or: [{ c: ['z'] }, { d: [{ exists: false }] }] }] };
    expect(matches(p, { s: '1', a: 'x' })).toBe(true);
    expect(matches(p, { s: '1', b: 'y', c: 'z' })).toBe(true);
    expect(matches(p, { s: '1', b: 'y' })).toBe(true);
    expect(matches(p, { s: '1', b: 'y', d: 1 })).toBe(false);
    expect(matches(p, { s: '2', a: 'x' })).toBe(false);
  });
});

describe('array-consistent matching (event-ruler rulesForJSONEvent)', () => {
  const event = { people: [{ first: 'Anna', last: 'Smith' }, { first: 'Peter', last: 'Jones' }] };

  it('does not take two fields from different elements of the same array', () => {
    expect(matches({ people: { first: ['Anna'], last: ['Smith'] } }, event)).toBe(true);
    expect(matches({ people: { first: ['Anna'], last: ['Jones'] } }, event)).toBe(false);
    expect(matches({ people: { first: ['Anna', 'Peter'], last: ['Jones'] } }, event)).toBe(true);
  });

  it('applies to nested arrays and lets fields outside the array combine freely', () => {
    const nested = { g: [{ m: [{ a: 1, b: 2 }, { a: 3, b: 4 }] }, { m: [{ a: 5, b: 6 }] }], top: 'x' };
    expect(matches({ g: { m: { a: [1], b: [2] } }, top: ['x'] }, nested)).toBe(true);
    expect(matches({ g: { m: { a: [1], b: [4] } } }, nested)).toBe(false);
    expect(matches({ g: { m: { a: [5], b: [6] } } }, nested)).toBe(true);
    expect(matches({ g: { m: { a: [1], b: [6] } } }, nested)).toBe(false);
  });

  it('judges exists:false against the leaves consistent with the fields matched before it', () => {
    // "first" sorts before "middle": Anna's element has no middle name.
    const e = { people: [{ first: 'Anna' }, { first: 'Peter', middle: 'Q' }] };
    expect(matches({ people: { first: ['Anna'], middle: [{ exists: false }] } }, e)).toBe(true);
    expect(matches({ people: { first: ['Peter'], middle: [{ exists: false }] } }, e)).toBe(false);
    // "age" sorts before "first": judged before any element is chosen.
    const f = { people: [{ first: 'Anna' }, { first: 'Peter', age: 3 }] };
    expect(matches({ people: { age: [{ exists: false }], first: ['Anna'] } }, f)).toBe(false);
  });
});

describe('testEventPattern', () => {
  it('answers like TestEventPattern', () => {
    expect(testEventPattern({ source: ['test'] }, ENVELOPE)).toBe(true);
    expect(testEventPattern('{"source": ["other"]}', JSON.stringify(ENVELOPE))).toBe(false);
    expect(testEventPattern(compilePattern({ region: [{ prefix: 'us-' }] }), ENVELOPE)).toBe(true);
  });

  it.each([
    ['not an object', '"text"'],
    ['an array', [ENVELOPE]],
    ['invalid JSON', '{"id": '],
    ...(['id', 'account', 'source', 'time', 'region', 'detail-type'] as const).map((f) => {
      const e: Record<string, unknown> = { ...ENVELOPE };
      delete e[f];
      return [`without ${f}`, e] as [string, object];
    }),
  ])('rejects an event %s with ValidationException', (_what, event) => {
    let error: unknown;
    try {
      testEventPattern({ source: ['test'] }, event as object);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toBe('Parameter Event is not valid.');
  });

  it('does not require resources', () => {
    expect(testEventPattern({ id: ['1'] }, ENVELOPE)).toBe(true);
  });

  it('rejects an invalid pattern with InvalidEventPatternException', () => {
    expect(() => testEventPattern('{"a": []}', ENVELOPE)).toThrow(new InvalidEventPatternException('Event pattern is not valid. Reason: Empty arrays are not allowed'));
  });
});

describe('createMatcher', () => {
  it('returns matching rule names in insertion order, for objects and JSON text', () => {
    const m = createMatcher({ z: { a: ['x'] }, y: { a: [{ prefix: 'x' }] }, x: { b: [{ exists: false }] }, w: { a: ['nope'] } });
    expect(m.match({ a: 'x' })).toEqual(['z', 'y', 'x']);
    expect(m.match('{"a": "xy", "b": 1}')).toEqual(['y']);
    expect(m.names()).toEqual(['z', 'y', 'x', 'w']);
    expect(m.size).toBe(4);
  });

  it('names the rule whose pattern is invalid, and makes no matcher', () => {
    let error: unknown;
    try {
      createMatcher({ good: { a: ['x'] }, 'bad rule': { a: [] } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidEventPatternException);
    expect((error as Error).message).toBe('Event pattern is not valid. Reason: Empty arrays are not allowed (rule "bad rule")');
  });

  it('rejects event text that is not JSON', () => {
    expect(() => createMatcher({ r: { a: ['x'] } }).match('{nope')).toThrow(ValidationException);
  });

  it('reads own properties of event objects only, as their JSON text would have them', () => {
    const m = createMatcher({ r: { a: ['x'] } });
    const inherited = Object.create({ a: 'x' }) as object;
    expect(m.match(inherited)).toEqual([]);
    expect(m.match(JSON.stringify(inherited))).toEqual([]);
    expect(m.match({ a: 'x', b: undefined, c: () => 1 })).toEqual(['r']);
  });

  it('treats non-object events as having no fields', () => {
    const m = createMatcher({ absent: { a: [{ exists: false }] }, present: { a: ['x'] } });
    expect(m.match('[1, 2]')).toEqual(['absent']);
    expect(m.match('"x"')).toEqual(['absent']);
  });

  it('adds, replaces (keeping the place) and removes rules incrementally', () => {
    const m = createMatcher({ a: { k: ['1'] }, b: { k: ['2'] } });
    m.add('c', { k: ['1', '2'] });
    expect(m.match({ k: '1' })).toEqual(['a', 'c']);
    m.add('a', { k: ['2'] });
    expect(m.match({ k: '2' })).toEqual(['a', 'b', 'c']);
    expect(m.match({ k: '1' })).toEqual(['c']);
    expect(m.remove('b')).toBe(true);
    expect(m.remove('b')).toBe(false);
    expect(m.match({ k: '2' })).toEqual(['a', 'c']);
    expect(() => m.add('c', { k: [] })).toThrow(InvalidEventPatternException);
    expect(m.match({ k: '1' })).toEqual(['c']); // the failed replacement changed nothing
    expect(m.has('c')).toBe(true);
  });

  it('frees every state, field and path when rules are removed', () => {
    const m = new RuleMachine();
    const patterns = [
      { a: ['x'], b: { c: [{ prefix: 'p' }] } },
      { a: ['x', 'y'], $or: [{ d: [{ exists: false }] }, { e: [{ numeric: ['>', 1] }] }] },
      { a: [{ 'anything-but': 'x' }], f: [{ cidr: '10.0.0.0/8' }, { wildcard: 'a*b' }, { suffix: 'z' }, { 'equals-ignore-case': 'Q' }] },
    ];
    // Enough edges on one path to make a hub, too.
    for (let i = 0; i < 30; i++) m.add(`hub${i}`, { a: [`v${i}`], b: { c: [`w${i}`] } });
    patterns.forEach((p, i) => m.add(`r${i}`, p));
    expect(m.match({ a: 'v3', b: { c: 'w3' } })).toEqual(['hub3']);
    expect(m.stats().paths).toBeGreaterThan(0);
    for (const name of m.names()) m.remove(name);
    expect(m.stats()).toEqual({ rules: 0, paths: 0, fields: 0, pathNodes: 0 });
    expect(m.match({ a: 'x' })).toEqual([]);
  });

  it('shares one automaton: many rules with a common field still match independently', () => {
    const rules: Record<string, object> = {};
    for (let i = 0; i < 2000; i++) rules[`r${i}`] = { source: ['aws.s3'], detail: { eventName: [`Op${i % 500}`], n: [i] } };
    const m: EventMatcher = createMatcher(rules);
    expect(m.match({ source: 'aws.s3', detail: { eventName: 'Op7', n: 1507 } })).toEqual(['r1507']);
    expect(m.match({ source: 'aws.s3', detail: { eventName: 'Op7', n: [7, 507, 1007, 1507, 1508] } })).toEqual(['r7', 'r507', 'r1007', 'r1507']);
  });
});
