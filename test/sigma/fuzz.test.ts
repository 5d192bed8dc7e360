/**
 * Property tests (fast-check): matchers never throw on arbitrary JSON records; the YAML
 * and condition parsers throw only their typed errors on garbage; escaping and condition
 * precedence agree with independent models.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  compileSigmaRule,
  parseSigmaCondition,
  parseSigmaRule,
  SigmaConditionError,
  SigmaRuleError,
  type CompiledSigmaRule,
} from '../../src/sigma/index.js';
import { compileFieldPath } from '../../src/sigma/fields.js';
import { RULE_CASES } from './rule-cases.js';
import { rules } from './support.js';

const LONG = process.env.TRAILSIM_LONG === '1';
const runs = (n: number) => (LONG ? n * 20 : n);

/** A rule document (YAML 1.1 quoting, so `no` or `2024-01-01` stay strings) from a JS object. */
function ruleYaml(detection: Record<string, unknown>, logsource: Record<string, unknown> = { product: 'aws', service: 'cloudtrail' }): string {
  return stringify({ title: 'fuzz', id: 'fuzz-1', logsource, detection }, { version: '1.1' });
}

/** Rules exercising every supported modifier, on fields the record generator fills. */
const SYNTHETIC: CompiledSigmaRule[] = [
  { s: { 'a|contains|all': ['x', '*y?'], 'b.c|startswith': 'q' }, c: 's' },
  { s: { 'a|endswith|cased': 'Z', 'b|re|i|s': '^x.+y$' }, c: 's' },
  { s: { 'ip|cidr': ['10.0.0.0/8', 'fe80::/10'], 'n|gte': 3 }, c: 's' },
  { s: { 'a|exists': true, 'b.c|exists': false }, c: 's' },
  { s: { 'a|fieldref': 'b.c', 'ip|fieldref|contains': 'a' }, c: 's' },
  { s: { a: null, 'b.c': [null, 'x', 1, true] }, c: 'not s' },
  { s: { 'a.b.c.d': '*', b: '\\*?\\\\' }, c: 's' },
].map(({ s, c }) => {
  const compiled = compileSigmaRule(parseSigmaRule(ruleYaml({ s, t: { a: 'x' }, condition: `${c} or (t and not 1 of s*)` })));
  expect(compiled.unsupported).toBeUndefined();
  return compiled;
});

const FIELDS = ['a', 'b', 'c', 'd', 'ip', 'n', 'eventSource', 'eventName', 'errorCode', 'errorMessage', 'userAgent', 'userIdentity', 'requestParameters', 'responseElements', 'additionalEventData', 'sourceIPAddress', 'eventType', 'status'];

/** Arbitrary JSON objects, half of them keyed by the fields rules look at. */
const records: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }),
  fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 }),
  // Real shapes with one field replaced by arbitrary JSON.
  fc.tuple(fc.constantFrom(...RULE_CASES.flatMap((c) => [c.positive, c.negative])), fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 4 })).map(([r, k, v]) => ({ ...r, [k]: v })),
);

