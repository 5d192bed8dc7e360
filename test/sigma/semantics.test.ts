/**
 * Sigma matching semantics, construct by construct (Sigma Rules Specification v2 and its
 * modifiers appendix), and how unsupported constructs and bad rules are reported.
 */
import { describe, expect, it } from 'vitest';
import {
  compileSigmaRule,
  parseSigmaRule,
  SigmaConditionError,
  SigmaRuleError,
  SigmaUnsupportedError,
  type SigmaRule,
} from '../../src/sigma/index.js';
import { TrailsimError, TrailsimInputError } from '../../src/core/errors.js';

function indent(s: string, by = '  '): string {
  return s
    .split('\n')
    .map((l) => (l.trim() === '' ? l : by + l))
    .join('\n');
}

/** A CloudTrail rule with the given `detection:` body (YAML, unindented). */
function rule(detection: string, extra = ''): SigmaRule {
  return parseSigmaRule(`title: test rule\nid: test-1\nlogsource:\n  product: aws\n  service: cloudtrail\ndetection:\n${indent(detection)}\n${extra}`, 'test.yml');
}

function matcher(detection: string): (r: object) => boolean {
  const c = compileSigmaRule(rule(detection));
  expect(c.unsupported).toBeUndefined();
  return (r) => c.matches(r);
}

function unsupported(detection: string, extra = ''): readonly string[] {
  const c = compileSigmaRule(rule(detection, extra));
  expect(c.unsupported).toBeDefined();
  expect(() => c.matches({})).toThrow(SigmaUnsupportedError);
  return c.unsupported!;
}

describe('selections', () => {
  it('a map ANDs its fields; a list of maps ORs them', () => {
    const and = matcher('sel:\n  a: x\n  b: y\ncondition: sel');
    expect(and({ a: 'x', b: 'y' })).toBe(true);
    expect(and({ a: 'x', b: 'z' })).toBe(false);
    const or = matcher('sel:\n  - a: x\n  - b: y\ncondition: sel');
    expect(or({ a: 'x' })).toBe(true);
    expect(or({ b: 'y' })).toBe(true);
    expect(or({ a: 'y', b: 'x' })).toBe(false);
  });

  it('a value list ORs; |all ANDs', () => {
    const any = matcher('sel:\n  a: [x, y]\ncondition: sel');
    expect(any({ a: 'y' })).toBe(true);
    expect(any({ a: 'z' })).toBe(false);
    const all = matcher("sel:\n  a|contains|all: [foo, bar]\ncondition: sel");
    expect(all({ a: 'bar-foo' })).toBe(true);
    expect(all({ a: 'foo' })).toBe(false);
    // |all across the values of an array: each value may be found in a different element.
    expect(all({ a: ['foo', 'bar'] })).toBe(true);
  });
});

describe('field paths', () => {
  it('dotted names reach nested JSON; arrays on the way fan out', () => {
    const m = matcher('sel:\n  a.b.c: x\ncondition: sel');
    expect(m({ a: { b: { c: 'x' } } })).toBe(true);
    expect(m({ a: [{ b: { c: 'y' } }, { b: [{ c: 'z' }, { c: ['q', 'x'] }] }] })).toBe(true);
    expect(m({ a: [{ b: { c: 'y' } }] })).toBe(false);
    expect(m({ a: { b: 'x' } })).toBe(false);
    expect(m({ 'a.b': { c: 'x' } })).toBe(true); // partly flattened
    expect(m({ 'a.b.c': 'x' })).toBe(true); // flattened by a pipeline
  });

  it('only own properties count; undefined is absent', () => {
    const m = matcher('sel:\n  constructor: x\ncondition: sel');
    expect(m({})).toBe(false);
    const n = matcher('sel:\n  a: null\ncondition: sel');
    expect(n({ a: undefined })).toBe(true);
    const p = matcher("sel:\n  __proto__.x: 'y'\ncondition: sel");
    expect(p(JSON.parse('{"__proto__": {"x": "y"}}') as object)).toBe(true);
    expect(p({})).toBe(false);
  });
});

