import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { S3Store, type S3NotificationQueue } from '../../src/s3/object-store.js';
import { TrailsimInputError } from '../../src/core/errors.js';
import { gzipDeterministic, gzipOverheadBound } from '../../src/cloudtrail/trails/gzip.js';
import { setup } from './helpers.js';

const md5 = (b: Uint8Array) => `"${createHash('md5').update(b).digest('hex')}"`;

/** A queue that keeps what it is sent. */
function queue(): S3NotificationQueue & { bodies: string[] } {
  const bodies: string[] = [];
  return { arn: 'arn:aws:sqs:us-east-1:111122223333:q', bodies, send: (b: string) => bodies.push(b) };
}

describe('S3 objects with a deferred body', () => {
  it('make the body once, on the first read, and look exactly like the eager object', () => {
    const raw = Buffer.from(JSON.stringify({ Records: [{ eventName: 'CreateUser' }, { eventName: 'DeleteUser' }] }));
    const eager = new S3Store();
    const lazy = new S3Store();
    eager.createBucket('bkt');
    lazy.createBucket('bkt');
    let calls = 0;
    const e = eager.putObject('bkt', 'k.json.gz', { body: gzipDeterministic(raw), lastModified: 1000, metadata: { A: 'b' } });
    const l = lazy.putObject('bkt', 'k.json.gz', {
      body: () => {
        calls++;
        return gzipDeterministic(raw);
      },
      lastModified: 1000,
      metadata: { A: 'b' },
    });
    expect(calls).toBe(0);
    expect(lazy.listKeys('bkt')).toEqual(['k.json.gz']);
    expect(calls).toBe(0);
    expect(Object.keys(l)).toEqual(Object.keys(e));
    expect(calls).toBe(0);
    expect(l.size).toBe(e.size);
    expect(calls).toBe(1);
    expect(l.etag).toBe(e.etag);
    expect(l.etag).toBe(md5(e.body));
    expect(Buffer.compare(lazy.getObject('bkt', 'k.json.gz').body, e.body)).toBe(0);
    expect({ ...l }).toEqual({ ...e });
    expect(Object.isFrozen(l)).toBe(true);
    expect(calls).toBe(1);
    expect(JSON.parse(gunzipSync(l.body).toString('utf8'))).toEqual(JSON.parse(raw.toString('utf8')));
  });

  it('send the same S3 event notifications as an eager body', () => {
    const raw = Buffer.from('{"Records":[]}');
    const stores = [new S3Store(), new S3Store()];
    const queues = [queue(), queue()];
    stores.forEach((s, i) => {
      s.createBucket('bkt');
      s.putBucketNotificationConfiguration('bkt', { QueueConfigurations: [{ Queue: queues[i], Events: ['s3:ObjectCreated:*'] }] });
    });
    stores[0].putObject('bkt', 'a b.gz', { body: gzipDeterministic(raw), lastModified: 5000 });
    stores[1].putObject('bkt', 'a b.gz', { body: () => gzipDeterministic(raw), lastModified: 5000 });
    expect(queues[1].bodies).toEqual(queues[0].bodies);
    const object = JSON.parse(queues[1].bodies[0]).Records[0].s3.object;
    expect(object.size).toBe(gzipDeterministic(raw).length);
    expect(object.eTag).toBe(md5(gzipDeterministic(raw)).replace(/"/g, ''));
  });

  it('reject a body that is neither bytes nor a function, and a function that returns no bytes', () => {
    const s = new S3Store();
    s.createBucket('bkt');
    expect(() => s.putObject('bkt', 'k', { body: 'text' as unknown as Uint8Array, lastModified: 0 })).toThrow(TrailsimInputError);
    const o = s.putObject('bkt', 'k2', { body: () => 'text' as unknown as Uint8Array, lastModified: 0 });
    expect(() => o.body).toThrow(TrailsimInputError);
  });

  it('gzipOverheadBound bounds what gzip adds, even to incompressible bytes', () => {
    let x = 12345;
    for (const n of [0, 1, 100, 16_384, 70_000]) {
      const bytes = Buffer.alloc(n);
      for (let i = 0; i < n; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
      expect(gzipDeterministic(bytes).length).toBeLessThanOrEqual(n + gzipOverheadBound(n));
    }
  });
});

describe('trail delivery with deferred compression', () => {
  it('delivers valid deterministic gzip whose size and ETag match the bytes, and digests that still validate', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, EnableLogFileValidation: true });
    s.ct.startLogging(alice, { Name: 'main' });
    for (let i = 0; i < 20; i++) {
      s.sim.call(alice, 'iam:CreateUser', { userName: `u${i}` });
      s.sim.advance('3m');
    }
    s.sim.advance('2h');
    const files = s.ct.s3.listObjects(s.bucket);
    expect(files.some((f) => f.key.includes('/CloudTrail-Digest/'))).toBe(true);
    expect(files.some((f) => f.key.includes('/CloudTrail/'))).toBe(true);
    for (const f of files) {
      expect(Buffer.from(f.body.subarray(0, 10)).toString('hex')).toBe('1f8b0800000000000003');
      const plain = gunzipSync(f.body);
      // Exactly what eager compression of the same bytes gives.
      expect(Buffer.compare(gzipDeterministic(plain), Buffer.from(f.body))).toBe(0);
      expect(f.size).toBe(f.body.byteLength);
      expect(f.etag).toBe(md5(f.body));
      expect(Array.isArray(JSON.parse(plain.toString('utf8')).Records) || 'digestStartTime' in JSON.parse(plain.toString('utf8'))).toBe(true);
    }
    const v = s.ct.validateLogs({ trail: `arn:aws:cloudtrail:us-east-1:${s.prod.id}:trail/main`, startTime: Date.parse('2026-03-01T00:00:00Z') });
    expect(v.valid).toBe(true);
    expect(v.logFiles.valid).toBeGreaterThan(0);
  });
});
