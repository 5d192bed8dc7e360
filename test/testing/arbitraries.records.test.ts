import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PRODUCIBLE_IDENTITY_TYPES,
  buildPrincipal,
  cloudTrailRecord,
  principal,
  principalDescription,
  userIdentity,
  type ProducibleIdentityType,
} from 'trailsim/arbitraries';
import { RECORD_KEY_ORDER, TrailsimInputError, createSimulation, defaultCatalog, validateRecord, type CloudTrailRecord } from 'trailsim';
import { expectAllValid, expectSameSeedSameValues, shrunkCounterexample } from './_assertions.js';

const errorsOf = (r: unknown) => validateRecord(r).filter((v) => v.severity === 'error');
const failed = (r: CloudTrailRecord) => r.errorCode !== undefined || r.errorMessage !== undefined;
const FIRST_HAND_OPERATION = defaultCatalog().list({ origin: 'hand' })[0];

describe('cloudTrailRecord', () => {
  it('same seed ⇒ same records, byte for byte', () => {
    expectSameSeedSameValues(cloudTrailRecord());
    expectSameSeedSameValues(cloudTrailRecord({ identityType: 'AWSAccount', outcome: 'error' }), { numRuns: 8 });
  });

  it('generated records pass the project validator (no error-severity violation)', () => {
    expectAllValid(cloudTrailRecord(), (r) => expect(errorsOf(r)).toEqual([]), { numRuns: 250 });
  });

  it('every producible identity type, both outcomes, both categories and many services are generated', () => {
    const rs = fc.sample(cloudTrailRecord(), { seed: 3, numRuns: 400 });
    expect(new Set(rs.map((r) => r.userIdentity?.type))).toEqual(new Set(PRODUCIBLE_IDENTITY_TYPES));
    expect(rs.some(failed)).toBe(true);
    expect(rs.some((r) => !failed(r))).toBe(true);
    expect(new Set(rs.map((r) => r.eventCategory))).toEqual(new Set(['Management', 'Data']));
    expect(new Set(rs.map((r) => r.eventSource)).size).toBeGreaterThan(40);
  });

  it('records are the builder’s output: CloudTrail key order, no undefined fields', () => {
    expectAllValid(cloudTrailRecord(), (r) => {
      const keys = Object.keys(r);
      expect(keys).toEqual(RECORD_KEY_ORDER.filter((k) => keys.includes(k)));
      expect(Object.values(r)).not.toContain(undefined);
    });
  });

  it.each(PRODUCIBLE_IDENTITY_TYPES)('identityType %s: every record has that caller and is valid', (type: ProducibleIdentityType) => {
    expectAllValid(cloudTrailRecord({ identityType: type }), (r) => {
      expect(r.userIdentity?.type).toBe(type);
      expect(errorsOf(r)).toEqual([]);
    }, { numRuns: 25 });
  });

  it('honours service, category, readOnly, outcome, regions and the time window', () => {
    const minTime = '2026-03-01T00:00:00Z';
    const maxTime = '2026-03-02T00:00:00Z';
    const arb = cloudTrailRecord({ service: ['s3', 'dynamodb.amazonaws.com'], category: 'Data', readOnly: false, outcome: 'error', regions: ['eu-west-1'], minTime, maxTime });
    expectAllValid(arb, (r) => {
      expect(['s3.amazonaws.com', 'dynamodb.amazonaws.com']).toContain(r.eventSource);
      expect(r.eventCategory).toBe('Data');
      expect(r.readOnly).toBe(false);
      expect(failed(r)).toBe(true);
      expect(r.awsRegion).toBe('eu-west-1');
      expect(r.eventTime >= '2026-03-01T00:00:00Z' && r.eventTime <= '2026-03-02T00:00:00Z').toBe(true);
      expect(errorsOf(r)).toEqual([]);
    }, { numRuns: 60 });
    expectAllValid(cloudTrailRecord({ outcome: 'success' }), (r) => expect(failed(r)).toBe(false), { numRuns: 60 });
  });

  it('honours eventName (CloudTrail spelling) and operation (call name)', () => {
    expectAllValid(cloudTrailRecord({ eventName: ['ConsoleLogin', 'StopLogging'] }), (r) => expect(['ConsoleLogin', 'StopLogging']).toContain(r.eventName), { numRuns: 40 });
    expectAllValid(cloudTrailRecord({ operation: 'lambda:UpdateFunctionConfiguration', outcome: 'success' }), (r) => {
      expect(r.eventSource).toBe('lambda.amazonaws.com');
      expect(r.eventName).toMatch(/^UpdateFunctionConfiguration/);
    }, { numRuns: 20 });
  });

  it('AWSAccount records are the owner’s copy of a cross-account call', () => {
    expectAllValid(cloudTrailRecord({ identityType: 'AWSAccount' }), (r) => {
      expect(r.userIdentity).toEqual({ type: 'AWSAccount', principalId: expect.any(String), accountId: expect.stringMatching(/^\d{12}$/) });
      expect(r.recipientAccountId).not.toBe(r.userIdentity?.accountId);
      expect(r.sharedEventID).toMatch(/^[0-9a-f-]{36}$/);
    }, { numRuns: 40 });
  });

  it('shrinks a failing property to the simplest record: seed 0, an IAM user, the first hand-tuned operation, AccessDenied', () => {
    const r = shrunkCounterexample(cloudTrailRecord(), (x) => !failed(x));
    expect(r.userIdentity).toMatchObject({ type: 'IAMUser', userName: 'alice', arn: expect.stringMatching(/:user\/alice$/) });
    expect(r.eventSource).toBe(FIRST_HAND_OPERATION.eventSource);
    expect(r.eventName).toBe(FIRST_HAND_OPERATION.eventName ?? FIRST_HAND_OPERATION.name);
    expect(r.eventTime).toBe('2026-01-01T00:00:00Z');
    expect(r.awsRegion).toBe('us-east-1');
    // AccessDenied, in the service's own spelling.
    expect(r.errorCode).toMatch(/^AccessDenied/);
    // Seed 0 gives the account id every shrunk record shares.
    const seed0 = createSimulation({ seed: 0 }).addAccount({ name: 'generated' }, { buckets: 0, objectsPerBucket: 0, instances: 0, functions: 0, tables: 0 });
    expect(r.recipientAccountId).toBe(seed0.id);
  });

  it('shrinks towards the constraint’s simplest values, e.g. the first region and earliest time', () => {
    const r = shrunkCounterexample(cloudTrailRecord({ regions: ['ap-southeast-2', 'eu-west-1'], service: 'ec2' }), (x) => x.eventName === 'Nothing');
    expect(r.awsRegion).toBe('ap-southeast-2');
    expect(r.eventTime).toBe('2026-01-01T00:00:00Z');
    expect(r.userIdentity?.type).toBe('IAMUser');
    expect(r.errorCode).toBeUndefined();
  });

  it('rejects constraints it cannot honour, naming them', () => {
    expect(() => cloudTrailRecord({ service: 'no-such-service' })).toThrow(TrailsimInputError);
    expect(() => cloudTrailRecord({ service: 'no-such-service' })).toThrow(/no-such-service/);
    expect(() => cloudTrailRecord({ identityType: 'Directory' as ProducibleIdentityType })).toThrow(/Directory/);
    expect(() => cloudTrailRecord({ outcome: 'maybe' as 'any' })).toThrow(/outcome/);
    expect(() => cloudTrailRecord({ regions: [] })).toThrow(/regions/);
    expect(() => cloudTrailRecord({ minTime: '2026-02-01T00:00:00Z', maxTime: '2026-01-01T00:00:00Z' })).toThrow(/maxTime/);
    // A failed AssumeRole writes requestParameters null, so its owner copy cannot exist.
    expect(() => cloudTrailRecord({ identityType: 'AWSAccount', outcome: 'error', operation: 'sts:AssumeRole' })).toThrow(/AWSAccount/);
    expect(() => cloudTrailRecord({ operation: 'iam:NoSuchThing' })).toThrow(/NoSuchThing/);
  });
});

