import { describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { S3Store } from '../../src/s3/object-store.js';
import { exportS3Tree, METADATA_SIDECAR_SUFFIX } from '../../src/export/s3-layout.js';
import { readCloudTrailRecords, readS3Tree } from '../../src/export/s3-layout-reader.js';
import { replayRecords } from '../../src/export/replay.js';
import { parseCloudTrailKey } from '../../src/cloudtrail/trails/object-keys.js';
import { validateRecord } from '../../src/validate/index.js';
import { createSimulation } from '../../src/simulation.js';
import { attachCloudTrail } from '../../src/cloudtrail/trails/service.js';
import type { CloudTrailRecord } from '../../src/record/types.js';
import { copyId, deliveredRecords, setup, tempDirs } from './helpers.js';

const tmp = tempDirs('trailsim-export-');

/** A run with management, data, global and cross-Region events, digests, and an organization. */
function run(seed = 3) {
  const s = setup({ seed });
  const alice = s.prod.iamUser('alice');
  const t = s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, IsMultiRegionTrail: true, EnableLogFileValidation: true, S3KeyPrefix: 'ct' });
  s.ct.putEventSelectors(alice, { TrailName: 'main', AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }, { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] }] });
  s.ct.startLogging(alice, { Name: 'main' });
  s.sim.addTraffic({ name: 'background', rate: '400/h' });
  for (let i = 0; i < 12; i++) {
    s.sim.call(alice, 's3:GetObject');
    s.sim.call(alice, 'ec2:RunInstances', {}, { region: 'eu-west-1' });
    s.sim.call(s.prod.root(), 'signin:ConsoleLogin');
    s.sim.advance('9m');
  }
  s.ct.stopLogging(alice, { Name: 'main' });
  return { ...s, alice, arn: t.TrailARN };
}

describe('exportS3Tree / readS3Tree', () => {
  it('writes DIR/<bucket>/<key> byte for byte, sidecars for metadata, mtimes from LastModified', () => {
    const s = run();
    const dir = tmp();
    const summary = exportS3Tree(s.ct.s3, dir);
    const objects = [...s.ct.s3.allObjects()];
    expect(summary.objects).toBe(objects.length);
    const digests = objects.filter((o) => parseCloudTrailKey(o.key)?.kind === 'digest');
    expect(summary.sidecars).toBe(digests.length);
    for (const o of objects) {
      const path = join(dir, o.bucket, ...o.key.split('/'));
      expect(readFileSync(path).equals(Buffer.from(o.body))).toBe(true);
      expect(Math.round(statSync(path).mtimeMs)).toBe(o.lastModified);
      expect(existsSync(path + METADATA_SIDECAR_SUFFIX)).toBe(Object.keys(o.metadata).length > 0);
    }
    const side = JSON.parse(readFileSync(join(dir, digests[0].bucket, ...digests[0].key.split('/')) + METADATA_SIDECAR_SUFFIX, 'utf8'));
    expect(side).toEqual({
      LastModified: new Date(digests[0].lastModified).toISOString(),
      ContentLength: digests[0].size,
      ETag: digests[0].etag,
      ContentType: 'binary/octet-stream',
      ServerSideEncryption: 'AES256',
      Metadata: { signature: digests[0].metadata.signature, 'signature-algorithm': 'SHA256withRSA' },
    });
    // No sidecar ever lands in a CloudTrail/ log folder.
    expect(s.ct.s3.listKeys(s.bucket).some((k) => k.includes('/CloudTrail/') && k.endsWith(METADATA_SIDECAR_SUFFIX))).toBe(false);

    const back = readS3Tree(dir);
    expect(back.bucketNames()).toEqual(s.ct.s3.bucketNames());
    const a = [...back.allObjects()].map((o) => [o.key, Buffer.from(o.body).toString('base64'), o.metadata, o.lastModified, o.etag]);
    const b = objects.map((o) => [o.key, Buffer.from(o.body).toString('base64'), o.metadata, o.lastModified, o.etag]);
    expect(a).toEqual(b);
  });

  it('refuses keys that would not map to a path one-to-one', () => {
    const store = new S3Store();
    store.createBucket('bkt');
    store.putObject('bkt', 'a//b.json.gz', { body: new Uint8Array([1]), lastModified: 0 });
    expect(() => exportS3Tree(store, tmp())).toThrow(/one-to-one/);
  });

  it('reads back exactly the delivered records, each a valid trail record', () => {
    const s = run(8);
    const dir = tmp();
    exportS3Tree(s.ct.s3, dir);
    const fromDisk = readCloudTrailRecords(dir);
    const delivered = deliveredRecords(s.ct.s3).map((d) => d.record);
    expect(fromDisk).toEqual(delivered);
    expect(delivered.length).toBeGreaterThan(100);
    expect(new Set(delivered.map((r) => r.eventCategory))).toEqual(new Set(['Management', 'Data']));
    const recorded = new Map(s.sim.records().map((r) => [copyId(r), r] as [string, CloudTrailRecord]));
    const errors: string[] = [];
    for (const r of fromDisk) {
      expect(JSON.stringify(r)).toBe(JSON.stringify(recorded.get(copyId(r))));
      for (const v of validateRecord(r, { delivery: 'trail' })) if (v.severity === 'error') errors.push(`${r.eventName} ${v.rule}: ${v.message}`);
    }
    expect(errors).toEqual([]);
    // The exported tree still validates.
    expect(s.ct.validateLogs({ trail: s.arn, startTime: '2026-03-01T08:00:00Z', store: readS3Tree(dir) }).valid).toBe(true);
  });
});

