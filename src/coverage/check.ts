/**
 * `checkCoverage`: what a team's CI holds its detections to, as a list of failures. Used by
 * `expectCoverage` (trailsim/vitest) and `trailsim coverage --check`.
 */
import { TrailsimError } from '../core/errors.js';
import type { CoverageResult } from './types.js';

/** What a coverage result must satisfy. Every check names the detections and playbooks that fail it. */
export interface CoverageExpectations {
  /**
   * Every expected (detection, playbook) pair is caught: playbook `targets` and a detection's
   * own `playbooks`. @defaultValue true
   */
  readonly expected?: boolean;
  /** More pairs: detection id → playbooks it must catch. */
  readonly catches?: Readonly<Record<string, readonly string[]>>;
  /** Every playbook is caught by at least one detection. @defaultValue false */
  readonly everyPlaybookCaught?: boolean;
  /** Most false positives per 10 000 benign records: one number for every detection, or per detection id. */
  readonly maxFalsePositivesPer10k?: number | Readonly<Record<string, number>>;
  /** Most false positives per benign day: one number for every detection, or per detection id. */
  readonly maxFalsePositivesPerDay?: number | Readonly<Record<string, number>>;
  /** Detection ids the false-positive limits do not apply to (known noisy hunting rules). */
  readonly noisy?: readonly string[];
  /** Accept detections whose `match` threw on some record. @defaultValue false */
  readonly allowErrors?: boolean;
  /** Accept Sigma rules that could not be evaluated. @defaultValue true */
  readonly allowUnsupported?: boolean;
}

/** A coverage result that fails its expectations; `failures` lists each one. */
export class CoverageAssertionError extends TrailsimError {
  override name = 'CoverageAssertionError';
  constructor(readonly failures: readonly string[]) {
    super(`Detection coverage failed ${failures.length} check${failures.length === 1 ? '' : 's'}:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  }
}

function limitFor(limit: number | Readonly<Record<string, number>> | undefined, id: string): number | undefined {
  if (limit === undefined) return undefined;
  if (typeof limit === 'number') return limit;
  return Object.hasOwn(limit, id) ? limit[id] : undefined;
}

/** The failures of `result` against `exp` (empty when it passes). */
export function checkCoverage(result: CoverageResult, exp: CoverageExpectations = {}): string[] {
  const failures: string[] = [];
  const byId = new Map(result.detections.map((d) => [d.id, d]));
  const playbookNames = new Set(result.playbooks.map((p) => p.name));
  if (exp.expected ?? true) {
    for (const d of result.detections) for (const p of d.missed) failures.push(`${d.id} (${d.title}) no longer catches ${p}`);
  }
  for (const [id, pbs] of Object.entries(exp.catches ?? {})) {
    const d = byId.get(id);
    if (!d) {
      failures.push(`no detection has the id '${id}'`);
      continue;
    }
    for (const p of pbs) {
      if (!playbookNames.has(p)) failures.push(`${id}: playbook '${p}' was not run`);
      else if (!d.caught.includes(p) && !((exp.expected ?? true) && d.missed.includes(p))) failures.push(`${d.id} (${d.title}) does not catch ${p}`);
    }
  }
  if (exp.everyPlaybookCaught) {
    for (const p of result.playbooks) if (p.caughtBy.length === 0) failures.push(`no detection catches ${p.name}${p.title ? ` (${p.title})` : ''}`);
  }
  const noisy = new Set(exp.noisy ?? []);
  for (const d of result.detections) {
    if (noisy.has(d.id)) continue;
    const per10k = limitFor(exp.maxFalsePositivesPer10k, d.id);
    if (per10k !== undefined && d.falsePositives.per10k > per10k) failures.push(`${d.id} (${d.title}) is noisy: ${d.falsePositives.per10k} false positives per 10k benign records (limit ${per10k}; ${d.falsePositives.hits} hits, e.g. ${d.falsePositives.sample.slice(0, 3).join(', ')})`);
    const perDay = limitFor(exp.maxFalsePositivesPerDay, d.id);
    if (perDay !== undefined && d.falsePositives.perDay > perDay) failures.push(`${d.id} (${d.title}) is noisy: ${d.falsePositives.perDay} false positives per benign day (limit ${perDay})`);
    if (d.errors && !exp.allowErrors) failures.push(`${d.id} (${d.title}) threw on ${d.errors.count} record(s): ${d.errors.first}`);
    if (!d.evaluated && exp.allowUnsupported === false) failures.push(`${d.id} (${d.title}) was not evaluated: ${(d.unsupported ?? []).join('; ')}`);
  }
  return failures;
}
