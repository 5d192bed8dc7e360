/**
 * The docs show runnable code only: every ```ts block of README.md and docs/*.md is, verbatim,
 * a file of examples/ (packed.test.ts runs them all from an installed package), and every
 * example is shown somewhere. Links between the pages point at pages that exist, except the
 * guides other parts of the project write (listed below), which land with their features.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = join(__dirname, '../..');
/** The guides whose every ts block is an example (guides other work adds join when their code moves to examples/). */
const GUIDES = ['simulation', 'event-history', 'trails', 'insights', 'lake', 'eventbridge', 'testing', 'aws-sdk', 'sigma', 'scenarios'];
const pages = ['README.md', 'docs/README.md', 'docs/shards.md', 'docs/development.md', ...GUIDES.map((g) => `docs/${g}.md`)];
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts'));
const text = (rel: string) => readFileSync(join(root, rel), 'utf8');

/** Guides written by other work in progress; linked before they exist. */
const LANDING_LATER = new Set(['estate.md', 'resources.md', 'scale.md', 'sql.md', 'cli.md', 'coverage.md', 'report.md'].map((f) => `docs/${f}`));

describe('the docs show the examples, verbatim', () => {
  it('every ts block of every page is a file of examples/', () => {
    const byContent = new Map(examples.map((f) => [text(`examples/${f}`).trim(), f]));
    let blocks = 0;
    for (const page of pages) {
      for (const m of text(page).matchAll(/```ts\n([\s\S]*?)```/g)) {
        blocks++;
        expect(byContent.has(m[1].trim()), `${page}: a ts block that is not a file of examples/:\n${m[1].slice(0, 200)}`).toBe(true);
      }
    }
    expect(blocks).toBeGreaterThanOrEqual(examples.length);
  });

  it('every example is shown on a page', () => {
    const all = pages.map(text).join('\n');
    for (const f of examples) expect(all.includes(text(`examples/${f}`).trim()), `examples/${f} is on no page`).toBe(true);
  });

  it('every capability has its guide, listed in the README and in docs/README.md', () => {
    const guides = GUIDES;
    const readme = text('README.md');
    const index = text('docs/README.md');
    for (const g of guides) {
      expect(existsSync(join(root, 'docs', `${g}.md`)), `docs/${g}.md`).toBe(true);
      expect(readme).toContain(`docs/${g}.md`);
      expect(index).toContain(`(${g}.md)`);
    }
    for (const later of LANDING_LATER) expect(index).toContain(later.replace('docs/', ''));
  });

  it('relative links point at files that exist (or at guides landing later)', () => {
    for (const page of pages) {
      for (const m of text(page).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/.test(target)) continue;
        const rel = resolve(dirname(join(root, page)), target).slice(root.length + 1);
        if (LANDING_LATER.has(rel)) continue;
        expect(existsSync(join(root, rel)), `${page} links to ${target}`).toBe(true);
      }
    }
  });
});
