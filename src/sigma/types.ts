/**
 * A Sigma detection rule as `parseSigmaRule` reads it
 * (https://github.com/SigmaHQ/sigma-specification, "Sigma Rules Specification" v2).
 * The detection is kept close to how it is written, with field keys split into field name
 * and modifiers and conditions parsed, so tools can inspect it and the compiler can
 * report exactly which construct it does not run.
 */

/** A value as a Sigma rule writes it (YAML scalar). */
export type SigmaScalar = string | number | boolean | null;

/** One `field|mod1|mod2: value(s)` entry of a detection map. */
export interface SigmaFieldItem {
  /** The key as written, e.g. `userIdentity.arn|re`. */
  readonly key: string;
  /** The field name, dotted for nested JSON (`userIdentity.sessionContext.sessionIssuer.type`). */
  readonly field: string;
  /** Modifiers in the order written (`['contains', 'all']`). */
  readonly modifiers: readonly string[];
  /** The values (a single written value is a list of one). */
  readonly values: readonly SigmaScalar[];
}

/**
 * A search identifier's definition: a map (every item must match) or a list of maps (any
 * map may match), both as `alternatives` (OR of ANDs); or a keyword search (plain values,
 * matched against the whole event), which this evaluator reports as unsupported.
 */
export type SigmaSearch =
  | { readonly kind: 'fields'; readonly alternatives: readonly (readonly SigmaFieldItem[])[] }
  | { readonly kind: 'keywords'; readonly values: readonly SigmaScalar[]; readonly modifiers: readonly string[] };

/** A parsed `condition` expression. */
export type SigmaConditionNode =
  | { readonly type: 'ref'; readonly name: string }
  /** `1 of pattern` (`one`) or `all of pattern`; `names` are the identifiers the pattern selects, in rule order. */
  | { readonly type: 'of'; readonly quantifier: 'one' | 'all'; readonly pattern: string; readonly names: readonly string[] }
  | { readonly type: 'not'; readonly operand: SigmaConditionNode }
  | { readonly type: 'and' | 'or'; readonly operands: readonly SigmaConditionNode[] };

export interface SigmaCondition {
  /** The condition as written. */
  readonly text: string;
  /** The boolean expression (everything before an aggregation pipe). */
  readonly expression: SigmaConditionNode;
  /** A Sigma 1.0 aggregation (`| count() by x > 5`, `| near ...`), as written; not supported. */
  readonly aggregation?: string;
}

export interface SigmaDetection {
  /** Search identifiers, in the order written (a null-prototype object). */
  readonly searches: Readonly<Record<string, SigmaSearch>>;
  /** The condition(s); a list of conditions is OR-ed. */
  readonly conditions: readonly SigmaCondition[];
  /** `timeframe`, if the rule has one (not supported). */
  readonly timeframe?: string;
}

export interface SigmaLogSource {
  readonly product?: string;
  readonly service?: string;
  readonly category?: string;
  readonly definition?: string;
}

export interface SigmaRule {
  /**
   * The rule's `id`. A rule without one (the specification allows that) gets its source
   * file name, or else its title, so that results stay keyed.
   */
  readonly id: string;
  readonly title: string;
  readonly status?: string;
  readonly description?: string;
  /** Keep this in alerts: the Detection Rule License asks for the author's attribution. */
  readonly author?: string;
  readonly date?: string;
  readonly modified?: string;
  readonly level?: string;
  readonly tags: readonly string[];
  readonly references: readonly string[];
  readonly falsepositives: readonly string[];
  readonly logsource: SigmaLogSource;
  readonly detection: SigmaDetection;
  /** Where the rule came from (the file path given to `parseSigmaRule`/`loadSigmaRules`). */
  readonly source?: string;
  /**
   * Constructs seen while parsing that this evaluator cannot run (a correlation rule, a
   * multi-document file, ...). `compileSigmaRule` reports these together with the ones it finds.
   */
  readonly unsupported: readonly string[];
}
