/**
 * `trailsim coverage` and `trailsim report` end to end, as CI runs them: one shipped playbook,
 * the fixture detections, a small baseline, then a report of the output folder.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { COVERAGE_HELP } from '../../src/cli/coverage.js';
import { REPORT_HELP } from '../../src/cli/report.js';
import type { CoverageResult } from '../../src/coverage/index.js';

const DETECTIONS = join(import.meta.dirname, '../fixtures/coverage/detections');

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) } };
}

const dir = mkdtempSync(join(tmpdir(), 'trailsim-cov-cli-'));

describe('trailsim coverage', () => {
  it('writes coverage.json and coverage.html for a chosen playbook, and --check passes when every expectation holds', async () => {
    const c = io();
    const code = await main(['coverage', '--detections', DETECTIONS, '--scenarios', 'attack-cloudtrail-tampering', '--baseline-rate', '150/h', '--out', dir, '--check', '--max-fp-per-10k', '0', '--noisy', 'fixture/any-read,905d389b-b853-46d0-9d3d-dea0d3a3cd49'], c.io);
    expect(c.err.filter((l) => l.startsWith('check failed'))).toEqual([]);
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'coverage.json'), 'utf8')) as CoverageResult;
    expect(result.format).toBe('trailsim.coverage/1');
    expect(result.playbooks.map((p) => p.name)).toEqual(['attack-cloudtrail-tampering']);
    // The bundled Sigma rules and the fixture modules, together.
    expect(result.detections.filter((d) => d.kind === 'sigma')).toHaveLength(57);
    expect(result.detections.find((d) => d.id === 'fixture/cloudtrail-stopped')!.caught).toEqual(['attack-cloudtrail-tampering']);
    expect(result.baseline).toMatchObject({ source: 'generated', days: 1, rate: '150/h' });
    expect(readFileSync(join(dir, 'coverage.html'), 'utf8')).toContain('trailsim-data');
    expect(c.out.join('\n')).toMatch(/playbooks: 1 run, 1 caught/);
    expect(c.out.join('\n')).toMatch(/noisy: fixture\/any-read/);
  });

  it('--check exits 1 naming the noisy detection', async () => {
    const c = io();
    const code = await main(['coverage', '--no-sigma', '--detections', DETECTIONS, '--scenarios', 'attack-cloudtrail-tampering', '--baseline-rate', '60/h', '--out', mkdtempSync(join(tmpdir(), 'trailsim-cov-')), '--check', '--max-fp-per-10k', '1'], c.io);
    expect(code).toBe(1);
    expect(c.err.join('\n')).toMatch(/check failed: fixture\/any-read .* is noisy/);
  });

  it('--baseline-records measures false positives on the given records', async () => {
    const gen = mkdtempSync(join(tmpdir(), 'trailsim-gen-'));
    expect(await main(['generate', '--rate', '40/h', '--out', gen], io().io)).toBe(0);
    const lines = readFileSync(join(gen, 'records.jsonl'), 'utf8').trim().split('\n');
    const out = mkdtempSync(join(tmpdir(), 'trailsim-cov-'));
    const c = io();
    expect(await main(['coverage', '--no-sigma', '--detections', DETECTIONS, '--scenarios', 'attack-guardduty-disruption', '--baseline-records', join(gen, 'records.jsonl'), '--out', out], c.io)).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'coverage.json'), 'utf8')) as CoverageResult;
    expect(result.baseline).toEqual({ source: 'records', records: lines.length, days: 1 });
    const reads = lines.filter((l) => (JSON.parse(l) as { readOnly?: boolean }).readOnly === true).length;
    expect(result.detections.find((d) => d.id === 'fixture/any-read')!.falsePositives.hits).toBe(reads);
  });

  it('rejects contradictory or bad options with exit code 2', async () => {
    for (const args of [['--rules', 'x', '--no-sigma'], ['--baseline-days', 'two'], ['--bogus'], ['--no-sigma', '--no-detections'], ['--tactic', 'no-such-tactic', '--no-detections'], ['--baseline-records', 'x.jsonl', '--baseline-rate', '5/h'], ['--baseline-records', '/no/such/file.jsonl']]) {
      const c = io();
      expect(await main(['coverage', ...args], c.io), args.join(' ')).toBe(2);
      expect(c.err.join('\n')).toMatch(/trailsim coverage/);
    }
  });

  it('--help lists every option with examples', async () => {
    const c = io();
    expect(await main(['coverage', '--help'], c.io)).toBe(0);
    for (const o of ['--rules', '--no-sigma', '--detections', '--no-detections', '--scenarios', '--tactic', '--technique', '--baseline-days', '--baseline-accounts', '--baseline-regions', '--baseline-rate', '--seed', '--baseline-records', '--out', '--json', '--check', '--max-fp-per-10k', '--noisy', '--help']) expect(COVERAGE_HELP).toContain(o);
    expect(c.out.join('\n')).toMatch(/Examples:\n {2}trailsim coverage/);
  });
});

describe('trailsim report', () => {
  it('turns the coverage output folder into one HTML page', async () => {
    const c = io();
    expect(await main(['report', dir, '--title', 'CI coverage'], c.io)).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<title>CI coverage</title>');
    expect(html).toContain('"format":"trailsim.coverage/1"');
    expect(c.out.join('\n')).toMatch(/coverage: 1\/1 playbooks caught/);
  });

  it('reports a records folder from trailsim run', async () => {
    const run = mkdtempSync(join(tmpdir(), 'trailsim-run-'));
    expect(await main(['run', 'scenarios/attack-console-login-without-mfa.ts', '--out', run], io().io)).toBe(0);
    const c = io();
    expect(await main(['report', run, '--out', join(run, 'r.html')], c.io)).toBe(0);
    expect(existsSync(join(run, 'r.html'))).toBe(true);
    expect(c.out.join('\n')).toMatch(/records: \d+ .*sign-ins: 1/);
  });

  it('exits 2 on a missing folder or argument, and --help lists every option', async () => {
    const c = io();
    expect(await main(['report'], c.io)).toBe(2);
    expect(await main(['report', join(dir, 'nope')], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/is not a folder/);
    expect(await main(['report', '--help'], c.io)).toBe(0);
    for (const o of ['--out', '--title', '--help']) expect(REPORT_HELP).toContain(o);
  });
});
