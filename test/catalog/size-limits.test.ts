import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySizeLimits, jsonSize, OBJECT_FIELD_LIMITS, STRING_FIELD_LIMIT, truncateString, utf8Length } from '../../src/catalog/size-limits.js';
import { finalizeRecord } from '../../src/catalog/finalize.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

function record(extra: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.11',
    eventTime: '2024-05-01T12:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'StartInstances',
    awsRegion: 'eu-west-1',
    requestParameters: { instancesSet: { items: [{ instanceId: 'i-0123456789abcdef0' }] } },
    responseElements: { requestId: 'placeholder', instancesSet: {} },
    requestID: '0c9bbf8a-a6f6-4e64-8396-78017a647f26',
    eventID: 'd769ddfd-2cda-4cfa-b33f-05d3b886921d',
    eventType: 'AwsApiCall',
    eventCategory: 'Management',
    ...extra,
  };
}

describe('size limits', () => {
  it('leaves small records untouched (same object)', () => {
    const r = record();
    expect(applySizeLimits(r)).toBe(r);
  });

  it('replaces an oversized object field with {omitted: true}, keeping key order', () => {
    const big = { blob: 'x'.repeat(OBJECT_FIELD_LIMITS.responseElements + 10) };
    const r = record({ responseElements: big });
    const out = applySizeLimits(r);
    expect(out.responseElements).toEqual({ omitted: true });
    expect(Object.keys(out)).toEqual(Object.keys(r));
    expect(r.responseElements).toBe(big);
    const aed = applySizeLimits(record({ additionalEventData: { x: 'y'.repeat(28 * 1024) } }));
    expect(aed.additionalEventData).toEqual({ omitted: true });
  });

  it('cuts long strings to 1 KB ending in "..." (as real EC2 denials are)', () => {
    const msg = 'You are not authorized to perform this operation. Encoded authorization failure message: ' + 'a'.repeat(2000);
    const out = applySizeLimits(record({ errorCode: 'Client.UnauthorizedOperation', errorMessage: msg }));
    expect(out.errorMessage!.length).toBe(STRING_FIELD_LIMIT);
    expect(out.errorMessage!.endsWith('...')).toBe(true);
    expect(out.errorMessage!.startsWith('You are not authorized')).toBe(true);
    expect(truncateString('short')).toBe('short');
  });

  it('never leaves a field over its limit (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 3000 }), fc.integer({ min: 0, max: 120_000 }), (ua, em, n) => {
        const out = applySizeLimits(record({ userAgent: ua, errorMessage: em, requestParameters: { k: 'z'.repeat(n) } }));
        expect(out.userAgent!.length).toBeLessThanOrEqual(STRING_FIELD_LIMIT);
        expect(out.errorMessage!.length).toBeLessThanOrEqual(STRING_FIELD_LIMIT);
        expect(jsonSize(out.requestParameters ?? null)).toBeLessThanOrEqual(OBJECT_FIELD_LIMITS.requestParameters);
      }),
      { numRuns: 60 },
    );
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });

  it('finalizeRecord copies the record requestID into EC2 responseElements', () => {
    const out = finalizeRecord(record());
    expect(out.responseElements!.requestId).toBe('0c9bbf8a-a6f6-4e64-8396-78017a647f26');
    const wrapped = finalizeRecord(record({ eventName: 'DeleteFlowLogs', responseElements: { DeleteFlowLogsResponse: { requestId: 'x', unsuccessful: '', xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/' } } }));
    expect((wrapped.responseElements!.DeleteFlowLogsResponse as { requestId: string }).requestId).toBe('0c9bbf8a-a6f6-4e64-8396-78017a647f26');
    const s3 = record({ eventSource: 's3.amazonaws.com', responseElements: { requestId: 'keep' } });
    expect(finalizeRecord(s3)).toBe(s3);
  });
});
