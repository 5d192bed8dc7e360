import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/simulation.js';
import { InvalidRegionError, TrailsimInputError } from '../../src/core/errors.js';
import { registerRegion, isRegionName, KNOWN_REGIONS, registeredRegions } from '../../src/world/regions.js';
import { cloudTrailRecord } from '../../src/testing/arbitraries/index.js';

function world() {
  const sim = createSimulation({ seed: 1, start: '2026-03-01T00:00:00Z' });
  const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
  return { sim, prod, alice: prod.iamUser('alice') };
}

describe('regions: unknown names are refused, registered ones accepted', () => {
  it('knows every current AWS region, GovCloud and China included', () => {
    for (const r of ['us-east-1', 'mx-central-1', 'ap-southeast-7', 'ap-east-2', 'ca-west-1', 'us-gov-west-1', 'cn-northwest-1']) expect(isRegionName(r)).toBe(true);
    expect(new Set(KNOWN_REGIONS).size).toBe(KNOWN_REGIONS.length);
    for (const r of ['mars-1', 'us-east1', 'US-EAST-1', 'us-east-99', '']) expect(isRegionName(r)).toBe(false);
  });

  it('sim.call with region mars-1 throws InvalidRegionError and records nothing', () => {
    const { sim, alice } = world();
    expect(() => sim.call(alice, 'ec2:DescribeInstances', undefined, { region: 'mars-1' })).toThrow(InvalidRegionError);
    expect(() => sim.call(alice, 'ec2:DescribeInstances', undefined, { region: 'mars-1' })).toThrow(/'mars-1' is not an AWS region.*registerRegion\('mars-1'\)/);
    // Even a global operation (logged in us-east-1) refuses a bad region it was given.
    expect(() => sim.call(alice, 'iam:ListUsers', undefined, { region: 'mars-1' })).toThrow(InvalidRegionError);
    expect(sim.records()).toHaveLength(0);
    expect(sim.lookupEvents({}).Events).toHaveLength(0);
  });

  it('suggests the region a typo meant', () => {
    const { sim, alice } = world();
    expect(() => sim.call(alice, 'ec2:DescribeInstances', undefined, { region: 'us-east1' })).toThrow(/did you mean us-east-1\?/);
  });

  it('addAccount, lookupEvents, history, addTraffic, generateShard, eventBridge.forAccount and cloudtrail calls refuse it too', () => {
    const { sim, prod, alice } = world();
    expect(() => sim.addAccount({ name: 'x', regions: ['us-east-1', 'mars-1'] })).toThrow(InvalidRegionError);
    expect(() => sim.lookupEvents({ region: 'mars-1' })).toThrow(InvalidRegionError);
    expect(() => sim.history(prod.id, 'mars-1')).toThrow(InvalidRegionError);
    expect(() => sim.addTraffic({ rate: '10/h', regions: ['mars-1'] })).toThrow(InvalidRegionError);
    const traffic = sim.addTraffic({ rate: '10/h' });
    expect(() => sim.generateShard(traffic, { accountId: prod.id, region: 'mars-1', day: '2026-03-01' })).toThrow(InvalidRegionError);
    expect(() => sim.eventBridge.forAccount(prod.id, 'mars-1')).toThrow(InvalidRegionError);
    expect(() => sim.cloudtrail.createTrail(alice, { Name: 't', S3BucketName: 'b' }, { region: 'mars-1' })).toThrow(InvalidRegionError);
    expect(() => sim.lake.listEventDataStores(alice, {}, { region: 'mars-1' })).toThrow(InvalidRegionError);
    expect(() => cloudTrailRecord({ regions: ['mars-1'] })).toThrow(InvalidRegionError);
    expect(new InvalidRegionError('x')).toBeInstanceOf(TrailsimInputError);
  });

  it('registerRegion makes a region usable everywhere; it must be region-shaped', () => {
    expect(() => registerRegion('Mars 1')).toThrow(InvalidRegionError);
    expect(() => registerRegion('mars')).toThrow(/ends in a number/);
    registerRegion('mars-1');
    registerRegion('mars-1');
    expect(registeredRegions()).toEqual(['mars-1']);
    const sim = createSimulation({ seed: 1, start: '2026-03-01T00:00:00Z' });
    const base = sim.addAccount({ name: 'base', regions: ['mars-1'] });
    const r = sim.call(base.iamUser('alice'), 'ec2:DescribeInstances');
    expect(r.awsRegion).toBe('mars-1');
    expect(r.userIdentity!.arn).toMatch(/^arn:aws:iam::/);
    expect(sim.lookupEvents({ region: 'mars-1' }).Events).toHaveLength(1);
  });
});
