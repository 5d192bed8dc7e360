/**
 * Pattern validation beyond syntax: the size limits and the wildcard complexity limit, and the
 * construction of AWS's error.
 *
 * Sizes (EventBridge API reference, PutRule `EventPattern`; EventBridge quotas): the API takes
 * at most 4,096 characters, and the "Event pattern size" quota is 2,048 characters by default
 * (adjustable). TestEventPattern documents no limit.
 */

import { InvalidEventPatternException, ValidationException } from '../../core/errors.js';
import { WILDCARD_COMPLEXITY_LIMIT, wildcardComplexity, type ComplexityTerm } from './complexity.js';
import type { PatternField } from './types.js';

/** The most characters PutRule accepts in `EventPattern`. */
export const MAX_EVENT_PATTERN_LENGTH = 4096;
/** The default "Event pattern size" quota, in characters. */
export const DEFAULT_EVENT_PATTERN_SIZE_QUOTA = 2048;

const PREFIX = 'Event pattern is not valid. Reason: ';

/** The exception AWS answers for an invalid pattern, with its message. */
export function invalidEventPattern(reason: string, cause?: unknown): InvalidEventPatternException {
  return new InvalidEventPatternException(PREFIX + reason, cause === undefined ? {} : { cause });
}

/** Limits applied when a pattern is compiled. */
export interface PatternLimits {
  /**
   * Most characters allowed in the pattern text (for an object, its compact JSON). Beyond 4,096 the
   * answer is the API's ValidationException; up to that, InvalidEventPatternException naming the
   * quota. @defaultValue no limit (TestEventPattern documents none)
   */
  readonly maxLength?: number;
}

/** Throws when the pattern text is longer than allowed. */
export function checkPatternLength(text: string, limits: PatternLimits): void {
  const max = limits.maxLength;
  if (max === undefined || text.length <= max) return;
  if (text.length > MAX_EVENT_PATTERN_LENGTH) {
    throw new ValidationException(
      `1 validation error detected: Value '${text}' at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to ${MAX_EVENT_PATTERN_LENGTH}`,
    );
  }
  // The quota's exact wording is not documented; this names the limit and the size.
  throw invalidEventPattern(`Event pattern size ${text.length} exceeds the limit of ${max} characters`);
}

const TOO_COMPLEX =
  'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character';

function complexityTerms(field: PatternField): ComplexityTerm[] {
  const terms: ComplexityTerm[] = [];
  for (const c of field.conditions) {
    if (c.kind === 'wildcard') terms.push({ identity: `w:${c.wildcard.source}`, wildcards: [c.wildcard] });
    else if (c.kind === 'anything-but-wildcard' && c.wildcards.length > 0) {
      terms.push({ identity: `abw:${JSON.stringify(c.wildcards.map((w) => w.source).sort())}`, wildcards: c.wildcards });
    }
  }
  return terms;
}

function onlyAbsent(field: PatternField): boolean {
  return field.conditions.every((c) => c.kind === 'exists' && !c.exists);
}

/**
 * Rejects a pattern whose wildcards are too complex. Wildcards are grouped as event-ruler's
 * automaton groups them: per field, per point in the rule reached by the same preceding fields
 * (fields in path order). Points reached only through `exists: false` are not evaluated, as in
 * event-ruler.
 */
export function checkWildcardComplexity(alternatives: readonly (readonly PatternField[])[]): void {
  const groups = new Map<string, Map<string, ComplexityTerm>>();
  for (const fields of alternatives) {
    let prefix = '';
    let reachable = true;
    for (const field of fields) {
      const terms = complexityTerms(field);
      if (terms.length > 0 && reachable) {
        const key = `${prefix}\u0002${field.path}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = new Map()));
        for (const t of terms) group.set(t.identity, t);
      }
      if (onlyAbsent(field)) reachable = false;
      prefix += `\u0001${field.path}\u0000${field.key}`;
    }
  }
  for (const group of groups.values()) {
    if (wildcardComplexity([...group.values()]) > WILDCARD_COMPLEXITY_LIMIT) throw invalidEventPattern(TOO_COMPLEX);
  }
}
