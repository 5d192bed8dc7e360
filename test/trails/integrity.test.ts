import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { S3Store } from '../../src/s3/object-store.js';
import { gzipDeterministic } from '../../src/cloudtrail/trails/gzip.js';
import { parseCloudTrailKey } from '../../src/cloudtrail/trails/object-keys.js';
import { buildDigest, type DigestFile } from '../../src/cloudtrail/trails/digest.js';
import { DigestSigner, digestSigningString, publicKeyFingerprint } from '../../src/cloudtrail/trails/signing.js';
import { TRAILSIM_TEST_PRIVATE_KEY_PEM, TRAILSIM_TEST_PUBLIC_KEY_PEM } from '../../src/cloudtrail/trails/test-key.js';
import { validateLogs } from '../../src/cloudtrail/trails/validate-logs.js';
import { exportS3Tree } from '../../src/export/s3-layout.js';
import { readS3Tree } from '../../src/export/s3-layout-reader.js';
import { setup, T0 } from './helpers.js';

function digestsOf(store: S3Store) {
  return [...store.allObjects()].filter((o) => parseCloudTrailKey(o.key)?.kind === 'digest');
}

function readDigest(body: Uint8Array): DigestFile {
  return JSON.parse(gunzipSync(body).toString('utf8')) as DigestFile;
}

/** A trail that logged for ~3 hours with validation on, then stopped (every file digested). */
function scenario(seed = 5, opts: { prefix?: string } = {}) {
  const s = setup({ seed });
  const alice = s.prod.iamUser('alice');
  const t = s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, IsMultiRegionTrail: true, EnableLogFileValidation: true, ...(opts.prefix ? { S3KeyPrefix: opts.prefix } : {}) });
  s.ct.startLogging(alice, { Name: 'main' });
  for (let i = 0; i < 24; i++) {
    s.sim.call(alice, 'iam:ListUsers');
    s.sim.call(alice, 'ec2:DescribeInstances', {}, { region: i % 3 ? 'us-east-1' : 'eu-west-1' });
    if (i === 10) s.sim.advance('70m');
    s.sim.advance('4m');
  }
  s.sim.advance('30m');
  s.ct.stopLogging(alice, { Name: 'main' });
  return { ...s, alice, arn: t.TrailARN };
}

