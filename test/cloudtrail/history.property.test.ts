/**
 * Model test: LookupEvents on random histories agrees with a plain filter-and-sort over
 * the records, and reading every page returns each match exactly once, newest first,
 * later-ingested first within the same eventTime.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHistory } from '../../src/cloudtrail/history.js';
import type { Event, LookupAttributeKey, LookupEventsInput } from '../../src/cloudtrail/lookup-events.js';
import { InvalidLookupAttributesException, InvalidTimeRangeException } from '../../src/core/errors.js';
import type { CloudTrailRecord, ResourceRef, UserIdentity } from '../../src/record/types.js';
import { ACCOUNT, DAY, OTHER_ACCOUNT, REGION, SECOND, T0, apiCall, assumedRole, awsService, federatedUser, iamUser, insight, root } from './records.js';

const LONG = process.env.TRAILSIM_LONG === '1';
const HOUR = 3600 * SECOND;
/**
 * Times sit on a grid of 2-day slots from T0 - 100 days to T0 + 2 days, plus a second or
 * two, so that eventTime ties, records exactly at a query bound, exactly at now and exactly
 * 90 days old are all common (90 days is a whole number of slots).
 */
const SLOT = 2 * DAY;
const FIRST_SLOT = T0 - 100 * DAY;
const SLOTS = 51;
const slotTime = (slot: number, sec: number) => FIRST_SLOT + slot * SLOT + sec * SECOND;

const NAMES = ['CreateUser', 'ListUsers', 'RunInstances', 'Decrypt', 'ConsoleLogin'];
const SOURCES = ['iam.amazonaws.com', 'ec2.amazonaws.com', 'kms.amazonaws.com'];
const KEYS = ['AKIA1111', 'AKIA2222', 'ASIA3333', ''];
const TYPES = ['AWS::S3::Bucket', 'AWS::IAM::Role', 'AWS::KMS::Key'];
const ARNS = ['arn:aws:s3:::logs', 'arn:aws:iam::123456789012:role/r1', 'arn:aws:kms:us-east-1:123456789012:key/k', 'arn:aws:s3:::data'];
const USERS = ['alice', 'bob', 'sess-1', 'sess-2', 'root', 'config.amazonaws.com', 'fed'];

type Kind = 'mgmt' | 'insight' | 'data' | 'network' | 'otherRegion' | 'otherAccount';
type IdentitySpec =
  | { t: 'none' }
  | { t: 'root' }
  | { t: 'iam'; name: string }
  | { t: 'role'; session: string }
  | { t: 'service' }
  | { t: 'fed' };

interface Spec {
  kind: Kind;
  /** Grid slot then seconds: many records share a second. */
  slot: number;
  sec: number;
  name: string;
  source: string;
  readOnly: boolean | undefined;
  identity: IdentitySpec;
  key: string | undefined;
  resources: { type: string | undefined; arn: string | undefined }[];
  /** Ingested twice. */
  dup: boolean;
  /** Arrival order key (records arrive out of time order). */
  arrival: number;
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constantFrom<Kind>('mgmt', 'mgmt', 'mgmt', 'mgmt', 'mgmt', 'mgmt', 'insight', 'insight', 'data', 'network', 'otherRegion', 'otherAccount'),
  slot: fc.integer({ min: 0, max: SLOTS }),
  sec: fc.constantFrom(0, 0, 0, 1, 2),
  name: fc.constantFrom(...NAMES),
  source: fc.constantFrom(...SOURCES),
  readOnly: fc.constantFrom(true, false, undefined),
  identity: fc.oneof(
    fc.constant<IdentitySpec>({ t: 'none' }),
    fc.constant<IdentitySpec>({ t: 'root' }),
    fc.constantFrom('alice', 'bob').map((name): IdentitySpec => ({ t: 'iam', name })),
    fc.constantFrom('sess-1', 'sess-2').map((session): IdentitySpec => ({ t: 'role', session })),
    fc.constant<IdentitySpec>({ t: 'service' }),
    fc.constant<IdentitySpec>({ t: 'fed' }),
  ),
  key: fc.constantFrom(...KEYS, undefined),
  resources: fc.array(fc.record({ type: fc.constantFrom(...TYPES, undefined), arn: fc.constantFrom(...ARNS, undefined) }), { maxLength: 3 }),
  dup: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  arrival: fc.integer({ min: 0, max: 1000 }),
});

function identityOf(s: Spec): UserIdentity | undefined {
  const key = s.key;
  switch (s.identity.t) {
    case 'none':
      return undefined;
    case 'root':
      return root(key);
    case 'iam':
      return iamUser(s.identity.name, key);
    case 'role':
      return assumedRole('r1', s.identity.session, key);
    case 'service':
      return awsService('config.amazonaws.com');
    case 'fed':
      return { ...federatedUser('fed'), ...(key !== undefined ? { accessKeyId: key } : {}) };
  }
}

