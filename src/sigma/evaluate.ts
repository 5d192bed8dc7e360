/**
 * `evaluateSigma`: run rules over records and count hits. Every rule given gets a result:
 * a rule that cannot be evaluated carries `unsupported` (and no hits) instead of vanishing
 * from the output.
 */
import { compileSigmaRule, type CompiledSigmaRule } from './compile.js';
import type { SigmaRule } from './types.js';

export interface SigmaRuleResult {
  ruleId: string;
  title: string;
  level?: string;
  /** The rule's author: the Detection Rule License asks alerts based on a rule to keep it. */
  author?: string;
  /** The rule file, when known. */
  source?: string;
  hits: number;
  /**
   * The `eventID` of each matching record, in record order (one entry per hit; a record
   * without a string `eventID` is named `#N`, its 1-based position in `records`).
   */
  matchedEventIds: string[];
  /** Present when the rule was not evaluated: the constructs it uses that are not supported. */
  unsupported?: string[];
}

function isCompiled(r: SigmaRule | CompiledSigmaRule): r is CompiledSigmaRule {
  return typeof (r as CompiledSigmaRule).matches === 'function';
}

function eventIdOf(record: object, position: number): string {
  const id = Object.hasOwn(record, 'eventID') ? (record as { eventID?: unknown }).eventID : undefined;
  return typeof id === 'string' ? id : `#${position}`;
}

/**
 * Evaluates `rules` (parsed or already compiled) over `records` in one pass; results are
 * in the order of `rules`.
 */
export function evaluateSigma(rules: readonly (SigmaRule | CompiledSigmaRule)[], records: Iterable<object>): SigmaRuleResult[] {
  const compiled = rules.map((r) => (isCompiled(r) ? r : compileSigmaRule(r)));
  const results: SigmaRuleResult[] = compiled.map(({ rule, unsupported }) => {
    const res: SigmaRuleResult = { ruleId: rule.id, title: rule.title, hits: 0, matchedEventIds: [] };
    if (rule.level !== undefined) res.level = rule.level;
    if (rule.author !== undefined) res.author = rule.author;
    if (rule.source !== undefined) res.source = rule.source;
    if (unsupported) res.unsupported = [...unsupported];
    return res;
  });
  const live = compiled.map((c, i) => [c, results[i]] as const).filter(([c]) => !c.unsupported);
  let position = 0;
  for (const record of records) {
    position++;
    let id: string | undefined;
    for (const [c, res] of live) {
      if (c.matches(record)) {
        res.hits++;
        res.matchedEventIds.push((id ??= eventIdOf(record, position)));
      }
    }
  }
  return results;
}
