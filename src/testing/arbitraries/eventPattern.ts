import type fc from 'fast-check';
import type { EventPattern } from '../../bus/pattern/types.js';
import { eventPatternWithEvents, type EventPatternConstraints } from './eventPatternWithEvents.js';

/**
 * Valid EventBridge event patterns (as objects) over the whole pattern language; the pattern
 * half of `eventPatternWithEvents`, which also gives events that match and that do not.
 */
export function eventPattern(constraints: Omit<EventPatternConstraints, 'minMatching' | 'maxMatching' | 'minNonMatching' | 'maxNonMatching'> = {}): fc.Arbitrary<EventPattern> {
  return eventPatternWithEvents({ ...constraints, minMatching: 0, maxMatching: 0, minNonMatching: 0, maxNonMatching: 0 }).map((v) => v.pattern);
}
