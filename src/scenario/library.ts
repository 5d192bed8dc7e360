/**
 * The scenario library: the scenario scripts that ship in the package's `scenarios/` folder
 * (attack and misconfiguration playbooks, `attack-*.ts`, and the worked audit examples), read
 * from the folder itself so a new file is listed without a registry to edit.
 *
 * A playbook default-exports its `defineScenario({...})` with `targets` (the Sigma rule ids it
 * makes fire) and may export `gaps`: rules its attack is about that cannot fire on records
 * of the real CloudTrail shape, each with the reason (a rule flaw, not a simulator bug).
 */
import { importScenarioModule } from './load.js';
import { packageRoot } from '../core/package-root.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidScenarioError } from '../core/errors.js';
import { matchesTechnique, TACTIC_ORDER } from '../coverage/attack.js';
import { asScenario, type AttackMapping, type ScenarioDefinition } from './define.js';

/** A rule a playbook is about that stays silent on real-shaped records, and why. */
export interface ScenarioGap {
  /** The Sigma rule id. */
  readonly rule: string;
  /** Why the rule cannot fire on the records real CloudTrail writes for this attack. */
  readonly reason: string;
}

/** One shipped scenario, as `trailsim scenarios` lists it. */
export interface LibraryEntry {
  /** The scenario's name (`attack-cloudtrail-tampering`). */
  readonly name: string;
  /** The file, relative to the scenarios folder (`attack-cloudtrail-tampering.ts`). */
  readonly file: string;
  /** Absolute path of the file. */
  readonly path: string;
  readonly description: string;
  /** One-line title (`Root access key used to create an administrator`); '' when the scenario has none. */
  readonly title: string;
  /** MITRE ATT&CK mapping of an attack playbook (empty lists when the scenario has none). */
  readonly attack: AttackMapping;
  /** Public sources the playbook follows (URLs). */
  readonly references: readonly string[];
  /** Sigma rule ids the scenario makes fire (empty for scenarios that are not detection playbooks). */
  readonly targets: readonly string[];
  /** Rules the scenario is about that cannot fire on real-shaped records. */
  readonly gaps: readonly ScenarioGap[];
  /** `attack-*.ts`: a detection playbook. */
  readonly playbook: boolean;
  /** The loaded definition, ready for `runScenario`. */
  readonly scenario: ScenarioDefinition;
}

/**
 * The `scenarios/` folder of the trailsim package this module belongs to: the nearest
 * ancestor folder whose package.json is trailsim's (works from `src/` and from `dist/`).
 */
export function scenariosDir(): string {
  const dir = join(packageRoot(), 'scenarios');
  if (!existsSync(dir)) throw new InvalidScenarioError(`Cannot find the scenarios folder of the trailsim package (looked in ${dir}).`);
  return dir;
}

/** Scenario files of a folder, in code-unit order: every `*.ts` but `index.ts` and helpers starting with `_`. */
export function scenarioFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'index.ts' && !f.startsWith('_'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}


function gapsOf(mod: unknown, file: string): ScenarioGap[] {
  const g = (mod as { gaps?: unknown } | undefined)?.gaps;
  if (g === undefined) return [];
  const ok = Array.isArray(g) && g.every((x) => typeof x === 'object' && x !== null && typeof (x as ScenarioGap).rule === 'string' && typeof (x as ScenarioGap).reason === 'string');
  if (!ok) throw new InvalidScenarioError(`${file}: 'gaps' must be a list of { rule, reason } strings.`);
  return (g as ScenarioGap[]).map(({ rule, reason }) => ({ rule, reason }));
}

/** Loads every scenario of `dir` (default: the package's `scenarios/`), in file-name order. */
export async function loadScenarioLibrary(dir: string = scenariosDir()): Promise<LibraryEntry[]> {
  const root = resolve(dir);
  const out: LibraryEntry[] = [];
  for (const file of scenarioFiles(root)) {
    const path = join(root, file);
    const mod = await importScenarioModule(path);
    const scenario = asScenario(mod, path);
    out.push({
      name: scenario.name,
      file,
      path,
      description: scenario.description ?? '',
      title: scenario.title ?? '',
      attack: { techniques: [...(scenario.attack?.techniques ?? [])], tactics: [...(scenario.attack?.tactics ?? [])] },
      references: [...(scenario.references ?? [])],
      targets: [...(scenario.targets ?? [])],
      gaps: gapsOf(mod, path),
      playbook: file.startsWith('attack-'),
      scenario,
    });
  }
  return out;
}

/** Which scenarios `filterLibrary` keeps. Within one list any value matches; the lists combine with AND. */
export interface LibraryFilter {
  /** ATT&CK tactics, as ATT&CK writes them (`defense-evasion`) or as titles (`Defense Evasion`), any case. */
  readonly tactics?: readonly string[];
  /** ATT&CK technique ids: `T1098` matches the technique and its sub-techniques (`T1098.001`); `T1098.001` only itself. */
  readonly techniques?: readonly string[];
}

/** Normalises a tactic name to ATT&CK's short form: `Defense Evasion` -> `defense-evasion`. */
function tacticKey(tactic: string): string {
  return tactic.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;

/** The scenarios of `entries` that match `filter` (all of them for an empty filter). Throws InvalidScenarioError on a malformed technique id. */
export function filterLibrary(entries: readonly LibraryEntry[], filter: LibraryFilter): LibraryEntry[] {
  const tactics = (filter.tactics ?? []).map(tacticKey);
  const techniques = (filter.techniques ?? []).map((t) => t.trim().toUpperCase());
  for (const t of tactics) if (!TACTIC_ORDER.includes(t)) throw new InvalidScenarioError(`'${t}' is not an ATT&CK tactic; use one of ${TACTIC_ORDER.join(', ')}.`);
  for (const t of techniques) if (!TECHNIQUE_ID.test(t)) throw new InvalidScenarioError(`'${t}' is not an ATT&CK technique id (expected T1098 or T1098.001).`);
  return entries.filter((e) => {
    if (tactics.length > 0 && !e.attack.tactics.some((t) => tactics.includes(tacticKey(t)))) return false;
    if (techniques.length > 0 && !e.attack.techniques.some((t) => techniques.some((want) => matchesTechnique(t, want)))) return false;
    return true;
  });
}
