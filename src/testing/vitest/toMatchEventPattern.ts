import { TrailsimInputError } from '../../core/errors.js';
import { compilePattern } from '../../bus/pattern/compile.js';
import { createMatcher, type EventMatcher } from '../../bus/pattern/matcher.js';
import type { PatternSource } from '../../bus/pattern/types.js';
import { indent, plural, show } from './_internals/format.js';
import type { MatcherResult } from './types.js';

/** One `$or` alternative of a pattern: dotted field paths and the values each may match. */
type Alternative = Map<string, unknown[]>;

/**
 * A pattern's alternatives, expanded as EventBridge reads them (event-ruler's compiler):
 * nested keys join with "."; fields read before a `$or` are copied into each of its branches
 * and fields read after it are added to all of them.
 */
function alternativesOf(pattern: Record<string, unknown>, prefix = '', start: Alternative[] = [new Map()]): Alternative[] {
  let alts = start;
  for (const [key, value] of Object.entries(pattern)) {
    if (key === '$or') {
      alts = alts.flatMap((alt) => (value as Record<string, unknown>[]).flatMap((branch) => alternativesOf(branch, prefix, [new Map(alt)])));
    } else {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      if (Array.isArray(value)) for (const alt of alts) alt.set(path, value);
      else alts = alternativesOf(value as Record<string, unknown>, path, alts);
    }
  }
  return alts;
}

/** The leaves of an event at a dotted path, arrays flattened. */
function leavesAt(event: unknown, path: string): unknown[] {
  let level: unknown[] = [event];
  for (const seg of path.split('.')) {
    const next: unknown[] = [];
    for (const v of level) {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, seg)) continue;
      const child = (v as Record<string, unknown>)[seg];
      if (Array.isArray(child)) next.push(...child.flat(Infinity));
      else next.push(child);
    }
    level = next;
  }
  return level.filter((v) => v === null || typeof v !== 'object');
}

function showLeaves(leaves: unknown[]): string {
  if (leaves.length === 0) return '(absent)';
  return leaves.length === 1 ? show(leaves[0]) : `${show(leaves)} (array)`;
}

const cache = new Map<string, EventMatcher>();
function matcherFor(pattern: object | string): EventMatcher {
  const key = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
  let m = cache.get(key);
  if (!m) {
    m = createMatcher({ pattern });
    if (cache.size >= 128) cache.delete(cache.keys().next().value as string);
    cache.set(key, m);
  }
  return m;
}

function matches(pattern: object, event: object): boolean {
  return matcherFor(pattern).match(event).length > 0;
}

/**
 * Whether the event (an object, or its JSON text) matches the EventBridge pattern, with
 * TestEventPattern's semantics but without requiring the envelope fields. An invalid pattern
 * throws InvalidEventPatternException (AWS's message). The failure message names, for each
 * `$or` alternative, the pattern fields the event fails and what it has there. Runner-agnostic.
 */
export function toMatchEventPattern(received: unknown, pattern: PatternSource): MatcherResult {
  const compiled = compilePattern(pattern);
  let event: unknown = received;
  if (typeof received === 'string') {
    try {
      event = JSON.parse(received);
    } catch {
      throw new TrailsimInputError(`toMatchEventPattern received a string that is not JSON: ${show(received)}.`);
    }
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new TrailsimInputError(`toMatchEventPattern expects an event object (or its JSON text); received ${show(received)}.`);
  const ev = event as object;
  const pass = matcherFor(compiled.source).match(ev).length > 0;

  const message = (): string => {
    const alts = alternativesOf(JSON.parse(compiled.source) as Record<string, unknown>);
    const fieldsOf = (alt: Alternative) => [...alt.entries()].map(([path, values]) => ({ path, values, ok: matches({ [path]: values }, ev), leaves: leavesAt(ev, path) }));
    const lines: string[] = [`expect(event)${pass ? '.not' : ''}.toMatchEventPattern(pattern)`, ''];
    if (pass) {
      const i = alts.findIndex((alt) => matches(Object.fromEntries(alt), ev));
      lines.push(`Expected the event not to match the pattern, but it does${alts.length > 1 ? ` (alternative ${i + 1} of ${alts.length}, from $or)` : ''}:`);
      lines.push(indent(fieldsOf(alts[Math.max(i, 0)]).map((f) => `${f.path}: ${showLeaves(f.leaves)} matches ${show(f.values)}`)));
      return lines.join('\n');
    }
    lines.push(alts.length === 1 ? 'The event does not match the pattern:' : `The event matches none of the pattern's ${alts.length} alternatives (from $or):`);
    alts.forEach((alt, i) => {
      const fields = fieldsOf(alt);
      const failing = fields.filter((f) => !f.ok);
      const by = alts.length === 1 ? '  ' : '    ';
      if (alts.length > 1) lines.push(`  alternative ${i + 1}:`);
      if (failing.length === 0) {
        lines.push(`${by}each field matches on its own, but not together: EventBridge matches the fields inside one array element together, and these come from different elements:`);
        lines.push(indent(fields.map((f) => `${f.path}: ${showLeaves(f.leaves)} matches ${show(f.values)}`), `${by}  `));
      } else {
        lines.push(indent(failing.map((f) => `${f.path}: received ${showLeaves(f.leaves)}; the pattern wants ${show(f.values)}`), by));
      }
      const ok = fields.filter((f) => f.ok);
      if (ok.length > 0 && failing.length > 0) lines.push(`${by}(${plural(ok.length, 'other field')} match${ok.length === 1 ? 'es' : ''}: ${ok.map((f) => f.path).join(', ')})`);
    });
    return lines.join('\n');
  };
  return { pass, message };
}