describe('fuzz: matching', () => {
  it('compiled rules never throw on arbitrary JSON records and always answer a boolean', () => {
    const all = [...rules().compiled, ...SYNTHETIC];
    fc.assert(
      fc.property(records, (rec) => {
        for (const c of all) expect(typeof c.matches(rec)).toBe('boolean');
      }),
      { numRuns: runs(300) },
    );
  });

  it('survive deep nesting, cycles and huge arrays without throwing', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20_000; i++) deep = i % 2 ? [deep] : { a: deep };
    const cyclic: Record<string, unknown> = { a: 'x' };
    cyclic.self = cyclic;
    cyclic.b = { c: [cyclic] };
    const wide = { a: Array.from({ length: 50_000 }, (_, i) => `v${i}`), requestParameters: { layers: Array(10_000).fill(null) } };
    for (const rec of [{ a: deep, requestParameters: deep, b: { c: deep } }, cyclic, wide]) {
      for (const c of [...rules().compiled, ...SYNTHETIC]) expect(typeof c.matches(rec)).toBe('boolean');
    }
  });

  it('field paths agree with a recursive model (fan-out, flattening, longest dotted key first)', () => {
    const flat = (v: unknown): unknown[] => (Array.isArray(v) ? v.flatMap(flat) : v === undefined ? [] : [v]);
    const model = (node: unknown, parts: string[], i: number): { found: boolean; values: unknown[] } => {
      if (i === parts.length) return { found: true, values: flat(node) };
      if (Array.isArray(node)) {
        const subs = flat(node).map((e) => model(e, parts, i));
        return { found: subs.some((s) => s.found), values: subs.flatMap((s) => s.values) };
      }
      if (typeof node !== 'object' || node === null) return { found: false, values: [] };
      for (let j = parts.length; j > i; j--) {
        const key = parts.slice(i, j).join('.');
        if (Object.hasOwn(node, key) && (node as Record<string, unknown>)[key] !== undefined) return model((node as Record<string, unknown>)[key], parts, j);
      }
      return { found: false, values: [] };
    };
    const key = fc.constantFrom('a', 'b', 'c', 'a.b', 'b.c');
    const tree = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.constantFrom('x', 1, null, true), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(tree, fc.constantFrom('a', 'a.b', 'a.b.c', 'b.c', 'a.c.b'), (rec, field) => {
        const got = compileFieldPath(field)(rec);
        const want = model(rec, field.split('.'), 0);
        expect({ found: got.found, values: [...got.values] }).toEqual(want);
      }),
      { numRuns: runs(500) },
    );
  });

  it('an escaped literal matches itself exactly, and inside text with contains/startswith/endswith', () => {
    const escape = (s: string) => s.replace(/[\\*?]/g, '\\$&');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), (s, pre, post) => {
        const one = (mod: string) => compileSigmaRule(parseSigmaRule(ruleYaml({ sel: { [`f${mod}`]: escape(s) }, condition: 'sel' })));
        expect(one('').matches({ f: s })).toBe(true);
        expect(one('').matches({ f: `${s}!` })).toBe(false);
        expect(one('|contains').matches({ f: pre + s + post })).toBe(true);
        expect(one('|startswith').matches({ f: s + post })).toBe(true);
        expect(one('|endswith').matches({ f: pre + s })).toBe(true);
        expect(one('|cased').matches({ f: s })).toBe(true);
      }),
      { numRuns: runs(50) },
    );
  });

  it('wildcard patterns agree with a regular-expression model', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '*', '?', 'é');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 7 }), fc.array(fc.constantFrom('a', 'b', 'B', 'é', 'É'), { maxLength: 9 }), (pat, txt) => {
        const p = pat.join('');
        const t = txt.join('');
        const model = new RegExp(`^${p.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'isu');
        const m = compileSigmaRule(parseSigmaRule(ruleYaml({ sel: { f: p }, condition: 'sel' })));
        expect(m.matches({ f: t })).toBe(model.test(t));
      }),
      { numRuns: runs(400) },
    );
  });
});

type Expr = { t: 'ref'; k: number } | { t: 'not'; e: Expr } | { t: 'and' | 'or'; l: Expr; r: Expr };

const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: 3 }).map((k) => ({ t: 'ref', k }) as Expr),
    tie('e').map((e) => ({ t: 'not', e }) as Expr),
    fc.tuple(fc.constantFrom('and' as const, 'or' as const), tie('e'), tie('e')).map(([t, l, r]) => ({ t, l, r }) as Expr),
  ),
})).e;

const PREC = { or: 1, and: 2, not: 3, ref: 4 } as const;

/** Prints with only the parentheses precedence needs (plus a few spare), keywords in random case. */
function print(e: Expr, parent: number, spare: () => boolean, kw: (w: string) => string): string {
  let s: string;
  if (e.t === 'ref') s = `sel_${e.k}`;
  else if (e.t === 'not') s = `${kw('not')} ${print(e.e, PREC.not, spare, kw)}`;
  else s = `${print(e.l, PREC[e.t], spare, kw)} ${kw(e.t)} ${print(e.r, PREC[e.t] + 1, spare, kw)}`;
  return PREC[e.t] < parent || spare() ? `(${s})` : s;
}

function evaluate(e: Expr, truth: boolean[]): boolean {
  if (e.t === 'ref') return truth[e.k];
  if (e.t === 'not') return !evaluate(e.e, truth);
  return e.t === 'and' ? evaluate(e.l, truth) && evaluate(e.r, truth) : evaluate(e.l, truth) || evaluate(e.r, truth);
}

describe('fuzz: conditions', () => {
  it('precedence (or < and < not) and parentheses agree with a boolean model', () => {
    const detection = Object.fromEntries([0, 1, 2, 3].map((k) => [`sel_${k}`, { [`f${k}`]: 'on' }]));
    fc.assert(
      fc.property(expr, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.infiniteStream(fc.boolean()), fc.infiniteStream(fc.boolean()), (e, truth, spares, cases) => {
        const sp = spares[Symbol.iterator]();
        const cs = cases[Symbol.iterator]();
        const text = print(e, 0, () => sp.next().value && sp.next().value, (w) => (cs.next().value ? w.toUpperCase() : w));
        const m = compileSigmaRule(parseSigmaRule(ruleYaml({ ...detection, condition: text })));
        const rec = Object.fromEntries(truth.map((on, k) => [`f${k}`, on ? 'ON' : 'off']));
        expect([text, m.matches(rec)]).toEqual([text, evaluate(e, truth)]);
      }),
      { numRuns: runs(300) },
    );
  });

  it('the condition parser throws only SigmaConditionError on token soup', () => {
    const tokens = fc.constantFrom('sel', 'sel_a', 'filter', 'sel_*', '*', 'them', 'not', 'and', 'or', 'AND', '(', ')', '1', '2', 'all', 'of', 'x', '|', 'count()', '>', 'by', 'near', ' ', '');
    fc.assert(
      fc.property(fc.array(tokens, { maxLength: 12 }), fc.string({ maxLength: 8 }), (toks, noise) => {
        for (const text of [toks.join(' '), toks.join(''), toks.join(' ') + noise]) {
          try {
            const c = parseSigmaCondition(text, ['sel', 'sel_a', 'filter', '_hidden']);
            expect(typeof c.text).toBe('string');
          } catch (e) {
            expect(e).toBeInstanceOf(SigmaConditionError);
          }
        }
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('fuzz: rule parser', () => {
  const onlyTyped = (text: string) => {
    let rule;
    try {
      rule = parseSigmaRule(text, 'fuzz.yml');
    } catch (e) {
      expect(e).toBeInstanceOf(SigmaRuleError);
      expect((e as Error).message.startsWith('fuzz.yml: ')).toBe(true);
      return;
    }
    // A rule that parses always compiles (reporting what it cannot run) without throwing.
    const c = compileSigmaRule(rule);
    if (!c.unsupported) expect(typeof c.matches({ a: 'x' })).toBe('boolean');
  };

  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), onlyTyped), { numRuns: runs(400) });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ':', ' ', '\n', '-', '|', '{', '}', '[', ']', '&', '*', '!', "'", '"', '#', '?', '%', '@'), maxLength: 80 }), onlyTyped), { numRuns: runs(400) });
  });

  it('mutilated real rules', () => {
    const texts = rules().rules.map((r) => r.source!).map((f) => readFileSync(f, 'utf8'));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat(), fc.string({ maxLength: 6 }), (t, a, b, ins) => {
        const i = a % (t.length + 1);
        const j = i + (b % 30);
        onlyTyped(t.slice(0, i) + ins + t.slice(j));
      }),
      { numRuns: runs(400) },
    );
  });

  it('structured garbage: random detections, modifiers, values and conditions', () => {
    const fieldKey = fc
      .tuple(fc.constantFrom('a', 'b.c', 'eventName', '', 'x.y.z'), fc.array(fc.constantFrom('contains', 'startswith', 'endswith', 'all', 're', 'i', 'cidr', 'exists', 'fieldref', 'cased', 'gt', 'base64', 'bogus', ''), { maxLength: 3 }))
      .map(([f, mods]) => [f, ...mods].join('|'));
    const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('10.0.0.0/8', '(?i)a+', '*', '\\', '[', 'a\\*'));
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 3 }), scalar, { maxKeys: 2 }));
    const mapping = fc.dictionary(fieldKey, value, { maxKeys: 3 });
    const search = fc.oneof(mapping, fc.array(mapping, { maxLength: 3 }), fc.array(scalar, { maxLength: 3 }), scalar);
    const cond = fc.array(fc.constantFrom('sel', 'sel2', 'filter', 'not', 'and', 'or', '(', ')', '1 of', 'all of', 'sel*', 'them', '| count() > 3', 'nope'), { minLength: 1, maxLength: 6 }).map((t) => t.join(' '));
    const logsource = fc.oneof(fc.constant({ product: 'aws', service: 'cloudtrail' }), fc.dictionary(fc.constantFrom('product', 'service', 'category'), scalar, { maxKeys: 3 }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('sel', 'sel2', 'filter', '_x', 'timeframe'), search, { maxKeys: 4 }), fc.oneof(cond, fc.array(cond, { maxLength: 2 }), scalar), logsource, records, (searches, condition, ls, rec) => {
        let rule;
        try {
          rule = parseSigmaRule(ruleYaml({ ...searches, condition }, ls as Record<string, unknown>), 'fuzz.yml');
        } catch (e) {
          expect(e).toBeInstanceOf(SigmaRuleError);
          return;
        }
        const c = compileSigmaRule(rule);
        if (c.unsupported) expect(c.unsupported.length).toBeGreaterThan(0);
        else expect(typeof c.matches(rec)).toBe('boolean');
      }),
      { numRuns: runs(600) },
    );
  });
});
