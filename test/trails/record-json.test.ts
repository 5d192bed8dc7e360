import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordJson } from '../../src/cloudtrail/trails/record-json.js';
import { setup } from './helpers.js';

describe('recordJson', () => {
  it('is exactly JSON.stringify for built, replayed and odd records', () => {
    const s = setup();
    s.sim.addTraffic({ name: 'mix', rate: '3000/h' });
    s.sim.advance('30m');
    const records = s.sim.records();
    expect(records.length).toBeGreaterThan(500);
    for (const r of records) expect(recordJson(r)).toBe(JSON.stringify(r));
    const parsed = JSON.parse(JSON.stringify(records[0]));
    expect(recordJson(parsed)).toBe(JSON.stringify(parsed));
    const { eventVersion, userIdentity, ...rest } = records[1];
    const reordered = { userIdentity, eventVersion, ...rest };
    expect(recordJson(reordered as never)).toBe(JSON.stringify(reordered));
    // Other event versions (the identity's cached head names 1.11), one needing escapes.
    for (const v of ['1.08', '1.0"9\\']) {
      const older = { ...records[5], eventVersion: v };
      expect(Object.isFrozen(older.userIdentity)).toBe(true);
      expect(recordJson(older)).toBe(JSON.stringify(older));
    }
    // A userIdentity that is not an object (a user's odd record) is written as it is.
    for (const odd of ['alice', 7, null]) {
      const rec = { ...records[6], userIdentity: odd } as never as typeof records[6];
      expect(recordJson(rec)).toBe(JSON.stringify(rec));
    }
    // A sealed record (not extensible, fields writable) is written as it is, untouched.
    const sealed = Object.seal({ ...records[7] });
    expect(recordJson(sealed)).toBe(JSON.stringify(sealed));
    expect(sealed.userIdentity).toBe(records[7].userIdentity);
    const onlyTwo = { eventVersion, userIdentity };
    expect(recordJson(onlyTwo as never)).toBe(JSON.stringify(onlyTwo));
    // A frozen record cannot take the placeholder: plain JSON, record untouched.
    const frozen = Object.freeze({ ...records[2] });
    expect(recordJson(frozen)).toBe(JSON.stringify(frozen));
    expect(frozen.userIdentity).toBe(records[2].userIdentity);
    // The record keeps its identity object after serialising, and a throwing value restores it.
    expect(records[3].userIdentity).toBe(s.sim.records()[3].userIdentity);
    const bad = { ...records[4], requestParameters: { n: 1n } } as never as typeof records[4];
    expect(() => recordJson(bad)).toThrow(TypeError);
    expect(bad.userIdentity).toBe(records[4].userIdentity);
  });

  it('splices a shared frozen tlsDetails only where it is the last key, and keeps it on the record', () => {
    const s = setup();
    s.sim.addTraffic({ name: 'mix', rate: '3000/h' });
    s.sim.advance('10m');
    const withTls = s.sim.records().filter((r) => r.tlsDetails !== undefined);
    expect(withTls.length).toBeGreaterThan(50);
    const r = withTls[0];
    // Built records share one frozen tlsDetails per host and suite.
    expect(Object.isFrozen(r.tlsDetails)).toBe(true);
    expect(withTls.some((x) => x !== r && x.tlsDetails === r.tlsDetails)).toBe(true);
    expect(recordJson(r)).toBe(JSON.stringify(r));
    expect(Object.keys(r).at(-1)).toBe('tlsDetails');
    expect(r.tlsDetails).toBe(withTls[0].tlsDetails);
    // A key after tlsDetails (a user's patch): no splice, same JSON.
    const after = { ...r, addendum: { reason: 'DELIVERY_DELAY' } } as typeof r;
    expect(recordJson(after)).toBe(JSON.stringify(after));
    // A frozen tlsDetails holding an object could change: serialised each time.
    const inner = { h: 'a' };
    const nested = { ...r, tlsDetails: Object.freeze({ tlsVersion: 'TLSv1.3', extra: inner }) } as never as typeof r;
    expect(recordJson(nested)).toBe(JSON.stringify(nested));
    inner.h = 'b';
    expect(recordJson(nested)).toBe(JSON.stringify(nested));
    expect(recordJson(nested)).toContain('"h":"b"');
    // A tlsDetails that is not an object (a user's odd record) is written as it is.
    for (const odd of [null, 'TLSv1.3', 3]) {
      const rec = { ...r, tlsDetails: odd } as never as typeof r;
      expect(recordJson(rec)).toBe(JSON.stringify(rec));
    }
    // A tlsDetails that is not frozen, and one that is inherited, are serialised as they are.
    const open = { ...r, tlsDetails: { ...r.tlsDetails } };
    expect(recordJson(open)).toBe(JSON.stringify(open));
    const proto = Object.assign(Object.create({ tlsDetails: r.tlsDetails }), { eventVersion: r.eventVersion, userIdentity: r.userIdentity });
    expect(recordJson(proto)).toBe(JSON.stringify(proto));
    expect(Object.prototype.hasOwnProperty.call(proto, 'tlsDetails')).toBe(false);
  });

  it('is exactly JSON.stringify, and leaves the record as it was, for edited built records (property)', () => {
    const s = setup();
    s.sim.addTraffic({ name: 'mix', rate: '3000/h' });
    s.sim.advance('10m');
    const records = s.sim.records();
    const keys = ['eventVersion', 'userIdentity', 'eventTime', 'requestParameters', 'tlsDetails', 'resources', 'addendum', 'zzz'];
    const value = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.jsonValue().map((v) => (typeof v === 'object' && v !== null ? Object.freeze(v) : v)));
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom(...keys), value }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...keys) }),
    );
    const lock = fc.constantFrom('none' as const, 'freeze' as const, 'seal' as const, 'preventExtensions' as const);
    fc.assert(
      fc.property(fc.nat(records.length - 1), fc.array(edit, { maxLength: 4 }), lock, (i, edits, how) => {
        let r = { ...records[i] } as Record<string, unknown>;
        for (const e of edits) {
          if (e.kind === 'set') r[e.key] = e.value;
          else delete r[e.key];
        }
        if (how === 'freeze') r = Object.freeze(r);
        else if (how === 'seal') r = Object.seal(r);
        else if (how === 'preventExtensions') r = Object.preventExtensions(r);
        const before = JSON.stringify(r);
        const keysBefore = Object.keys(r);
        expect(recordJson(r as never)).toBe(before);
        expect(JSON.stringify(r)).toBe(before);
        expect(Object.keys(r)).toEqual(keysBefore);
      }),
      { numRuns: 300 },
    );
  });
});