describe('values', () => {
  it('compare case-insensitively, whole value', () => {
    const m = matcher('sel:\n  a: Hello World\ncondition: sel');
    expect(m({ a: 'hello world' })).toBe(true);
    expect(m({ a: 'HELLO WORLD' })).toBe(true);
    expect(m({ a: 'hello world!' })).toBe(false);
    expect(m({ a: 'say hello world' })).toBe(false);
  });

  it('numbers and booleans compare as their text', () => {
    const t = matcher("sel:\n  a: 'true'\ncondition: sel");
    expect(t({ a: true })).toBe(true);
    expect(t({ a: 'True' })).toBe(true);
    expect(t({ a: false })).toBe(false);
    expect(t({ a: 1 })).toBe(false);
    const yamlBool = matcher('sel:\n  a: true\ncondition: sel');
    expect(yamlBool({ a: true })).toBe(true);
    expect(yamlBool({ a: 'TRUE' })).toBe(true);
    const num = matcher('sel:\n  a: 42\ncondition: sel');
    expect(num({ a: 42 })).toBe(true);
    expect(num({ a: '42' })).toBe(true);
    expect(num({ a: 420 })).toBe(false);
    const str = matcher("sel:\n  a: '42'\ncondition: sel");
    expect(str({ a: 42 })).toBe(true);
  });

  it('read YAML 1.1 as PyYAML does: yes/no/on/off are booleans, y/n and dates are text', () => {
    const r = rule('sel:\n  a: no\n  b: n\n  c: 2024-01-02\n  d: On\n  e: 0x1F\ncondition: sel');
    const s = r.detection.searches.sel;
    expect(s.kind === 'fields' && s.alternatives[0].map((i) => i.values[0])).toEqual([false, 'n', '2024-01-02', true, 31]);
    const m = matcher("sel:\n  MFAUsed: No\ncondition: sel");
    expect(m({ MFAUsed: 'No' })).toBe(false); // an unquoted No is the boolean false
    expect(m({ MFAUsed: false })).toBe(true);
  });

  it('null matches an absent field, null, or an empty list', () => {
    const m = matcher('sel:\n  errorCode: null\ncondition: sel');
    expect(m({})).toBe(true);
    expect(m({ errorCode: null })).toBe(true);
    expect(m({ errorCode: [] })).toBe(true);
    expect(m({ errorCode: '' })).toBe(false);
    expect(m({ errorCode: 'AccessDenied' })).toBe(false);
    const either = matcher("sel:\n  errorCode: [null, 'Success']\ncondition: sel");
    expect(either({ errorCode: 'success' })).toBe(true);
    expect(either({})).toBe(true);
    expect(either({ errorCode: 'Denied' })).toBe(false);
  });

  it('empty string matches only the empty string', () => {
    const m = matcher("sel:\n  a: ''\ncondition: sel");
    expect(m({ a: '' })).toBe(true);
    expect(m({})).toBe(false);
    expect(m({ a: null })).toBe(false);
    expect(m({ a: 'x' })).toBe(false);
  });

  it('wildcards * and ? and their escapes', () => {
    const m = matcher("sel:\n  a: 'ab*c?e'\ncondition: sel");
    expect(m({ a: 'abXXcde' })).toBe(true);
    expect(m({ a: 'abcde' })).toBe(true);
    expect(m({ a: 'abce' })).toBe(false);
    expect(m({ a: 'ABzzC€E' })).toBe(true);
    expect(m({ a: 'abc😀e' })).toBe(true); // ? is one character, even outside the BMP
    const lit = matcher("sel:\n  a: 'a\\*b\\?c'\ncondition: sel");
    expect(lit({ a: 'a*b?c' })).toBe(true);
    expect(lit({ a: 'aXbYc' })).toBe(false);
    const bs = matcher("sel:\n  a: 'C:\\Windows\\\\*'\ncondition: sel");
    expect(bs({ a: 'C:\\Windows\\System32' })).toBe(true); // \\* is a backslash, then a wildcard
    expect(bs({ a: 'C:\\WindowsX' })).toBe(false);
    const star = matcher("sel:\n  a: '*'\ncondition: sel");
    expect(star({ a: '' })).toBe(true);
    expect(star({ a: 0 })).toBe(true);
    expect(star({ a: null })).toBe(false);
    expect(star({})).toBe(false);
  });

  it('regex-looking text in a plain value is literal', () => {
    const m = matcher("sel:\n  a: 'a.b(c)[d]+$'\ncondition: sel");
    expect(m({ a: 'a.b(c)[d]+$' })).toBe(true);
    expect(m({ a: 'aXb(c)[d]+$' })).toBe(false);
  });

  it('objects match through their nested values and their JSON text', () => {
    const m = matcher('sel:\n  rp|contains: Suspended\ncondition: sel');
    expect(m({ rp: { v: { Status: 'Suspended' } } })).toBe(true);
    expect(m({ rp: { Suspended: 1 } })).toBe(true); // a key, via the JSON text
    expect(m({ rp: { v: 'Enabled' } })).toBe(false);
    const q = matcher(`sel:\n  rp|contains: '"Allow"'\ncondition: sel`);
    expect(q({ rp: { doc: '{"Effect":"Allow"}' } })).toBe(true);
    expect(q({ rp: { Effect: 'Allow' } })).toBe(true); // JSON text of the object
    expect(q({ rp: { Effect: 'Allowed' } })).toBe(false);
  });
});

