/**
 * Detections: what `coverage` evaluates. A detection is a predicate over one CloudTrail
 * record with an id and a title. Sigma rules become detections (see `fromSigma`); a team's
 * own detections are JavaScript or TypeScript modules that default-export one detection or
 * an array of them, loaded like scenario files.
 */
import { TrailsimInputError } from '../core/errors.js';
import type { CloudTrailRecord } from '../record/types.js';
import type { CompiledSigmaRule } from '../sigma/index.js';

/** A detection as a module default-exports it. */
export interface Detection {
  /** Stable id, unique among the detections evaluated together (`my-team/cloudtrail-stopped`). */
  readonly id: string;
  /** One line shown in reports. */
  readonly title: string;
  readonly description?: string;
  /** MITRE ATT&CK technique ids it is written for (`T1562.008`). */
  readonly techniques?: readonly string[];
  /**
   * Names of the playbooks it is written to catch (`attack-cloudtrail-tampering`). Together
   * with the playbooks' own `targets`, this is what `expectCoverage` holds a detection to.
   */
  readonly playbooks?: readonly string[];
  /** Whether the record should raise an alert. */
  match(record: CloudTrailRecord): boolean;
}

/** A detection ready to run, with where it came from. */
export interface CoverageDetection extends Detection {
  readonly kind: 'sigma' | 'module';
  /** The rule or module file, when known. */
  readonly source?: string;
  /** Sigma `level`. */
  readonly level?: string;
  /** Sigma `author` (the Detection Rule License asks alerts based on a rule to keep it). */
  readonly author?: string;
  /** Constructs of a Sigma rule that the evaluator does not run: the detection is reported, not evaluated. */
  readonly unsupported?: readonly string[];
}

/** A detection module, or a value in it, that does not have the detection shape. */
export class InvalidDetectionError extends TrailsimInputError {
  override name = 'InvalidDetectionError';
}

const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;

/** Checks one value against the detection shape; `where` names it in the error (file and position). */
export function assertDetection(d: unknown, where: string): asserts d is Detection {
  if (typeof d !== 'object' || d === null || Array.isArray(d)) throw new InvalidDetectionError(`${where}: a detection must be an object { id, title, match(record) }; got ${d === null ? 'null' : Array.isArray(d) ? 'an array' : typeof d}.`);
  const o = d as Record<string, unknown>;
  if (typeof o.id !== 'string' || o.id.trim() === '') throw new InvalidDetectionError(`${where}: a detection needs a non-empty string 'id'.`);
  const name = `${where}: detection '${o.id}'`;
  if (typeof o.title !== 'string' || o.title.trim() === '') throw new InvalidDetectionError(`${name} needs a non-empty string 'title'.`);
  if (typeof o.match !== 'function') throw new InvalidDetectionError(`${name} needs a 'match(record)' function returning true or false.`);
  if (o.description !== undefined && typeof o.description !== 'string') throw new InvalidDetectionError(`${name} has a 'description' that is not a string.`);
  if (o.techniques !== undefined && (!Array.isArray(o.techniques) || !o.techniques.every((t) => typeof t === 'string' && TECHNIQUE.test(t)))) {
    throw new InvalidDetectionError(`${name} has 'techniques' that is not a list of ATT&CK technique ids such as ['T1562.008'].`);
  }
  if (o.playbooks !== undefined && (!Array.isArray(o.playbooks) || !o.playbooks.every((t) => typeof t === 'string' && t !== ''))) {
    throw new InvalidDetectionError(`${name} has 'playbooks' that is not a list of playbook names (strings).`);
  }
}

/**
 * Declares a detection (checks its shape; throws `InvalidDetectionError`). Detection modules
 * `export default defineDetection({...})` or export a plain object of the same shape.
 */
export function defineDetection(d: Detection): Detection {
  assertDetection(d, 'defineDetection');
  return d;
}

/** The detections a loaded module default-exports (one, or an array). */
export function detectionsOfModule(mod: unknown, file: string): CoverageDetection[] {
  const m = mod as { default?: unknown } | undefined;
  let def = m?.default;
  // A CommonJS-compiled module may nest the default export once more.
  if (def && typeof def === 'object' && !Array.isArray(def) && 'default' in def && !('match' in def)) def = (def as { default: unknown }).default;
  if (def === undefined) throw new InvalidDetectionError(`${file} has no default export: a detection module must 'export default { id, title, match(record) }' or an array of them.`);
  const list = Array.isArray(def) ? def : [def];
  if (list.length === 0) throw new InvalidDetectionError(`${file}: the default export is an empty array; export at least one detection.`);
  return list.map((d, i) => {
    assertDetection(d, Array.isArray(def) ? `${file} [${i}]` : file);
    return fromDetection(d, file);
  });
}

/** A plain detection as a coverage detection (kind `module`). */
export function fromDetection(d: Detection, source?: string): CoverageDetection {
  return {
    id: d.id,
    title: d.title,
    ...(d.description !== undefined ? { description: d.description } : {}),
    ...(d.techniques ? { techniques: [...d.techniques] } : {}),
    ...(d.playbooks ? { playbooks: [...d.playbooks] } : {}),
    match: (r) => d.match(r),
    kind: 'module',
    ...(source !== undefined ? { source } : {}),
  };
}

/** Technique ids of Sigma tags (`attack.t1562.008` → `T1562.008`). */
function sigmaTechniques(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(t);
    if (m) out.push(m[1].toUpperCase());
  }
  return out;
}

/** A compiled Sigma rule as a coverage detection (kind `sigma`). */
export function fromSigma(c: CompiledSigmaRule): CoverageDetection {
  const r = c.rule;
  const techniques = sigmaTechniques(r.tags ?? []);
  return {
    id: r.id,
    title: r.title,
    ...(r.description !== undefined ? { description: r.description } : {}),
    ...(techniques.length > 0 ? { techniques } : {}),
    match: (rec) => c.matches(rec),
    kind: 'sigma',
    ...(r.source !== undefined ? { source: r.source } : {}),
    ...(r.level !== undefined ? { level: r.level } : {}),
    ...(r.author !== undefined ? { author: r.author } : {}),
    ...(c.unsupported ? { unsupported: [...c.unsupported] } : {}),
  };
}
