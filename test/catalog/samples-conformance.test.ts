import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../src/catalog/catalog.js';
import { requestFor } from '../../src/catalog/request.js';
import type { CloudTrailRecord } from '../../src/record/types.js';
import { fakeContext } from './fake-world.js';

/**
 * The catalog against the 146 real records in test/fixtures/cloudtrail-samples: every
 * (eventSource, eventName) they contain resolves, with the same readOnly, eventCategory,
 * eventType, apiVersion and request-id style, requestParameters present when the real
 * record has them (sharing keys with it), resources[] and additionalEventData written
 * exactly when real successful calls write them, and the real error codes among the
 * operation's error modes.
 */
const records = readFileSync(join(import.meta.dirname, '../fixtures/cloudtrail-samples/records.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as CloudTrailRecord);
const catalog = defaultCatalog();
const GENERIC_DENIALS = new Set(['AccessDenied', 'Client.UnauthorizedOperation']);

describe('conformance with real records', () => {
  it('reads the samples', () => {
    expect(records).toHaveLength(146);
  });

  for (const r of records) {
    const label = `${r.eventSource}:${r.eventName} (${r.eventID})`;
    it(label, () => {
      const spec = catalog.resolve(`${r.eventSource}:${r.eventName}`);
      expect(spec.eventName ?? spec.name).toBe(r.eventName);
      if (r.readOnly !== undefined) expect(spec.readOnly).toBe(r.readOnly);
      if (r.eventCategory) expect(spec.category).toBe(r.eventCategory);
      expect(spec.eventType ?? 'AwsApiCall').toBe(r.eventType);
      if (r.apiVersion !== undefined || Number(r.eventVersion) >= 1.08) expect(spec.apiVersion).toBe(r.apiVersion);
      if (r.requestID) expect(spec.requestIdStyle === 's3').toBe(/^[A-Z0-9]{16}$/.test(r.requestID));
      if (r.errorCode && !GENERIC_DENIALS.has(r.errorCode)) expect((spec.errors ?? []).map((e) => e.code)).toContain(r.errorCode);
      if (r.errorCode) return; // failures drop parts of the record; the builder owns that
      // Builders vary the shape a little from call to call (optional members); the real
      // shape must be among the ones a handful of calls produce.
      const runs = Array.from({ length: 24 }, (_, i) => {
        const ctx = fakeContext(`${r.eventID}-${i}`);
        const req = requestFor(spec, ctx);
        return { ctx, req, res: spec.resources ? spec.resources(ctx, req, null) : undefined };
      });
      const nullMatches = runs.filter((x) => (x.req === null) === (r.requestParameters === null));
      expect(nullMatches.length, 'requestParameters null or not').toBeGreaterThan(0);
      if (r.requestParameters) expect(nullMatches.some((x) => Object.keys(x.req!).some((k) => k in r.requestParameters!)), 'shared request keys').toBe(true);
      const { ctx, req, res } = runs[0];
      expect((res?.length ?? 0) > 0).toBe((r.resources?.length ?? 0) > 0);
      if (r.resources) expect(new Set(res!.map((x) => x.type))).toEqual(new Set(r.resources.map((x) => x.type)));
      expect(spec.additionalEventData !== undefined).toBe(r.additionalEventData !== undefined);
      if (r.additionalEventData) expect(Object.keys(spec.additionalEventData!(ctx, req)!)).toEqual(expect.arrayContaining(Object.keys(r.additionalEventData)));
    });
  }
});
