/**
 * `compileSigmaRule`: a parsed rule to a record matcher, or the list of constructs that
 * keep it from being evaluated. Compilation never throws; a rule it cannot run faithfully
 * is reported (each construct named), and its `matches` throws `SigmaUnsupportedError`
 * rather than answering false, so an unsupported rule is never silently quiet.
 *
 * Field semantics (Sigma Rules Specification v2, modifiers appendix v2.1):
 *  - a map ANDs its items, a list of maps ORs them; a value list ORs, `|all` ANDs;
 *  - a field matches when ANY value it reaches matches (arrays fan out, see fields.ts);
 *  - `field: null` matches when the field is absent, null or an empty list;
 *  - numbers and booleans compare as their text, case-insensitively: `'true'` matches the
 *    JSON boolean true, `42` matches "42";
 *  - `exists: true` means the key is present, whatever its value (the appendix: "this
 *    check only verifies the presence of a field, not its value, be it empty or null");
 *  - `fieldref` compares with the other field's value(s) in the same record, equality by
 *    default, with contains/startswith/endswith if given, case-insensitive unless `cased`;
 *  - `lt`/`lte`/`gt`/`gte` compare numbers (numeric strings count; other values never match).
 */
import { compileCidr } from './cidr.js';
import { SigmaUnsupportedError } from './errors.js';
import { compileFieldPath, scalarText, someText, type FieldPath, type Resolved } from './fields.js';
import { compileRegex, compileStringPattern, type StringMode, type TextTest } from './patterns.js';
import type { SigmaConditionNode, SigmaFieldItem, SigmaRule, SigmaScalar, SigmaSearch } from './types.js';

export interface CompiledSigmaRule {
  readonly rule: SigmaRule;
  /**
   * Constructs this evaluator does not run, each named (with where it occurs). Absent when
   * the rule is fully supported.
   */
  readonly unsupported?: string[];
  /** Whether the record matches. Never throws for a supported rule; throws `SigmaUnsupportedError` for an unsupported one. */
  matches(record: object): boolean;
}

type Pred = (record: unknown) => boolean;
type ValueTest = (r: Resolved, record: unknown) => boolean;

const STRING_MODES = ['contains', 'startswith', 'endswith'] as const;
const NUMERIC = ['lt', 'lte', 'gt', 'gte'] as const;
const SUPPORTED = new Set<string>([...STRING_MODES, ...NUMERIC, 'all', 'cased', 're', 'i', 'm', 's', 'cidr', 'exists', 'fieldref']);
/** Modifiers of the specification this evaluator does not run, and why it matters. */
const NOT_RUN: Record<string, string> = {
  base64: 'encoding modifier',
  base64offset: 'encoding modifier',
  utf16: 'encoding modifier',
  utf16le: 'encoding modifier',
  utf16be: 'encoding modifier',
  wide: 'encoding modifier',
  windash: 'Windows command-line dash permutations',
  expand: 'placeholder expansion needs environment-specific values',
  neq: 'not-equal modifier (semantics for absent fields unspecified)',
  minute: 'time-part modifier',
  hour: 'time-part modifier',
  day: 'time-part modifier',
  week: 'time-part modifier',
  month: 'time-part modifier',
  year: 'time-part modifier',
};

function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isNaN(n) ? undefined : n;
  }
  return undefined;
}

function valueText(v: SigmaScalar): string {
  return v === null ? '' : String(v);
}

