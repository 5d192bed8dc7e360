/**
 * Types of the event-pattern language (EventBridge user guide, "Event patterns" and
 * "Content filtering in Amazon EventBridge event patterns").
 */

import type { IpRange } from './cidr.js';
import type { NumericRange } from './numeric.js';
import type { Wildcard } from './wildcard.js';

/** `{"equals-ignore-case": "..."}` as used inside `prefix`, `suffix` and `anything-but`. */
export interface IgnoreCaseOperand {
  readonly 'equals-ignore-case': string;
}

/** One comparison operator object inside a field's value list. */
export type MatchExpression =
  | { readonly prefix: string | IgnoreCaseOperand }
  | { readonly suffix: string | IgnoreCaseOperand }
  | { readonly 'equals-ignore-case': string }
  | { readonly wildcard: string }
  | { readonly exactly: string }
  | { readonly exists: boolean }
  | { readonly cidr: string }
  | { readonly numeric: readonly (string | number)[] }
  | {
      readonly 'anything-but':
        | string
        | number
        | readonly string[]
        | readonly number[]
        | { readonly prefix: string | readonly string[] }
        | { readonly suffix: string | readonly string[] }
        | { readonly wildcard: string | readonly string[] }
        | { readonly 'equals-ignore-case': string | readonly string[] };
    };

/** A value a field may match: a literal, or an operator object. */
export type PatternValue = string | number | boolean | null | MatchExpression;

/**
 * An event pattern: field names map to nested patterns or to the list of values the field may
 * match; `$or` holds two or more alternative sub-patterns.
 */
export interface EventPattern {
  readonly [field: string]: EventPattern | readonly PatternValue[] | readonly EventPattern[];
}

/** Anything accepted where a pattern is expected: its JSON text, or the pattern as an object. */
export type PatternSource = string | EventPattern | object;

/** A JSON leaf value of an event. */
export type LeafValue = string | number | boolean | null;

/**
 * One value a field may match, after validation. Exact values (strings, numbers compared by
 * value, true/false/null) are `equals`; a string value that is an IP address is an `ip` range of
 * one address, as is the result of `cidr`; `numeric` with `=` is `equals` on the number.
 */
export type Condition =
  | { readonly kind: 'equals'; readonly value: LeafValue }
  | { readonly kind: 'ip'; readonly range: IpRange }
  | { readonly kind: 'prefix'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly kind: 'suffix'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly kind: 'equals-ignore-case'; readonly value: string }
  | { readonly kind: 'wildcard'; readonly wildcard: Wildcard }
  | { readonly kind: 'numeric'; readonly range: NumericRange }
  | { readonly kind: 'anything-but'; readonly strings: readonly string[]; readonly numbers: readonly number[] }
  | { readonly kind: 'anything-but-ignore-case'; readonly values: readonly string[] }
  | { readonly kind: 'anything-but-prefix'; readonly values: readonly string[] }
  | { readonly kind: 'anything-but-suffix'; readonly values: readonly string[] }
  | { readonly kind: 'anything-but-wildcard'; readonly wildcards: readonly Wildcard[] }
  | { readonly kind: 'exists'; readonly exists: boolean };

/** A field path (dot-joined, as event-ruler joins it) and the values it may match (any one). */
export interface PatternField {
  readonly path: string;
  readonly conditions: readonly Condition[];
  /** Canonical text of the conditions: equal keys mean equal fields. */
  readonly key: string;
}

/**
 * A validated pattern, ready for a matcher: `$or` expanded into alternatives, each a list of
 * fields sorted by path that must all match.
 */
export interface CompiledPattern {
  /** The pattern's JSON text as given (or as serialised from an object). */
  readonly source: string;
  readonly alternatives: readonly (readonly PatternField[])[];
}
