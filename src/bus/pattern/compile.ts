/**
 * compilePattern: a pattern (text or object) → a validated, immutable CompiledPattern, the form
 * matchers take. A pattern is compiled once, when a rule is put; matching never re-reads it.
 */

import { readPattern, PatternSyntaxError } from './parse.js';
import type { CompiledPattern, Condition, PatternField, PatternSource } from './types.js';
import { checkPatternLength, checkWildcardComplexity, invalidEventPattern, type PatternLimits } from './validate.js';

const compiled = new WeakSet<object>();

/** Whether a value is a pattern returned by compilePattern. */
export function isCompiledPattern(value: unknown): value is CompiledPattern {
  return typeof value === 'object' && value !== null && compiled.has(value);
}

/** The JSON text of a pattern: strings are used as given, anything else is serialised. */
export function patternText(pattern: PatternSource): string {
  if (typeof pattern === 'string') return pattern;
  let text: string | undefined;
  try {
    text = JSON.stringify(pattern);
  } catch (e) {
    throw invalidEventPattern(e instanceof Error ? e.message : String(e), e);
  }
  return text ?? '';
}

function numberKey(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

/** Canonical text of a condition; equal texts mean the same condition. */
export function conditionKey(c: Condition): string {
  switch (c.kind) {
    case 'equals': {
      const v = c.value;
      if (typeof v === 'string') return `s${JSON.stringify(v)}`;
      if (typeof v === 'number') return `n${numberKey(v)}`;
      return String(v);
    }
    case 'ip':
      return `ip:${c.range.lo}-${c.range.hi}`;
    case 'prefix':
    case 'suffix':
      return `${c.kind}${c.ignoreCase ? '-i' : ''}:${JSON.stringify(c.value)}`;
    case 'equals-ignore-case':
      return `eic:${JSON.stringify(c.value)}`;
    case 'wildcard':
      return `w:${JSON.stringify(c.wildcard.source)}`;
    case 'numeric': {
      const r = c.range;
      return `num:${r.loOpen ? '(' : '['}${numberKey(r.lo)},${numberKey(r.hi)}${r.hiOpen ? ')' : ']'}`;
    }
    case 'anything-but':
      return `ab:${JSON.stringify([...new Set(c.strings)].sort())}${JSON.stringify([...new Set(c.numbers.map(numberKey))].sort())}`;
    case 'anything-but-ignore-case':
    case 'anything-but-prefix':
    case 'anything-but-suffix':
      return `${c.kind}:${JSON.stringify([...new Set(c.values)].sort())}`;
    case 'anything-but-wildcard':
      return `${c.kind}:${JSON.stringify([...new Set(c.wildcards.map((w) => w.source))].sort())}`;
    case 'exists':
      return `exists:${c.exists}`;
  }
}

function makeField(path: string, conditions: readonly Condition[]): PatternField {
  const byKey = new Map<string, Condition>();
  for (const c of conditions) {
    const k = conditionKey(c);
    if (!byKey.has(k)) byKey.set(k, c);
  }
  const keys = [...byKey.keys()].sort();
  return Object.freeze({ path, conditions: Object.freeze(keys.map((k) => byKey.get(k) as Condition)), key: JSON.stringify(keys) });
}

/**
 * Validates a pattern and compiles it. Throws InvalidEventPatternException with AWS's message
 * ("Event pattern is not valid. Reason: ...") when it is not valid.
 */
export function compilePattern(pattern: PatternSource, limits: PatternLimits = {}): CompiledPattern {
  const text = patternText(pattern);
  checkPatternLength(text, limits);
  let raw;
  try {
    raw = readPattern(text);
  } catch (e) {
    if (e instanceof PatternSyntaxError) throw invalidEventPattern(e.message);
    throw e;
  }
  const alternatives = raw.map((alt) =>
    Object.freeze(
      [...alt.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, conditions]) => makeField(path, conditions)),
    ),
  );
  checkWildcardComplexity(alternatives);
  const result: CompiledPattern = Object.freeze({ source: text, alternatives: Object.freeze(alternatives) });
  compiled.add(result);
  return result;
}

/** Throws InvalidEventPatternException (AWS's message) unless the pattern is valid. */
export function validateEventPattern(pattern: PatternSource, limits: PatternLimits = {}): void {
  compilePattern(pattern, limits);
}