/** Compiles one `field|mods: values` item; pushes problems and returns undefined if it cannot. */
function compileItem(item: SigmaFieldItem, where: string, problems: string[]): Pred | undefined {
  const at = `'${item.key}' in ${where}`;
  const bad = (why: string) => {
    problems.push(`${why} (${at})`);
    return undefined;
  };
  const mods = item.modifiers;
  if (item.field === '') return bad('keyword search (a key with modifiers but no field name)');
  const seen = new Set<string>();
  for (const m of mods) {
    if (m === '') return bad('empty modifier');
    if (NOT_RUN[m]) return bad(`modifier '|${m}': ${NOT_RUN[m]}`);
    if (!SUPPORTED.has(m)) return bad(`unknown modifier '|${m}'`);
    if (seen.has(m)) return bad(`modifier '|${m}' given twice`);
    seen.add(m);
  }
  const has = (m: string) => seen.has(m);
  const stringModes = STRING_MODES.filter(has);
  const numeric = NUMERIC.filter(has);
  if (stringModes.length > 1) return bad(`conflicting modifiers '|${stringModes.join("', '|")}'`);
  const mode: StringMode = stringModes[0] ?? 'eq';
  const all = has('all');
  const cased = has('cased');
  const only = (allowed: string[]) => mods.every((m) => allowed.includes(m));
  const path: FieldPath = compileFieldPath(item.field);
  const values = item.values;

  let tests: ValueTest[];
  if (has('exists')) {
    if (!only(['exists'])) return bad(`'|exists' combined with other modifiers`);
    if (values.length !== 1 || typeof values[0] !== 'boolean') return bad(`'|exists' needs one value, true or false`);
    const want = values[0];
    tests = [(r) => r.found === want];
  } else if (has('fieldref')) {
    if (!only(['fieldref', ...STRING_MODES, 'cased', 'all'])) return bad(`'|fieldref' combined with ${mods.filter((m) => m !== 'fieldref').map((m) => `'|${m}'`).join(', ')}`);
    if (values.some((v) => typeof v !== 'string' || v === '')) return bad(`'|fieldref' needs field names`);
    const norm = cased ? (s: string) => s : (s: string) => s.toLowerCase();
    const cmp: (a: string, b: string) => boolean =
      mode === 'contains' ? (a, b) => a.includes(b) : mode === 'startswith' ? (a, b) => a.startsWith(b) : mode === 'endswith' ? (a, b) => a.endsWith(b) : (a, b) => a === b;
    tests = values.map((ref) => {
      const other = compileFieldPath(ref as string);
      return (r: Resolved, record: unknown) => {
        if (r.values.length === 0) return false;
        const theirs: string[] = [];
        for (const v of other(record).values) {
          const t = scalarText(v);
          if (t !== undefined) theirs.push(norm(t));
        }
        if (theirs.length === 0) return false;
        return r.values.some((v) => {
          const t = scalarText(v);
          if (t === undefined) return false;
          const mine = norm(t);
          return theirs.some((o) => cmp(mine, o));
        });
      };
    });
  } else if (numeric.length > 0) {
    if (numeric.length > 1 || !only([numeric[0], 'all'])) return bad(`'|${numeric[0]}' combined with other modifiers`);
    const op = numeric[0];
    const limits = values.map(numberOf);
    if (limits.some((l) => l === undefined)) return bad(`'|${op}' needs numbers`);
    tests = (limits as number[]).map((lim) => (r: Resolved) =>
      r.values.some((v) => {
        const n = numberOf(v);
        if (n === undefined) return false;
        return op === 'lt' ? n < lim : op === 'lte' ? n <= lim : op === 'gt' ? n > lim : n >= lim;
      }),
    );
  } else if (has('re')) {
    if (!only(['re', 'i', 'm', 's', 'all'])) return bad(`'|re' combined with ${mods.filter((m) => !['re', 'i', 'm', 's', 'all'].includes(m)).map((m) => `'|${m}'`).join(', ')}`);
    tests = [];
    for (const v of values) {
      if (v === null) return bad(`'|re' with a null value`);
      const re = compileRegex(valueText(v), { i: has('i'), m: has('m'), s: has('s') });
      if (typeof re !== 'function') return bad(re.unsupported);
      tests.push((r) => someText(r.values, re));
    }
  } else if (has('i') || has('m') || has('s')) {
    return bad(`regular-expression flag modifier without '|re'`);
  } else if (has('cidr')) {
    if (!only(['cidr', 'all'])) return bad(`'|cidr' combined with other modifiers`);
    tests = [];
    for (const v of values) {
      const test = v === null ? undefined : compileCidr(valueText(v).trim());
      if (!test) return bad(`'|cidr' value ${JSON.stringify(v)} is not an IPv4 or IPv6 network`);
      tests.push((r) => someText(r.values, test));
    }
  } else {
    tests = [];
    for (const v of values) {
      if (v === null) {
        if (!only(['all'])) return bad(`null value with modifiers`);
        tests.push((r) => !r.found || r.values.every((x) => x === null));
        continue;
      }
      const test: TextTest = compileStringPattern(valueText(v), mode, cased);
      tests.push((r) => someText(r.values, test));
    }
  }

  if (tests.length === 1) {
    const t = tests[0];
    return (record) => t(path(record), record);
  }
  return all
    ? (record) => {
        const r = path(record);
        return tests.every((t) => t(r, record));
      }
    : (record) => {
        const r = path(record);
        return tests.some((t) => t(r, record));
      };
}

