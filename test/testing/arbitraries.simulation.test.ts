import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSimulation, simulation, simulationDescription, type GeneratedSimulation, type SimulationDescription } from 'trailsim/arbitraries';
import { TrailsimInputError, validateRecord } from 'trailsim';
import { expectAllValid, expectSameSeedSameValues, shrunkCounterexample } from './_assertions.js';

const bytes = (g: GeneratedSimulation) => ({ description: g.description, records: g.records });

describe('simulationDescription and buildSimulation', () => {
  it('same seed ⇒ same descriptions', () => {
    expectSameSeedSameValues(simulationDescription());
  });

  it('a description always builds to the same records, byte for byte', () => {
    expectAllValid(simulationDescription(), (d) => {
      const a = buildSimulation(d).records.map((r) => JSON.stringify(r));
      const b = buildSimulation(JSON.parse(JSON.stringify(d)) as SimulationDescription).records.map((r) => JSON.stringify(r));
      expect(b).toEqual(a);
    }, { numRuns: 15 });
  });

  it('honours account, region, call and traffic bounds', () => {
    const arb = simulationDescription({ minAccounts: 2, maxAccounts: 3, regions: ['eu-west-1', 'eu-central-1'], maxRegionsPerAccount: 1, maxCalls: 4, maxTrafficRate: 0, maxDurationSeconds: 600 });
    expectAllValid(arb, (d) => {
      expect(d.accounts.length).toBeGreaterThanOrEqual(2);
      expect(d.accounts.length).toBeLessThanOrEqual(3);
      for (const a of d.accounts) expect(a.regions.length).toBe(1);
      expect(d.calls.length).toBeLessThanOrEqual(4);
      expect(d.trafficRate).toBeUndefined();
      expect(d.durationSeconds).toBeLessThanOrEqual(600);
      const times = d.calls.map((c) => c.atSeconds);
      expect(times).toEqual([...times].sort((x, y) => x - y));
      for (const c of d.calls) expect(d.accounts[c.account].regions).toContain(c.region);
    }, { numRuns: 80 });
  });

  it('rejects descriptions it cannot run, and constraints it cannot honour', () => {
    const base: SimulationDescription = { seed: 1, start: '2026-01-01T00:00:00Z', accounts: [{ name: 'a', regions: ['us-east-1'] }], organization: false, populate: {}, calls: [], durationSeconds: 60 };
    const call = { account: 0, principal: { type: 'Root' as const }, operation: 'iam:ListUsers', region: 'us-east-1' };
    expect(() => buildSimulation({ ...base, calls: [{ ...call, atSeconds: 30 }, { ...call, atSeconds: 10 }] })).toThrow(/time order/);
    expect(() => buildSimulation({ ...base, calls: [{ ...call, atSeconds: 0, account: 3 }] })).toThrow(TrailsimInputError);
    expect(() => buildSimulation({ ...base, accounts: [] })).toThrow(/at least one account/);
    expect(() => simulationDescription({ minAccounts: 3, maxAccounts: 2 })).toThrow(/minAccounts/);
    expect(() => simulationDescription({ calls: { identityType: 'AWSAccount' }, maxAccounts: 1 })).toThrow(/2 accounts/);
    expect(() => simulationDescription({ calls: { service: 'nope' } })).toThrow(/nope/);
  });
});

describe('simulation', () => {
  it('same seed ⇒ same simulations and records', () => {
    expectSameSeedSameValues(simulation(), { numRuns: 8, project: bytes });
  });

  it('every record of every generated simulation passes the validator', () => {
    expectAllValid(simulation(), ({ records }) => {
      for (const r of records) expect(validateRecord(r).filter((v) => v.severity === 'error')).toEqual([]);
    }, { numRuns: 40 });
  });

  it('produces workloads: traffic, scripted calls of every caller type, cross-account copies, several accounts and regions', () => {
    const sims = fc.sample(simulation({ maxCalls: 8 }), { seed: 9, numRuns: 40 });
    const all = sims.flatMap((s) => s.records);
    expect(sims.some((s) => s.description.trafficRate !== undefined && s.records.length > s.description.calls.length)).toBe(true);
    expect(new Set(all.map((r) => r.userIdentity?.type)).size).toBeGreaterThanOrEqual(8);
    expect(all.some((r) => r.userIdentity?.type === 'AWSAccount')).toBe(true);
    expect(sims.some((s) => s.description.accounts.length === 2 && s.description.organization)).toBe(true);
    expect(new Set(all.map((r) => r.awsRegion)).size).toBe(3);
  });

  it('scripted calls follow the call constraints (no traffic: every record is scripted)', () => {
    const arb = simulation({ maxTrafficRate: 0, calls: { service: 'iam', outcome: 'error', identityType: ['Root', 'AssumedRole'] } });
    expectAllValid(arb, ({ description, records }) => {
      expect(records.length).toBe(description.calls.length);
      for (const r of records) {
        expect(r.eventSource).toBe('iam.amazonaws.com');
        expect(r.errorCode).toBeDefined();
        expect(['Root', 'AssumedRole']).toContain(r.userIdentity?.type);
      }
    }, { numRuns: 30 });
  });

  it('each run gets a fresh copy: a property may advance and call without changing replays', () => {
    const before: number[] = [];
    fc.assert(
      fc.property(simulation({ maxTrafficRate: 0 }), ({ simulation: sim, records }) => {
        before.push(sim.records().length - records.length);
        sim.advance('1h');
        sim.call(sim.world.accounts.values().next().value!.root(), 'iam:ListUsers');
      }),
      { numRuns: 15, seed: 3 },
    );
    expect(before).toEqual(Array(15).fill(0));
  });

  it('shrinks to the smallest world that still fails, and prints as a buildSimulation call to replay', () => {
    const g = shrunkCounterexample(simulation(), (s) => s.records.length < 3, { numRuns: 60 });
    expect(g.description).toMatchObject({ seed: 0, start: '2026-01-01T00:00:00Z', accounts: [{ name: 'account-1', regions: ['us-east-1'] }], organization: false, durationSeconds: 0 });
    expect(g.description.trafficRate).toBeUndefined();
    expect(g.description.calls).toHaveLength(3);
    for (const c of g.description.calls) expect(c).toMatchObject({ atSeconds: 0, account: 0, principal: { type: 'IAMUser', userName: 'alice', path: '/' } });
    const printed = fc.stringify(g);
    expect(printed.startsWith('buildSimulation(')).toBe(true);
    const replay = buildSimulation(JSON.parse(printed.slice('buildSimulation('.length, -1)) as SimulationDescription);
    expect(replay.records.map((r) => JSON.stringify(r))).toEqual(g.records.map((r) => JSON.stringify(r)));
  });
});
