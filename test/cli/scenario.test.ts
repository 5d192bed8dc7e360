import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import whizlab from '../../scenarios/whizlab-2-37.js';
import { runScenario } from '../../src/scenario/run.js';
import { validateRecord } from '../../src/validate/index.js';

// One CLI run and one API run of the flagship scenario (each simulates two years), shared
// by every assertion below.
const dir = mkdtempSync(join(tmpdir(), 'trailsim-run-'));
const cliLines: string[] = [];
const cliRun = main(['run', 'scenarios/whizlab-2-37.ts', '--out', dir], { out: (s) => void cliLines.push(s), err: () => {} });
const apiRun = cliRun.then(() => runScenario(whizlab));

describe('scenarios/whizlab-2-37.ts', () => {
  it('answers the audit questions from event history', async () => {
    const { answers } = await apiRun;
    const byQ = Object.fromEntries(answers.map((a) => [a.question, a.lines]));
    const iam = byQ['Who changed IAM, and what did they change? (event history)'].join('\n');
    expect(iam).toMatch(/alice\.admin CreateUser/);
    expect(iam).toMatch(/alice\.admin AttachUserPolicy/);
    expect(iam).toMatch(/alice\.admin CreateAccessKey/);
    const eve = byQ["What did the contractor's credentials do, and from where? (event history)"];
    expect(eve.length).toBe(3);
    for (const l of eve) expect(l).toContain('203.0.113.77');
    expect(eve.join('\n')).toMatch(/StopLogging from 203\.0\.113\.77 -> AccessDeniedException/);
    expect(byQ['Who opened a security group, when, and from where? (event history)'].join('\n')).toMatch(/user\/contractor-eve from 203\.0\.113\.77/);
    expect(byQ['Did anyone try to stop or change logging? (event history)'].join('\n')).toMatch(/contractor-eve StopLogging \(failed: AccessDeniedException\)/);
    expect(byQ['Does event history still show how the trail was set up in 2024?'][0]).toMatch(/^no: event history keeps 90 days/);
  });

  it('flags the injected IAM burst as one Insights Start/End pair', async () => {
    const { answers } = await apiRun;
    const lines = answers.find((a) => a.question === 'Did CloudTrail Insights flag unusual activity?')!.lines;
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/End ApiCallRateInsight CreateUser/);
    expect(lines[1]).toMatch(/Start ApiCallRateInsight CreateUser/);
  });

  it('keeps exactly the last 730 days in Lake and answers the same IAM question from Lake SQL and from S3 SQL', async () => {
    const { answers, sim } = await apiRun;
    const byQ = Object.fromEntries(answers.map((a) => [a.question, a.lines]));
    const span = byQ['What does the 2-year Lake store hold? (Lake SQL)'];
    expect(span[0]).not.toMatch(/skipped/);
    const m = /^(\d+) events from (\S+ \S+) to/.exec(span[0])!;
    const cutoff = Date.parse('2026-03-06T00:00:00Z') - 730 * 86_400_000;
    expect(Date.parse(m[2].replace(' ', 'T') + 'Z')).toBeGreaterThanOrEqual(cutoff);
    // Exactly the management events younger than the retention period are kept.
    // (The scenario's own Lake queries are recorded after the first one read the store.)
    const lakeCalls = new Set(['StartQuery', 'DescribeQuery', 'GetQueryResults']);
    const kept = sim.records().filter((r) => r.eventCategory === 'Management' && Date.parse(r.eventTime) >= cutoff && !lakeCalls.has(r.eventName ?? ''));
    expect(Number(m[1])).toBe(kept.length);
    const lake = byQ['Who changed IAM over the whole retention period? (Lake SQL)'];
    const s3Question = Object.keys(byQ).find((q) => q.startsWith('Who changed IAM in March 2026?'))!;
    expect(lake).toEqual(byQ[s3Question]);
    expect(lake[0]).toBe('contractor-eve CreateUser: 40');
  });

  it('runs from the CLI, writes valid records, and is byte-identical to an API run with the same seed', async () => {
    expect(await cliRun).toBe(0);
    expect(cliLines.join('\n')).toMatch(/Who changed IAM/);
    const { sim } = await apiRun;
    const fromCli = readFileSync(join(dir, 'records.jsonl'), 'utf8');
    expect(fromCli).toBe(sim.records().map((r) => JSON.stringify(r)).join('\n') + '\n');
    const bad = sim.records().flatMap((r) => validateRecord(r).filter((v) => v.severity === 'error'));
    expect(bad).toEqual([]);
  });
});
