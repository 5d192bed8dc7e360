import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import whizlab from '../../scenarios/whizlab-2-37.js';
import { runScenario } from '../../src/scenario/run.js';
import { validateRecord } from '../../src/validate/index.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

// One CLI run (with DuckDB), shared by every assertion below; its answers are read from its
// output. With TRAILSIM_LONG=1 (npm run test:long) also an API run in which DuckDB cannot be
// loaded, whose records must be byte-identical (each run simulates two years; the fast
// version of that check, on a small Lake, is in test/lake/no-duckdb.test.ts).
const LONG = process.env.TRAILSIM_LONG === '1';
const dir = mkdtempSync(join(tmpdir(), 'trailsim-run-'));
const cliLines: string[] = [];
const cliRun = main(['run', 'scenarios/whizlab-2-37.ts', '--out', dir], { out: (s) => void cliLines.push(s), err: () => {} });
const noDuckDB = async () => {
  throw new Error("Cannot find package '@duckdb/node-api'");
};
const apiRun = () => cliRun.then(() => runScenario(whizlab, { simulation: { lake: { loadDuckDB: noDuckDB } } }));
const cliRecords = async () => {
  expect(await cliRun).toBe(0);
  return readFileSync(join(dir, 'records.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as CloudTrailRecord);
};

/** The CLI run's answers: `? question` lines, each followed by its indented answer lines. */
async function cliAnswers(): Promise<Record<string, string[]>> {
  expect(await cliRun).toBe(0);
  const out: Record<string, string[]> = {};
  let q: string | undefined;
  for (const l of cliLines.flatMap((x) => x.split('\n'))) {
    if (l.startsWith('? ')) out[(q = l.slice(2))] = [];
    else if (q && l.startsWith('  ')) out[q].push(l.slice(2));
    else q = undefined;
  }
  return out;
}
const find = (byQ: Record<string, string[]>, start: string) => {
  const q = Object.keys(byQ).find((k) => k.startsWith(start));
  expect(q, start).toBeDefined();
  return { q: q!, lines: byQ[q!] };
};

// Each whizlab run simulates two years with hourly signed digests: allow for a busy machine.
const RUN_TIMEOUT = 600_000;

describe('scenarios/whizlab-2-37.ts', () => {
  it('answers the audit questions from event history, over the last 90 days, saying so', async () => {
    const byQ = await cliAnswers();
    const iam = find(byQ, 'Who changed IAM, and what did they change? (event history');
    expect(iam.q).toContain('2025-12-06 .. 2026-03-06: the last 90 days');
    const text = iam.lines.join('\n');
    expect(text).toMatch(/2026-03-02T10:15:00.000Z alice\.admin CreateUser/);
    expect(text).toMatch(/alice\.admin AttachUserPolicy/);
    expect(text).toMatch(/alice\.admin CreateAccessKey/);
    // The contractor's burst, which the Lake answer also shows, is in the window.
    expect(text).toMatch(/2026-03-04T03:00:00.000Z \.\. \S+ contractor-eve CreateUser x40/);
    const eve = find(byQ, "What did the contractor's credentials do, and from where? (event history").lines;
    expect(eve.join('\n')).toMatch(/StopLogging from 203\.0\.113\.77 -> AccessDeniedException/);
    expect(eve.join('\n')).toMatch(/CreateUser from 203\.0\.113\.77 x40/);
    expect(find(byQ, 'Who opened a security group, when, and from where? (event history (LookupEvents), eu-west-1').lines.join('\n')).toMatch(/user\/contractor-eve from 203\.0\.113\.77/);
    expect(find(byQ, 'Did anyone try to stop or change logging? (event history').lines.join('\n')).toMatch(/contractor-eve StopLogging \(failed: AccessDeniedException\)/);
    expect(find(byQ, 'Does event history still show how the trail was set up in 2024?').lines[0]).toMatch(/^no: event history keeps 90 days/);
    // Every answer names its source and window.
    for (const q of Object.keys(byQ)) expect(q).toMatch(/\((event history \(LookupEvents\)|Lake SQL over event data store audit-2y|SQL over the \d+ log files|validate-logs over)/);
  }, RUN_TIMEOUT);

  it('flags the injected IAM burst as one Insights Start/End pair', async () => {
    const lines = find(await cliAnswers(), 'Did CloudTrail Insights flag unusual activity?').lines;
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/End ApiCallRateInsight CreateUser/);
    expect(lines[1]).toMatch(/Start ApiCallRateInsight CreateUser/);
  }, RUN_TIMEOUT);

  it('validates its logs: the bucket is intact, and a copy with one edited log file is caught', async () => {
    const byQ = await cliAnswers();
    const qs = Object.keys(byQ).filter((q) => q.startsWith('Were the logs tampered with?'));
    expect(qs).toHaveLength(2);
    const [intact, tampered] = qs.map((q) => byQ[q]);
    expect(intact[0]).toMatch(/^(\d+)\/\1 digest files valid, (\d+)\/\2 log files valid$/);
    expect(intact[1]).toMatch(/^no: every log file matches/);
    expect(qs[1]).toMatch(/lost the contractor's StopLogging record/);
    expect(tampered[0]).toMatch(/^(\d+)\/\1 digest files valid, (\d+)\/(\d+) log files valid$/);
    expect(tampered[1]).toBe('yes:');
    expect(tampered.slice(2)).toEqual([expect.stringMatching(/^  log file \S+\.json\.gz: .*hash value doesn't match/i)]);
  }, RUN_TIMEOUT);

  it('keeps exactly the last 730 days in Lake and answers the same IAM question from Lake SQL and from S3 SQL', async () => {
    const byQ = await cliAnswers();
    const records = await cliRecords();
    const span = find(byQ, 'What does the 2-year Lake store hold? (Lake SQL').lines;
    expect(span[0]).not.toMatch(/skipped/);
    const m = /^(\d+) events from (\S+ \S+) to/.exec(span[0])!;
    const cutoff = Date.parse('2026-03-06T00:00:00Z') - 730 * 86_400_000;
    expect(Date.parse(m[2].replace(' ', 'T') + 'Z')).toBeGreaterThanOrEqual(cutoff);
    // Exactly the management events younger than the retention period are kept.
    // (The scenario's own Lake queries are recorded after the first one read the store.)
    const lakeCalls = new Set(['StartQuery', 'DescribeQuery', 'GetQueryResults']);
    const kept = records.filter((r) => r.eventCategory === 'Management' && Date.parse(r.eventTime) >= cutoff && !lakeCalls.has(r.eventName ?? ''));
    expect(Number(m[1])).toBe(kept.length);
    const lake = find(byQ, 'Who changed IAM over the whole retention period? (Lake SQL').lines;
    // Lake's window (730 days) holds March: every change S3 SQL finds in March is in Lake's
    // answer with the same count, and the contractor leads both. Lake may name more (the
    // estate's administrators change IAM now and then over two years).
    const march = find(byQ, 'Who changed IAM in March 2026?').lines;
    expect(march.length).toBeGreaterThan(0);
    for (const line of march) expect(lake).toContain(line);
    expect(lake[0]).toBe('contractor-eve CreateUser: 40');
    expect(march[0]).toBe('contractor-eve CreateUser: 40');
    // Lake counts exactly what the kept records hold.
    const iamWrites = kept.filter((r) => r.eventSource === 'iam.amazonaws.com' && r.readOnly === false && r.errorCode === undefined);
    expect(iamWrites.length).toBeGreaterThanOrEqual(lake.reduce((n, l) => n + Number(/: (\d+)$/.exec(l)?.[1] ?? 0), 0));
  }, RUN_TIMEOUT);

  it('explains its two totals: the audit\'s own calls are recorded too', async () => {
    await cliAnswers();
    const all = cliLines.join('\n');
    const before = /recorded ([\d,]+) records from 2024-02-01 to 2026-03-06; the audit's own API calls below are recorded too/.exec(all);
    const after = /the audit's own calls added (\d+) records \(StartQuery x3\): ([\d,]+) \+ \d+ = ([\d,]+) records in total/.exec(all);
    expect(before).not.toBeNull();
    expect(after).not.toBeNull();
    const n = (x: string) => Number(x.replace(/,/g, ''));
    expect(n(after![2])).toBe(n(before![1]));
    expect(n(after![3])).toBe(n(before![1]) + Number(after![1]));
    expect(all).toContain(`records: ${n(after![3])} `);
    // Progress from the first simulated month on.
    expect(all).toMatch(/ {2}2024-03: [\d,]+ records so far/);
  }, RUN_TIMEOUT);

  it('writes only valid records', async () => {
    const bad = (await cliRecords()).flatMap((r) => validateRecord(r).filter((v) => v.severity === 'error'));
    expect(bad).toEqual([]);
  }, RUN_TIMEOUT);

  it.runIf(LONG)('writes the same records without DuckDB (only the answers say skipped), byte-identical to the CLI run', async () => {
    expect(await cliRun).toBe(0);
    const { sim, answers } = await apiRun();
    const lakeAnswers = answers.filter((a) => a.question.includes('(Lake SQL'));
    expect(lakeAnswers).toHaveLength(3);
    for (const a of lakeAnswers) expect(a.lines).toEqual([expect.stringMatching(/^skipped: CloudTrail Lake SQL needs the optional package @duckdb\/node-api/)]);
    const fromCli = readFileSync(join(dir, 'records.jsonl'), 'utf8');
    expect(fromCli).toBe(sim.records().map((r) => JSON.stringify(r)).join('\n') + '\n');
  }, RUN_TIMEOUT);
});
