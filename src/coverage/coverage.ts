/**
 * `coverage()`: which detections catch which playbooks, and how noisy each is on benign
 * traffic. Each playbook runs on a fresh simulation, as `trailsim run` runs it; a detection
 * "catches" a playbook when it matches a record of the playbook's own activity, not of the
 * background traffic the playbook mixes in (that traffic is benign, so a hit there says
 * nothing about the attack). False positives are hits on a benign baseline: generated
 * background traffic on an estate like `trailsim generate` builds, or records the caller gives.
 */
import { TrailsimInputError } from '../core/errors.js';
import { toMillis } from '../core/time.js';
import type { Seed } from '../core/random.js';
import type { CloudTrailRecord } from '../record/types.js';
import { createSimulation } from '../simulation.js';
import type { ScenarioDefinition } from '../scenario/define.js';
import { loadScenarioLibrary, type LibraryEntry } from '../scenario/library.js';
import { isCompiledSigma, compileSigmaRule, type CompiledSigmaRule, type SigmaRule } from './sigma-input.js';
import { assertDetection, fromDetection, fromSigma, type CoverageDetection, type Detection } from './detection.js';
import { loadSigmaDetections } from './load.js';
import { bundledSigmaRulesDir } from '../sigma/index.js';
import { compareTactics, matchesTechnique, techniqueName, techniqueTactics } from './attack.js';
import { VERSION } from '../version.js';
import {
  COVERAGE_FORMAT,
  type BaselineSummary,
  type CoverageResult,
  type DetectionCoverage,
  type MatrixTactic,
  type MatrixTechnique,
  type PlaybookCoverage,
} from './types.js';

/** A detection `coverage` accepts: a plain detection, a parsed Sigma rule or a compiled one. */
export type CoverageRule = Detection | CoverageDetection | SigmaRule | CompiledSigmaRule;

/** Which playbooks to run. */
export interface ScenarioFilter {
  /** Library scenario names (`attack-cloudtrail-tampering`); named scenarios run even when they are not `attack-*` playbooks. */
  readonly names?: readonly string[];
  /** Only playbooks with this ATT&CK tactic (`defense-evasion`). */
  readonly tactic?: string;
  /** Only playbooks with this technique; a technique id also selects its sub-techniques (`T1562` selects `T1562.008`). */
  readonly technique?: string;
  /** The scenario folder. @defaultValue the package's `scenarios/` */
  readonly dir?: string;
}

/** Generated benign traffic: the estate `trailsim generate` builds with the same options. */
export interface GeneratedBaseline {
  /** @defaultValue 1 */
  readonly days?: number;
  /** @defaultValue 1 */
  readonly accounts?: number;
  /** @defaultValue ['us-east-1'] */
  readonly regions?: readonly string[];
  /** Calls per hour per account and region. @defaultValue '1000/h' */
  readonly rate?: string | number;
  /** @defaultValue 1 */
  readonly seed?: Seed;
  /** First UTC day. @defaultValue '2026-01-01' */
  readonly start?: string;
}

/** Benign records of the caller's own (e.g. a day of real, reviewed logs). */
export interface RecordsBaseline {
  readonly records: Iterable<object>;
  /** Days the records span, for the per-day rate. @defaultValue the number of distinct UTC days of their eventTime */
  readonly days?: number;
}

export interface CoverageProgress {
  readonly phase: 'playbook' | 'baseline';
  readonly name: string;
  readonly done: number;
  readonly total: number;
}

export interface CoverageOptions {
  /** Detections to evaluate. @defaultValue the Sigma rules that ship with trailsim */
  readonly rules?: readonly CoverageRule[];
  /**
   * Playbooks: scenario definitions, library names, or a filter over the library.
   * @defaultValue every `attack-*` playbook of the library
   */
  readonly scenarios?: readonly (string | ScenarioDefinition)[] | ScenarioFilter;
  /** The benign baseline; `false` for none. @defaultValue one day of generated traffic (`{ days: 1 }`) */
  readonly baseline?: GeneratedBaseline | RecordsBaseline | false;
  /** How many baseline hit `eventID`s to keep per detection. @defaultValue 5 */
  readonly sampleSize?: number;
  /** Called after each playbook and after the baseline. */
  readonly onProgress?: (p: CoverageProgress) => void;
}

