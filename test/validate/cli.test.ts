import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/cli/validate.js';
import { SAMPLES_PATH, SAMPLE_LINES, hand, samples } from './records.js';

const dir = mkdtempSync(join(tmpdir(), 'trailsim-validate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await validateCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// Line 2: eventTime broken; line 3: not JSON; line 4: mfaAuthenticated as a boolean.
const badLines = (() => {
  const [a, b, c] = samples().filter((r) => r.userIdentity?.type === 'AssumedRole').slice(0, 3);
  b.eventTime = '2024-08-01 11:30:23';
  c.userIdentity.sessionContext.attributes.mfaAuthenticated = false;
  return [JSON.stringify(a), JSON.stringify(b), '{"eventVersion":', JSON.stringify(c)];
})();
const BAD = join(dir, 'bad.jsonl');
writeFileSync(BAD, badLines.join('\n') + '\n');
const GZ = join(dir, 'trail.json.gz');
writeFileSync(GZ, gzipSync(JSON.stringify({ Records: samples().slice(0, 10) })));
const WARN_ONLY = join(dir, 'lake.jsonl');
writeFileSync(WARN_ONLY, JSON.stringify({ ...hand.root(), eventVersion: '1.11', eventContext: { requestContext: {} } }) + '\n');

describe('trailsim validate', () => {
  it('exits 0 on a clean file and prints a summary', async () => {
    const { code, out, err } = await run(SAMPLES_PATH);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(`${SAMPLES_PATH}: ${SAMPLE_LINES.length} record(s) (jsonl), 0 error(s), 0 warning(s)`);
  });

  it('exits 1 on a bad file, printing file:line, severity, rule, path and message, then counts by rule', async () => {
    const { code, out } = await run(BAD);
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${BAD}:2: error \\[eventTime\\.format\\] eventTime: eventTime "2024-08-01 11:30:23" is not`));
    expect(lines[1]).toMatch(new RegExp(`^${BAD}:3: error \\[json\\.parse\\] not JSON`));
    expect(lines[2]).toMatch(new RegExp(`^${BAD}:4: error \\[userIdentity\\.sessionContext\\.mfaAuthenticated\\] userIdentity\\.sessionContext\\.attributes\\.mfaAuthenticated: mfaAuthenticated is false`));
    expect(out).toContain(`${BAD}: 3 record(s) + 1 unparsable (jsonl), 3 error(s), 0 warning(s)`);
    expect(out).toContain('  json.parse: 1');
    expect(out).toContain('  eventTime.format: 1');
  });

  it('exits 2 on a missing file, naming it on stderr, and still checks the other files', async () => {
    const missing = join(dir, 'nope.jsonl');
    const { code, out, err } = await run(missing, SAMPLES_PATH);
    expect(code).toBe(2);
    expect(err).toContain(`cannot read ${missing}`);
    expect(err).toContain('ENOENT');
    expect(out).toContain(`${SAMPLES_PATH}: 146 record(s)`);
  });

  it('--json prints one parseable report; --max caps the violations listed', async () => {
    const { code, out } = await run('--json', '--max', '1', BAD, GZ);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.exitCode).toBe(1);
    expect(report.files).toEqual([
      expect.objectContaining({ file: BAD, format: 'jsonl', records: 3, unparsable: 1, errors: 3, warnings: 0, byRule: { 'eventTime.format': 1, 'json.parse': 1, 'userIdentity.sessionContext.mfaAuthenticated': 1 } }),
      expect.objectContaining({ file: GZ, format: 'records', gzip: true, records: 10, errors: 0 }),
    ]);
    expect(report.violations).toEqual([expect.objectContaining({ file: BAD, line: 2, index: 1, rule: 'eventTime.format', path: 'eventTime', severity: 'error' })]);
    expect(report.omitted).toBe(2);
  });

  it('text output says how many violations --max left out', async () => {
    const { out } = await run('--max', '0', BAD);
    expect(out).not.toContain('[eventTime.format]');
    expect(out).toContain('... 3 more violation(s) not shown (--max 0)');
  });

  it('warnings do not fail the run unless --fail-on warning; --delivery lake accepts eventContext', async () => {
    const plain = await run(WARN_ONLY);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('warning [eventContext.outsideLake]');
    expect((await run('--fail-on', 'warning', WARN_ONLY)).code).toBe(1);
    const lake = await run('--delivery', 'lake', '--fail-on', 'warning', WARN_ONLY);
    expect(lake.code).toBe(0);
    expect(lake.out).not.toContain('[eventContext');
  });

  it('--ignore, --region and --strict-key-order reach the rules', async () => {
    expect((await run('--ignore', 'eventTime', '--ignore', 'json.parse', '--ignore', 'userIdentity.sessionContext', BAD)).code).toBe(0);
    const region = await run('--region', 'us-east-1', GZ);
    expect(region.code).toBe(1);
    expect(region.out).toContain('[awsRegion.notAllowed]');
    const order = await run('--strict-key-order', '--max', '0', BAD);
    expect(order.out).toContain('record.keyOrder: 3');
  });

  it('prints a total line for several files', async () => {
    const { out } = await run(SAMPLES_PATH, GZ);
    expect(out.split('\n').at(-1)).toBe('total: 156 records in 2 files, 0 error(s), 0 warning(s)');
  });

  it('usage errors exit 2 with the usage text; --help exits 0', async () => {
    for (const args of [[], ['--max', 'ten', BAD], ['--bogus', BAD], ['--delivery', 'kinesis', BAD], ['--fail-on', 'info', BAD], ['--ignore', 'no.such.rule', BAD]]) {
      const { code, err, out } = await run(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toContain('Usage: trailsim validate');
      expect(out).toBe('');
    }
    const rules = await run('--list-rules');
    expect(rules.code).toBe(0);
    expect(rules.out).toContain('eventTime.format\terror\t');
    expect(rules.out).toContain('eventContext.outsideLake\twarning\t');
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Exit codes: 0 no violations, 1 violations, 2 usage or read error');
  });
});
