import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|mts|js|mjs)$/.test(name)) yield p;
  }
}

// Nothing in src/ may read the wall clock or global randomness: that is what makes the
// same seed give the same bytes. Comments are stripped first so prose may name them.
const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date() without an argument'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bperformance\.now\s*\(/, 'performance.now() (outside the CLI progress display)'],
];

function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('determinism guard', () => {
  it('src/ never reads the wall clock or Math.random', () => {
    const offenders: string[] = [];
    for (const f of files(join(__dirname, '../../src'))) {
      const code = stripComments(readFileSync(f, 'utf8'));
      for (const [re, what] of FORBIDDEN) {
        // The CLI may time itself for its own progress output; records never see it.
        if (what.startsWith('performance') && f.includes(`${join('src', 'cli')}`)) continue;
        if (re.test(code)) offenders.push(`${f}: ${what}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the guard itself catches each forbidden call', () => {
    for (const [re] of FORBIDDEN) {
      const sample = re.source.includes('random') ? 'x = Math.random()' : re.source.includes('new') ? 'new Date()' : re.source.includes('perf') ? 'performance.now()' : 'Date.now()';
      expect(re.test(stripComments(sample))).toBe(true);
    }
  });
});
