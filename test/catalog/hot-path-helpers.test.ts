import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arnAccount, hex, encodedAuthMessage } from '../../src/catalog/util.js';
import { jsonExceeds, jsonSize } from '../../src/catalog/size-limits.js';
import { Random } from '../../src/core/random.js';
import type { JsonValue } from '../../src/record/types.js';

/** The plain definitions the per-record helpers must agree with. */
const plainArnAccount = (arn: string | undefined) => {
  if (!arn) return undefined;
  const parts = arn.split(':');
  return parts.length > 4 && /^\d{12}$/.test(parts[4]) ? parts[4] : undefined;
};

describe('per-record catalog helpers agree with their plain definitions', () => {
  it('arnAccount: the fifth field when it is twelve digits', () => {
    for (const a of ['arn:aws:iam::123456789012:role/x', 'arn:aws:s3:::bucket', 'arn:aws:kms:us-east-1:123456789012:key/abc', 'arn:aws:sts::12345678901:x', 'arn:aws:sts::1234567890123:x', 'arn:aws:x:r:123456789012', 'a:b:c:d', '', 'arn:aws:x:r:12345678901a:y']) {
      expect(arnAccount(a)).toBe(plainArnAccount(a));
    }
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('arn', 'aws', '', '123456789012', '12345678901', 'role/x'), fc.stringMatching(/^[0-9a-z]{0,13}$/)), { maxLength: 7 }), (parts) => {
        const a = parts.join(':');
        expect(arnAccount(a)).toBe(plainArnAccount(a));
      }),
    );
  });

  it('jsonExceeds is exactly jsonSize(v) > limit', () => {
    fc.assert(
      fc.property(fc.jsonValue() as fc.Arbitrary<JsonValue>, fc.integer({ min: 0, max: 400 }), (v, limit) => {
        expect(jsonExceeds(v, limit)).toBe(jsonSize(v) > limit);
      }),
      { numRuns: 500 },
    );
  });

  it('hex and encodedAuthMessage draw what they always drew', () => {
    const a = new Random(1, ['t']);
    const b = new Random(1, ['t']);
    for (const n of [1, 7, 8, 9, 16, 32]) {
      let s = '';
      while (s.length < n) s += b.uint32().toString(16).padStart(8, '0');
      expect(hex(a, n)).toBe(s.slice(0, n));
    }
    const m = encodedAuthMessage(new Random(2, ['m']));
    expect(m).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(m.length).toBeGreaterThan(400);
  });
});
