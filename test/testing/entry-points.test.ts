import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The peer dependencies stay behind their entry points: the core (`trailsim`) never loads
 * fast-check, vitest or the testing code; `trailsim/vitest` loads vitest only from its setup
 * module; `trailsim/arbitraries` never loads vitest. Checked on the static import graph
 * (type-only imports are erased and do not count).
 */

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  };
  visit(resolve(SRC, entry));
  return { files, packages };
}

const testingFiles = (files: Set<string>) => [...files].filter((f) => f.startsWith(resolve(SRC, 'testing')));

describe('entry points load only their own peer dependencies', () => {
  it('the core loads neither fast-check nor vitest, nor any testing module', () => {
    const core = closure('index.ts');
    expect(core.files.size).toBeGreaterThan(20);
    expect(core.packages).not.toContain('fast-check');
    expect(core.packages).not.toContain('vitest');
    expect(testingFiles(core.files)).toEqual([]);
  });

  it('trailsim/arbitraries loads fast-check but not vitest', () => {
    const arbitraries = closure('testing/arbitraries/index.ts');
    expect(arbitraries.packages).toContain('fast-check');
    expect(arbitraries.packages).not.toContain('vitest');
  });

  it('trailsim/vitest is runner-agnostic; only its setup module loads vitest', () => {
    const matchers = closure('testing/vitest/index.ts');
    expect(matchers.packages).not.toContain('vitest');
    expect(matchers.packages).not.toContain('fast-check');
    expect(closure('testing/vitest/setup.ts').packages).toContain('vitest');
  });

  it('the testing code reads neither the wall clock nor global randomness', () => {
    const files = [...testingFiles(closure('testing/arbitraries/index.ts').files), ...testingFiles(closure('testing/vitest/setup.ts').files)];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/Date\.now\(|Math\.random\(|new Date\(\)/);
    }
  });
});
