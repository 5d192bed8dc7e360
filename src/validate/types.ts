/**
 * Public types of the record validator. A violation names the rule it breaks (a stable
 * dotted id from `RULES`), where in the record (a dotted path, `resources[0].ARN`; the
 * empty string for the record itself) and what is wrong and what was expected.
 */

/**
 * `error`: CloudTrail does not write a record like this.
 * `warning`: CloudTrail writes it only in some places (e.g. only in Lake), or the record
 * holds something newer than this validator knows; it is reported but does not make the
 * CLI fail unless asked to (`--fail-on warning`).
 */
export type Severity = 'error' | 'warning';

export interface Violation {
  /** Stable rule id, e.g. `eventTime.format`, `userIdentity.AssumedRole.arn`. */
  rule: string;
  /** Dotted path of the offending value; `''` for the record as a whole. */
  path: string;
  /** What is wrong and what was expected. */
  message: string;
  severity: Severity;
}

/**
 * Where the records come from. CloudTrail Lake stores "enriched" events (`eventContext`)
 * and events up to 1 MB; trails, Event history, LookupEvents and EventBridge never carry
 * `eventContext` and stop at 256 KB (cloudtrail-reference.md §1 eventContext, §5 CloudWatch
 * Logs). `any` (the default) reports those Lake-only shapes as warnings.
 */
export type Delivery = 'trail' | 'lake' | 'any';

export interface ValidateOptions {
  /** When set, `awsRegion` must be one of these; by default only its shape is checked. */
  allowedRegions?: readonly string[];
  /**
   * Check that top-level keys follow `RECORD_KEY_ORDER`. Off by default: CloudTrail's own
   * files follow it, but exporters (Logstash, OTRF, stratus-red-team) re-order keys.
   */
  strictKeyOrder?: boolean;
  /** Where the records come from; see `Delivery`. Default `any`. */
  delivery?: Delivery;
  /**
   * Rule ids not to report. An entry also silences every rule below it:
   * `userIdentity.AssumedRole` silences `userIdentity.AssumedRole.arn`.
   */
  ignoreRules?: readonly string[];
}