describe('modifiers', () => {
  it('contains / startswith / endswith, case-insensitive; cased is exact', () => {
    const c = matcher('sel:\n  a|contains: MiD\ncondition: sel');
    expect(c({ a: 'xxmidxx' })).toBe(true);
    expect(c({ a: 'mi d' })).toBe(false);
    const s = matcher('sel:\n  a|startswith: Up\ncondition: sel');
    expect(s({ a: 'update' })).toBe(true);
    expect(s({ a: 'backup' })).toBe(false);
    const e = matcher('sel:\n  a|endswith: .EXE\ncondition: sel');
    expect(e({ a: 'cmd.exe' })).toBe(true);
    expect(e({ a: 'cmd.exe.txt' })).toBe(false);
    const cased = matcher('sel:\n  a|contains|cased: MiD\ncondition: sel');
    expect(cased({ a: 'xMiDx' })).toBe(true);
    expect(cased({ a: 'xmidx' })).toBe(false);
    const mixed = matcher("sel:\n  a|contains: 'a*c'\ncondition: sel");
    expect(mixed({ a: 'zzabbbczz' })).toBe(true);
    expect(mixed({ a: 'zzcbbbazz' })).toBe(false);
  });

  it('re: unanchored, case-sensitive unless |i; m and s flags', () => {
    const m = matcher("sel:\n  a|re: 'ro+le/[a-z]+$'\ncondition: sel");
    expect(m({ a: 'arn:assumed-rooole/abc' })).toBe(true);
    expect(m({ a: 'arn:assumed-ROLE/abc' })).toBe(false);
    expect(m({ a: 'role/abc/' })).toBe(false);
    const i = matcher("sel:\n  a|re|i: '^ROLE'\ncondition: sel");
    expect(i({ a: 'role' })).toBe(true);
    const inline = matcher("sel:\n  a|re: '(?i)^ROLE'\ncondition: sel");
    expect(inline({ a: 'role' })).toBe(true);
    const ml = matcher("sel:\n  a|re|m: '^two$'\ncondition: sel");
    expect(ml({ a: 'one\ntwo\nthree' })).toBe(true);
    const sl = matcher("sel:\n  a|re|s: 'one.two'\ncondition: sel");
    expect(sl({ a: 'one\ntwo' })).toBe(true);
    expect(matcher("sel:\n  a|re: 'one.two'\ncondition: sel")({ a: 'one\ntwo' })).toBe(false);
    const named = matcher("sel:\n  a|re: '(?P<w>ab)(?P=w)'\ncondition: sel");
    expect(named({ a: 'xabab' })).toBe(true);
    const punct = matcher("sel:\n  a|re: '^a\\-b\\:c$'\ncondition: sel");
    expect(punct({ a: 'a-b:c' })).toBe(true);
  });

  it('re: PCRE-only syntax is reported, not misread', () => {
    expect(unsupported("sel:\n  a|re: '\\Aabc\\Z'\ncondition: sel")[0]).toMatch(/not valid in JavaScript/);
    expect(unsupported("sel:\n  a|re: '(?>ab)c'\ncondition: sel")[0]).toMatch(/regular expression/);
    expect(unsupported("sel:\n  a|re: 'a++'\ncondition: sel")[0]).toMatch(/regular expression/);
    expect(unsupported("sel:\n  a|re: '(?x) a b'\ncondition: sel")[0]).toMatch(/extended/);
  });

  it('cidr: IPv4 and IPv6; non-addresses never match', () => {
    const v4 = matcher("sel:\n  ip|cidr: 10.0.0.0/8\ncondition: sel");
    expect(v4({ ip: '10.200.1.2' })).toBe(true);
    expect(v4({ ip: '11.0.0.1' })).toBe(false);
    expect(v4({ ip: 'AWS Internal' })).toBe(false);
    expect(v4({ ip: 'lambda.amazonaws.com' })).toBe(false);
    expect(v4({ ip: '10.0.0.256' })).toBe(false);
    const list = matcher("sel:\n  ip|cidr: ['192.168.0.0/16', '2001:db8::/32']\ncondition: sel");
    expect(list({ ip: '2001:db8:1::5' })).toBe(true);
    expect(list({ ip: '2001:db9::5' })).toBe(false);
    expect(list({ ip: '192.168.255.255' })).toBe(true);
    const mapped = matcher("sel:\n  ip|cidr: '::ffff:0:0/96'\ncondition: sel");
    expect(mapped({ ip: '::ffff:1.2.3.4' })).toBe(true);
    const host = matcher("sel:\n  ip|cidr: 203.0.113.9\ncondition: sel");
    expect(host({ ip: '203.0.113.9' })).toBe(true);
    expect(host({ ip: '203.0.113.10' })).toBe(false);
    expect(unsupported("sel:\n  ip|cidr: 10.0.0.0/33\ncondition: sel")[0]).toMatch(/not an IPv4 or IPv6 network/);
  });

  it('exists: presence of the key, whatever its value', () => {
    const yes = matcher('sel:\n  a.b|exists: true\ncondition: sel');
    expect(yes({ a: { b: null } })).toBe(true);
    expect(yes({ a: { b: [] } })).toBe(true);
    expect(yes({ a: { c: 1 } })).toBe(false);
    expect(yes({ a: [{ c: 1 }, { b: 'x' }] })).toBe(true);
    const no = matcher('sel:\n  a|exists: false\ncondition: sel');
    expect(no({})).toBe(true);
    expect(no({ a: '' })).toBe(false);
    expect(unsupported("sel:\n  a|exists: 'yes please'\ncondition: sel")[0]).toMatch(/true or false/);
  });

  it('fieldref: compares with another field of the same record', () => {
    const eq = matcher('sel:\n  a|fieldref: b.c\ncondition: sel');
    expect(eq({ a: 'X', b: { c: 'x' } })).toBe(true);
    expect(eq({ a: 'x', b: { c: 'y' } })).toBe(false);
    expect(eq({ a: 'x' })).toBe(false);
    expect(eq({ a: null, b: { c: null } })).toBe(false);
    expect(eq({ a: 5, b: { c: '5' } })).toBe(true);
    const cont = matcher('sel:\n  arn|fieldref|endswith: user\ncondition: sel');
    expect(cont({ arn: 'arn:aws:iam::1:user/Bob', user: 'bob' })).toBe(true);
    expect(cont({ arn: 'arn:aws:iam::1:user/bob2', user: 'bob' })).toBe(false);
    const cased = matcher('sel:\n  a|fieldref|cased: b\ncondition: sel');
    expect(cased({ a: 'X', b: 'x' })).toBe(false);
  });

  it('lt / lte / gt / gte compare numbers; other values never match', () => {
    const gt = matcher('sel:\n  n|gt: 10\ncondition: sel');
    expect(gt({ n: 11 })).toBe(true);
    expect(gt({ n: '12.5' })).toBe(true);
    expect(gt({ n: 10 })).toBe(false);
    expect(gt({ n: 'eleven' })).toBe(false);
    expect(gt({ n: '' })).toBe(false);
    expect(gt({ n: true })).toBe(false);
    expect(matcher('sel:\n  n|lte: 10\ncondition: sel')({ n: 10 })).toBe(true);
  });

  it('reports each unsupported modifier and bad combination by name', () => {
    expect(unsupported('sel:\n  a|base64offset|contains: x\ncondition: sel')).toEqual(["modifier '|base64offset': encoding modifier ('a|base64offset|contains' in detection.sel)"]);
    expect(unsupported('sel:\n  a|windash: -x\ncondition: sel')[0]).toMatch(/windash/);
    expect(unsupported('sel:\n  a|expand: "%Servers%"\ncondition: sel')[0]).toMatch(/placeholder/);
    expect(unsupported('sel:\n  a|neq: x\ncondition: sel')[0]).toMatch(/neq/);
    expect(unsupported('sel:\n  a|frobnicate: x\ncondition: sel')[0]).toMatch(/unknown modifier '\|frobnicate'/);
    expect(unsupported('sel:\n  a|contains|startswith: x\ncondition: sel')[0]).toMatch(/conflicting modifiers/);
    expect(unsupported('sel:\n  a|i: x\ncondition: sel')[0]).toMatch(/without '\|re'/);
    expect(unsupported('sel:\n  a|contains: null\ncondition: sel')[0]).toMatch(/null value with modifiers/);
    expect(unsupported('sel:\n  a|contains|contains: x\ncondition: sel')[0]).toMatch(/twice/);
    // Two problems in one rule: both are named.
    expect(unsupported('sel:\n  a|base64: x\nother:\n  b|utf16le: y\ncondition: sel or other')).toHaveLength(2);
  });
});

