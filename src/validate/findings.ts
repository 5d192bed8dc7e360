import { RULES, type RuleId } from './rules.js';
import type { Severity, Violation } from './types.js';

/** True if `rule` is silenced by `ignoreRules` (its exact id or a dotted prefix of it). */
export function isIgnoredRule(rule: string, ignoreRules: readonly string[] = []): boolean {
  return ignoreRules.some((i) => rule === i || rule.startsWith(i + '.'));
}

/** Collects violations for one record, dropping ignored rules. */
export class Findings {
  readonly list: Violation[] = [];

  constructor(private readonly ignoreRules: readonly string[] = []) {}

  /** Reports `rule` at `path`; severity defaults to the rule's own. */
  add(rule: RuleId, path: string, message: string, severity: Severity = RULES[rule].severity): void {
    if (this.ignoreRules.length > 0 && isIgnoredRule(rule, this.ignoreRules)) return;
    this.list.push({ rule, path, message, severity });
  }
}