function recordOf(s: Spec, id: number): CloudTrailRecord {
  const time = slotTime(s.slot, s.sec);
  if (s.kind === 'insight') return insight({ id, time, name: s.name, source: s.source });
  const resources: ResourceRef[] = s.resources.map((r) => ({ ...(r.arn !== undefined ? { ARN: r.arn } : {}), accountId: ACCOUNT, ...(r.type !== undefined ? { type: r.type } : {}) }));
  const identity = identityOf(s);
  return apiCall({
    id,
    time,
    name: s.name,
    source: s.source,
    ...(s.readOnly !== undefined ? { readOnly: s.readOnly } : {}),
    ...(identity ? { identity } : {}),
    ...(s.resources.length > 0 ? { resources } : {}),
    ...(s.kind === 'data' ? { category: 'Data' as const } : {}),
    ...(s.kind === 'network' ? { category: 'NetworkActivity' as const } : {}),
    ...(s.kind === 'otherRegion' ? { region: 'eu-west-1' } : {}),
    ...(s.kind === 'otherAccount' ? { account: OTHER_ACCOUNT } : {}),
  });
}

// ---- The reference, written plainly from the documented semantics. ----

function refUsername(s: Spec): string | undefined {
  switch (s.identity.t) {
    case 'root':
      return 'root';
    case 'iam':
      return s.identity.name;
    case 'role':
      return s.identity.session;
    case 'service':
      return 'config.amazonaws.com';
    case 'fed':
      return 'fed';
    case 'none':
      return undefined;
  }
}

interface Stored {
  spec: Spec;
  record: CloudTrailRecord;
  t: number;
  order: number;
}

function refEvent(x: Stored): Event {
  const { spec, record } = x;
  const e: Event = { EventId: record.eventID, EventName: spec.name };
  if (spec.kind !== 'insight') {
    if (spec.readOnly !== undefined) e.ReadOnly = String(spec.readOnly);
    const key = spec.identity.t === 'service' || spec.identity.t === 'none' ? undefined : spec.key;
    if (key) e.AccessKeyId = key;
  }
  e.EventTime = new Date(x.t);
  e.EventSource = spec.source;
  const user = spec.kind === 'insight' ? undefined : refUsername(spec);
  if (user !== undefined) e.Username = user;
  e.Resources =
    spec.kind === 'insight'
      ? []
      : spec.resources.map((r) => ({ ...(r.type !== undefined ? { ResourceType: r.type } : {}), ...(r.arn !== undefined ? { ResourceName: r.arn } : {}) }));
  e.CloudTrailEvent = JSON.stringify(record);
  return e;
}

function refMatches(x: Stored, key: LookupAttributeKey, value: string): boolean {
  const e = refEvent(x);
  switch (key) {
    case 'EventId':
      return e.EventId === value;
    case 'EventName':
      return e.EventName === value;
    case 'ReadOnly':
      return e.ReadOnly === value;
    case 'Username':
      return e.Username === value;
    case 'EventSource':
      return e.EventSource === value;
    case 'AccessKeyId':
      return e.AccessKeyId === value;
    case 'ResourceType':
      return e.Resources!.some((r) => r.ResourceType === value);
    case 'ResourceName':
      return e.Resources!.some((r) => r.ResourceName === value);
  }
}

interface Query {
  insight: boolean;
  attr: { key: LookupAttributeKey; value: string } | undefined;
  start: number | undefined;
  end: number | undefined;
  startAs: 'date' | 'iso' | 'ms';
  pageSizes: number[];
}

const ALL_KEYS: LookupAttributeKey[] = ['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId'];

/** A query bound: on the grid (often equal to event times) or anywhere in range. */
const boundArb = fc.oneof(
  fc.tuple(fc.integer({ min: -2, max: SLOTS + 3 }), fc.constantFrom(0, 1, 2, 3)).map(([slot, sec]) => slotTime(slot, sec)),
  fc.integer({ min: -110 * 24, max: 30 * 24 }).map((h) => T0 + h * HOUR),
);

