/**
 * coverage(): playbooks against detections against a benign baseline. Uses two shipped
 * playbooks, two inline playbooks with ATT&CK mappings, the fixture detections in
 * test/fixtures/coverage and two of the bundled Sigma rules, with a small baseline.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkCoverage,
  coverage,
  CoverageAssertionError,
  CoverageSelectionError,
  DuplicateDetectionError,
  InvalidDetectionError,
  assertDetection,
  defineDetection,
  loadDetections,
  loadSigmaDetections,
  selectPlaybooks,
  techniqueName,
  techniqueTactics,
  type CoverageResult,
} from '../../src/coverage/index.js';
import { bundledSigmaRulesDir } from '../../src/sigma/index.js';
import { createSimulation } from '../../src/simulation.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/coverage');
const TRAIL_RULE = '4db60cc0-36fb-42b7-9b58-a5b53019fb74'; // CloudTrail Important Change
const GUARDDUTY_RULE = '6e61ee20-ce00-4f8d-8aee-bedd8216f7e3';

import { quiet, stopTrail } from '../fixtures/coverage/playbooks.js';

const sigma = loadSigmaDetections(bundledSigmaRulesDir()).filter((d) => d.id === TRAIL_RULE || d.id === GUARDDUTY_RULE);
const own = await loadDetections(join(FIXTURES, 'detections'));
const throwing = { id: 'fixture/throws', title: 'Throws on IAM records', match: (r: CloudTrailRecord) => { if (r.eventSource === 'iam.amazonaws.com') throw new Error('boom'); return false; } };
const expectsMiss = { id: 'fixture/expects-guardduty', title: 'Claims to catch GuardDuty disruption', playbooks: ['attack-guardduty-disruption'], match: () => false };

const result: CoverageResult = await coverage({
  rules: [...sigma, ...own, throwing, expectsMiss],
  scenarios: ['attack-cloudtrail-tampering', 'attack-guardduty-disruption', stopTrail, quiet],
  baseline: { days: 1, rate: '300/h' },
});
const det = (id: string) => result.detections.find((d) => d.id === id)!;
const pb = (name: string) => result.playbooks.find((p) => p.name === name)!;

describe('coverage()', () => {
  it('loads TypeScript and JavaScript detection modules, skipping _helpers', () => {
    expect(own.map((d) => d.id).sort()).toEqual(['fixture/any-read', 'fixture/cloudtrail-stopped', 'fixture/guardduty-detector-deleted']);
    expect(own.every((d) => d.kind === 'module' && d.source?.startsWith(FIXTURES))).toBe(true);
  });

  it('says which playbooks each detection caught and which expected ones it missed', () => {
    expect(det('fixture/cloudtrail-stopped').caught).toEqual(['attack-cloudtrail-tampering', 'inline-stop-trail']);
    expect(det('fixture/cloudtrail-stopped').expected).toEqual(['attack-cloudtrail-tampering']);
    expect(det('fixture/cloudtrail-stopped').missed).toEqual([]);
    expect(det('fixture/guardduty-detector-deleted').caught).toEqual(['attack-guardduty-disruption']);
    // The Sigma rule is expected by the playbook's targets.
    expect(det(TRAIL_RULE).expected).toContain('attack-cloudtrail-tampering');
    expect(det(TRAIL_RULE).caught).toContain('attack-cloudtrail-tampering');
    expect(det('fixture/expects-guardduty').missed).toEqual(['attack-guardduty-disruption']);
  });

  it('says per playbook which detections caught it, with hit counts, and which expected ones stayed silent', () => {
    const t = pb('attack-cloudtrail-tampering');
    expect(t.caughtBy.map((c) => c.id)).toEqual(expect.arrayContaining([TRAIL_RULE, 'fixture/cloudtrail-stopped']));
    // StopLogging twice (one denied) and DeleteTrail.
    expect(t.caughtBy.find((c) => c.id === 'fixture/cloudtrail-stopped')!.hits).toBe(3);
    expect(pb('attack-guardduty-disruption').missedBy).toEqual(['fixture/expects-guardduty']);
    expect(pb('inline-quiet').caughtBy.filter((c) => c.id !== 'fixture/any-read')).toEqual([]);
  });

  it('counts only the playbook\'s own activity, not the background traffic it mixes in', () => {
    const t = pb('attack-cloudtrail-tampering');
    expect(t.activityRecords).toBeGreaterThan(5);
    expect(t.activityRecords).toBeLessThan(t.records / 5);
    const reads = t.caughtBy.find((c) => c.id === 'fixture/any-read')?.hits ?? 0;
    expect(reads).toBeLessThanOrEqual(t.activityRecords);
  });

  it('measures false positives on the benign baseline per 10k records and per day', () => {
    expect(result.baseline.source).toBe('generated');
    expect(result.baseline.records).toBeGreaterThan(5000);
    const noisy = det('fixture/any-read').falsePositives;
    expect(noisy.hits).toBeGreaterThan(result.baseline.records / 3);
    expect(noisy.per10k).toBeCloseTo((noisy.hits / result.baseline.records) * 10_000, 2);
    expect(noisy.perDay).toBe(noisy.hits);
    expect(noisy.sample).toHaveLength(5);
    expect(det('fixture/cloudtrail-stopped').falsePositives).toEqual({ hits: 0, per10k: 0, perDay: 0, sample: [] });
  });

  it('counts a detection that throws as silent and reports the error', () => {
    const e = det('fixture/throws').errors!;
    expect(e.count).toBeGreaterThan(0);
    expect(e.first).toContain('boom');
    expect(det('fixture/throws').caught).toEqual([]);
  });

  it('builds an ATT&CK matrix with techniques under their own tactics, coloured by coverage', () => {
    const col = (t: string) => result.matrix.find((m) => m.tactic === t);
    expect(result.matrix.map((m) => m.tactic)).toEqual(['initial-access', 'defense-evasion', 'discovery']);
    expect(result.matrix.find((m) => m.tactic === 'discovery')!.techniques.map((t) => t.id)).toEqual(['T1087.004', 'T1619']);
    // Valid Accounts is both initial access and defence evasion in ATT&CK; the log technique only the latter.
    // The shipped GuardDuty playbook maps to T1562.001 (Impair Defenses: Disable or Modify Tools).
    expect(col('defense-evasion')!.techniques.map((t) => t.id)).toEqual(['T1078.004', 'T1562.001', 'T1562.008']);
    expect(col('initial-access')!.techniques.map((t) => t.id)).toEqual(['T1078.004']);
    const cell = col('defense-evasion')!.techniques.find((t) => t.id === 'T1562.008')!;
    expect(cell.status).toBe('covered');
    expect(cell.name).toBe('Impair Defenses: Disable or Modify Cloud Logs');
    expect(cell.detections).toContain('fixture/cloudtrail-stopped');
    // inline-quiet is caught only by the noisy read detection.
    expect(col('discovery')!.techniques[1].caught).toEqual(pb('inline-quiet').caughtBy.length > 0 ? ['inline-quiet'] : []);
    expect(result.totals.techniques).toBe(5);
  });

  it('checkCoverage lists every broken expectation', () => {
    const f = checkCoverage(result, { maxFalsePositivesPer10k: 10, noisy: [] });
    expect(f.some((x) => x.includes('fixture/expects-guardduty') && x.includes('no longer catches attack-guardduty-disruption'))).toBe(true);
    expect(f.some((x) => x.includes('fixture/any-read') && x.includes('noisy'))).toBe(true);
    expect(f.some((x) => x.includes('fixture/throws') && x.includes('threw'))).toBe(true);
    expect(f.some((x) => x.includes('fixture/cloudtrail-stopped'))).toBe(false);
    const ok = checkCoverage(result, { expected: false, allowErrors: true, catches: { 'fixture/cloudtrail-stopped': ['inline-stop-trail'] } });
    expect(ok).toEqual([]);
    const bad = checkCoverage(result, { catches: { 'fixture/guardduty-detector-deleted': ['inline-stop-trail'], nope: ['x'] }, expected: false, allowErrors: true, everyPlaybookCaught: true });
    expect(bad).toEqual(expect.arrayContaining(["no detection has the id 'nope'", expect.stringContaining('does not catch inline-stop-trail')]));
    expect(new CoverageAssertionError(bad).message).toContain(`${bad.length} checks`);
  });

  it('is plain JSON that survives a round trip', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.format).toBe('trailsim.coverage/1');
  });
});

describe('coverage inputs', () => {
  it('rejects detections of the wrong shape with a typed error naming the problem', () => {
    const bad: [unknown, RegExp][] = [
      [null, /must be an object/],
      [{ title: 't', match: () => true }, /non-empty string 'id'/],
      [{ id: 'x', match: () => true }, /'title'/],
      [{ id: 'x', title: 't' }, /'match\(record\)'/],
      [{ id: 'x', title: 't', match: () => true, techniques: ['T15'] }, /ATT&CK technique ids/],
      [{ id: 'x', title: 't', match: () => true, playbooks: 'a' }, /playbook names/],
      [{ id: 'x', title: 't', match: () => true, description: 3 }, /'description'/],
    ];
    for (const [d, re] of bad) {
      expect(() => assertDetection(d, 'here')).toThrow(InvalidDetectionError);
      expect(() => assertDetection(d, 'here')).toThrow(re);
    }
    expect(() => defineDetection({ id: 'ok', title: 'ok', match: () => false })).not.toThrow();
  });

  it('names the module file when a detection module is malformed', async () => {
    await expect(loadDetections(join(FIXTURES, 'bad/no-match.ts'))).rejects.toThrow(/no-match\.ts: detection 'bad\/no-match' needs a 'match\(record\)'/);
    await expect(loadDetections(join(FIXTURES, 'bad/no-default.ts'))).rejects.toThrow(/no-default\.ts has no default export/);
    await expect(loadDetections(join(FIXTURES, 'bad/bad-technique.ts'))).rejects.toThrow(/bad-technique\.ts \[1\]: detection 'bad\/technique'/);
    await expect(loadDetections(join(FIXTURES, 'nothing-here'))).rejects.toThrow(InvalidDetectionError);
  });

  it('rejects duplicate detection ids and unknown or empty scenario selections', async () => {
    const d = { id: 'same', title: 'a', match: () => false };
    await expect(coverage({ rules: [d, { ...d }], scenarios: [quiet], baseline: false })).rejects.toThrow(DuplicateDetectionError);
    await expect(selectPlaybooks(['attack-does-not-exist'])).rejects.toThrow(CoverageSelectionError);
    await expect(selectPlaybooks({ tactic: 'no-such-tactic' })).rejects.toThrow(/No playbook matches tactic 'no-such-tactic'/);
  });

  it('selects library playbooks by name, and by technique including sub-techniques', async () => {
    const all = await selectPlaybooks(undefined);
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.every((p) => p.file!.startsWith('attack-'))).toBe(true);
    const mapped = all.filter((p) => p.def.attack);
    if (mapped.length > 0) {
      // Pick a technique some playbook carries; its parent id must select it too.
      const tech = mapped[0].def.attack!.techniques[0];
      const byParent = await selectPlaybooks({ technique: tech.split('.')[0] });
      expect(byParent.map((p) => p.def.name)).toContain(mapped[0].def.name);
      expect(byParent.every((p) => p.def.attack!.techniques.some((t) => t.split('.')[0] === tech.split('.')[0]))).toBe(true);
    }
    const named = await selectPlaybooks({ names: ['attack-guardduty-disruption'] });
    expect(named.map((p) => p.def.name)).toEqual(['attack-guardduty-disruption']);
  });

  it('takes a baseline of the caller\'s own records, with days from their eventTime', async () => {
    const sim = createSimulation({ seed: 3, start: '2026-05-01T00:00:00Z' });
    sim.addAccount({ name: 'a', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '40/h' });
    sim.advanceTo('2026-05-03T00:00:00Z');
    const records = sim.records();
    const r = await coverage({ rules: own, scenarios: [quiet], baseline: { records } });
    expect(r.baseline).toEqual({ source: 'records', records: records.length, days: 2 });
    const reads = records.filter((x) => x.readOnly === true).length;
    expect(r.detections.find((d) => d.id === 'fixture/any-read')!.falsePositives.hits).toBe(reads);
    expect(r.detections.find((d) => d.id === 'fixture/any-read')!.falsePositives.perDay).toBe(reads / 2);
  });

  it('knows the ATT&CK tactics of cloud techniques and their sub-techniques', () => {
    expect(techniqueTactics('T1078.004')).toEqual(['initial-access', 'persistence', 'privilege-escalation', 'defense-evasion']);
    expect(techniqueTactics('T1537')).toEqual(['exfiltration']);
    expect(techniqueTactics('T1110.099')).toEqual(['credential-access']);
    expect(techniqueName('T1110.003')).toBe('Brute Force: Password Spraying');
    expect(techniqueTactics('T9999')).toBeUndefined();
  });
});
