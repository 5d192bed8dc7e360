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
  });
});
