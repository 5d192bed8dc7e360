/**
 * trailsim report: what the page shows, from JSONL, from an S3 tree and from coverage.json;
 * that it is self-contained; and, in a real headless Chromium (Debian's `chromium`), that it
 * loads without console errors and every chart draws. Screenshots are kept in
 * out/test-report/. TRAILSIM_UPDATE_REPORT_EXAMPLE=1 copies the combined one to
 * docs/report-example.png.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportData, coverageHtml, renderReportHtml, writeReport, ReportInputError } from '../../src/report/index.js';
import { coverage, loadDetections, loadSigmaDetections } from '../../src/coverage/index.js';
import { bundledSigmaRulesDir } from '../../src/sigma/index.js';
import type { CloudTrailRecord } from '../../src/record/types.js';
import { writeSampleEstate } from './sample-estate.js';
import { eventSelectors, extraKey, keyDeletion, quiet, stopTrail } from '../fixtures/coverage/playbooks.js';
import { findChromium, inspectPage, REPORT_STATE } from './browser.js';

const ROOT = join(import.meta.dirname, '../..');
const OUT = join(ROOT, 'out/test-report');
mkdirSync(OUT, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'trailsim-report-'));
const estate = join(work, 'estate');
const { records: recordCount } = writeSampleEstate(estate, { s3: true });
const lines = readFileSync(join(estate, 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CloudTrailRecord);

// A coverage result beside the records: shipped playbooks, mapped inline ones, Sigma and fixture detections.
const sigma = loadSigmaDetections(bundledSigmaRulesDir());
const own = await loadDetections(join(import.meta.dirname, '../fixtures/coverage/detections'));
const cov = await coverage({
  rules: [...sigma, ...own],
  scenarios: ['attack-cloudtrail-tampering', 'attack-console-password-spraying', stopTrail, quiet, extraKey, eventSelectors, keyDeletion],
  baseline: { days: 1, rate: '200/h' },
});
writeFileSync(join(estate, 'coverage.json'), JSON.stringify(cov, null, 2));

const data = await buildReportData(estate);

describe('report data', () => {
  it('reads the JSONL records (not the S3 copy of them too) and the coverage result', () => {
    expect(data.sources).toEqual(['records.jsonl', 'coverage.json']);
    expect(data.activity!.records).toBe(recordCount);
    expect(data.coverage!.totals.playbooks).toBe(7);
    const status = (id: string) => data.coverage!.matrix.flatMap((t) => t.techniques).find((t) => t.id === id)!.status;
    expect([status('T1562.008'), status('T1485'), status('T1098.001')]).toEqual(['partial', 'uncovered', 'covered']);
  });

  it('charts activity by account, region and principal, each summing to the records', () => {
    const a = data.activity!;
    const nonInsight = lines.filter((r) => r.eventType !== 'AwsCloudTrailInsight').length;
    const sum = (s: readonly { counts: readonly number[] }[]) => s.reduce((n, x) => n + x.counts.reduce((p, c) => p + c, 0), 0);
    expect(sum(a.byAccount)).toBe(nonInsight);
    expect(sum(a.byRegion)).toBe(nonInsight);
    expect(sum(a.byPrincipal)).toBe(nonInsight);
    expect(a.byAccount.map((s) => s.label).sort()).toEqual([...new Set(lines.map((r) => r.recipientAccountId))].sort());
    expect(a.buckets.length).toBeLessThanOrEqual(160);
    expect(a.total.length).toBe(a.buckets.length);
  });

  it('draws the Insights event with its baseline, window and the calls per minute', () => {
    const ins = data.activity!.insights;
    const starts = lines.filter((r) => r.eventType === 'AwsCloudTrailInsight' && r.insightDetails?.state === 'Start');
    expect(ins).toHaveLength(starts.length);
    expect(ins.length).toBeGreaterThan(0);
    const i = ins.find((x) => x.eventName === 'CreateUser')!;
    expect(i.insightType).toBe('ApiCallRateInsight');
    expect(i.end).toBeGreaterThan(i.start);
    expect(i.insightAverage).toBeGreaterThan(i.baselineAverage);
    // The burst of 36 CreateUser calls falls in the window drawn.
    const inWindow = i.counts.filter((_, k) => i.minutes[k] >= i.start && i.minutes[k] <= i.end!).reduce((p, c) => p + c, 0);
    expect(inWindow).toBeGreaterThanOrEqual(36);
    expect(i.minutes[0]).toBeLessThan(i.start);
  });

  it('lists sign-ins, errors and top callers', () => {
    const s = data.activity!.signIns;
    // Every signin.amazonaws.com record is counted: the estate's own console and Identity
    // Center sign-ins, and the spraying attack's five failures then k.tanaka's success without MFA.
    expect(s.total).toBe(lines.filter((r) => r.eventSource === 'signin.amazonaws.com').length);
    expect(s.success + s.failure).toBe(s.total);
    expect(s.failure).toBeGreaterThanOrEqual(5);
    expect(s.withoutMfa).toBeGreaterThanOrEqual(1);
    expect(s.rows.some((r) => r.user === 'k.tanaka' && r.result === 'Success')).toBe(true);
    const errors = lines.filter((r) => r.errorCode !== undefined && r.eventType !== 'AwsCloudTrailInsight').length;
    expect(data.activity!.counts.errors).toBe(errors);
    const byCode = new Map<string, number>();
    for (const r of lines) if (r.errorCode !== undefined && r.eventType !== 'AwsCloudTrailInsight') byCode.set(r.errorCode, (byCode.get(r.errorCode) ?? 0) + 1);
    expect(data.activity!.errorCodes[0].count).toBe(Math.max(...byCode.values()));
    expect(data.activity!.topCallers[0].count).toBeGreaterThan(data.activity!.topCallers[1].count - 1);
  });

  it('reads the CloudTrail log files of an S3 tree', async () => {
    const s3 = await buildReportData(join(estate, 's3'));
    expect(s3.sources[0]).toMatch(/CloudTrail log files \(S3 tree\)/);
    expect(s3.activity!.records).toBeGreaterThan(100);
    // Insights files (CloudTrail-Insight/) are read too, and their chart counts the log files' calls.
    expect(s3.activity!.insights.map((i) => i.eventName)).toEqual(data.activity!.insights.map((i) => i.eventName));
    expect(s3.activity!.insights[0].counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(36);
    // The trail is in the prod account only, so it holds the prod account's records.
    expect(s3.activity!.byAccount.map((x) => x.label)).toEqual([lines.find((r) => r.userIdentity?.userName === 'alice.admin')!.recipientAccountId]);
  });

  it('says clearly when a folder has nothing to report', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'trailsim-empty-'));
    writeFileSync(join(empty, 'notes.json'), '{"hello":1}');
    await expect(buildReportData(empty)).rejects.toThrow(ReportInputError);
    await expect(buildReportData(join(empty, 'missing'))).rejects.toThrow(/is not a folder/);
    const bad = mkdtempSync(join(tmpdir(), 'trailsim-bad-'));
    writeFileSync(join(bad, 'records.jsonl'), '{"eventTime":"2026-01-01T00:00:00Z"}\nnot json\n');
    await expect(buildReportData(bad)).rejects.toThrow(/records\.jsonl: line 2: not valid JSON/);
  });
});

describe('report page', () => {
  it('is self-contained: Chart.js and the data inline, nothing loaded from the network', async () => {
    const html = readFileSync((await writeReport(estate, join(work, 'page.html')), join(work, 'page.html')), 'utf8');
    expect(html).toContain('Chart.js v4');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(http/i);
    expect(html).toContain("default-src 'none'");
  });

  it('keeps hostile record values out of the markup', () => {
    const html = renderReportHtml({ title: 'x</title><b>', sources: ['a'], coverage: { ...cov, detections: [{ ...cov.detections[0], title: '</script><script>alert(1)</script>' }] } });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('x&lt;/title&gt;&lt;b&gt;');
    expect(html.match(/<script/g)!.length).toBe(3);
  });
});

const chromium = findChromium();
if (!chromium) console.warn('report browser test skipped: no Chromium found (apt-get install -y chromium, or set TRAILSIM_CHROMIUM)');

describe.skipIf(!chromium)('report in headless Chromium', () => {
  interface State {
    ready: boolean;
    charts: { name: string }[];
    errors: string[];
    canvases: { name: string; width: number; height: number; ink: number }[];
    hasChartJs: boolean;
    matrixCells: number;
    sections: string[];
  }

  it('loads the full report with no console errors and draws every chart', async () => {
    const page = join(OUT, 'report.html');
    await writeReport(estate, page, { title: 'trailsim report: sample estate and detection coverage' });
    const shot = join(OUT, 'report.png');
    const r = await inspectPage(chromium!, page, REPORT_STATE, shot);
    const s = r.value as State;
    expect(r.problems).toEqual([]);
    expect(s.ready).toBe(true);
    expect(s.hasChartJs).toBe(true);
    expect(s.errors).toEqual([]);
    expect(s.sections).toEqual(['activity', 'insights', 'callers', 'errors', 'signins', 'coverage']);
    expect(s.charts.map((c) => c.name)).toEqual(expect.arrayContaining(['activity-account', 'activity-region', 'activity-principal', 'insight-0', 'top-callers', 'top-operations', 'signins', 'false-positives']));
    expect(s.canvases.length).toBe(s.charts.length);
    // A drawn chart inks thousands of pixels; an empty canvas none.
    for (const c of s.canvases) expect(c.ink, c.name).toBeGreaterThan(2000);
    expect(s.matrixCells).toBe(cov.matrix.reduce((n, t) => n + t.techniques.length, 0));
    expect(r.screenshotBytes).toBeGreaterThan(50_000);
    if (process.env.TRAILSIM_UPDATE_REPORT_EXAMPLE === '1') copyFileSync(shot, join(ROOT, 'docs/report-example.png'));
  });

  it('loads the coverage page trailsim coverage writes', async () => {
    const page = join(OUT, 'coverage.html');
    writeFileSync(page, coverageHtml(cov));
    const r = await inspectPage(chromium!, page, REPORT_STATE, join(OUT, 'coverage.png'));
    const s = r.value as State;
    expect(r.problems).toEqual([]);
    expect(s.ready).toBe(true);
    expect(s.sections).toEqual(['coverage']);
    for (const c of s.canvases) expect(c.ink, c.name).toBeGreaterThan(2000);
    expect(s.matrixCells).toBeGreaterThan(3);
    expect(existsSync(join(OUT, 'coverage.png'))).toBe(true);
  });
});
