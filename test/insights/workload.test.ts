/** The workload helpers: timing of the calls they make, their options, and their input checks. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/simulation.js';
import { addPeriodicJob, injectBurst, injectErrorStorm } from '../../src/cloudtrail/insights/index.js';
import { TrailsimError, TrailsimInputError } from '../../src/core/errors.js';

const START = Date.parse('2026-03-01T00:00:00Z');

function setup() {
  const sim = createSimulation({ seed: 3, start: START });
  const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
  return { sim, prod, user: prod.iamUser('mallory') };
}

describe('injectBurst', () => {
  it('spreads count calls evenly over the span, round-robin over the operations, with the call options', () => {
    const { sim, user } = setup();
    const b = injectBurst(sim, { principal: user, operation: ['ec2:RunInstances', 'ec2:CreateTags'], count: 4, over: '1m', at: START + 1000, options: { region: 'eu-west-1', userAgent: 'evil/1.0' } });
    expect(b.records).toEqual([]);
    expect(b.done).toBe(false);
    sim.advance('2m');
    expect(b.done).toBe(true);
    expect(b.records.map((r) => [r.eventTime, r.eventName, r.awsRegion, r.userAgent])).toEqual([
      ['2026-03-01T00:00:01Z', 'RunInstances', 'eu-west-1', 'evil/1.0'],
      ['2026-03-01T00:00:16Z', 'CreateTags', 'eu-west-1', 'evil/1.0'],
      ['2026-03-01T00:00:31Z', 'RunInstances', 'eu-west-1', 'evil/1.0'],
      ['2026-03-01T00:00:46Z', 'CreateTags', 'eu-west-1', 'evil/1.0'],
    ]);
  });

  it('can be cancelled', () => {
    const { sim, user } = setup();
    const b = injectBurst(sim, { principal: user, operation: 'iam:CreateUser', count: 10, over: '10m' });
    expect(b.records).toHaveLength(1);
    sim.advance('150s');
    b.cancel();
    sim.advance('1h');
    expect(b.records).toHaveLength(3);
    expect(b.done).toBe(true);
  });

  it('checks its input before planning anything', () => {
    const { sim, user } = setup();
    const before = sim.recordTotal;
    expect(() => injectBurst(sim, { principal: user, operation: 'iam:NoSuchThing', count: 3 })).toThrow(TrailsimError);
    expect(() => injectBurst(sim, { principal: user, operation: [], count: 3 })).toThrow(TrailsimInputError);
    expect(() => injectBurst(sim, { principal: user, operation: 'iam:CreateUser', count: 0 })).toThrow(/count/);
    expect(() => injectBurst(sim, { principal: user, operation: 'iam:CreateUser', count: 2, over: 'later' })).toThrow(TrailsimInputError);
    expect(() => injectBurst(sim, { principal: user, operation: 'iam:CreateUser', count: 2, at: START - 1 })).toThrow(/past/);
    sim.advance('1h');
    expect(sim.recordTotal).toBe(before);
  });
});

describe('injectErrorStorm', () => {
  it("uses the operation's own error mode, AWS's throttling message, or a given error", () => {
    const { sim, user } = setup();
    const vcpu = injectErrorStorm(sim, { principal: user, operation: 'ec2:RunInstances', count: 2, error: 'VcpuLimitExceeded' });
    const throttled = injectErrorStorm(sim, { principal: user, operation: 'iam:ListUsers', count: 1, error: 'Throttling' });
    const custom = injectErrorStorm(sim, { principal: user, operation: 'iam:CreateUser', count: 1, error: { code: 'LimitExceeded', message: 'Cannot exceed quota for UsersPerAccount: 5000' } });
    const denied = injectErrorStorm(sim, { principal: user, operation: 'iam:CreateUser', count: 1, error: 'AccessDenied' });
    expect(vcpu.records.map((r) => r.errorCode)).toEqual(['VcpuLimitExceeded', 'VcpuLimitExceeded']);
    expect(vcpu.records[0].errorMessage).toMatch(/vCPU/);
    expect([throttled.records[0].errorCode, throttled.records[0].errorMessage]).toEqual(['Throttling', 'Rate exceeded']);
    expect([custom.records[0].errorCode, custom.records[0].errorMessage]).toEqual(['LimitExceeded', 'Cannot exceed quota for UsersPerAccount: 5000']);
    expect(denied.records[0].errorCode).toBe('AccessDenied');
  });

  it('needs an error', () => {
    const { sim, user } = setup();
    expect(() => injectErrorStorm(sim, { principal: user, operation: 'iam:CreateUser', count: 1 } as never)).toThrow(/error/);
    expect(() => injectErrorStorm(sim, { principal: user, operation: 'iam:CreateUser', count: 1, error: { code: 'X' } as never })).toThrow(/message/);
  });
});

describe('addPeriodicJob', () => {
  it('runs every interval with its calls spaced, until stopped', () => {
    const { sim, prod } = setup();
    const job = addPeriodicJob(sim, { principal: prod.iamUser('backup'), operation: ['ec2:CreateSnapshot', 'ec2:CreateTags'], every: '10m', spacing: '2s', start: START + 60_000 });
    sim.advance('35m');
    expect(job.runs).toBe(4); // 00:01, 00:11, 00:21, 00:31
    expect(job.records.map((r) => `${r.eventTime.slice(11)} ${r.eventName}`).slice(0, 4)).toEqual(['00:01:00Z CreateSnapshot', '00:01:02Z CreateTags', '00:11:00Z CreateSnapshot', '00:11:02Z CreateTags']);
    job.stop();
    expect(job.stopped).toBe(true);
    sim.advance('1h');
    expect(job.runs).toBe(4);
    expect(job.records).toHaveLength(8);
  });

  it('honours until, and a stop planned ahead', () => {
    const { sim, prod } = setup();
    const a = addPeriodicJob(sim, { principal: prod.iamUser('a'), operation: 'ec2:CreateSnapshot', every: '5m', until: START + 20 * 60_000 });
    const b = addPeriodicJob(sim, { principal: prod.iamUser('b'), operation: 'ec2:CreateSnapshot', every: '5m' });
    b.stop(START + 10 * 60_000);
    sim.advance('1h');
    expect([a.runs, a.stopped]).toEqual([4, true]); // 00:00, 00:05, 00:10, 00:15
    expect([b.runs, b.stopped]).toEqual([2, true]); // 00:00, 00:05
  });

  it('checks its input', () => {
    const { sim, prod } = setup();
    const p = prod.iamUser('x');
    expect(() => addPeriodicJob(sim, { principal: p, operation: 'ec2:CreateSnapshot', every: 0 })).toThrow(/positive interval/);
    expect(() => addPeriodicJob(sim, { principal: p, operation: 'ec2:CreateSnapshot', every: '1m', callsPerRun: 100 })).toThrow(/longer than its interval/);
    expect(() => addPeriodicJob(sim, { principal: p, operation: 'ec2:CreateSnapshot', every: '1m', callsPerRun: 0 })).toThrow(/callsPerRun/);
    expect(() => addPeriodicJob(sim, { principal: p, operation: 'ec2:CreateSnapshot', every: '1m', start: START - 1 })).toThrow(/past/);
    expect(() => addPeriodicJob(sim, { principal: p, operation: 'nope:Nope', every: '1m' })).toThrow(TrailsimError);
  });
});
