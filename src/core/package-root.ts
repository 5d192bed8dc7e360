import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrailsimError } from './errors.js';

let cached: string | undefined;

/**
 * The folder of the trailsim package this module belongs to: the nearest ancestor whose
 * package.json is trailsim's. Works from `src/` (a clone) and from `dist/` (an install), so
 * the data the package ships (`scenarios/`, `rules/`) is found the same way in both.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'trailsim') return (cached = dir);
      } catch {
        // An unreadable package.json is not ours: keep walking up.
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new TrailsimError('Cannot find the folder of the trailsim package (no ancestor package.json named trailsim).');
    dir = up;
  }
}