describe('conditions', () => {
  const recs = { none: {}, a: { a: '1' }, b: { b: '1' }, ab: { a: '1', b: '1' }, abc: { a: '1', b: '1', c: '1' } };
  const defs = 'sel_a:\n  a: 1\nsel_b:\n  b: 1\nfilter_c:\n  c: 1\n_hidden:\n  h: 1\n';
  const check = (cond: string, expected: Partial<Record<keyof typeof recs, boolean>>) => {
    const m = matcher(`${defs}condition: ${cond}`);
    for (const [k, v] of Object.entries(expected)) expect([cond, k, m(recs[k as keyof typeof recs])]).toEqual([cond, k, v]);
  };

  it('and, or, not, parentheses, with precedence or < and < not', () => {
    check('sel_a and sel_b', { a: false, ab: true });
    check('sel_a or sel_b', { none: false, b: true });
    check('not sel_a', { none: true, a: false });
    check('sel_a or sel_b and filter_c', { a: true, b: false, abc: true });
    check('(sel_a or sel_b) and not filter_c', { a: true, abc: false });
    check('not sel_a and sel_b', { b: true, ab: false });
    check('not (sel_a and sel_b)', { ab: false, a: true });
    check('not not sel_a', { a: true, none: false });
  });

  it('1 of / all of patterns and them (them skips _identifiers)', () => {
    check('1 of sel_*', { none: false, a: true, b: true });
    check('all of sel_*', { a: false, ab: true });
    check('1 of them', { a: true, none: false });
    check('all of them', { ab: false, abc: true }); // _hidden is not required
    check('all of sel_* and not 1 of filter*', { ab: true, abc: false });
    check('1 of *_c', { abc: true, ab: false });
    check('ALL OF sel_* AND NOT filter_c', { ab: true });
  });

  it('a list of conditions is OR-ed', () => {
    const m = matcher(`${defs}condition:\n  - sel_a and sel_b\n  - filter_c`);
    expect(m({ a: '1' })).toBe(false);
    expect(m({ c: '1' })).toBe(true);
    expect(m({ a: '1', b: '1' })).toBe(true);
  });

  it('syntax errors throw SigmaConditionError naming the file and the problem', () => {
    const bad: [string, RegExp][] = [
      ['sel_a and', /unexpected end/],
      ['sel_a sel_b', /unexpected 'sel_b'/],
      ['(sel_a or sel_b', /expected '\)'/],
      ['sel_a)', /unexpected '\)'/],
      ['nope', /'nope' is not a search identifier/],
      ['SEL_A', /'SEL_A' is not a search identifier/],
      ['1 of nothing_*', /matches no search identifier/],
      ['2 of sel_*', /only '1 of' and 'all of'/],
      ['sel_*', /must follow '1 of' or 'all of'/],
      ['and sel_a', /unexpected 'and'/],
      ['1 of', /expected 'them' or an identifier pattern/],
      ['', /empty condition/],
      ['| count() > 5', /nothing before the aggregation/],
      ['('.repeat(400) + 'sel_a' + ')'.repeat(400), /nested too deeply/],
    ];
    for (const [cond, re] of bad) {
      let err: unknown;
      try {
        rule(`${defs}condition: '${cond}'`);
      } catch (e) {
        err = e;
      }
      expect(err, cond).toBeInstanceOf(SigmaConditionError);
      expect((err as Error).message, cond).toMatch(re);
      expect((err as Error).message.startsWith('test.yml: ')).toBe(true);
    }
  });

  it('aggregations, near and timeframe are reported as unsupported', () => {
    expect(unsupported(`${defs}condition: sel_a | count() by userIdentity.arn > 5`)).toEqual(["aggregation '| count() by userIdentity.arn > 5' in condition 'sel_a | count() by userIdentity.arn > 5'"]);
    expect(unsupported(`${defs}condition: sel_a | near sel_b`)[0]).toMatch(/aggregation '\| near sel_b'/);
    expect(unsupported(`${defs}timeframe: 5m\ncondition: sel_a`)[0]).toMatch(/timeframe '5m'/);
  });
});

