/**
 * Sigma detections over CloudTrail records: parse SigmaHQ rules (`product: aws,
 * service: cloudtrail`), compile them to matchers, and count which records they fire on.
 * Rules or constructs the evaluator does not run are reported, never silently skipped.
 */
export { parseSigmaRule } from './parse-rule.js';
export { parseSigmaCondition } from './condition.js';
export { compileSigmaRule, isCloudTrailRule, type CompiledSigmaRule } from './compile.js';
export { loadSigmaRules, bundledSigmaRulesDir } from './load.js';
export { evaluateSigma, type SigmaRuleResult } from './evaluate.js';
export { SigmaRuleError, SigmaConditionError, SigmaUnsupportedError } from './errors.js';
export type {
  SigmaRule,
  SigmaLogSource,
  SigmaDetection,
  SigmaSearch,
  SigmaFieldItem,
  SigmaScalar,
  SigmaCondition,
  SigmaConditionNode,
} from './types.js';