/** A scenario selection that names a scenario the library does not have, or selects nothing. */
export class CoverageSelectionError extends TrailsimInputError {
  override name = 'CoverageSelectionError';
}

/** Two detections with the same id: results would be ambiguous. */
export class DuplicateDetectionError extends TrailsimInputError {
  override name = 'DuplicateDetectionError';
}

interface Playbook {
  readonly def: ScenarioDefinition;
  readonly file?: string;
}

function asCoverageDetection(r: CoverageRule, i: number): CoverageDetection {
  if (isCompiledSigma(r)) return fromSigma(r);
  const o = r as unknown as Record<string, unknown>;
  // A parsed Sigma rule has a detection block and a logsource, not a match function.
  if (typeof o.match !== 'function' && typeof o.detection === 'object' && o.detection !== null && typeof o.logsource === 'object') return fromSigma(compileSigmaRule(r as SigmaRule));
  assertDetection(r, `rules[${i}]`);
  if ((r as CoverageDetection).kind === 'sigma' || (r as CoverageDetection).kind === 'module') return r as CoverageDetection;
  return fromDetection(r as Detection);
}

/** Resolves `scenarios` to the playbooks to run, in a stable order. */
export async function selectPlaybooks(sel: CoverageOptions['scenarios']): Promise<Playbook[]> {
  if (Array.isArray(sel)) {
    const list = sel as readonly (string | ScenarioDefinition)[];
    const names = list.filter((s): s is string => typeof s === 'string');
    const library = names.length > 0 ? await loadScenarioLibrary() : [];
    return list.map((s) => {
      if (typeof s !== 'string') return { def: s };
      const e = library.find((x) => x.name === s);
      if (!e) throw new CoverageSelectionError(`No scenario named '${s}' in the scenario library (trailsim scenarios lists them).`);
      return { def: e.scenario, file: e.file };
    });
  }
  const f = (sel ?? {}) as ScenarioFilter;
  const library: LibraryEntry[] = await loadScenarioLibrary(f.dir);
  let picked: LibraryEntry[];
  if (f.names && f.names.length > 0) {
    picked = f.names.map((n) => {
      const e = library.find((x) => x.name === n);
      if (!e) throw new CoverageSelectionError(`No scenario named '${n}' in the scenario library (trailsim scenarios lists them).`);
      return e;
    });
  } else {
    picked = library.filter((e) => e.playbook);
  }
  if (f.tactic) {
    const t = f.tactic.toLowerCase();
    picked = picked.filter((e) => e.scenario.attack?.tactics.includes(t));
  }
  if (f.technique) {
    const t = f.technique.toUpperCase();
    picked = picked.filter((e) => e.scenario.attack?.techniques.some((x) => matchesTechnique(x, t)));
  }
  if (picked.length === 0) throw new CoverageSelectionError(`No playbook matches${f.tactic ? ` tactic '${f.tactic}'` : ''}${f.technique ? ` technique '${f.technique}'` : ''}${f.names?.length ? ` among ${f.names.join(', ')}` : ''}.`);
  return picked.map((e) => ({ def: e.scenario, file: e.file }));
}

/** Per-detection tallies while evaluating. */
class Evaluator {
  readonly errors = new Map<string, { count: number; first: string }>();
  constructor(readonly detections: readonly CoverageDetection[]) {}

