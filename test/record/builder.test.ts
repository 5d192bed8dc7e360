/**
 * The record builder reads each operation once into a plan, skips the options of calls
 * that have none, and applies finalizeRecord's steps (EC2's echoed request id, CloudTrail's
 * size limits) on the values it holds. These check that the shortcuts change nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildRecords, NO_CALL_OPTIONS, type BuildEnv } from '../../src/record/builder.js';
import { createSimulation } from '../../src/simulation.js';
import { createRandom } from '../../src/core/random.js';
import { resolveCallError } from '../../src/catalog/call-error.js';
import { defaultCatalog } from '../../src/catalog/catalog.js';
import { OBJECT_FIELD_LIMITS, OMITTED } from '../../src/catalog/size-limits.js';
import type { OperationSpec } from '../../src/catalog/types.js';
import { FakeWorld } from '../catalog/fake-world.js';

function env(seed: number): BuildEnv {
  return { rng: createRandom(seed), world: new FakeWorld(), time: Date.UTC(2026, 2, 1, 9), region: 'eu-west-1', resolveError: resolveCallError };
}

function principal() {
  const sim = createSimulation({ seed: 1, start: '2026-03-01T09:00:00Z' });
  return sim.addAccount({ name: 'prod', regions: ['eu-west-1'] }).iamUser('alice');
}

describe('buildRecords', () => {
  it('writes the same records with NO_CALL_OPTIONS as with empty options', () => {
    const p = principal();
    for (const name of ['kms:GenerateDataKey', 's3:GetObject', 'ec2:DescribeInstances', 'sts:GetCallerIdentity', 'dynamodb:PutItem']) {
      const spec = defaultCatalog().resolve(name);
      const a = buildRecords(spec, p, undefined, NO_CALL_OPTIONS, env(7));
      const b = buildRecords(spec, p, undefined, {}, env(7));
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }
  });

  it('reads an unfrozen spec afresh on every call, a frozen one once', () => {
    const p = principal();
    const base = defaultCatalog().resolve('sts:GetCallerIdentity');
    const open = { ...base } as { -readonly [K in keyof OperationSpec]: OperationSpec[K] };
    expect(buildRecords(open, p, undefined, NO_CALL_OPTIONS, env(1))[0].eventName).toBe('GetCallerIdentity');
    open.eventName = 'GetCallerIdentityRenamed';
    open.readOnly = false;
    const r = buildRecords(open, p, undefined, NO_CALL_OPTIONS, env(1))[0];
    expect(r.eventName).toBe('GetCallerIdentityRenamed');
    expect(r.readOnly).toBe(false);
    expect(() => ((base as { eventName?: string }).eventName = 'x')).toThrow(TypeError);
  });

  it('echoes the record requestID into EC2 responseElements', () => {
    const sim = createSimulation({ seed: 5, start: '2026-03-01T09:00:00Z' });
    const alice = sim.addAccount({ name: 'prod', regions: ['us-east-1'] }).iamUser('alice');
    const r = sim.call(alice, 'ec2:StartInstances');
    expect(r.requestID).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.responseElements?.requestId).toBe(r.requestID);
  });

  it('applies the size limits to what the caller passes, keeping key order', () => {
    const sim = createSimulation({ seed: 5, start: '2026-03-01T09:00:00Z' });
    const alice = sim.addAccount({ name: 'prod', regions: ['us-east-1'] }).iamUser('alice');
    const big = 'x'.repeat(OBJECT_FIELD_LIMITS.requestParameters + 10);
    const r = sim.call(alice, 'iam:CreatePolicy', { policyName: 'p', policyDocument: big }, { userAgent: 'u'.repeat(2000) });
    expect(r.requestParameters).toEqual(OMITTED);
    expect(r.userAgent).toHaveLength(1024);
    expect(r.userAgent!.endsWith('...')).toBe(true);
    const small = sim.call(alice, 'iam:CreatePolicy', { policyName: 'q' });
    expect(Object.keys(r)).toEqual(Object.keys(small));
  });
});