describe('replayRecords', () => {
  it('replays an exported tree into a new simulation in eventTime order, and its trail delivers them again', () => {
    const s = run(4);
    const dir = tmp();
    exportS3Tree(s.ct.s3, dir);
    const delivered = deliveredRecords(s.ct.s3).map((d) => d.record);

    const sim2 = createSimulation({ seed: 99, start: '2026-03-01T08:00:00Z' });
    const ct2 = attachCloudTrail(sim2);
    ct2.s3.createBucket('replay-logs');
    const acct = sim2.addAccount({ id: s.prod.id, name: 'prod-replay', regions: ['us-east-1', 'eu-west-1'] });
    const admin = acct.iamUser('admin');
    ct2.createTrail(admin, { Name: 'replay', S3BucketName: 'replay-logs', IsMultiRegionTrail: true });
    ct2.putEventSelectors(admin, { TrailName: 'replay', AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] }] }, { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] }] });
    ct2.startLogging(admin, { Name: 'replay' });
    const before = sim2.records().length;
    const summary = replayRecords(sim2, dir);
    expect(summary.ingested).toBe(delivered.length);
    expect(summary.invalid).toBe(0);
    const replayed = sim2.records().slice(before);
    const times = replayed.map((r) => r.eventTime);
    expect(times).toEqual([...times].sort());
    expect(sim2.now).toBe(Date.parse(times[times.length - 1]));
    sim2.advance('10m');
    const again = new Set(deliveredRecords(ct2.s3).map((d) => copyId(d.record)));
    const expected = delivered.filter((r) => r.eventSource !== 'kms.amazonaws.com');
    for (const r of expected) expect(again.has(copyId(r))).toBe(true);
  });

  it('reads JSONL, CloudTrail files (gzipped or not) and arrays; dedupes and counts what is not a record', () => {
    const s = run(6);
    const recs = deliveredRecords(s.ct.s3).map((d) => d.record).slice(0, 30);
    const dir = tmp();
    writeFileSync(join(dir, 'a.jsonl'), recs.slice(0, 10).map((r) => JSON.stringify(r)).join('\n') + '\n{"not":"a record"}\n');
    writeFileSync(join(dir, 'b.json.gz'), gzipSync(JSON.stringify({ Records: recs.slice(10, 20) })));
    writeFileSync(join(dir, 'c.json'), JSON.stringify([...recs.slice(20, 30), recs[0]]));
    const sim = createSimulation({ seed: 1, start: '2026-01-01T00:00:00Z' });
    const out = replayRecords(sim, dir, { dedupe: true });
    expect(out).toMatchObject({ ingested: 30, duplicates: 1, invalid: 1 });
    const sim2 = createSimulation({ seed: 1, start: '2027-01-01T00:00:00Z' });
    const out2 = replayRecords(sim2, join(dir, 'b.json.gz'));
    expect(out2.ingested).toBe(10);
    // Records older than the clock are ingested at the current time; the clock never goes back.
    expect(sim2.now).toBe(Date.parse('2027-01-01T00:00:00Z'));
  });
});
