import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digestFileKey, folderPrefix, insightFileKey, logFileKey, parseCloudTrailKey, type KeyScope } from '../../src/cloudtrail/trails/object-keys.js';

describe('CloudTrail object keys', () => {
  it('match the documented examples', () => {
    // cloudtrail-log-file-examples: 111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz
    const t = Date.parse('2015-08-01T02:10:37Z');
    expect(logFileKey({ accountId: '111122223333', region: 'us-east-2' }, t, 'Mu0KsOhtH1ar15ZZ')).toBe(
      'AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz',
    );
    // Digest structure page sample (digestEndTime 2015-08-17T15:01:31Z).
    expect(digestFileKey({ accountId: '111122223333', region: 'us-east-2' }, 'your-trail-name', 'us-east-2', Date.parse('2015-08-17T15:01:31Z'))).toBe(
      'AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz',
    );
    // The AWS CLI reads the digest end time at key[-24:-8].
    const k = digestFileKey({ accountId: '111122223333', region: 'eu-west-1' }, 'a_b.c-d', 'us-east-1', Date.parse('2026-03-01T10:00:05Z'));
    expect(k.slice(-24, -8)).toBe('20260301T100005Z');
    expect(logFileKey({ prefix: 'p/q', organizationId: 'o-abcdefghij', accountId: '210987654321', region: 'eu-west-1' }, t, 'A'.repeat(16))).toMatch(/^p\/q\/AWSLogs\/o-abcdefghij\/210987654321\/CloudTrail\/eu-west-1\//);
    expect(insightFileKey({ accountId: '111122223333', region: 'us-east-1' }, t, 'B'.repeat(16))).toBe(
      'AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2015/08/01/111122223333_CloudTrail-Insight_us-east-1_20150801T0210Z_BBBBBBBBBBBBBBBB.json.gz',
    );
    expect(folderPrefix({ accountId: '111122223333', region: 'us-east-1' }, 'digest')).toBe('AWSLogs/111122223333/CloudTrail-Digest/us-east-1/');
    expect(() => logFileKey({ accountId: '111122223333', region: 'us-east-1' }, t, 'short')).toThrow();
  });

  const scopeArb: fc.Arbitrary<KeyScope> = fc.record(
    {
      prefix: fc.stringMatching(/^[a-z0-9][a-z0-9/_-]{0,20}[a-z0-9]$/).filter((p) => !p.includes('//')),
      organizationId: fc.stringMatching(/^o-[a-z0-9]{10}$/),
      accountId: fc.stringMatching(/^\d{12}$/),
      region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1'),
    },
    { requiredKeys: ['accountId', 'region'] },
  );
  const timeArb = fc.integer({ min: Date.parse('2013-11-01T00:00:00Z'), max: Date.parse('2099-12-31T23:59:59Z') });

  it('parse back to what made them', () => {
    fc.assert(
      fc.property(scopeArb, timeArb, fc.stringMatching(/^[A-Za-z0-9]{16}$/), fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9._-]{1,20})[A-Za-z0-9]$/), (scope, t, unique, trail) => {
        const log = parseCloudTrailKey(logFileKey(scope, t, unique))!;
        expect(log).toEqual({ ...scope, kind: 'log', time: Math.floor(t / 60_000) * 60_000, unique });
        const ins = parseCloudTrailKey(insightFileKey(scope, t, unique))!;
        expect(ins.kind).toBe('insight');
        const d = parseCloudTrailKey(digestFileKey(scope, trail, 'us-east-1', t))!;
        expect(d).toEqual({ ...scope, kind: 'digest', time: Math.floor(t / 1000) * 1000, trailName: trail, homeRegion: 'us-east-1' });
      }),
      { numRuns: process.env.TRAILSIM_LONG ? 20_000 : 500 },
    );
  });

  it('reject anything else without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const p = parseCloudTrailKey(s);
        if (p) expect(['log', 'digest', 'insight']).toContain(p.kind);
      }),
      { numRuns: process.env.TRAILSIM_LONG ? 20_000 : 1000 },
    );
    expect(parseCloudTrailKey('AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01/222233334444_CloudTrail_us-east-1_20260301T0900Z_AAAAAAAAAAAAAAAA.json.gz')).toBeUndefined();
    expect(parseCloudTrailKey('AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01/111122223333_CloudTrail_us-east-1_20261301T0900Z_AAAAAAAAAAAAAAAA.json.gz')).toBeUndefined();
  });
});
