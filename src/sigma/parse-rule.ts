/**
 * `parseSigmaRule`: YAML text to a `SigmaRule`. It checks the shape the Sigma Rules
 * Specification requires (a mapping with `title`, `logsource`, `detection` and a
 * `condition` that parses) and throws `SigmaRuleError` naming the source and the problem
 * otherwise. It does not decide what the evaluator can run: modifiers, keyword searches,
 * aggregations and timeframes are kept as written for `compileSigmaRule` to judge.
 */
import { basename, extname } from 'node:path';
import { parseSigmaCondition } from './condition.js';
import { SigmaRuleError } from './errors.js';
import type { SigmaCondition, SigmaDetection, SigmaFieldItem, SigmaLogSource, SigmaRule, SigmaScalar, SigmaSearch } from './types.js';
import { readYamlDocuments } from './yaml.js';

type Fail = (problem: string) => never;

function isScalar(v: unknown): v is SigmaScalar {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number';
}

function describe(v: unknown): string {
  if (v instanceof Map) return 'a mapping';
  if (Array.isArray(v)) return 'a list';
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'object') return `a YAML ${v.constructor?.name ?? 'object'}`;
  return `a ${typeof v}`;
}

/** The entries of a YAML mapping, with keys as strings (Sigma keys are strings; numbers are accepted as their text). */
function entries(map: Map<unknown, unknown>, where: string, fail: Fail): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of map) {
    if (typeof k === 'string') out.push([k, v]);
    else if (typeof k === 'number' || typeof k === 'boolean') out.push([String(k), v]);
    else fail(`${where}: a key is ${describe(k)}, not a string`);
  }
  return out;
}

function text(v: unknown, where: string, fail: Fail): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return fail(`'${where}' must be a text value, not ${describe(v)}`);
}

function textList(v: unknown, where: string, fail: Fail): string[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) {
    const one = text(v, where, fail);
    return one === undefined ? [] : [one];
  }
  const out: string[] = [];
  for (const e of v) {
    const s = text(e, where, fail);
    if (s !== undefined) out.push(s);
  }
  return out;
}

function parseValues(key: string, raw: unknown, where: string, fail: Fail): SigmaScalar[] {
  if (isScalar(raw)) return [raw];
  if (Array.isArray(raw)) {
    if (raw.length === 0) fail(`${where}: '${key}' has an empty value list`);
    for (const v of raw) {
      if (!isScalar(v)) fail(`${where}: '${key}' lists ${describe(v)}; a value list holds only plain values`);
    }
    return raw as SigmaScalar[];
  }
  return fail(`${where}: the value of '${key}' is ${describe(raw)}; it must be a value or a list of values`);
}

function parseMap(map: Map<unknown, unknown>, where: string, fail: Fail): SigmaFieldItem[] {
  const items: SigmaFieldItem[] = [];
  for (const [key, raw] of entries(map, where, fail)) {
    const [field, ...modifiers] = key.split('|');
    items.push({ key, field, modifiers, values: parseValues(key, raw, where, fail) });
  }
  if (items.length === 0) fail(`${where} is an empty mapping`);
  return items;
}

function parseSearch(name: string, def: unknown, fail: Fail): SigmaSearch {
  const where = `detection.${name}`;
  if (def instanceof Map) return { kind: 'fields', alternatives: [parseMap(def, where, fail)] };
  if (Array.isArray(def)) {
    if (def.length === 0) fail(`${where} is an empty list`);
    if (def.every((e) => e instanceof Map)) {
      return { kind: 'fields', alternatives: def.map((m, i) => parseMap(m as Map<unknown, unknown>, `${where}[${i}]`, fail)) };
    }
    if (def.every(isScalar)) return { kind: 'keywords', values: def as SigmaScalar[], modifiers: [] };
    return fail(`${where} mixes mappings and plain values (or nests lists)`);
  }
  if (def === null || def === undefined) return fail(`${where} is empty`);
  if (isScalar(def)) return { kind: 'keywords', values: [def], modifiers: [] };
  return fail(`${where} is ${describe(def)}; it must be a mapping, a list of mappings or a list of keywords`);
}

