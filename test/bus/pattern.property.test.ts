import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidEventPatternException } from '../../src/core/errors.js';
import { compilePattern, createMatcher, testEventPattern } from '../../src/bus/pattern/index.js';
import { matchWildcard, parseWildcard } from '../../src/bus/pattern/wildcard.js';

// --------------------------------------------------------------------------------------------
// A reference evaluator: one rule at a time, straight from the pattern object, by brute force.
// It knows nothing of the compiler or the matcher; it states the semantics as plainly as it can
// for the ASCII, IPv4-only vocabulary the generators below use.
// --------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
interface Leaf {
  path: string;
  value: Json;
  /** [array id, index] pairs from the outermost array in. */
  in: [number, number][];
}

function leavesOf(event: Json): Leaf[] {
  const out: Leaf[] = [];
  let arrays = 0;
  const walk = (v: Json, path: string, inside: [number, number][]): void => {
    if (Array.isArray(v)) {
      const id = ++arrays;
      v.forEach((x, i) => walk(x, path, [...inside, [id, i]]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`, inside);
    } else if (path !== '') out.push({ path, value: v, in: inside });
  };
  walk(event, '', []);
  return out;
}

function consistent(a: [number, number][], b: [number, number][]): boolean {
  return a.every(([id, i]) => b.every(([id2, j]) => id !== id2 || i === j));
}

function ipv4(s: Json): number | null {
  if (typeof s !== 'string' || !/^\d+\.\d+\.\d+\.\d+$/.test(s)) return null;
  const parts = s.split('.');
  if (parts.some((p) => (p.length > 1 && p.startsWith('0')) || Number(p) > 255)) return null;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

function glob(pattern: string, s: string): boolean {
  const toks: (string | null)[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') toks.push(pattern[++i] as string);
    else toks.push(pattern[i] === '*' ? null : (pattern[i] as string));
  }
  // can[j]: the tokens so far can match s[0..j)
  let can = s.split('').map(() => false);
  can = [true, ...can];
  for (const t of toks) {
    const next = can.map(() => false);
    for (let j = 0; j <= s.length; j++) next[j] = t === null ? can[j] === true || (j > 0 && next[j - 1] === true) : j > 0 && can[j - 1] === true && s[j - 1] === t;
    can = next;
  }
  return can[s.length] === true;
}

const low = (s: string): string => s.toLowerCase();

/** Whether one non-exists value condition of a pattern accepts one leaf value. */
function accepts(cond: Json, v: Json): boolean {
  if (cond === null || typeof cond !== 'object') {
    if (typeof cond === 'string' && ipv4(cond) !== null) return ipv4(v) === ipv4(cond);
    return v === cond;
  }
  const [op, arg] = Object.entries(cond)[0] as [string, Json];
  const str = typeof v === 'string' ? v : null;
  const ic = (a: Json): string | null => (a !== null && typeof a === 'object' && !Array.isArray(a) ? (a['equals-ignore-case'] as string) : null);
  switch (op) {
    case 'exists':
      return arg === true;
    case 'prefix':
      return str !== null && (ic(arg) !== null ? low(str).startsWith(low(ic(arg) as string)) : str.startsWith(arg as string));
    case 'suffix':
      return str !== null && (ic(arg) !== null ? low(str).endsWith(low(ic(arg) as string)) : str.endsWith(arg as string));
    case 'equals-ignore-case':
      return str !== null && low(str) === low(arg as string);
    case 'wildcard':
      return str !== null && glob(arg as string, str);
    case 'numeric': {
      if (typeof v !== 'number' || Math.abs(v) > 5e9) return false;
      const ops = arg as (string | number)[];
      const cmp: Record<string, (a: number, b: number) => boolean> = { '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b, '=': (a, b) => a === b };
      for (let i = 0; i < ops.length; i += 2) if (!(cmp[ops[i] as string] as (a: number, b: number) => boolean)(v, ops[i + 1] as number)) return false;
      return true;
    }
    case 'cidr': {
      const [ip, bits] = (arg as string).split('/');
      const base = ipv4(ip as string) as number;
      const x = ipv4(v);
      const host = 2 ** (32 - Number(bits)) - 1;
      // event-ruler: from the address as written to the address with all host bits set.
      return x !== null && x >= base && x <= (base | host) >>> 0;
    }
    case 'anything-but': {
      if (arg !== null && typeof arg === 'object' && !Array.isArray(arg)) {
        const [kind, list] = Object.entries(arg)[0] as [string, Json];
        const xs = (Array.isArray(list) ? list : [list]) as string[];
        if (str === null) return true;
        if (kind === 'prefix') return !xs.some((x) => str.startsWith(x));
        if (kind === 'suffix') return !xs.some((x) => str.endsWith(x));
        if (kind === 'wildcard') return !xs.some((x) => glob(x, str));
        return !xs.some((x) => low(x) === low(str));
      }
      const xs = Array.isArray(arg) ? arg : [arg];
      return !xs.some((x) => x === v);
    }
    default:
      throw new Error(`reference: unknown operator ${op}`);
  }
}

/** The pattern's alternatives: lists of [path, values], `$or` as a product, later fields winning. */
function alternatives(p: Obj, prefix = '', start: Map<string, Json[]>[] = [new Map()]): Map<string, Json[]>[] {
  let alts = start;
  for (const [k, v] of Object.entries(p)) {
    if (k === '$or') {
      alts = alts.flatMap((alt) => (v as Obj[]).flatMap((branch) => alternatives(branch, prefix, [new Map(alt)])));
    } else if (Array.isArray(v)) {
      for (const alt of alts) alt.set(prefix === '' ? k : `${prefix}.${k}`, v);
    } else alts = alternatives(v as Obj, prefix === '' ? k : `${prefix}.${k}`, alts);
  }
  return alts;
}

function referenceMatch(pattern: Obj, event: Json): boolean {
  const leaves = leavesOf(event);
  return alternatives(pattern).some((alt) => {
    const fields = [...alt.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // Depth-first over fields in path order, carrying the array elements chosen so far.
    const search = (k: number, chosen: [number, number][]): boolean => {
      if (k === fields.length) return true;
      const [path, conds] = fields[k] as [string, Json[]];
      const here = leaves.filter((l) => l.path === path && consistent(chosen, l.in));
      const absentOk = conds.some((c) => c !== null && typeof c === 'object' && (c as Obj).exists === false);
      if (absentOk && here.length === 0 && search(k + 1, chosen)) return true;
      const valueConds = conds.filter((c) => !(c !== null && typeof c === 'object' && (c as Obj).exists === false));
      return here.some((l) => valueConds.some((c) => accepts(c, l.value)) && search(k + 1, [...chosen, ...l.in]));
    };
    return search(0, []);
  });
}

// --------------------------------------------------------------------------------------------
// Generators over a small vocabulary, so that patterns and events meet often.
// --------------------------------------------------------------------------------------------

const KEYS = ['a', 'b', 'c'];
const STRINGS = ['x', 'y', 'xy', 'yx', 'XY', 'x*y', 'x\\y', '', '10.0.0.1', '10.0.1.7', '10.1.0.0'];
const NUMBERS = [0, 1, 2.5, -3, 100, 5e9, 7e9, 0.000001];
const WILDCARDS = ['x*', '*y', '*', 'x*y', 'x\\*y', '', '*x*', 'x\\\\y'];

const leafValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(...STRINGS),
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(true, false, null),
);

const eventValue: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: leafValue, weight: 4 },
    { arbitrary: fc.array(tie('v'), { maxLength: 3 }), weight: 1 },
    { arbitrary: fc.dictionary(fc.constantFrom(...KEYS, 'a.b'), tie('v'), { maxKeys: 3 }), weight: 2 },
  ),
})).v;

const event: fc.Arbitrary<Obj> = fc.dictionary(fc.constantFrom(...KEYS, 'a.b'), eventValue, { maxKeys: 3 });

const str = fc.constantFrom(...STRINGS);
const nonEmpty = fc.constantFrom(...STRINGS.filter((s) => s !== ''));
const inRange = fc.constantFrom(...NUMBERS.filter((n) => Math.abs(n) <= 5e9));

const condition: fc.Arbitrary<Json> = fc.oneof(
  leafValue,
  str.map((s) => ({ prefix: s })),
  str.map((s) => ({ prefix: { 'equals-ignore-case': s } })),
  str.map((s) => ({ suffix: s })),
  str.map((s) => ({ suffix: { 'equals-ignore-case': s } })),
  str.map((s) => ({ 'equals-ignore-case': s })),
  fc.constantFrom(...WILDCARDS).map((w) => ({ wildcard: w })),
  fc.boolean().map((b) => ({ exists: b })),
  fc.constantFrom('10.0.0.0/24', '10.0.0.7/8', '10.1.0.0/16').map((c) => ({ cidr: c })),
  fc.oneof(str, inRange, fc.array(str, { minLength: 1, maxLength: 3 }), fc.array(inRange, { minLength: 1, maxLength: 3 })).map((x) => ({ 'anything-but': x })),
  fc.oneof(nonEmpty, fc.array(nonEmpty, { minLength: 1, maxLength: 2 })).map((x) => ({ 'anything-but': { prefix: x } })),
  fc.oneof(nonEmpty, fc.array(nonEmpty, { minLength: 1, maxLength: 2 })).map((x) => ({ 'anything-but': { suffix: x } })),
  fc.oneof(str, fc.array(str, { minLength: 1, maxLength: 2 })).map((x) => ({ 'anything-but': { 'equals-ignore-case': x } })),
  fc.oneof(fc.constantFrom(...WILDCARDS), fc.array(fc.constantFrom(...WILDCARDS), { minLength: 1, maxLength: 2 })).map((x) => ({ 'anything-but': { wildcard: x } })),
  fc.tuple(fc.constantFrom('>', '>=', '<', '<=', '='), inRange).filter(([op, n]) => !((op === '>' || op === '>=') && n === 5e9)).map(([op, n]) => ({ numeric: [op, n] })),
  fc.tuple(inRange, inRange, fc.boolean(), fc.boolean()).filter(([a, b]) => a < b).map(([a, b, o1, o2]) => ({ numeric: [o1 ? '>' : '>=', a, o2 ? '<' : '<=', b] })),
);

/** Patterns nested at most `depth` levels, with `$or` (2-3 branches) at any level: bounded expansion. */
function patternOf(depth: number): fc.Arbitrary<Obj> {
  const values = fc.array(condition, { minLength: 1, maxLength: 3 }) as fc.Arbitrary<Json>;
  const fieldValue = depth > 0 ? fc.oneof({ arbitrary: values, weight: 3 }, { arbitrary: patternOf(depth - 1) as fc.Arbitrary<Json>, weight: 1 }) : values;
  const fields = fc.dictionary(fc.constantFrom(...KEYS), fieldValue, { minKeys: 1, maxKeys: 2 });
  if (depth === 0) return fields as fc.Arbitrary<Obj>;
  return fc
    .tuple(fields, fc.option(fc.array(patternOf(depth - 1), { minLength: 2, maxLength: 3 }), { freq: 4 }))
    .map(([f, or]) => (or === null ? f : { ...f, $or: or as Json[] })) as fc.Arbitrary<Obj>;
}

const pattern = patternOf(2);

const TOO_COMPLEX = /^Event pattern is not valid\. Reason: Rule is too complex/;

/** Generated patterns are valid except that their wildcards may exceed the complexity limit. */
function compiles(p: Obj): boolean {
  try {
    compilePattern(p);
    return true;
  } catch (e) {
    if (e instanceof InvalidEventPatternException && TOO_COMPLEX.test(e.message)) return false;
    throw e;
  }
}

const LONG = process.env.TRAILSIM_LONG === '1';
const runs = (n: number): { numRuns: number } => ({ numRuns: LONG ? n * 20 : n });

describe('pattern properties', () => {
  it('generated patterns compile, and never crash on generated events', () => {
    fc.assert(
      fc.property(pattern, fc.array(event, { maxLength: 4 }), (p, events) => {
        if (!compiles(p)) return;
        const m = createMatcher({ p });
        for (const e of events) m.match(e);
      }),
      runs(300),
    );
  });

  it('the multi-rule matcher gives, rule by rule, what the reference evaluator gives', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 6 }), fc.array(event, { minLength: 1, maxLength: 5 }), (patterns, events) => {
        fc.pre(patterns.every(compiles));
        const m = createMatcher(Object.fromEntries(patterns.map((p, i) => [`r${i}`, p])));
        for (const e of events) {
          const expected = patterns.flatMap((p, i) => (referenceMatch(p, e) ? [`r${i}`] : []));
          expect(m.match(e)).toEqual(expected);
          expect(m.match(JSON.stringify(e))).toEqual(expected);
        }
      }),
      runs(400),
    );
  });

  it('adding, replacing and removing rules leaves the same matcher as building it afresh', () => {
    const op = fc.oneof(
      fc.tuple(fc.constant('add' as const), fc.integer({ min: 0, max: 4 }), pattern),
      fc.tuple(fc.constant('remove' as const), fc.integer({ min: 0, max: 4 }), fc.constant(null)),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), fc.array(event, { minLength: 1, maxLength: 3 }), (ops, events) => {
        fc.pre(ops.every(([, , p]) => p === null || compiles(p)));
        const live = createMatcher({});
        const rules = new Map<string, Obj>();
        for (const [kind, i, p] of ops) {
          if (kind === 'add') {
            live.add(`r${i}`, p as Obj);
            rules.set(`r${i}`, p as Obj);
          } else {
            expect(live.remove(`r${i}`)).toBe(rules.delete(`r${i}`));
          }
        }
        const fresh = createMatcher(Object.fromEntries(rules));
        expect(live.names()).toEqual([...rules.keys()]);
        for (const e of events) expect(live.match(e)).toEqual(fresh.match(e));
      }),
      runs(200),
    );
  });

  it('prefix, suffix and wildcard-head indexes agree with plain string checks, with many distinct lengths', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 9 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), fc.array(word, { minLength: 1, maxLength: 10 }), (keys, values) => {
        const rules: Record<string, object> = {};
        keys.forEach((k, i) => {
          rules[`p${i}`] = { v: [{ prefix: k }] };
          rules[`s${i}`] = { v: [{ suffix: k }] };
          rules[`pi${i}`] = { v: [{ prefix: { 'equals-ignore-case': k.toUpperCase() } }] };
          rules[`w${i}`] = { v: [{ wildcard: `${k}*c` }] };
        });
        const m = createMatcher(rules);
        for (const v of values) {
          const expected = keys.flatMap((k, i) => [
            ...(v.startsWith(k) ? [`p${i}`] : []),
            ...(v.endsWith(k) ? [`s${i}`] : []),
            ...(v.startsWith(k) ? [`pi${i}`] : []),
            ...(glob(`${k}*c`, v) ? [`w${i}`] : []),
          ]);
          expect(m.match({ v }).sort()).toEqual(expected.sort());
        }
      }),
      runs(300),
    );
  });

  it('wildcard matching agrees with a dynamic-programming glob', () => {
    const chars = fc.constantFrom('a', 'b', '*', '\\*', '\\\\');
    const wildcard = fc.array(chars, { maxLength: 8 }).map((xs) => xs.join('')).filter((w) => !w.includes('**') && !/(^|[^\\])\*\*/.test(w));
    fc.assert(
      fc.property(wildcard, fc.string({ unit: fc.constantFrom('a', 'b', '*', '\\'), maxLength: 10 }), (w, s) => {
        let parsed;
        try {
          parsed = parseWildcard(w);
        } catch {
          return; // consecutive wildcards after an escape, e.g. "\\**"
        }
        expect(matchWildcard(parsed, s)).toBe(glob(w, s));
      }),
      runs(2000),
    );
  });
});

describe('parser fuzzing: any input compiles or throws InvalidEventPatternException', () => {
  const check = (input: string | object): void => {
    try {
      compilePattern(input);
    } catch (e) {
      if (!(e instanceof InvalidEventPatternException)) throw e;
      expect(e.message.startsWith('Event pattern is not valid. Reason: ')).toBe(true);
    }
  };

  it('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), check), runs(2000));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', 'a', '1', '-', '.', 'e', '\\', 'u', ' ', 't', 'n'), maxLength: 40 }), check), runs(3000));
  });

  it('arbitrary JSON text and values', () => {
    fc.assert(fc.property(fc.json(), check), runs(1000));
    fc.assert(fc.property(fc.jsonValue(), (v) => check(v as object)), runs(1000));
  });

  it('JSON objects shaped like patterns, with operators and odd arguments', () => {
    const ops = fc.constantFrom('prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'exactly', 'exists', 'cidr', 'numeric', 'anything-but', '$or', 'NUMERIC');
    const arg: fc.Arbitrary<unknown> = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.array(fc.oneof(fc.constantFrom('<', '<=', '>', '>=', '='), fc.double({ noNaN: true }), fc.integer())),
      fc.dictionary(ops, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
      fc.string().map((s) => `${s}/${s.length}`),
    );
    const shaped = fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), ops), fc.oneof(fc.array(fc.oneof(fc.dictionary(ops, arg, { maxKeys: 2 }), fc.jsonValue({ maxDepth: 1 })), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...KEYS, '$or'), fc.array(fc.dictionary(fc.constantFrom(...KEYS), arg)), { maxKeys: 2 })));
    fc.assert(fc.property(shaped, (p) => check(p)), runs(1500));
  });

  it('mutated valid patterns', () => {
    fc.assert(
      fc.property(pattern, fc.nat(), fc.nat(), fc.constantFrom('', '"', '{', '}', '[', ']', ',', ':', '\\', '*', '0'), (p, at, len, insert) => {
        const text = JSON.stringify(p);
        const i = at % (text.length + 1);
        check(text.slice(0, i) + insert + text.slice(i + (len % 3)));
      }),
      runs(2000),
    );
  });
});

describe('wildcard matching is linear', () => {
  const value = 'a'.repeat(10 * 1024);
  // Five wildcards; every piece occurs everywhere, and the last one never: a backtracking matcher
  // would explore O(n^4) splits here.
  const slow = parseWildcard('*a*a*a*a*b');
  const fits = parseWildcard('a*aa*aaa*aaaa*a*a');

  it('a 10 KB value against a five-wildcard pattern takes well under a millisecond on average', () => {
    expect(matchWildcard(slow, value)).toBe(false);
    expect(matchWildcard(fits, value)).toBe(true);
    const runsCount = 1000;
    const t0 = performance.now();
    for (let i = 0; i < runsCount; i++) {
      matchWildcard(slow, value);
      matchWildcard(fits, value);
    }
    const perMatch = (performance.now() - t0) / (2 * runsCount);
    // Typically ~0.02 ms here; 1 ms is the stated budget, loose enough for a loaded CI machine.
    expect(perMatch).toBeLessThan(1);
  });

  it('through the matcher and TestEventPattern as well', () => {
    const envelope = { id: '1', account: '1', source: 's', time: 't', region: 'r', 'detail-type': 'd', detail: { v: value } };
    const p = { detail: { v: [{ wildcard: '*a*a*a*a*b' }] } };
    expect(testEventPattern(p, envelope)).toBe(false);
    const m = createMatcher({ p, q: { detail: { v: [{ 'anything-but': { wildcard: '*a*a*a*a*b' } }] } } });
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) expect(m.match(envelope)).toEqual(['q']);
    expect((performance.now() - t0) / 200).toBeLessThan(1);
  });
});