  /** Adds `record`'s hits to `hits` (by detection index); returns nothing, records the throws. */
  run(record: CloudTrailRecord, hit: (i: number) => void): void {
    const ds = this.detections;
    for (let i = 0; i < ds.length; i++) {
      const d = ds[i];
      if (d.unsupported) continue;
      let m: boolean;
      try {
        m = d.match(record) === true;
      } catch (e) {
        const cur = this.errors.get(d.id);
        if (cur) cur.count++;
        else this.errors.set(d.id, { count: 1, first: `${record.eventName ?? record.eventType ?? 'record'} ${record.eventID ?? ''}: ${(e as Error)?.message ?? String(e)}` });
        continue;
      }
      if (m) hit(i);
    }
  }
}

interface PlaybookRun {
  records: number;
  activity: number;
  hits: number[];
}

/** Runs one playbook as `runScenario` does, telling its background traffic apart from its own activity. */
async function runPlaybook(def: ScenarioDefinition, ev: Evaluator): Promise<PlaybookRun> {
  const sim = createSimulation({ seed: def.seed ?? 1, start: def.start ?? '2026-01-01T00:00:00Z' });
  // Every generated background call is built by buildIntent (the traffic driver's only way to
  // make records), so wrapping it on this instance marks exactly the background records.
  const background = new WeakSet<object>();
  const build = sim.buildIntent.bind(sim);
  sim.buildIntent = (it, region, rng) => {
    const rs = build(it, region, rng);
    for (const r of rs) background.add(r);
    return rs;
  };
  await def.run({ sim, log: () => {}, answer: () => {} });
  const records = sim.records();
  const hits = new Array<number>(ev.detections.length).fill(0);
  let activity = 0;
  for (const r of records) {
    if (background.has(r)) continue;
    activity++;
    ev.run(r, (i) => hits[i]++);
  }
  return { records: records.length, activity, hits };
}

function isRecordsBaseline(b: GeneratedBaseline | RecordsBaseline): b is RecordsBaseline {
  return typeof (b as RecordsBaseline).records === 'object' && (b as RecordsBaseline).records !== null;
}

interface BaselineRun {
  summary: BaselineSummary;
  hits: number[];
  samples: string[][];
}