const queryArb = (n: number): fc.Arbitrary<Query> =>
  fc.record({
    insight: fc.boolean(),
    attr: fc.option(
      fc.constantFrom(...ALL_KEYS).chain((key) =>
        (key === 'EventId'
          ? fc.integer({ min: 0, max: Math.max(0, n) }).map((i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`)
          : key === 'EventName'
            ? fc.constantFrom(...NAMES, 'Nope')
            : key === 'ReadOnly'
              ? fc.constantFrom('true', 'false')
              : key === 'Username'
                ? fc.constantFrom(...USERS, 'r1')
                : key === 'ResourceType'
                  ? fc.constantFrom(...TYPES, 'AWS::EC2::Instance')
                  : key === 'ResourceName'
                    ? fc.constantFrom(...ARNS, 'logs')
                    : key === 'EventSource'
                      ? fc.constantFrom(...SOURCES, 's3.amazonaws.com')
                      : fc.constantFrom(...KEYS.filter((k) => k !== ''), 'AKIA0000')
        ).map((value) => ({ key, value })),
      ),
      { nil: undefined },
    ),
    start: fc.option(boundArb, { nil: undefined }),
    end: fc.option(boundArb, { nil: undefined }),
    startAs: fc.constantFrom<'date' | 'iso' | 'ms'>('date', 'iso', 'ms'),
    pageSizes: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 }),
  });

const scenarioArb = fc
  .array(specArb, { maxLength: 160, size: 'max' })
  .chain((specs) =>
    fc.record({
      specs: fc.constant(specs),
      // Query time: on the grid (now and now - 90 days fall on event times) or any hour.
      advance: fc.oneof(
        fc.integer({ min: 0, max: 10 }).map((k) => k * SLOT),
        fc.integer({ min: 0, max: 20 * 24 }).map((h) => h * HOUR),
      ),
      queries: fc.array(queryArb(specs.length), { minLength: 1, maxLength: 6 }),
    }),
  );

describe('LookupEvents agrees with a reference filter', () => {
  it('on random histories and queries, across all pages', () => {
    fc.assert(
      fc.property(scenarioArb, ({ specs, advance, queries }) => {
        const clock = { t: T0 };
        const history = new EventHistory({ accountId: ACCOUNT, region: REGION, now: () => clock.t });

        // Arrival order: by `arrival`, stable; duplicates arrive again right after.
        const arrivals = specs.map((spec, i) => ({ spec, record: recordOf(spec, i) })).map((x, i) => ({ ...x, i }));
        arrivals.sort((a, b) => a.spec.arrival - b.spec.arrival || a.i - b.i);
        const stored: Stored[] = [];
        const seen = new Set<string>();
        let order = 0;
        for (const { spec, record } of arrivals) {
          for (let copy = 0; copy < (spec.dup ? 2 : 1); copy++) {
            const t = Date.parse(record.eventTime);
            const keep =
              (spec.kind === 'mgmt' || spec.kind === 'insight') && t >= clock.t - 90 * DAY && !seen.has(record.eventID);
            expect(history.ingest(record)).toBe(keep);
            if (keep) {
              seen.add(record.eventID);
              stored.push({ spec, record, t, order: order++ });
            }
          }
        }

        clock.t = T0 + advance;
        const visible = stored.filter((x) => x.t >= clock.t - 90 * DAY);
        expect(history.size).toBe(visible.length);

        for (const q of queries) {
          const input: LookupEventsInput = {};
          if (q.insight) input.EventCategory = 'insight';
          if (q.attr) input.LookupAttributes = [{ AttributeKey: q.attr.key, AttributeValue: q.attr.value }];
          if (q.start !== undefined) input.StartTime = q.startAs === 'date' ? new Date(q.start) : q.startAs === 'iso' ? new Date(q.start).toISOString() : q.start;
          if (q.end !== undefined) input.EndTime = new Date(q.end);

          if (q.insight && q.attr && !['EventId', 'EventName', 'EventSource'].includes(q.attr.key)) {
            expect(() => history.lookupEvents(input)).toThrow(InvalidLookupAttributesException);
            continue;
          }
          if (q.start !== undefined && q.end !== undefined && q.start > q.end) {
            expect(() => history.lookupEvents(input)).toThrow(InvalidTimeRangeException);
            continue;
          }

          const expected = visible
            .filter((x) => (q.insight ? x.spec.kind === 'insight' : x.spec.kind === 'mgmt'))
            .filter((x) => !q.attr || refMatches(x, q.attr.key, q.attr.value))
            .filter((x) => (q.start === undefined || x.t >= q.start) && x.t <= (q.end ?? clock.t))
            .sort((a, b) => b.t - a.t || b.order - a.order)
            .map(refEvent);

          const got: Event[] = [];
          let token: string | undefined;
          let page = 0;
          do {
            const max = q.pageSizes[page % q.pageSizes.length];
            const out = history.lookupEvents({ ...input, MaxResults: max, ...(token ? { NextToken: token } : {}) });
            expect(out.Events.length).toBeLessThanOrEqual(max);
            // A NextToken appears exactly when more results remain.
            const remaining = expected.length - got.length;
            expect(out.Events.length).toBe(Math.min(max, remaining));
            expect(out.NextToken !== undefined).toBe(remaining > max);
            got.push(...out.Events);
            token = out.NextToken;
            page++;
          } while (token);
          expect(got).toEqual(expected);
        }
      }),
      { numRuns: LONG ? 3000 : 250 },
    );
  });
});