describe('rule-level constructs', () => {
  it('keyword searches are reported as unsupported', () => {
    expect(unsupported("keywords:\n  - 'evil'\n  - 'worse'\ncondition: keywords")[0]).toMatch(/keyword search .* detection\.keywords/);
    expect(unsupported("kw:\n  '|all':\n    - a\n    - b\ncondition: kw")[0]).toMatch(/keyword search/);
  });

  it('a rule for another log source is reported, not evaluated', () => {
    const r = parseSigmaRule('title: t\nlogsource:\n  product: windows\n  category: process_creation\ndetection:\n  sel:\n    Image: x\n  condition: sel\n');
    const c = compileSigmaRule(r);
    expect(c.unsupported).toEqual(['logsource {product: windows, category: process_creation} is not {product: aws, service: cloudtrail}; this evaluator runs CloudTrail rules only']);
  });

  it('correlation rules and multi-document files are reported', () => {
    const corr = parseSigmaRule('title: many failures\nid: c1\ncorrelation:\n  type: event_count\n  rules: [x]\n  group-by: [userIdentity.arn]\n  timespan: 5m\n  condition:\n    gte: 10\n');
    expect(compileSigmaRule(corr).unsupported![0]).toMatch(/correlation rule/);
    const multi = parseSigmaRule(`title: a\nlogsource: {product: aws, service: cloudtrail}\ndetection: {sel: {a: 1}, condition: sel}\n---\ntitle: b\nlogsource: {product: aws, service: cloudtrail}\ndetection: {sel: {a: 2}, condition: sel}\n`);
    expect(compileSigmaRule(multi).unsupported![0]).toMatch(/multi-document rule file \(2 YAML documents/);
  });

  it('metadata: id falls back to the file name, optional fields absent, lists normalised', () => {
    const r = parseSigmaRule('title: T\ntags: attack.t1\nlogsource: {product: aws, service: cloudtrail}\ndetection: {sel: {a: 1}, condition: sel}\n', 'rules/my_rule.yml');
    expect(r.id).toBe('my_rule');
    expect(r.tags).toEqual(['attack.t1']);
    expect(r.falsepositives).toEqual([]);
    expect('level' in r).toBe(false);
    expect(r.source).toBe('rules/my_rule.yml');
  });
});

/** Nine levels of nine aliases each: 9^9 strings if expanded. */
function billionLaughs(): string {
  let y = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 9; i++) y += `a${i}: &a${i} [${Array<string>(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return y;
}

describe('parse errors', () => {
  const bad: [string, RegExp][] = [
    ['title: [unclosed', /not valid YAML/],
    ['', /empty rule file/],
    ['- a\n- b', /YAML mapping/],
    ['title: t\nlogsource: {product: aws}\n', /missing 'detection'/],
    ['title: t\ndetection: {sel: {a: 1}, condition: sel}\n', /missing 'logsource'/],
    ['logsource: {product: aws}\ndetection: {sel: {a: 1}, condition: sel}\n', /missing 'title'/],
    ['title: t\nlogsource: {product: aws}\ndetection: {sel: {a: 1}}\n', /no 'condition'/],
    ['title: t\nlogsource: {product: aws}\ndetection: {sel: {a: {b: 1}}, condition: sel}\n', /must be a value or a list of values/],
    ['title: t\nlogsource: {product: aws}\ndetection: {sel: {a: []}, condition: sel}\n', /empty value list/],
    ['title: t\nlogsource: {product: aws}\ndetection: {sel: {}, condition: sel}\n', /empty mapping/],
    ['title: t\nlogsource: {product: aws}\ndetection: {sel: [{a: 1}, x], condition: sel}\n', /mixes mappings and plain values/],
    ['title: t\nlogsource: {product: aws}\ndetection: {sel: {a: 1}, condition: 42}\n', /must be text/],
    ['title: t\nlogsource: x\ndetection: {sel: {a: 1}, condition: sel}\n', /'logsource' must be a mapping/],
    ['title: t\ntitle: u\n', /not valid YAML/],
    [billionLaughs(), /resource exhaustion/],
  ];
  for (const [text, re] of bad) {
    it(`${JSON.stringify(text.slice(0, 40))} -> ${re}`, () => {
      let err: unknown;
      try {
        parseSigmaRule(text, 'bad.yml');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SigmaRuleError);
      expect(err).toBeInstanceOf(TrailsimInputError);
      expect(TrailsimError.is(err)).toBe(true);
      expect((err as SigmaRuleError).source).toBe('bad.yml');
      expect((err as Error).message).toMatch(/^bad\.yml: /);
      expect((err as Error).message).toMatch(re);
    });
  }
});
