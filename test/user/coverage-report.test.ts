/**
 * trailsim/coverage and trailsim/report from the built package (npm test builds first),
 * reached through package.json "exports" as a user's code reaches them.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, { import: { default: string } }> };
const entry = async <T>(subpath: string): Promise<T> => (await import(pathToFileURL(join(root, pkg.exports[subpath].import.default)).href)) as T;

type Coverage = typeof import('../../src/coverage/index.js');
type Report = typeof import('../../src/report/index.js');
type Matchers = typeof import('../../src/testing/vitest/index.js');

describe('the built coverage and report entry points', () => {
  it('run a shipped playbook against a detection, check it, and draw the report', async () => {
    const { coverage, defineDetection } = await entry<Coverage>('./coverage');
    const { writeReport } = await entry<Report>('./report');
    const { expectCoverage } = await entry<Matchers>('./vitest');
    const stop = defineDetection({ id: 'stop', title: 'Trail stopped', playbooks: ['attack-cloudtrail-tampering'], match: (r) => r.eventName === 'StopLogging' });
    const result = await coverage({ rules: [stop], scenarios: ['attack-cloudtrail-tampering'], baseline: { rate: '40/h' } });
    expect(result.detections[0].caught).toEqual(['attack-cloudtrail-tampering']);
    expectCoverage(result, { maxFalsePositivesPer10k: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'trailsim-user-cov-'));
    writeFileSync(join(dir, 'coverage.json'), JSON.stringify(result));
    await writeReport(dir, join(dir, 'report.html'));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Chart.js v4');
    expect(html).toContain('"id":"stop"');
  });
});
