/**
 * Errors of the Sigma evaluator. A rule that cannot be read (bad YAML, wrong shape, a
 * condition that does not parse) throws `SigmaRuleError`; a rule that reads fine but uses
 * a construct this evaluator does not run is *reported* as unsupported by
 * `compileSigmaRule`, and only throws (`SigmaUnsupportedError`) if asked to match anyway.
 */
import { TrailsimInputError } from '../core/errors.js';

/** A Sigma rule file that cannot be read as a Sigma rule. */
export class SigmaRuleError extends TrailsimInputError {
  override name = 'SigmaRuleError';
  /** The file (or caller-given label) the rule came from, if known. */
  readonly source: string | undefined;
  /** What is wrong, without the source prefix. */
  readonly problem: string;

  constructor(source: string | undefined, problem: string, options?: { cause?: unknown }) {
    super(`${source ?? '<sigma rule>'}: ${problem}`, options);
    this.source = source;
    this.problem = problem;
  }
}

/** A `detection.condition` that does not parse, or names an identifier the rule does not define. */
export class SigmaConditionError extends SigmaRuleError {
  override name = 'SigmaConditionError';
}

/** `matches()` was called on a rule that `compileSigmaRule` reported as unsupported. */
export class SigmaUnsupportedError extends TrailsimInputError {
  override name = 'SigmaUnsupportedError';
  readonly constructs: readonly string[];

  constructor(ruleLabel: string, constructs: readonly string[]) {
    super(`${ruleLabel}: rule is not evaluated, it uses unsupported constructs: ${constructs.join('; ')}`);
    this.constructs = constructs;
  }
}
