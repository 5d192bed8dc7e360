/**
 * The compact event log: records come back as ingested (every field, CloudTrail key order),
 * the JSON text and byte counts match JSON.stringify, and events stay in eventTime order
 * whatever the arrival order (property tests).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventLog } from '../../src/cloudtrail/lake/event-log.js';
import { RecordCodec } from '../../src/cloudtrail/lake/record-codec.js';
import { formatEventTime } from '../../src/core/time.js';
import { RECORD_KEY_ORDER, type CloudTrailRecord, type JsonObject } from '../../src/record/types.js';
import { iamUserIdentity, makeRecord, roleSessionIdentity } from './support.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 3 })),
})).value;

const record = fc.record({
  t: fc.integer({ min: 0, max: 10_000 }),
  who: fc.constantFrom(iamUserIdentity('111122223333', 'alice'), roleSessionIdentity('111122223333', 'dev', 'jo'), undefined),
  name: fc.constantFrom('GetObject', 'CreateUser', 'Describe"Quoted"', 'ünïcode'),
  params: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 4 }), { nil: null }),
  readOnly: fc.option(fc.boolean(), { nil: undefined }),
  errorCode: fc.option(fc.constantFrom('AccessDenied', 'ThrottlingException'), { nil: undefined }),
  extra: fc.option(fc.dictionary(fc.constantFrom('customKey', 'annotation', 'x-y'), json, { maxKeys: 2 }), { nil: undefined }),
  oddTime: fc.boolean(),
}).map((g) => {
  const at = formatEventTime(T0 + g.t * 1000);
  const r = makeRecord('111122223333', at, g.who, { eventSource: 'iam.amazonaws.com', eventName: g.name, requestParameters: g.params as JsonObject | null, readOnly: g.readOnly, errorCode: g.errorCode }) as unknown as Record<string, unknown>;
  if (g.readOnly === undefined) delete r.readOnly;
  if (g.oddTime) r.eventTime = at.replace('Z', '.000Z');
  return { ...r, ...(g.extra ?? {}) } as unknown as CloudTrailRecord;
});

/** A record with its keys in CloudTrail's order, unknown keys last (how the log gives records back). */
function canonical(r: CloudTrailRecord): Record<string, unknown> {
  const src = r as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of RECORD_KEY_ORDER) if (src[k] !== undefined) out[k] = src[k];
  for (const k of Object.keys(src)) if (!(RECORD_KEY_ORDER as readonly string[]).includes(k) && src[k] !== undefined) out[k] = src[k];
  return out;
}

describe('EventLog', () => {
  it('gives records back field for field, and their JSON text and size exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), (recs) => {
        const log = new EventLog();
        for (const r of recs) log.add(r);
        const sorted = recs.map((r, i) => ({ r, i, t: Date.parse(r.eventTime) })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.r);
        const back = log.records();
        expect(back.map((r) => JSON.stringify(r))).toEqual(sorted.map((r) => JSON.stringify(canonical(r))));
        const texts: string[] = [];
        log.forEachRange((c, b, e) => {
          for (let i = b; i < e; i++) texts.push(log.eventJsonAt(c, i));
        });
        expect(texts).toEqual(back.map((r) => JSON.stringify(r)));
        expect(log.totalBytes).toBe(texts.reduce((a, s) => a + s.length, 0));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps eventTime order, arrival order among equal times, across chunk splits and drops (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 1500 }), fc.integer({ min: 0, max: 600 }), (times, cut) => {
        const log = new EventLog();
        const gen0 = log.generation;
        times.forEach((t, i) => log.add(makeRecord('111122223333', formatEventTime(T0 + t * 1000), undefined, { eventSource: 's', eventName: `E${i}` })));
        const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i);
        expect(log.records().map((r) => r.eventName)).toEqual(expected.map((e) => `E${e.i}`));
        const sortedInput = times.every((t, i) => i === 0 || t >= times[i - 1]);
        expect(log.generation === gen0).toBe(sortedInput);
        expect(log.tailSeq - log.headSeq).toBe(times.length);
        const dropped = log.dropBefore(T0 + cut * 1000);
        const kept = expected.filter((e) => e.t >= cut);
        expect(dropped).toBe(times.length - kept.length);
        expect(log.size).toBe(kept.length);
        expect(log.headSeq).toBe(dropped);
        expect(log.records().map((r) => r.eventName)).toEqual(kept.map((e) => `E${e.i}`));
      }),
      { numRuns: 60 },
    );
  });

  it('does not store a record whose eventTime cannot be read', () => {
    const log = new EventLog();
    expect(log.add({ ...makeRecord('1', '2026-01-01T00:00:00Z', undefined, { eventSource: 's', eventName: 'n' }), eventTime: 'yesterday' })).toBe(false);
    expect(log.size).toBe(0);
  });

  it('shares one dictionary entry per distinct value', () => {
    const log = new EventLog();
    const who = Object.freeze(iamUserIdentity('111122223333', 'alice'));
    for (let i = 0; i < 1000; i++) log.add(makeRecord('111122223333', formatEventTime(T0 + i * 1000), who, { eventSource: 'iam.amazonaws.com', eventName: i % 2 ? 'A' : 'B' }));
    const dict = (f: string) => log.codec.dicts[RecordCodec.dictIndex(f)];
    expect(dict('userIdentity').size).toBe(2);
    expect(dict('eventName').size).toBe(3);
  });
});