function compileSearch(name: string, search: SigmaSearch, problems: string[]): Pred | undefined {
  const where = `detection.${name}`;
  if (search.kind === 'keywords') {
    problems.push(`keyword search (plain values matched against the whole event) in ${where}`);
    return undefined;
  }
  let ok = true;
  const alternatives: Pred[][] = search.alternatives.map((items, i) =>
    items.map((item) => {
      const p = compileItem(item, search.alternatives.length > 1 ? `${where}[${i}]` : where, problems);
      if (!p) ok = false;
      return p ?? (() => false);
    }),
  );
  if (!ok) return undefined;
  const ands: Pred[] = alternatives.map((preds) => (preds.length === 1 ? preds[0] : (rec) => preds.every((p) => p(rec))));
  return ands.length === 1 ? ands[0] : (rec) => ands.some((p) => p(rec));
}

/** `preds` holds the searches that compiled; `defined` every search of the rule. */
function compileNode(node: SigmaConditionNode, preds: Map<string, Pred>, defined: ReadonlySet<string>, problems: string[]): Pred {
  const ref = (name: string): Pred => {
    const p = preds.get(name);
    if (p) return p;
    // A search that did not compile has already been reported.
    if (!defined.has(name)) problems.push(`condition refers to undefined search identifier '${name}'`);
    return () => false;
  };
  switch (node.type) {
    case 'ref':
      return ref(node.name);
    case 'of': {
      const ps = node.names.map(ref);
      if (ps.length === 0) problems.push(`'${node.quantifier === 'one' ? '1' : 'all'} of ${node.pattern}' selects no search identifier`);
      return node.quantifier === 'all' ? (rec) => ps.every((p) => p(rec)) : (rec) => ps.some((p) => p(rec));
    }
    case 'not': {
      const p = compileNode(node.operand, preds, defined, problems);
      return (rec) => !p(rec);
    }
    case 'and': {
      const ps = node.operands.map((o) => compileNode(o, preds, defined, problems));
      return (rec) => ps.every((p) => p(rec));
    }
    case 'or': {
      const ps = node.operands.map((o) => compileNode(o, preds, defined, problems));
      return (rec) => ps.some((p) => p(rec));
    }
    default:
      problems.push(`unknown condition node ${JSON.stringify(node)}`);
      return () => false;
  }
}

/** Whether the rule is written for CloudTrail: `logsource: {product: aws, service: cloudtrail}`. */
export function isCloudTrailRule(rule: SigmaRule): boolean {
  return rule.logsource.product?.toLowerCase() === 'aws' && rule.logsource.service?.toLowerCase() === 'cloudtrail';
}

/** Compiles a parsed rule. Never throws; see `CompiledSigmaRule.unsupported`. */
export function compileSigmaRule(rule: SigmaRule): CompiledSigmaRule {
  const problems: string[] = [...(rule.unsupported ?? [])];
  const parsedOk = problems.length === 0;
  if (parsedOk && !isCloudTrailRule(rule)) {
    const ls = Object.entries(rule.logsource).filter(([k]) => k !== 'definition').map(([k, v]) => `${k}: ${v}`).join(', ');
    problems.push(`logsource {${ls}} is not {product: aws, service: cloudtrail}; this evaluator runs CloudTrail rules only`);
  }
  const det = rule.detection;
  if (det.timeframe !== undefined) problems.push(`detection.timeframe '${det.timeframe}' (a time window across events)`);
  // A Map: identifiers such as `constructor` must not resolve to Object.prototype members.
  const preds = new Map<string, Pred>();
  const defined = new Set(Object.keys(det.searches));
  for (const name of Object.keys(det.searches)) {
    const p = compileSearch(name, det.searches[name], problems);
    if (p) preds.set(name, p);
  }
  const conds: Pred[] = [];
  for (const c of det.conditions) {
    if (c.aggregation !== undefined) problems.push(`aggregation '| ${c.aggregation}' in condition '${c.text}'`);
    conds.push(compileNode(c.expression, preds, defined, problems));
  }
  if (parsedOk && det.conditions.length === 0) problems.push('detection has no condition');

  if (problems.length > 0) {
    const unsupported = [...new Set(problems)];
    const label = `${rule.source ?? rule.id} (${rule.title})`;
    return {
      rule,
      unsupported: [...unsupported],
      matches() {
        throw new SigmaUnsupportedError(label, unsupported);
      },
    };
  }
  const match: Pred = conds.length === 1 ? conds[0] : (rec) => conds.some((p) => p(rec));
  return { rule, matches: (record: object) => match(record) };
}
