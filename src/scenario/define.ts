import { InvalidScenarioError } from '../core/errors.js';
import type { Seed } from '../core/random.js';
import { readInstant, type Instant } from '../core/time.js';
import type { Simulation } from '../simulation.js';

/** What a scenario's `run` gets. */
export interface ScenarioContext {
  /** The simulation, created from the scenario's (or the command line's) seed and start. */
  readonly sim: Simulation;
  /** Prints a line of the scenario's story. */
  log(line: string): void;
  /** Records an audit answer: a question and the lines that answer it (printed, and returned by `runScenario`). */
  answer(question: string, lines: string | readonly string[]): void;
}

/** Where an attack playbook sits in MITRE ATT&CK (Enterprise, Cloud/IaaS). */
export interface AttackMapping {
  /** Technique or sub-technique ids, e.g. `['T1078.004', 'T1098.001']`. */
  readonly techniques: readonly string[];
  /** Tactic names as ATT&CK spells them, lower-case and hyphenated: `initial-access`, `persistence`, `privilege-escalation`, `defense-evasion`, `credential-access`, `discovery`, `lateral-movement`, `collection`, `exfiltration`, `impact`. */
  readonly tactics: readonly string[];
}

/** A scenario: a script that builds a world, makes it act, and answers questions about what was recorded. */
export interface ScenarioDefinition {
  /** Short name (`whizlab-2-37`). */
  name: string;
  /** One paragraph: what the scenario shows. */
  description?: string;
  /** Default seed; `--seed` overrides it. @defaultValue 1 */
  seed?: Seed;
  /** Virtual start time. @defaultValue '2026-01-01T00:00:00Z' */
  start?: Instant;
  /**
   * Ids (the Sigma rule `id`) of the detection rules this scenario is written to make fire,
   * e.g. the SigmaHQ CloudTrail rules an attack playbook exercises. Metadata only: running
   * the scenario does not read it; `trailsim scenarios` lists it and the scenario library's
   * tests check that these rules, and no others but the noisy hunting rules, fire.
   */
  targets?: readonly string[];
  /** One-line title shown by `trailsim scenarios` and in coverage reports (`Root access key used to create an admin`). */
  title?: string;
  /** MITRE ATT&CK mapping of an attack playbook. Metadata only, as `targets`. */
  attack?: AttackMapping;
  /** Public sources the playbook follows (threat reports, AWS security blog posts): URLs. */
  references?: readonly string[];
  /** The script. */
  run(ctx: ScenarioContext): void | Promise<void>;
}

const SCENARIO = Symbol.for('trailsim.scenario');

/** A checked scenario definition, as scenario files default-export it. */
export type Scenario = ScenarioDefinition & { readonly [SCENARIO]: true };

/** Declares a scenario; scenario files `export default defineScenario({...})`. Throws InvalidScenarioError on a malformed definition. */
export function defineScenario(def: ScenarioDefinition): Scenario {
  assertScenarioShape(def, 'defineScenario');
  return Object.freeze({ ...def, [SCENARIO]: true as const });
}

function assertScenarioShape(def: unknown, where: string): asserts def is ScenarioDefinition {
  if (typeof def !== 'object' || def === null) throw new InvalidScenarioError(`${where}: a scenario must be an object { name, run }.`);
  const d = def as Record<string, unknown>;
  if (typeof d.name !== 'string' || d.name.trim() === '') throw new InvalidScenarioError(`${where}: scenario needs a non-empty string 'name'.`);
  if (typeof d.run !== 'function') throw new InvalidScenarioError(`${where}: scenario '${d.name}' needs a 'run(ctx)' function.`);
  if (d.seed !== undefined && typeof d.seed !== 'number' && typeof d.seed !== 'string') throw new InvalidScenarioError(`${where}: scenario '${d.name}' has a seed that is neither a number nor a string.`);
  if (d.start !== undefined) {
    const ms = readInstant(d.start);
    if (typeof ms === 'string') throw new InvalidScenarioError(`${where}: scenario '${d.name}' has an invalid 'start': ${ms}`);
  }
  if (d.title !== undefined && typeof d.title !== 'string') throw new InvalidScenarioError(`${where}: scenario '${d.name}' has a 'title' that is not a string.`);
  if (d.references !== undefined && (!Array.isArray(d.references) || !d.references.every((t) => typeof t === 'string'))) throw new InvalidScenarioError(`${where}: scenario '${d.name}' has 'references' that is not a list of URLs (strings).`);
  if (d.attack !== undefined) {
    const a = d.attack as { techniques?: unknown; tactics?: unknown };
    const ok = (v: unknown, re: RegExp) => Array.isArray(v) && v.every((t) => typeof t === 'string' && re.test(t));
    if (typeof a !== 'object' || a === null || !ok(a.techniques, /^T\d{4}(\.\d{3})?$/) || !ok(a.tactics, /^[a-z]+(-[a-z]+)*$/)) throw new InvalidScenarioError(`${where}: scenario '${d.name}' has an 'attack' mapping that is not { techniques: ['T1078.004', ...], tactics: ['initial-access', ...] }.`);
  }
  if (d.targets !== undefined && (!Array.isArray(d.targets) || !d.targets.every((t) => typeof t === 'string' && t !== ''))) throw new InvalidScenarioError(`${where}: scenario '${d.name}' has 'targets' that is not a list of rule ids (strings).`);
}

/** Checks that a loaded module's default export is a scenario. */
export function asScenario(mod: unknown, file: string): ScenarioDefinition {
  const m = mod as { default?: unknown } | undefined;
  let def = m?.default;
  // A CommonJS-compiled module may nest the default export once more.
  if (def && typeof def === 'object' && 'default' in def && !('run' in def)) def = (def as { default: unknown }).default;
  if (def === undefined) throw new InvalidScenarioError(`${file} has no default export: scenario files must 'export default defineScenario({ name, run })'.`);
  assertScenarioShape(def, file);
  return def;
}
