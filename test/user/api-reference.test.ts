/**
 * The API reference (`npm run docs:api`, TypeDoc, built by CI after the tests) covers every
 * public entry point of the package, and the pinned TypeDoc supports the TypeScript in use.
 * Building it takes about a minute, so CI builds it and this test checks the set-up.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const json = <T>(rel: string) => JSON.parse(readFileSync(join(root, rel), 'utf8')) as T;

describe('the API reference', () => {
  it('documents every public entry point that has types', () => {
    const typedoc = json<{ entryPoints: string[]; out: string }>('typedoc.json');
    const tsup = readFileSync(join(root, 'tsup.config.ts'), 'utf8');
    const dts = tsup.slice(tsup.indexOf('dts:'));
    const sources = [...dts.matchAll(/'(src\/[^']+\.ts)'/g)].map((m) => m[1]).filter((s) => !s.endsWith('/setup.ts'));
    expect(sources.length).toBeGreaterThanOrEqual(5);
    expect([...typedoc.entryPoints].sort()).toEqual([...new Set(sources)].sort());
    expect(typedoc.out).toBe('docs/api');
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toMatch(/^docs\/api\/$/m);
  });

  it('is built by npm run docs:api with a pinned TypeDoc that supports the installed TypeScript, after the tests in CI', () => {
    const pkg = json<{ scripts: Record<string, string>; devDependencies: Record<string, string> }>('package.json');
    expect(pkg.scripts['docs:api']).toBe('typedoc');
    expect(pkg.devDependencies.typedoc).toMatch(/^\d+\.\d+\.\d+$/);
    const typedoc = json<{ version: string; peerDependencies: { typescript: string } }>('node_modules/typedoc/package.json');
    expect(typedoc.version).toBe(pkg.devDependencies.typedoc);
    const ts = json<{ version: string }>('node_modules/typescript/package.json').version.split('.').slice(0, 2).join('.');
    expect(typedoc.peerDependencies.typescript.split(/\s*\|\|\s*/)).toContain(`${ts}.x`);
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(ci.indexOf('npm run docs:api')).toBeGreaterThan(ci.indexOf('npm test'));
  });
});
