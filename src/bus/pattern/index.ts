/**
 * The EventBridge event-pattern language: validation with AWS's messages, compilation, and a
 * multi-rule matcher whose cost grows with the event, not with the number of rules.
 *
 * @example
 * ```ts
 * testEventPattern({ source: ['aws.s3'] }, event); // true / false, as TestEventPattern answers
 * const m = createMatcher({ 'deletes': { detail: { eventName: [{ prefix: 'Delete' }] } } });
 * m.match(event); // ['deletes']
 * ```
 */

import { ValidationException } from '../../core/errors.js';
import { compilePattern, isCompiledPattern, patternText } from './compile.js';
import { RuleMachine } from './matcher.js';
import type { CompiledPattern, PatternSource } from './types.js';

export { compilePattern, validateEventPattern, isCompiledPattern } from './compile.js';
export { createMatcher, type EventMatcher, type MatcherOptions } from './matcher.js';
export { MAX_EVENT_PATTERN_LENGTH, DEFAULT_EVENT_PATTERN_SIZE_QUOTA, type PatternLimits } from './validate.js';
export { WILDCARD_COMPLEXITY_LIMIT } from './complexity.js';
export { NUMERIC_LIMIT, type NumericRange } from './numeric.js';
export { MAX_ALTERNATIVES } from './parse.js';
export type { IpRange } from './cidr.js';
export type { Wildcard } from './wildcard.js';
export type {
  CompiledPattern,
  Condition,
  EventPattern,
  IgnoreCaseOperand,
  LeafValue,
  MatchExpression,
  PatternField,
  PatternSource,
  PatternValue,
} from './types.js';

/** Envelope fields TestEventPattern requires (EventBridge API reference, TestEventPattern; `resources` may be absent). */
export const REQUIRED_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'] as const;

const INVALID_EVENT = 'Parameter Event is not valid.';

function envelope(event: object | string): object {
  let obj: unknown = event;
  if (typeof event === 'string') {
    try {
      obj = JSON.parse(event);
    } catch (e) {
      throw new ValidationException(INVALID_EVENT, { cause: e });
    }
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new ValidationException(INVALID_EVENT);
  const record = obj as Record<string, unknown>;
  for (const f of REQUIRED_EVENT_FIELDS) if (record[f] === undefined) throw new ValidationException(INVALID_EVENT);
  return obj;
}

// TestEventPattern is often called repeatedly with the same pattern: keep the last few compiled.
const CACHE_SIZE = 64;
const single = new Map<string, RuleMachine>();

function machineFor(pattern: PatternSource | CompiledPattern): RuleMachine {
  const text = isCompiledPattern(pattern) ? pattern.source : patternText(pattern);
  let m = single.get(text);
  if (m) {
    single.delete(text);
    single.set(text, m);
    return m;
  }
  const compiled = compilePattern(text);
  m = new RuleMachine();
  m.add('pattern', compiled);
  single.set(text, m);
  if (single.size > CACHE_SIZE) single.delete(single.keys().next().value as string);
  return m;
}

/**
 * EventBridge's TestEventPattern: whether the event matches the pattern.
 *
 * Throws InvalidEventPatternException ("Event pattern is not valid. Reason: ...") for an invalid
 * pattern, and ValidationException ("Parameter Event is not valid.") when the event is not a
 * JSON object or lacks one of `id`, `account`, `source`, `time`, `region`, `detail-type`.
 */
export function testEventPattern(pattern: PatternSource | CompiledPattern, event: object | string): boolean {
  const m = machineFor(pattern);
  return m.match(envelope(event)).length > 0;
}
