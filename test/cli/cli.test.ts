import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { validateRecord } from '../../src/validate/index.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) } };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'trailsim-cli-'));

describe('trailsim CLI', () => {
  it('generate writes eventTime-ordered JSONL that the validator accepts, and a manifest', async () => {
    const dir = tmp();
    const c = io();
    const code = await main(['generate', '--accounts', '2', '--regions', 'us-east-1,eu-west-1', '--days', '1', '--rate', '200/h', '--seed', '1', '--out', dir], c.io);
    expect(code).toBe(0);
    const lines = readFileSync(join(dir, 'records.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(2 * 2 * 200 * 24 * 0.8);
    const records = lines.map((l) => JSON.parse(l) as CloudTrailRecord);
    for (let i = 1; i < records.length; i++) expect(records[i - 1].eventTime <= records[i].eventTime).toBe(true);
    const bad = records.flatMap((r) => validateRecord(r).map((v) => `${r.eventName}: ${v.rule} ${v.message}`));
    expect(bad.slice(0, 10)).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ generator: 'trailsim', seed: 1, records: lines.length });
    expect(c.out.join('\n')).toMatch(/records: \d+/);
  });

  it('generate --shard writes only that shard', async () => {
    const dir = tmp();
    const c = io();
    expect(await main(['generate', '--accounts', '2', '--regions', 'us-east-1,eu-west-1', '--rate', '100/h', '--shard', 'account-2/eu-west-1/2026-01-01', '--out', dir], c.io)).toBe(0);
    const records = readFileSync(join(dir, 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CloudTrailRecord);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r.awsRegion).toBe('eu-west-1');
    expect(new Set(records.map((r) => r.recipientAccountId)).size).toBe(1);
  });

  it.each([
    [['generate', '--out', 'x', '--accounts', 'three'], /--accounts must be a whole number/],
    [['generate', '--out', 'x', '--regions', 'mars-1'], /not an AWS region/],
    [['generate', '--out', 'x', '--rate', 'lots'], /Cannot read rate/],
    [['generate', '--out', 'x', '--bogus'], /Unknown option|unknown option/i],
    [['generate'], /--out DIR is required/],
    [['frobnicate'], /unknown command/],
    [['run'], /expected one scenario file/],
  ])('bad input %j exits 2 with a clear message', async (argv, message) => {
    const c = io();
    expect(await main(argv as string[], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(message);
  });

  it('run rejects a malformed scenario with InvalidScenarioError and writes nothing', async () => {
    const dir = tmp();
    const file = join(dir, 'bad.ts');
    writeFileSync(file, 'export default { name: "no-run" };\n');
    const c = io();
    expect(await main(['run', file, '--out', join(dir, 'out')], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/InvalidScenarioError: .*run\(ctx\)/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('run --format s3 writes the trail bucket as DIR/<bucket>/<key>, readable back to the delivered records', async () => {
    const dir = tmp();
    const file = join(dir, 'trail.ts');
    writeFileSync(
      file,
      `import { defineScenario } from 'trailsim';
export default defineScenario({
  name: 'tiny-trail',
  run({ sim }) {
    const a = sim.addAccount({ name: 'a', regions: ['us-east-1'] });
    const u = a.iamUser('u');
    sim.cloudtrail.s3.createBucket('logs');
    sim.cloudtrail.createTrail(u, { Name: 'main-trail', S3BucketName: 'logs', EnableLogFileValidation: true });
    sim.cloudtrail.startLogging(u, { Name: 'main-trail' });
    sim.addTraffic({ rate: '60/h' });
    sim.advance('3h');
  },
});
`,
    );
    const c = io();
    const code = await main(['run', file, '--format', 's3', '--out', join(dir, 'out')], c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    expect(c.out.join('\n')).toMatch(/wrote \d+ S3 objects/);
    const { readCloudTrailRecords } = await import('../../src/export/s3-layout-reader.js');
    const back = readCloudTrailRecords(join(dir, 'out'));
    const all = readFileSync(join(dir, 'out', 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CloudTrailRecord);
    const mgmt = all.filter((r) => r.eventCategory === 'Management' && r.eventName !== 'CreateTrail');
    expect(back.length).toBeGreaterThan(0);
    expect(new Set(back.map((r) => r.eventID))).toEqual(new Set(mgmt.map((r) => r.eventID)));
    expect(existsSync(join(dir, 'out', 'logs', 'AWSLogs'))).toBe(true);
  });

  it('every command has --help with an example', async () => {
    for (const cmd of ['run', 'generate', 'validate', 'detect', 'scenarios', 'query', 'export']) {
      const c = io();
      expect(await main([cmd, '--help'], c.io)).toBe(0);
      expect(c.out.join('\n')).toMatch(/Usage: trailsim/);
      expect(c.out.join('\n')).toMatch(/Example/);
    }
  });
});