function runBaseline(b: CoverageOptions['baseline'], ev: Evaluator, sampleSize: number): BaselineRun {
  const hits = new Array<number>(ev.detections.length).fill(0);
  const samples = ev.detections.map(() => [] as string[]);
  let n = 0;
  const take = (r: CloudTrailRecord) => {
    n++;
    ev.run(r, (i) => {
      hits[i]++;
      if (samples[i].length < sampleSize) samples[i].push(typeof r.eventID === 'string' ? r.eventID : `#${n}`);
    });
  };
  if (b === false) return { summary: { source: 'none', records: 0, days: 0 }, hits, samples };
  if (b && isRecordsBaseline(b)) {
    const days = new Set<string>();
    for (const r of b.records) {
      const t = (r as { eventTime?: unknown }).eventTime;
      if (typeof t === 'string') days.add(t.slice(0, 10));
      take(r as CloudTrailRecord);
    }
    const d = b.days ?? Math.max(1, days.size);
    if (!(d > 0)) throw new TrailsimInputError(`baseline.days must be a positive number; got ${b.days}.`);
    return { summary: { source: 'records', records: n, days: d }, hits, samples };
  }
  const g = (b ?? {}) as GeneratedBaseline;
  const days = g.days ?? 1;
  const accounts = g.accounts ?? 1;
  const regions = g.regions ?? ['us-east-1'];
  const rate = g.rate ?? '1000/h';
  const seed = g.seed ?? 1;
  const startDay = g.start ?? '2026-01-01';
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new TrailsimInputError(`baseline days must be a whole number from 1 to 366; got ${days}.`);
  if (!Number.isInteger(accounts) || accounts < 1 || accounts > 100) throw new TrailsimInputError(`baseline accounts must be a whole number from 1 to 100; got ${accounts}.`);
  const from = toMillis(/^\d{4}-\d{2}-\d{2}$/.test(startDay) ? `${startDay}T00:00:00Z` : startDay, 'baseline start');
  if (from % 86_400_000 !== 0) throw new TrailsimInputError(`baseline start must be a UTC day (YYYY-MM-DD); got ${startDay}.`);
  // The estate of `trailsim generate`: account-1 is the organization's management account.
  const sim = createSimulation({ seed, start: from, keepRecords: false, eventHistory: false });
  const list = [];
  for (let i = 1; i <= accounts; i++) list.push(sim.addAccount({ name: `account-${i}`, regions: [...regions] }));
  sim.createOrganization(list[0]);
  sim.addTraffic({ rate });
  sim.onRecord(take);
  sim.advanceTo(from + days * 86_400_000 - 1);
  return { summary: { source: 'generated', records: n, days, accounts, regions: [...regions], rate, seed, start: new Date(from).toISOString().slice(0, 10) }, hits, samples };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Runs the playbooks and the baseline and evaluates every detection over both.
 *
 * @example
 * import { coverage } from 'trailsim/coverage';
 * const result = await coverage({ rules: [myDetection], scenarios: ['attack-cloudtrail-tampering'], baseline: { days: 1 } });
 * result.detections[0].caught;              // ['attack-cloudtrail-tampering']
 * result.detections[0].falsePositives.per10k;
 */
export async function coverage(options: CoverageOptions = {}): Promise<CoverageResult> {
  const detections = options.rules ? options.rules.map(asCoverageDetection) : loadSigmaDetections(bundledSigmaRulesDir());
  const seen = new Map<string, string>();
  for (const d of detections) {
    const prev = seen.get(d.id);
    if (prev !== undefined) throw new DuplicateDetectionError(`Two detections have the id '${d.id}' (${prev} and ${d.source ?? d.title}); ids must be unique.`);
    seen.set(d.id, d.source ?? d.title);
  }
  const playbooks = await selectPlaybooks(options.scenarios);
  const names = new Set<string>();
  for (const p of playbooks) {
    if (names.has(p.def.name)) throw new CoverageSelectionError(`The scenario '${p.def.name}' is selected twice.`);
    names.add(p.def.name);
  }
  const ev = new Evaluator(detections);
  const runs: PlaybookRun[] = [];
  for (const [i, p] of playbooks.entries()) {
    runs.push(await runPlaybook(p.def, ev));
    options.onProgress?.({ phase: 'playbook', name: p.def.name, done: i + 1, total: playbooks.length });
  }
  const base = runBaseline(options.baseline, ev, options.sampleSize ?? 5);
  options.onProgress?.({ phase: 'baseline', name: base.summary.source, done: 1, total: 1 });
  return assemble(detections, playbooks, runs, base, ev);
}

function assemble(detections: readonly CoverageDetection[], playbooks: readonly Playbook[], runs: readonly PlaybookRun[], base: BaselineRun, ev: Evaluator): CoverageResult {
  const expectedBy = detections.map((d) => new Set<string>(d.playbooks?.filter((n) => playbooks.some((p) => p.def.name === n)) ?? []));
  const index = new Map(detections.map((d, i) => [d.id, i]));
  for (const p of playbooks) for (const t of p.def.targets ?? []) {
    const i = index.get(t);
    if (i !== undefined) expectedBy[i].add(p.def.name);
  }
  const detectionResults: DetectionCoverage[] = detections.map((d, i) => {
    const caught = playbooks.filter((_, j) => runs[j].hits[i] > 0).map((p) => p.def.name);
    const expected = playbooks.map((p) => p.def.name).filter((n) => expectedBy[i].has(n));
    const err = ev.errors.get(d.id);
    const fp = base.hits[i];
    return {
      id: d.id,
      title: d.title,
      kind: d.kind,
      ...(d.source !== undefined ? { source: d.source } : {}),
      ...(d.level !== undefined ? { level: d.level } : {}),
      ...(d.author !== undefined ? { author: d.author } : {}),
      ...(d.description !== undefined ? { description: d.description } : {}),
      techniques: [...(d.techniques ?? [])],
      evaluated: !d.unsupported,
      ...(d.unsupported ? { unsupported: [...d.unsupported] } : {}),
      ...(err ? { errors: { ...err } } : {}),
      caught,
      expected,
      missed: expected.filter((n) => !caught.includes(n)),
      falsePositives: {
        hits: fp,
        per10k: base.summary.records > 0 ? round((fp / base.summary.records) * 10_000) : 0,
        perDay: base.summary.days > 0 ? round(fp / base.summary.days) : 0,
        sample: base.samples[i],
      },
    };
  });
  const playbookResults: PlaybookCoverage[] = playbooks.map((p, j) => {
    const d = p.def;
    const caughtBy = detections.map((det, i) => ({ id: det.id, hits: runs[j].hits[i] })).filter((x) => x.hits > 0);
    const expected = detections.filter((_, i) => expectedBy[i].has(d.name)).map((x) => x.id);
    return {
      name: d.name,
      ...(d.title !== undefined ? { title: d.title } : {}),
      ...(d.description !== undefined ? { description: d.description } : {}),
      ...(p.file !== undefined ? { file: p.file } : {}),
      techniques: [...(d.attack?.techniques ?? [])],
      tactics: [...(d.attack?.tactics ?? [])],
      references: [...(d.references ?? [])],
      targets: [...(d.targets ?? [])],
      records: runs[j].records,
      activityRecords: runs[j].activity,
      caughtBy,
      missedBy: expected.filter((id) => !caughtBy.some((c) => c.id === id)),
    };
  });
  const matrix = buildMatrix(playbookResults);
  const cells = matrix.flatMap((t) => t.techniques);
  const techniques = new Set(cells.map((c) => c.id));
  const covered = new Set([...techniques].filter((id) => cells.filter((c) => c.id === id).every((c) => c.status === 'covered')));
  return {
    format: COVERAGE_FORMAT,
    generator: `trailsim ${VERSION}`,
    baseline: base.summary,
    detections: detectionResults,
    playbooks: playbookResults,
    matrix,
    totals: {
      detections: detectionResults.length,
      evaluated: detectionResults.filter((d) => d.evaluated).length,
      firing: detectionResults.filter((d) => d.caught.length > 0).length,
      playbooks: playbookResults.length,
      caught: playbookResults.filter((p) => p.caughtBy.length > 0).length,
      missed: detectionResults.reduce((n, d) => n + d.missed.length, 0),
      techniques: techniques.size,
      techniquesCovered: covered.size,
    },
  };
}

/** The ATT&CK matrix of the playbooks' techniques: tactic columns in kill-chain order, each technique coloured by whether its playbooks were caught. */
export function buildMatrix(playbooks: readonly PlaybookCoverage[]): MatrixTactic[] {
  const cells = new Map<string, Map<string, { playbooks: string[]; caught: string[]; detections: Set<string> }>>();
  for (const p of playbooks) {
    for (const t of p.techniques) {
      const known = techniqueTactics(t);
      const both = known?.filter((x) => p.tactics.includes(x)) ?? [];
      const tactics = both.length > 0 ? both : known && known.length > 0 ? known : p.tactics;
      for (const tactic of tactics) {
        let col = cells.get(tactic);
        if (!col) cells.set(tactic, (col = new Map()));
        let cell = col.get(t);
        if (!cell) col.set(t, (cell = { playbooks: [], caught: [], detections: new Set() }));
        cell.playbooks.push(p.name);
        if (p.caughtBy.length > 0) cell.caught.push(p.name);
        for (const c of p.caughtBy) cell.detections.add(c.id);
      }
    }
  }
  return [...cells.keys()].sort(compareTactics).map((tactic) => ({
    tactic,
    techniques: [...cells.get(tactic)!.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, c]): MatrixTechnique => {
        const name = techniqueName(id);
        return {
          id,
          ...(name !== undefined ? { name } : {}),
          playbooks: c.playbooks,
          caught: c.caught,
          status: c.caught.length === c.playbooks.length ? 'covered' : c.caught.length > 0 ? 'partial' : 'uncovered',
          detections: [...c.detections].sort(),
        };
      }),
  }));
}
