/** Loading detections: Sigma rule folders and JavaScript / TypeScript detection modules. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importScenarioModule } from '../scenario/load.js';
import { packageRoot } from '../core/package-root.js';
import { compileSigmaRule, loadSigmaRules } from '../sigma/index.js';
import { InvalidDetectionError, detectionsOfModule, fromSigma, type CoverageDetection } from './detection.js';

const MODULE = /\.(ts|mts|cts|js|mjs|cjs)$/;

function moduleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name.startsWith('_') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...moduleFiles(p));
    // index.* usually re-exports its siblings: loading it too would count each detection twice.
    else if (MODULE.test(e.name) && !/\.d\.[mc]?ts$/.test(e.name) && !/\.(test|spec)\.[mc]?[jt]s$/.test(e.name) && !/^index\.[mc]?[jt]s$/.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * Loads detection modules: a file, or every `.ts`/`.js` module under a folder (recursively,
 * in path order; `index.*` files, files starting with `_` or `.` and `*.test.*` are skipped:
 * an index re-exports its siblings, the others are helpers). A file given by name is always loaded.
 * TypeScript runs without a build step, as scenario files do. Throws `InvalidDetectionError`
 * naming the file when a module's default export is not a detection or an array of them.
 */
export async function loadDetections(path: string): Promise<CoverageDetection[]> {
  const abs = resolve(path);
  if (!existsSync(abs)) throw new InvalidDetectionError(`${path}: no such detection file or folder.`);
  const files = statSync(abs).isDirectory() ? moduleFiles(abs).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : [abs];
  const out: CoverageDetection[] = [];
  for (const f of files) out.push(...detectionsOfModule(await importScenarioModule(f), f));
  return out;
}

/** Every Sigma rule under `dir` as a detection (rules the evaluator cannot run carry `unsupported`). */
export function loadSigmaDetections(dir: string): CoverageDetection[] {
  return loadSigmaRules(dir).map((r) => fromSigma(compileSigmaRule(r)));
}

/** The example detections that ship with trailsim (`detections/` in the package), or undefined when the package has none. */
export function bundledDetectionsDir(): string | undefined {
  const dir = join(packageRoot(), 'detections');
  return existsSync(dir) ? dir : undefined;
}
