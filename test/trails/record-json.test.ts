import { describe, expect, it } from 'vitest';
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
});
