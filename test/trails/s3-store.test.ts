import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { S3Store, compareUtf8, isValidBucketName } from '../../src/s3/object-store.js';
import { BucketAlreadyOwnedByYou, InvalidBucketName, NoSuchBucket, NoSuchKey } from '../../src/s3/errors.js';

const body = (s: string) => new TextEncoder().encode(s);

describe('S3Store', () => {
  it('puts, gets, replaces and deletes objects with S3 errors', () => {
    const s = new S3Store();
    s.createBucket('my-bucket');
    expect(() => s.createBucket('my-bucket')).toThrow(BucketAlreadyOwnedByYou);
    expect(() => s.createBucket('My_Bucket')).toThrow(InvalidBucketName);
    const o = s.putObject('my-bucket', 'a/b.txt', { body: body('hello'), lastModified: 1000, metadata: { Signature: 'ab' } });
    expect(o.etag).toBe('"5d41402abc4b2a76b9719d911017c592"');
    expect(o.metadata).toEqual({ signature: 'ab' });
    expect(s.getObject('my-bucket', 'a/b.txt').size).toBe(5);
    s.putObject('my-bucket', 'a/b.txt', { body: body('bye'), lastModified: 2000 });
    expect(s.objectCount).toBe(1);
    expect(() => s.getObject('my-bucket', 'nope')).toThrow(NoSuchKey);
    expect(() => s.getObject('nope-bucket', 'x')).toThrow(NoSuchBucket);
    expect(new NoSuchKey('k').message).toBe('The specified key does not exist.');
    s.deleteObject('my-bucket', 'missing');
    s.deleteObject('my-bucket', 'a/b.txt');
    expect(s.objectCount).toBe(0);
  });

  it('lists by prefix and StartAfter in UTF-8 binary order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }), { maxLength: 40 }), fc.string({ maxLength: 3, unit: 'binary' }), (keys, prefix) => {
        const s = new S3Store();
        s.createBucket('bkt');
        for (const k of keys) s.putObject('bkt', k, { body: body(k), lastModified: 0 });
        const expected = keys.filter((k) => k.startsWith(prefix)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        expect(s.listKeys('bkt', prefix)).toEqual(expected);
        if (expected.length > 1) expect(s.listObjects('bkt', { prefix, startAfter: expected[0] }).map((o) => o.key)).toEqual(expected.slice(1));
      }),
      { numRuns: 200 },
    );
    expect(compareUtf8('\uffff', '\u{10000}')).toBeLessThan(0);
  });

  it('knows the bucket naming rules', () => {
    expect(isValidBucketName('aws-cloudtrail-logs-111122223333-119d2f9a')).toBe(true);
    for (const bad of ['ab', 'a'.repeat(64), 'Bucket', 'a..b', '-ab', '192.168.5.4', 'xn--abc', 'abc-s3alias']) expect(isValidBucketName(bad)).toBe(false);
  });
});
