import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../src/testing/vitest/setup.js';
import { trailsimMatchers, toHaveRecorded, toMatchEventPattern } from 'trailsim/vitest';
import { buildSimulation, eventPatternWithEvents, simulation } from 'trailsim/arbitraries';
import { InvalidEventPatternException, TrailsimInputError, createRandom, createSimulation, toEnvelope, type CloudTrailRecord, type Simulation } from 'trailsim';

/** The message of an assertion that must fail. */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the assertion to fail');
}

/** alice creates bob, is denied StopLogging; root deletes the trail. */
function world(): { sim: Simulation; records: CloudTrailRecord[] } {
  const sim = createSimulation({ seed: 7, start: '2026-03-01T09:00:00Z' });
  const prod = sim.addAccount({ name: 'prod' });
  const alice = prod.iamUser('alice');
  sim.call(alice, 'iam:CreateUser', { userName: 'bob' });
  sim.advance('5m');
  sim.call(alice, 'cloudtrail:StopLogging', { name: 'main' }, { error: 'AccessDenied' });
  sim.call(prod.root(), 'cloudtrail:DeleteTrail', { name: 'main' });
  return { sim, records: sim.records() };
}

describe('toHaveRecorded', () => {
  const { sim, records } = world();

  it('passes on a partial deep match, by field, nested object, dotted path, RegExp, predicate and asymmetric matcher', () => {
    expect(sim).toHaveRecorded({ eventName: 'CreateUser' });
    expect(sim).toHaveRecorded({ eventName: 'DeleteTrail', 'userIdentity.type': 'Root', errorCode: undefined });
    expect(sim).toHaveRecorded({ userIdentity: { type: 'IAMUser', userName: 'alice' }, requestParameters: { userName: 'bob' } });
    expect(sim).toHaveRecorded({ 'requestParameters.userName': /^b/, eventTime: (t: string) => t.startsWith('2026-03-01') });
    expect(sim).toHaveRecorded({ errorCode: expect.stringMatching(/^AccessDenied/), errorMessage: expect.any(String) });
    expect(sim).toHaveRecorded({ 'tlsDetails.tlsVersion': expect.stringMatching(/^TLSv1\.[23]$/) });
  });

  it('counts with { times }, and reads Simulations, record arrays and generated simulations', () => {
    expect(sim).toHaveRecorded({ eventSource: 'cloudtrail.amazonaws.com' }, { times: 2 });
    expect(sim).not.toHaveRecorded({ eventSource: 'cloudtrail.amazonaws.com' }, { times: 1 });
    expect(sim).toHaveRecorded({ eventName: 'Nope' }, { times: 0 });
    expect(records).toHaveRecorded({ eventName: 'StopLogging' });
    const built = buildSimulation({ seed: 1, start: '2026-01-01T00:00:00Z', accounts: [{ name: 'a', regions: ['us-east-1'] }], organization: false, populate: {}, calls: [{ atSeconds: 5, account: 0, principal: { type: 'Root' }, operation: 'iam:ListUsers', region: 'us-east-1' }], durationSeconds: 10 });
    expect(built).toHaveRecorded({ eventName: 'ListUsers', 'userIdentity.type': 'Root' }, { times: 1 });
  });

  it('.not passes when nothing matches', () => {
    expect(sim).not.toHaveRecorded({ eventName: 'StopLogging', 'userIdentity.type': 'Root' });
    expect(sim).not.toHaveRecorded({ eventName: 'StopLogging', errorCode: undefined });
    expect([]).not.toHaveRecorded({ eventName: 'CreateUser' });
  });

  it('a failure shows the closest records first and, for each, the fields that differ', () => {
    const msg = failureOf(() => expect(sim).toHaveRecorded({ eventName: 'StopLogging', 'userIdentity.type': 'Root', errorCode: undefined }));
    expect(msg).toContain('Expected a record matching:\n  eventName: "StopLogging"\n  userIdentity.type: "Root"\n  errorCode: (absent)');
    expect(msg).toContain('Received 3 records; none matches.');
    // DeleteTrail by root differs in one field of three: it is listed first.
    expect(msg).toMatch(/#2 2026-03-01T09:05:00Z cloudtrail\.amazonaws\.com DeleteTrail by Root arn:aws:iam::\d{12}:root[^\n]*\n {4}1 of 3 fields differs:\n {6}eventName: expected "StopLogging", received "DeleteTrail"/);
    expect(msg).toContain('userIdentity.type: expected "Root", received "IAMUser"');
    expect(msg).toContain('errorCode: expected (absent), received "AccessDeniedException"');
    expect(msg.indexOf('#2 ')).toBeLessThan(msg.indexOf('#0 '));
  });

  it('failures with times, with .not, on empty input and on arrays say what was found', () => {
    const times = failureOf(() => expect(sim).toHaveRecorded({ eventSource: 'cloudtrail.amazonaws.com' }, { times: 1 }));
    expect(times).toContain('Expected exactly 1 record matching:');
    expect(times).toContain('Received 2 matching records (of 3):');
    expect(times).toMatch(/#1 [^\n]*StopLogging by IAMUser [^\n]*errorCode=AccessDeniedException/);
    const not = failureOf(() => expect(sim).not.toHaveRecorded({ userIdentity: { userName: 'alice' }, requestParameters: { userName: /^b/ } }));
    expect(not).toContain('expect(received).not.toHaveRecorded(query)');
    expect(not).toContain('Expected no record matching:\n  userIdentity: {"userName":"alice"}\n  requestParameters: {"userName":/^b/}');
    expect(not).toMatch(/Received 1 matching record \(of 3\):\n {2}#0 [^\n]*CreateUser by IAMUser/);
    expect(failureOf(() => expect([]).toHaveRecorded({ eventName: 'X' }))).toContain('Received no records at all.');
    const arrays = failureOf(() => expect(sim).toHaveRecorded({ eventName: 'CreateUser', resources: [] }));
    expect(arrays).toContain('resources: expected [], received (absent) (expected an array)');
  });

  it('rejects what it cannot read, even under .not', () => {
    expect(() => expect(42).toHaveRecorded({ eventName: 'X' })).toThrow(TrailsimInputError);
    expect(() => expect({ nope: 1 }).not.toHaveRecorded({ eventName: 'X' })).toThrow(/Simulation, an array of records/);
    expect(() => expect(sim).toHaveRecorded({ eventName: 'X' }, { times: -1 })).toThrow(/times/);
  });
});

describe('toBeValidCloudTrailRecord', () => {
  const { records } = world();
  const broken = { ...records[0], eventTime: '2026-02-30T00:00:00Z', userIdentity: { type: 'IAMUser' } };

  it('passes for trailsim records and fails, listing rule, path and reason, for broken ones', () => {
    for (const r of records) expect(r).toBeValidCloudTrailRecord();
    expect(broken).not.toBeValidCloudTrailRecord();
    const msg = failureOf(() => expect(broken).toBeValidCloudTrailRecord());
    expect(msg).toContain('validateRecord found 5 errors in the record (eventName "CreateUser"):');
    expect(msg).toContain('[error] eventTime.format at eventTime: eventTime "2026-02-30T00:00:00Z"');
    expect(msg).toContain('[error] userIdentity.requiredField at userIdentity.arn:');
    expect(failureOf(() => expect('not a record').toBeValidCloudTrailRecord())).toContain('record.type at (record)');
  });

  it('.not failures, validator options and failOn', () => {
    expect(failureOf(() => expect(records[0]).not.toBeValidCloudTrailRecord())).toContain('Expected validateRecord to reject the record (eventName "CreateUser"), but it found no error.');
    const lakeOnly = { ...records[0], eventContext: { x: 1 } };
    expect(lakeOnly).toBeValidCloudTrailRecord();
    expect(lakeOnly).not.toBeValidCloudTrailRecord({ failOn: 'warning' });
    expect(failureOf(() => expect(lakeOnly).toBeValidCloudTrailRecord({ failOn: 'warning' }))).toContain('[warning] eventContext.outsideLake at eventContext');
    expect(lakeOnly).toBeValidCloudTrailRecord({ failOn: 'warning', delivery: 'lake' });
    expect(records[0]).not.toBeValidCloudTrailRecord({ allowedRegions: ['eu-west-1'] });
  });
});

describe('toMatchEventPattern', () => {
  const event = {
    id: '1', account: '123456789012', source: 'aws.cloudtrail', time: '2026-03-01T09:00:00Z', region: 'us-east-1', 'detail-type': 'AWS API Call via CloudTrail',
    detail: { eventName: 'CreateTrail', userIdentity: { type: 'Root' }, resources: [{ type: 'a', ARN: 'x' }, { type: 'b', ARN: 'y' }] },
  };

  it('passes and fails as TestEventPattern decides, without requiring an envelope', () => {
    expect(event).toMatchEventPattern({ source: ['aws.cloudtrail'], detail: { eventName: [{ suffix: 'Trail' }] } });
    expect(event).not.toMatchEventPattern({ detail: { eventName: [{ prefix: 'Delete' }] } });
    expect({ detail: { n: 7 } }).toMatchEventPattern({ detail: { n: [{ numeric: ['>', 5] }] } });
    expect(JSON.stringify(event)).toMatchEventPattern('{"detail":{"userIdentity":{"type":["Root"]}}}');
    const { records } = world();
    const envelope = toEnvelope(records[2], createRandom(1))!;
    expect(envelope).toMatchEventPattern({ source: ['aws.cloudtrail'], 'detail-type': ['AWS API Call via CloudTrail'], detail: { eventName: ['DeleteTrail'], userIdentity: { type: ['Root'] } } });
    expect({ events: [event] }).toEqual({ events: [expect.toMatchEventPattern({ source: [{ prefix: 'aws.' }] })] });
  });

  it('a failure names each failing pattern field, the value the event has there, and the fields that match', () => {
    const msg = failureOf(() => expect(event).toMatchEventPattern({ source: ['aws.cloudtrail'], detail: { eventName: [{ prefix: 'Delete' }, 'StopLogging'], userIdentity: { type: ['Root'] }, errorCode: [{ exists: true }] } }));
    expect(msg).toContain('The event does not match the pattern:');
    expect(msg).toContain('detail.eventName: received "CreateTrail"; the pattern wants [{"prefix":"Delete"},"StopLogging"]');
    expect(msg).toContain('detail.errorCode: received (absent); the pattern wants [{"exists":true}]');
    expect(msg).toContain('(2 other fields match: source, detail.userIdentity.type)');
  });

  it('with $or, a failure goes through every alternative; a .not failure shows the alternative that matched', () => {
    const msg = failureOf(() => expect(event).toMatchEventPattern({ source: ['aws.s3'], $or: [{ detail: { eventName: ['X'] } }, { detail: { userIdentity: { type: ['IAMUser'] } } }] }));
    expect(msg).toContain("The event matches none of the pattern's 2 alternatives (from $or):");
    expect(msg).toMatch(/alternative 1:\n {4}source: received "aws\.cloudtrail"; the pattern wants \["aws\.s3"\]\n {4}detail\.eventName: received "CreateTrail"; the pattern wants \["X"\]/);
    expect(msg).toMatch(/alternative 2:\n[^]*detail\.userIdentity\.type: received "Root"; the pattern wants \["IAMUser"\]/);
    const not = failureOf(() => expect(event).not.toMatchEventPattern({ source: [{ prefix: 'aws.' }], $or: [{ detail: { eventName: ['X'] } }, { detail: { userIdentity: { type: ['Root'] } } }] }));
    expect(not).toContain('Expected the event not to match the pattern, but it does (alternative 2 of 2, from $or):');
    expect(not).toContain('detail.userIdentity.type: "Root" matches ["Root"]');
  });

  it('explains array-element mismatches, and rejects invalid patterns and events', () => {
    const msg = failureOf(() => expect(event).toMatchEventPattern({ detail: { resources: { type: ['a'], ARN: ['y'] } } }));
    expect(msg).toContain('each field matches on its own, but not together');
    expect(msg).toContain('detail.resources.type: ["a","b"] (array) matches ["a"]');
    expect(() => expect(event).toMatchEventPattern({ detail: { eventName: [{ prefix: 1 }] } })).toThrow(InvalidEventPatternException);
    expect(() => expect(event).not.toMatchEventPattern({ detail: [] })).toThrow(/Event pattern is not valid/);
    expect(() => expect('{nope').toMatchEventPattern({ source: ['x'] })).toThrow(TrailsimInputError);
    expect(() => expect(null).toMatchEventPattern({ source: ['x'] })).toThrow(/event object/);
  });
});

describe('the matchers with the arbitraries', () => {
  it('every record of a generated simulation is valid, recorded once, and found by its eventID', () => {
    fc.assert(
      fc.property(simulation({ maxTrafficRate: 4 }), fc.nat(), ({ simulation: sim, records }, pick) => {
        for (const r of records) expect(r).toBeValidCloudTrailRecord();
        if (records.length === 0) return;
        const r = records[pick % records.length];
        expect(sim).toHaveRecorded({ eventID: r.eventID, eventName: r.eventName, 'userIdentity.type': r.userIdentity?.type }, { times: 1 });
        expect(sim).not.toHaveRecorded({ eventID: `${r.eventID}x` });
      }),
      { numRuns: 20, seed: 4 },
    );
  });

  it('generated matching events pass toMatchEventPattern; non-matching ones fail it with a field-level explanation', () => {
    fc.assert(
      fc.property(eventPatternWithEvents(), ({ pattern, matching, nonMatching }) => {
        for (const e of matching) expect(e).toMatchEventPattern(pattern);
        for (const e of nonMatching) {
          expect(e).not.toMatchEventPattern(pattern);
          const msg = failureOf(() => expect(e).toMatchEventPattern(pattern));
          expect(msg).toMatch(/: received [^\n]*; the pattern wants |each field matches on its own/);
        }
      }),
      { numRuns: 60, seed: 8 },
    );
  });
});

describe('runner-agnostic matcher functions (as jest uses them through expect.extend)', () => {
  it('are plain functions of (received, ...expected) returning { pass, message }, with no `this`', () => {
    const { sim } = world();
    const ok = trailsimMatchers.toHaveRecorded.call(undefined, sim, { eventName: 'CreateUser' });
    expect(ok.pass).toBe(true);
    expect(ok.message()).toContain('.not.toHaveRecorded');
    const ko = toHaveRecorded(sim, { eventName: 'CreateUser', 'userIdentity.type': 'Root' });
    expect(ko.pass).toBe(false);
    expect(ko.message()).toContain('userIdentity.type: expected "Root", received "IAMUser"');
    expect(toMatchEventPattern({ a: 1 }, { a: [1] })).toMatchObject({ pass: true });
    expect(Object.keys(trailsimMatchers).sort()).toEqual(['toBeValidCloudTrailRecord', 'toHaveRecorded', 'toMatchEventPattern', 'toPassCoverage']);
  });
});