function parseDetection(raw: unknown, source: string | undefined, fail: Fail): SigmaDetection {
  if (!(raw instanceof Map)) return fail(`'detection' must be a mapping, not ${describe(raw)}`);
  // Null prototype: an identifier named `__proto__` or `constructor` stays an ordinary key.
  const searches: Record<string, SigmaSearch> = Object.create(null) as Record<string, SigmaSearch>;
  let condition: unknown;
  let hasCondition = false;
  let timeframe: string | undefined;
  for (const [name, def] of entries(raw, 'detection', fail)) {
    if (name === 'condition') {
      condition = def;
      hasCondition = true;
    } else if (name === 'timeframe') {
      timeframe = text(def, 'detection.timeframe', fail) ?? '';
    } else {
      searches[name] = parseSearch(name, def, fail);
    }
  }
  if (!hasCondition || condition === null || condition === undefined) fail(`'detection' has no 'condition'`);
  const condTexts: unknown[] = Array.isArray(condition) ? condition : [condition];
  if (condTexts.length === 0) fail(`'detection.condition' is an empty list`);
  const names = Object.keys(searches);
  const conditions: SigmaCondition[] = condTexts.map((c) => {
    if (typeof c !== 'string') return fail(`'detection.condition' must be text (or a list of texts), not ${describe(c)}`);
    return parseSigmaCondition(c, names, source);
  });
  return timeframe === undefined ? { searches, conditions } : { searches, conditions, timeframe };
}

function parseLogSource(raw: unknown, fail: Fail): SigmaLogSource {
  if (!(raw instanceof Map)) return fail(`'logsource' must be a mapping, not ${describe(raw)}`);
  const out: { -readonly [K in keyof SigmaLogSource]: SigmaLogSource[K] } = {};
  for (const [k, v] of entries(raw, 'logsource', fail)) {
    if (k === 'product' || k === 'service' || k === 'category' || k === 'definition') {
      const s = text(v, `logsource.${k}`, fail);
      if (s !== undefined) out[k] = s;
    }
  }
  return out;
}

/**
 * Parses one Sigma rule from YAML text. `source` (a file path or label) is recorded on the
 * rule and names it in errors. Throws `SigmaRuleError` (or its `SigmaConditionError`
 * subclass) when the text is not a readable Sigma rule.
 */
export function parseSigmaRule(yamlText: string, source?: string): SigmaRule {
  const fail: Fail = (problem) => {
    throw new SigmaRuleError(source, problem);
  };
  const docs = readYamlDocuments(yamlText, source);
  if (docs.length === 0) fail('empty rule file (no YAML document)');
  const top = docs[0];
  if (!(top instanceof Map)) return fail(`a Sigma rule is a YAML mapping; this document is ${describe(top)}`);
  const doc = new Map(entries(top, 'rule', fail));
  const unsupported: string[] = [];
  if (docs.length > 1) {
    unsupported.push(`multi-document rule file (${docs.length} YAML documents: a rule collection or 'action: global'); one rule per file is supported`);
  }

  const title = text(doc.get('title'), 'title', fail);
  if (title === undefined || title.trim() === '') fail(`missing 'title'`);
  const isCorrelation = doc.has('correlation');
  const isFilter = !doc.has('detection') && doc.has('filter');
  let detection: SigmaDetection;
  let logsource: SigmaLogSource;
  if (isCorrelation || isFilter) {
    unsupported.push(isCorrelation ? 'correlation rule (Sigma correlation rules span several events)' : 'Sigma filter (meta) rule');
    detection = { searches: Object.create(null) as Record<string, SigmaSearch>, conditions: [] };
    logsource = doc.get('logsource') instanceof Map ? parseLogSource(doc.get('logsource'), fail) : {};
  } else {
    if (!doc.has('logsource')) fail(`missing 'logsource'`);
    if (!doc.has('detection')) fail(`missing 'detection'`);
    logsource = parseLogSource(doc.get('logsource'), fail);
    detection = parseDetection(doc.get('detection'), source, fail);
  }

  const id = text(doc.get('id'), 'id', fail) ?? (source ? basename(source, extname(source)) : title!);
  const optional = (k: string) => text(doc.get(k), k, fail);
  const rule: SigmaRule = {
    id,
    title: title!,
    status: optional('status'),
    description: optional('description'),
    author: optional('author'),
    date: optional('date'),
    modified: optional('modified'),
    level: optional('level'),
    tags: textList(doc.get('tags'), 'tags', fail),
    references: textList(doc.get('references'), 'references', fail),
    falsepositives: textList(doc.get('falsepositives'), 'falsepositives', fail),
    logsource,
    detection,
    source,
    unsupported,
  };
  // Optional fields are absent, not undefined (as everywhere in trailsim).
  for (const k of Object.keys(rule) as (keyof SigmaRule)[]) if (rule[k] === undefined) delete (rule as Partial<Record<keyof SigmaRule, unknown>>)[k];
  return rule;
}
