/**
 * Written the way a user would: only the package's public entry points, as built by tsup
 * (`npm test` builds first), reached through package.json "exports". The README's and
 * docs' examples run from the packed package: packed.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, { import: { default: string } }> };

/** Imports a public entry point the way Node resolves it from package.json "exports" (ESM). */
async function entry<T>(subpath: string): Promise<T> {
  const target = pkg.exports[subpath]?.import?.default;
  if (!target) throw new Error(`package.json exports has no ESM entry for ${subpath}`);
  return (await import(pathToFileURL(join(root, target)).href)) as T;
}

type Core = typeof import('../../src/index.js');
type Sigma = typeof import('../../src/sigma/index.js');
type Arbs = typeof import('../../src/testing/arbitraries/index.js');
type Matchers = typeof import('../../src/testing/vitest/index.js');

describe('the built package, used through its public entry points', () => {
  it('trailsim: simulate, look up, validate, match patterns', async () => {
    const t = await entry<Core>('.');
    const sim = t.createSimulation({ seed: 3, start: '2026-05-01T00:00:00Z' });
    const acct = sim.addAccount({ name: 'prod' });
    const r = sim.call(acct.iamUser('alice'), 'iam:DeleteUser', { userName: 'bob' });
    expect(t.validateRecord(r).filter((v) => v.severity === 'error')).toEqual([]);
    expect(sim.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'DeleteUser' }] }).Events).toHaveLength(1);
    expect(t.testEventPattern({ detail: { eventName: [{ prefix: 'Delete' }] } }, { id: '1', account: acct.id, source: 'aws.iam', time: r.eventTime, region: 'us-east-1', 'detail-type': 'AWS API Call via CloudTrail', resources: [], detail: r })).toBe(true);
    expect(() => t.testEventPattern('{"a":[{"prefix":1}]}', {})).toThrow(/Event pattern is not valid/);
    let caught: unknown;
    try {
      sim.lookupEvents({ MaxResults: 0 });
    } catch (e) {
      caught = e;
    }
    expect(t.TrailsimError.is(caught)).toBe(true);
    expect((caught as Error).name).toBe('InvalidMaxResultsException');
  });

  it('trailsim/sigma, trailsim/arbitraries and trailsim/vitest load and work', async () => {
    const sigma = await entry<Sigma>('./sigma');
    const rule = sigma.parseSigmaRule(readFileSync(join(root, 'rules/sigma-aws-cloudtrail/aws_cloudtrail_disable_logging.yml'), 'utf8'));
    const t = await entry<Core>('.');
    const sim = t.createSimulation({ seed: 1 });
    const rec = sim.call(sim.addAccount({ name: 'a' }).iamUser('x'), 'cloudtrail:StopLogging', { name: 'main' });
    expect(sigma.compileSigmaRule(rule).matches(rec)).toBe(true);

    const fc = (await import('fast-check')).default;
    const arbs = await entry<Arbs>('./arbitraries');
    const records = fc.sample(arbs.cloudTrailRecord({ outcome: 'error' }), { seed: 42, numRuns: 5 });
    expect(records.every((r) => Boolean(r.errorCode || r.errorMessage))).toBe(true);

    const m = await entry<Matchers>('./vitest');
    expect(m.trailsimMatchers.toBeValidCloudTrailRecord.call({ isNot: false } as never, records[0]).pass).toBe(true);
  });

  it('the installed binary (plain node, no TypeScript loader) runs a scenario file', () => {
    const out = mkdtempSync(join(tmpdir(), 'trailsim-bin-'));
    const r = spawnSync(process.execPath, [join(root, 'bin/trailsim.mjs'), 'run', 'scenarios/attack-root-account-usage.ts', '--out', out], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote .*records\.jsonl/);
    const lines = readFileSync(join(out, 'records.jsonl'), 'utf8').trim().split('\n');
    expect(lines.some((l) => (JSON.parse(l) as { userIdentity?: { type?: string } }).userIdentity?.type === 'Root')).toBe(true);
  });
});
