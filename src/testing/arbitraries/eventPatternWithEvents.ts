import fc from 'fast-check';
import { TrailsimInputError } from '../../core/errors.js';
import type { EventPattern } from '../../bus/pattern/types.js';
import { Choices, buildModel, eventFor, patternOf, type PatternEvent } from './_internals/pattern/model.js';
import { PATTERN_OPERATORS, patternShape, type PatternOperator } from './_internals/pattern/shapes.js';

export type { PatternOperator, PatternEvent };
export { PATTERN_OPERATORS };

/** Constraints of `eventPatternWithEvents` and `eventPattern`. */
export interface EventPatternConstraints {
  /** Operator families patterns may use ('exact' covers plain strings, numbers, booleans, null and IP addresses). @defaultValue every family in PATTERN_OPERATORS */
  operators?: readonly PatternOperator[];
  /** Use `$or`. @defaultValue true */
  or?: boolean;
  /** Deepest nesting of objects and `$or` inside `detail` (0: a flat `detail`). @defaultValue 2 */
  maxDepth?: number;
  /** Most fields per object. @defaultValue 3 */
  maxFieldsPerNode?: number;
  /** Most values (conditions) per field. @defaultValue 3 */
  maxValuesPerField?: number;
  /** Constrain envelope fields (source, detail-type, region, account) too. @defaultValue true */
  envelope?: boolean;
  /** Let event values be arrays (a field matches when one element does). @defaultValue true */
  arrays?: boolean;
  /** Fewest matching events. @defaultValue 1 */
  minMatching?: number;
  /** Most matching events. @defaultValue 3 */
  maxMatching?: number;
  /** Fewest non-matching events. @defaultValue 1 */
  minNonMatching?: number;
  /** Most non-matching events. @defaultValue 3 */
  maxNonMatching?: number;
}

/** A valid pattern with events it matches and events it does not match. */
export interface EventPatternWithEvents {
  readonly pattern: EventPattern;
  /** Events (EventBridge envelopes) the pattern matches. */
  readonly matching: readonly PatternEvent[];
  /** Events the pattern does not match; each differs from a matching one in one place of the pattern's logic. */
  readonly nonMatching: readonly PatternEvent[];
}

function natural(name: string, v: number | undefined, dflt: number): number {
  const n = v ?? dflt;
  if (!Number.isInteger(n) || n < 0) throw new TrailsimInputError(`${name} must be a non-negative integer (got ${String(v)}).`);
  return n;
}

/**
 * Valid EventBridge event patterns over the whole pattern language (exact strings, numbers,
 * booleans, null and IP addresses; prefix and suffix, with and without equals-ignore-case;
 * equals-ignore-case; every anything-but form; numeric comparisons and ranges; exists; cidr;
 * wildcard; nested objects; `$or`), each with events it matches and events it does not.
 *
 * Events are built, not filtered: every field of a pattern has its own path, so the pattern
 * is a formula over independent fields, and each field knows states (absent, a value, an
 * array) that satisfy and that violate it. A matching event satisfies one `$or` alternative;
 * a non-matching event violates one field (or every alternative of one `$or`) and satisfies
 * the rest, so it is a near miss. Shrinks towards `{"detail": {"eventName": ["Delete"]}}`.
 *
 * @example
 * fc.assert(fc.property(eventPatternWithEvents(), ({ pattern, matching, nonMatching }) => {
 *   for (const e of matching) expect(myRouter(pattern, e)).toBe(true);
 *   for (const e of nonMatching) expect(myRouter(pattern, e)).toBe(false);
 * }));
 */
export function eventPatternWithEvents(constraints: EventPatternConstraints = {}): fc.Arbitrary<EventPatternWithEvents> {
  const c = constraints;
  const operators = c.operators ?? PATTERN_OPERATORS;
  for (const o of operators) if (!PATTERN_OPERATORS.includes(o)) throw new TrailsimInputError(`Unknown pattern operator '${String(o)}'; use some of ${PATTERN_OPERATORS.join(', ')}.`);
  if (!operators.some((o) => o !== 'exists')) throw new TrailsimInputError(`operators needs a value operator besides 'exists' (one of ${PATTERN_OPERATORS.filter((o) => o !== 'exists').join(', ')}).`);
  const minMatching = natural('minMatching', c.minMatching, 1);
  const maxMatching = natural('maxMatching', c.maxMatching, Math.max(3, minMatching));
  const minNonMatching = natural('minNonMatching', c.minNonMatching, 1);
  const maxNonMatching = natural('maxNonMatching', c.maxNonMatching, Math.max(3, minNonMatching));
  if (minMatching > maxMatching || minNonMatching > maxNonMatching) throw new TrailsimInputError('minMatching/minNonMatching must not be above maxMatching/maxNonMatching.');
  const arrays = c.arrays ?? true;
  const shape = patternShape({
    operators,
    or: c.or ?? true,
    envelope: c.envelope ?? true,
    maxDepth: natural('maxDepth', c.maxDepth, 2),
    maxFieldsPerNode: Math.max(1, natural('maxFieldsPerNode', c.maxFieldsPerNode, 3)),
    maxValuesPerField: Math.max(1, natural('maxValuesPerField', c.maxValuesPerField, 3)),
  });
  const stream = fc.array(fc.nat({ max: 0xffff }), { maxLength: 48 });
  return fc
    .record({
      shape,
      matching: fc.array(stream, { minLength: minMatching, maxLength: maxMatching }),
      nonMatching: fc.array(stream, { minLength: minNonMatching, maxLength: maxNonMatching }),
    })
    .map(({ shape, matching, nonMatching }) => {
      const model = buildModel(shape);
      const id = (side: number, i: number) => `00000000-0000-4000-8000-${String(side * 1000 + i).padStart(12, '0')}`;
      return {
        pattern: patternOf(model) as EventPattern,
        matching: matching.map((xs, i) => eventFor(model, new Choices(xs), true, arrays, id(1, i))),
        nonMatching: nonMatching.map((xs, i) => eventFor(model, new Choices(xs), false, arrays, id(2, i))),
      };
    });
}