describe('userIdentity and principals', () => {
  it('same seed ⇒ same identities and principals', () => {
    expectSameSeedSameValues(userIdentity());
    expectSameSeedSameValues(principalDescription());
    expectSameSeedSameValues(principal(), { project: (p) => ({ d: p.description, id: p.principal.identity, account: p.account.id }) });
  });

  it('identities are what trailsim writes, and valid inside a record', () => {
    const types = new Set<string>();
    expectAllValid(userIdentity(), (u) => {
      types.add(u.type);
      expect(Object.isFrozen(u)).toBe(true);
      expect(Object.values(u)).not.toContain(undefined);
      // Embedded in an otherwise real record, the identity passes the validator.
      const sim = createSimulation({ seed: 1 });
      const r = sim.call(sim.addAccount({}, { buckets: 0, objectsPerBucket: 0, instances: 0, functions: 0, tables: 0 }).iamUser('x'), 'iam:ListUsers');
      const record = { ...r, userIdentity: u, ...(u.type === 'AWSService' ? { sourceIPAddress: u.invokedBy, userAgent: u.invokedBy } : {}) };
      if (u.type === 'AWSService') delete (record as Partial<CloudTrailRecord>).tlsDetails;
      expect(errorsOf(record)).toEqual([]);
    }, { numRuns: 150 });
    expect(types).toEqual(new Set(PRODUCIBLE_IDENTITY_TYPES));
  });

  it('buildPrincipal rebuilds a generated principal from its description', () => {
    expectAllValid(principal(), (g) => {
      const sim = createSimulation({ seed: g.seed, start: '2026-01-01T00:00:00Z' });
      const account = sim.addAccount({ name: 'generated', ...(g.alias ? { alias: g.alias } : {}) }, { buckets: 0, objectsPerBucket: 0, instances: 0, functions: 0, tables: 0 });
      expect(buildPrincipal(account, g.description, sim.now).identity).toEqual(g.principal.identity);
    }, { numRuns: 60 });
  });

  it('a generated principal is rebuilt for every run, so calls a property makes do not leak into replays', () => {
    const seen: number[] = [];
    fc.assert(
      fc.property(principal({ identityType: 'IAMUser' }), ({ simulation, principal: p }) => {
        seen.push(simulation.records().length);
        simulation.call(p, 'iam:ListUsers');
        simulation.call(p, 'iam:ListRoles');
      }),
      { numRuns: 20, seed: 5 },
    );
    expect(seen).toEqual(Array(20).fill(0));
    // ...and a counterexample prints as its description, not as a whole world.
    const details = fc.check(fc.property(principal(), (g) => g.principal.type === 'IAMUser'), { seed: 5 });
    expect(details.failed).toBe(true);
    const printed = fc.stringify(details.counterexample![0]);
    expect(printed).toMatch(/^principal\(\{"seed":\d+,.*"description":\{"type":"(?!IAMUser)/);
    expect(printed.length).toBeLessThan(400);
  });

  it('principal descriptions shrink to an IAM user named alice', () => {
    const d = shrunkCounterexample(principalDescription(), (x) => x.type === 'Root');
    expect(d).toEqual({ type: 'IAMUser', userName: 'alice', path: '/' });
    const role = shrunkCounterexample(principalDescription({ identityType: 'AssumedRole' }), (x) => x.mfa);
    expect(role).toEqual({ type: 'AssumedRole', roleName: 'ReadOnly', sessionName: 'session', ageSeconds: 0, mfa: false });
  });
});