describe('digest files', () => {
  it('have the documented fields, order, key and chain', () => {
    const s = scenario();
    const digests = digestsOf(s.ct.s3);
    expect(digests.length).toBeGreaterThanOrEqual(8);
    const re = new RegExp(`^AWSLogs/${s.prod.id}/CloudTrail-Digest/(us-east-1|eu-west-1)/2026/03/01/${s.prod.id}_CloudTrail-Digest_\\1_main_us-east-1_20260301T\\d{6}Z\\.json\\.gz$`);
    const byRegion = new Map<string, DigestFile[]>();
    for (const o of digests) {
      expect(o.key).toMatch(re);
      expect(o.metadata['signature-algorithm']).toBe('SHA256withRSA');
      expect(o.metadata.signature).toMatch(/^[0-9a-f]{512}$/);
      const d = readDigest(o.body);
      expect(Object.keys(d)).toEqual([
        'awsAccountId', 'digestStartTime', 'digestEndTime', 'digestS3Bucket', 'digestS3Object', 'digestPublicKeyFingerprint', 'digestSignatureAlgorithm',
        'newestEventTime', 'oldestEventTime', 'previousDigestS3Bucket', 'previousDigestS3Object', 'previousDigestHashValue', 'previousDigestHashAlgorithm',
        'previousDigestSignature', 'logFiles',
      ]);
      expect(d.awsAccountId).toBe(s.prod.id);
      expect(d.digestS3Bucket).toBe(o.bucket);
      expect(d.digestS3Object).toBe(o.key);
      expect(d.digestSignatureAlgorithm).toBe('SHA256withRSA');
      expect(d.digestPublicKeyFingerprint).toBe(s.ct.signer.fingerprint);
      const region = parseCloudTrailKey(o.key)!.region;
      byRegion.set(region, [...(byRegion.get(region) ?? []), d]);
      for (const f of d.logFiles) {
        const log = s.ct.s3.getObject(f.s3Bucket, f.s3Object);
        expect(f.hashValue).toBe(createHash('sha256').update(gunzipSync(log.body)).digest('hex'));
        expect(f.hashAlgorithm).toBe('SHA-256');
        expect(f.oldestEventTime <= f.newestEventTime).toBe(true);
      }
    }
    for (const [, chain] of byRegion) {
      chain.sort((a, b) => a.digestEndTime.localeCompare(b.digestEndTime));
      // The starting digest has null previous fields; each later one points at the one before.
      expect(chain[0].previousDigestS3Object).toBeNull();
      expect(chain[0].previousDigestSignature).toBeNull();
      expect(chain[0].digestStartTime).toBe('2026-03-01T09:00:00Z');
      for (let i = 1; i < chain.length; i++) {
        const prev = s.ct.s3.getObject(chain[i].previousDigestS3Bucket!, chain[i].previousDigestS3Object!);
        expect(chain[i].previousDigestS3Object).toBe(chain[i - 1].digestS3Object);
        expect(chain[i].previousDigestHashValue).toBe(createHash('sha256').update(gunzipSync(prev.body)).digest('hex'));
        expect(chain[i].previousDigestSignature).toBe(prev.metadata.signature);
        expect(chain[i].digestStartTime).toBe(chain[i - 1].digestEndTime);
      }
      // The hour with no activity in eu-west-1 has an empty digest.
    }
    const empty = [...byRegion.values()].flat().filter((d) => d.logFiles.length === 0);
    expect(empty.length).toBeGreaterThan(0);
    for (const d of empty) {
      expect(d.newestEventTime).toBeNull();
      expect(d.oldestEventTime).toBeNull();
    }
  });

  it('are signed SHA256withRSA over the documented data signing string', () => {
    const s = scenario();
    const pub = createPublicKey(TRAILSIM_TEST_PUBLIC_KEY_PEM);
    for (const o of digestsOf(s.ct.s3)) {
      const raw = gunzipSync(o.body);
      const d = JSON.parse(raw.toString('utf8')) as DigestFile;
      // Digest end time + '\n' + bucket/key + '\n' + hex SHA-256 of the digest + '\n' + previous signature.
      const toSign = `${d.digestEndTime}\n${o.bucket}/${o.key}\n${createHash('sha256').update(raw).digest('hex')}\n${d.previousDigestSignature ?? 'null'}`;
      expect(verify('sha256', Buffer.from(toSign), pub, Buffer.from(o.metadata.signature, 'hex'))).toBe(true);
      expect(verify('sha256', Buffer.from(toSign + 'x'), pub, Buffer.from(o.metadata.signature, 'hex'))).toBe(false);
    }
  });

  it('fingerprints keys as the hex MD5 of the PKCS#1 DER, as the keys in AWS documentation show', () => {
    // From the User Guide's list-public-keys sample ("Custom implementations" page).
    const value = 'MIIBCgKCAQEAn11L2YZ9h7onug2ILi1MWyHiMRsTQjfWE+pHVRLk1QjfWhirG+lpOa8NrwQ/r7Ah5bNL6HepznOU9XTDSfmmnP97mqyc7z/upfZdS/AHhYcGaz7n6Wc/RRBU6VmiPCrAUojuSk6/GjvA8iOPFsYDuBtviXarvuLPlrT9kAd4Lb+rFfR5peEgBEkhlzc5HuWO7S0y+KunqxX6jQBnXGMtxmPBPP0FylgWGNdFtks/4YSKcgqwH0YDcawP9GGGDAeCIqPWIXDLG1jOjRRzWfCmD0iJUkz8vTsn4hq/5ZxRFE7UBAUiVcGbdnDdvVfhF9C3dQiDq3k7adQIziLT0cShgQIDAQAB';
    expect(publicKeyFingerprint(Buffer.from(value, 'base64'))).toBe('8eba5db5bea9b640d1c96a77256fe7f2');
    const signer = new DigestSigner();
    expect(signer.fingerprint).toBe(publicKeyFingerprint(signer.publicKeyDer));
    expect(signer.sign('abc')).toBe(new DigestSigner().sign('abc'));
  });

  it('ship a test key identical to the committed PEM files', () => {
    const dir = join(__dirname, '../../src/cloudtrail/trails/signing-key');
    expect(readFileSync(join(dir, 'trailsim-test-key.pem'), 'utf8').trim()).toBe(TRAILSIM_TEST_PRIVATE_KEY_PEM.trim());
    expect(readFileSync(join(dir, 'trailsim-test-key.pub.pem'), 'utf8').trim()).toBe(TRAILSIM_TEST_PUBLIC_KEY_PEM.trim());
    expect(createPublicKey(TRAILSIM_TEST_PRIVATE_KEY_PEM).export({ type: 'pkcs1', format: 'pem' }).toString().trim()).toBe(TRAILSIM_TEST_PUBLIC_KEY_PEM.trim());
  });

  it('can be signed with a user key, which the test key then does not verify', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const s = setup({ service: { signingKey: privateKey } });
    const alice = s.prod.iamUser('alice');
    const t = s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, EnableLogFileValidation: true });
    s.ct.startLogging(alice, { Name: 'main' });
    s.sim.call(alice, 'iam:ListUsers');
    s.sim.advance('1h');
    s.ct.stopLogging(alice, { Name: 'main' });
    expect(s.ct.validateLogs({ trail: t.TrailARN, startTime: T0 }).valid).toBe(true);
    expect(validateLogs(s.ct.s3, { trailArn: t.TrailARN, bucket: s.bucket, startTime: Date.parse(T0), endTime: s.sim.now, publicKeys: [publicKey] }).valid).toBe(true);
    const withTestKey = validateLogs(s.ct.s3, { trailArn: t.TrailARN, bucket: s.bucket, startTime: Date.parse(T0), endTime: s.sim.now });
    expect(withTestKey.valid).toBe(false);
    expect(withTestKey.modified[0].message).toMatch(/public key not found/);
  });
});

describe('validateLogs', () => {
  it('reports an untouched trail as valid, like the CLI', () => {
    const s = scenario();
    const r = s.ct.validateLogs({ trail: s.arn, startTime: '2026-03-01T08:00:00Z' });
    expect(r.valid).toBe(true);
    expect(r.digestFiles.invalid + r.logFiles.invalid).toBe(0);
    expect(r.digestFiles.valid).toBe(digestsOf(s.ct.s3).length);
    expect(r.logFiles.valid).toBe(s.ct.s3.listObjects(s.bucket).length - digestsOf(s.ct.s3).length);
    const text = r.report();
    expect(text).toContain(`Validating log files for trail ${s.arn} between 2026-03-01T08:00:00Z and`);
    expect(text).toContain('Results requested for 2026-03-01T08:00:00Z to');
    expect(text).toContain('Results found for 2026-03-01T09:00:00Z to');
    expect(text).toMatch(new RegExp(`${r.digestFiles.valid}/${r.digestFiles.valid} digest files valid`));
    expect(text).toMatch(new RegExp(`${r.logFiles.valid}/${r.logFiles.valid} log files valid`));
    // One Region only, as the CLI's --region.
    const west = s.ct.validateLogs({ trail: s.arn, startTime: T0, region: 'eu-west-1' });
    expect(west.streams.map((x) => x.region)).toEqual(['eu-west-1']);
    expect(west.valid).toBe(true);
  });

  it('validates an exported tree read back from disk', () => {
    const s = scenario(9, { prefix: 'audit' });
    const dir = mkdtempSync(join(tmpdir(), 'trailsim-integrity-'));
    try {
      exportS3Tree(s.ct.s3, dir);
      const disk = readS3Tree(dir);
      const standalone = validateLogs(disk, { trailArn: s.arn, bucket: s.bucket, prefix: 'audit', startTime: Date.parse(T0), endTime: s.sim.now });
      expect(standalone.valid).toBe(true);
      expect(standalone.digestFiles.valid).toBeGreaterThan(0);
      const log = s.ct.s3.listObjects(s.bucket).find((o) => parseCloudTrailKey(o.key)?.kind === 'log')!;
      unlinkSync(join(dir, s.bucket, ...log.key.split('/')));
      const after = s.ct.validateLogs({ trail: s.arn, startTime: T0, store: readS3Tree(dir) });
      expect(after.deleted.map((f) => f.key)).toEqual([log.key]);
      expect(after.deleted[0].message).toBe(`Log file\ts3://${s.bucket}/${log.key}\tINVALID: not found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ------------------------------------------------------------------ tampering

function cloneStore(src: S3Store): S3Store {
  const out = new S3Store();
  for (const b of src.bucketNames()) {
    const info = src.bucket(b)!;
    out.createBucket(b, { region: info.region });
    for (const o of src.listObjects(b)) out.putObject(b, o.key, { body: o.body, lastModified: o.lastModified, metadata: { ...o.metadata } });
  }
  return out;
}

type Tamper = 'delete-log' | 'modify-log' | 'insert-log' | 'delete-digest' | 'modify-digest' | 'resign-digest-metadata' | 'insert-digest' | 'copy-digest';

/** Tampers like an attacker with write access: S3 stamps every write with the time it happens (`now`). */
function tamper(store: S3Store, kind: Tamper, pick: number, bucket: string, now: number): string {
  const all = [...store.allObjects()];
  const logs = all.filter((o) => parseCloudTrailKey(o.key)?.kind === 'log');
  const digests = all.filter((o) => parseCloudTrailKey(o.key)?.kind === 'digest');
  const log = logs[pick % logs.length];
  const digest = digests[pick % digests.length];
  switch (kind) {
    case 'delete-log':
      store.deleteObject(bucket, log.key);
      return log.key;
    case 'modify-log': {
      const doc = JSON.parse(gunzipSync(log.body).toString('utf8')) as { Records: { sourceIPAddress?: string }[] };
      doc.Records[0].sourceIPAddress = '198.51.100.66';
      store.putObject(bucket, log.key, { body: gzipDeterministic(JSON.stringify(doc)), lastModified: now });
      return log.key;
    }
    case 'insert-log': {
      // A forged file next to a real one, same minute, another unique string.
      const key = log.key.replace(/_[A-Za-z0-9]{16}\.json\.gz$/, '_FORGEDforgedFORG.json.gz');
      store.putObject(bucket, key, { body: log.body, lastModified: now });
      return key;
    }
    case 'delete-digest':
      store.deleteObject(bucket, digest.key);
      return digest.key;
    case 'modify-digest': {
      const d = readDigest(digest.body);
      if (d.logFiles.length > 0) d.logFiles.pop();
      else d.newestEventTime = '2026-03-01T09:00:00Z';
      store.putObject(bucket, digest.key, { body: gzipDeterministic(JSON.stringify(d)), lastModified: now, metadata: { ...digest.metadata } });
      return digest.key;
    }
    case 'resign-digest-metadata': {
      // The attacker's own key: the fingerprint no longer matches a CloudTrail key.
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
      const forger = new DigestSigner(privateKey);
      const d = readDigest(digest.body);
      if (d.logFiles.length > 0) d.logFiles.pop();
      const built = buildDigest({ accountId: d.awsAccountId, start: Date.parse(d.digestStartTime), end: Date.parse(d.digestEndTime), bucket, key: digest.key, logFiles: d.logFiles, signer: forger, ...(d.previousDigestS3Object ? { previous: { bucket, key: d.previousDigestS3Object, hash: d.previousDigestHashValue!, signature: d.previousDigestSignature! } } : {}) });
      store.putObject(bucket, digest.key, { body: gzipDeterministic(built.json), lastModified: now, metadata: { signature: built.signature, 'signature-algorithm': 'SHA256withRSA' } });
      return digest.key;
    }
    case 'insert-digest': {
      const p = parseCloudTrailKey(digest.key)!;
      const key = digest.key.replace(/_(\d{8}T\d{6}Z)\.json\.gz$/, (_m, ts: string) => `_${ts.slice(0, 13)}${String((Number(ts.slice(13, 15)) + 7) % 60).padStart(2, '0')}Z.json.gz`);
      const d = readDigest(digest.body);
      d.digestS3Object = key;
      store.putObject(bucket, key, { body: gzipDeterministic(JSON.stringify(d)), lastModified: now, metadata: { ...digest.metadata } });
      void p;
      return key;
    }
    case 'copy-digest': {
      const key = digest.key.replace(/_(\d{8}T\d{6}Z)\.json\.gz$/, (_m, ts: string) => `_${ts.slice(0, 13)}${String((Number(ts.slice(13, 15)) + 3) % 60).padStart(2, '0')}Z.json.gz`);
      store.putObject(bucket, key, { body: digest.body, lastModified: now, metadata: { ...digest.metadata } });
      return key;
    }
  }
}

const TAMPERS: Tamper[] = ['delete-log', 'modify-log', 'insert-log', 'delete-digest', 'modify-digest', 'resign-digest-metadata', 'insert-digest', 'copy-digest'];

describe('validateLogs finds every tampering', () => {
  const base = scenario(21);
  it.each(TAMPERS)('%s of any file is reported', (kind) => {
    const n = (process.env.TRAILSIM_LONG ? 200 : 12);
    fc.assert(
      fc.property(fc.nat(1000), (pick) => {
        const store = cloneStore(base.ct.s3);
        const key = tamper(store, kind, pick, base.bucket, base.sim.now);
        const r = base.ct.validateLogs({ trail: base.arn, startTime: T0, store });
        expect(r.valid).toBe(false);
        const flagged = [...r.modified, ...r.deleted, ...r.unreferenced, ...r.unchained].map((f) => f.key);
        if (kind === 'delete-digest' && !flagged.includes(key)) {
          // The newest digest of a chain: nothing points at it any more; its hour is missing.
          expect(r.missing.length).toBeGreaterThan(0);
        } else {
          expect(flagged).toContain(key);
        }
        const expectedStatus: Record<Tamper, string[]> = {
          'delete-log': ['deleted'],
          'modify-log': ['modified'],
          'insert-log': ['unreferenced'],
          'delete-digest': ['deleted'],
          'modify-digest': ['modified'],
          'resign-digest-metadata': ['modified'],
          'insert-digest': ['unchained', 'modified'],
          'copy-digest': ['unchained', 'modified'],
        };
        const mine = [...r.modified, ...r.deleted, ...r.unreferenced, ...r.unchained].filter((f) => f.key === key);
        if (mine.length > 0) expect(expectedStatus[kind]).toContain(mine[0].status);
      }),
      { numRuns: n },
    );
  });

  it('names the CLI reasons', () => {
    const store = cloneStore(base.ct.s3);
    const key = tamper(store, 'modify-log', 3, base.bucket, base.sim.now);
    const r = base.ct.validateLogs({ trail: base.arn, startTime: T0, store });
    expect(r.modified.find((f) => f.key === key)!.message).toBe(`Log file\ts3://${base.bucket}/${key}\tINVALID: hash value doesn't match`);
    const store2 = cloneStore(base.ct.s3);
    const dkey = tamper(store2, 'modify-digest', 2, base.bucket, base.sim.now);
    const r2 = base.ct.validateLogs({ trail: base.arn, startTime: T0, store: store2 });
    expect(r2.modified.find((f) => f.key === dkey)!.message).toBe(`Digest file\ts3://${base.bucket}/${dkey}\tINVALID: signature verification failed`);
    expect(r2.report()).toMatch(/digest files valid, 1\/\d+ digest files INVALID/);
  });

  it('checks that the data signing string matches digestSigningString', () => {
    expect(digestSigningString('2015-08-12T04:01:31Z', 'b', 'k', 'ab', null)).toBe('2015-08-12T04:01:31Z\nb/k\nab\nnull');
    expect(digestSigningString('2015-08-12T04:01:31Z', 'b', 'k', 'ab', 'cd')).toBe('2015-08-12T04:01:31Z\nb/k\nab\ncd');
  });
});

describe('digest chains across configuration changes', () => {
  it('stay valid when Region scope, validation and bucket change while logging', () => {
    const s = setup({ seed: 31 });
    const alice = s.prod.iamUser('alice');
    s.ct.s3.createBucket('second-bucket');
    const t = s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, IsMultiRegionTrail: true, EnableLogFileValidation: true });
    s.ct.startLogging(alice, { Name: 'main' });
    const act = (n: number) => {
      for (let i = 0; i < n; i++) {
        s.sim.call(alice, 'ec2:DescribeInstances', {}, { region: i % 2 ? 'eu-west-1' : 'us-east-1' });
        s.sim.advance('6m');
      }
    };
    act(12);
    s.ct.updateTrail(alice, { Name: 'main', IsMultiRegionTrail: false });
    act(12);
    s.ct.updateTrail(alice, { Name: 'main', IsMultiRegionTrail: true, S3BucketName: 'second-bucket' });
    act(12);
    s.ct.updateTrail(alice, { Name: 'main', EnableLogFileValidation: false });
    act(6);
    s.ct.updateTrail(alice, { Name: 'main', EnableLogFileValidation: true });
    act(12);
    s.ct.stopLogging(alice, { Name: 'main' });
    const r = s.ct.validateLogs({ trail: t.TrailARN, startTime: '2026-03-01T08:00:00Z' });
    expect(r.report()).not.toMatch(/INVALID/);
    expect(r.valid).toBe(true);
    // eu-west-1 digests resumed after the trail became multi-Region again, in the new bucket.
    expect(s.ct.s3.listKeys('second-bucket').some((k) => k.includes('/CloudTrail-Digest/eu-west-1/'))).toBe(true);
    // The chain crossed buckets: a digest in the second bucket points into the first.
    const crossing = s.ct.s3.listObjects('second-bucket').filter((o) => parseCloudTrailKey(o.key)?.kind === 'digest').map((o) => readDigest(o.body)).find((d) => d.previousDigestS3Bucket === s.bucket);
    expect(crossing).toBeDefined();
  });
});
