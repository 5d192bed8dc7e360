import { describe, expect, it } from 'vitest';
import { EventHistory } from '../../src/cloudtrail/history.js';
import type { LookupEventsInput, LookupEventsOutput } from '../../src/cloudtrail/lookup-events.js';
import { attributeValueLength } from '../../src/cloudtrail/lookup-events.js';
import {
  InvalidAccountIdError,
  InvalidEventCategoryException,
  InvalidLookupAttributesException,
  InvalidMaxResultsException,
  InvalidNextTokenException,
  InvalidTimeRangeException,
  ThrottlingException,
  TrailsimInputError,
} from '../../src/core/errors.js';
import type { CloudTrailRecord } from '../../src/record/types.js';
import {
  ACCOUNT,
  DAY,
  OTHER_ACCOUNT,
  REGION,
  SECOND,
  T0,
  apiCall,
  assumedRole,
  awsService,
  federatedUser,
  iamUser,
  insight,
  root,
  uuid,
} from './records.js';

function setup(opts: { throttle?: boolean; retentionDays?: number; now?: number } = {}) {
  const clock = { t: opts.now ?? T0 };
  const history = new EventHistory({
    accountId: ACCOUNT,
    region: REGION,
    now: () => clock.t,
    ...(opts.throttle !== undefined ? { throttle: opts.throttle } : {}),
    ...(opts.retentionDays !== undefined ? { retentionDays: opts.retentionDays } : {}),
  });
  return { clock, history };
}

const ids = (out: LookupEventsOutput) => out.Events.map((e) => e.EventId);
const attr = (AttributeKey: NonNullable<LookupEventsInput['LookupAttributes']>[number]['AttributeKey'], AttributeValue: string) => ({
  LookupAttributes: [{ AttributeKey, AttributeValue }],
});

/** Reads every page; returns event ids in order. */
function all(history: EventHistory, input: LookupEventsInput): string[] {
  const out: string[] = [];
  let token: string | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = history.lookupEvents({ ...input, ...(token ? { NextToken: token } : {}) });
    out.push(...ids(page).map(String));
    token = page.NextToken;
    if (!token) return out;
  }
  throw new Error('pagination did not end');
}

function expectAws(fn: () => unknown, cls: new (m: string) => Error, name: string, message: string | RegExp) {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(cls);
  expect((err as Error).name).toBe(name);
  if (typeof message === 'string') expect((err as Error).message).toBe(message);
  else expect((err as Error).message).toMatch(message);
  expect((err as { $fault: string }).$fault).toBe('client');
  expect((err as { httpStatusCode: number }).httpStatusCode).toBe(400);
}

describe('EventHistory.ingest', () => {
  it('keeps management and Insights events, ignores data and network-activity events', () => {
    const { history } = setup();
    expect(history.ingest(apiCall({ id: 1, time: T0 - 10 * SECOND }))).toBe(true);
    expect(history.ingest(insight({ id: 2, time: T0 - 9 * SECOND }))).toBe(true);
    expect(history.ingest(apiCall({ id: 3, time: T0 - 8 * SECOND, category: 'Data', name: 'GetObject', source: 's3.amazonaws.com' }))).toBe(false);
    expect(history.ingest(apiCall({ id: 4, time: T0 - 7 * SECOND, category: 'NetworkActivity' }))).toBe(false);
    expect(history.size).toBe(2);
    expect(ids(history.lookupEvents())).toEqual([uuid(1)]);
    expect(ids(history.lookupEvents({ EventCategory: 'insight' }))).toEqual([uuid(2)]);
  });

  it('reads the category of pre-1.07 records from eventType and managementEvent', () => {
    const { history } = setup();
    const old = apiCall({ id: 1, time: T0 - SECOND }) as Partial<CloudTrailRecord>;
    delete old.eventCategory;
    expect(history.ingest(old as CloudTrailRecord)).toBe(true);
    const oldData = apiCall({ id: 2, time: T0 - SECOND, category: 'Data' }) as Partial<CloudTrailRecord>;
    delete oldData.eventCategory;
    expect(history.ingest(oldData as CloudTrailRecord)).toBe(false);
  });

  it('ignores other Regions, other recipient accounts and duplicate eventIDs', () => {
    const { history } = setup();
    expect(history.ingest(apiCall({ id: 1, time: T0 - SECOND, region: 'eu-west-1' }))).toBe(false);
    expect(history.ingest(apiCall({ id: 2, time: T0 - SECOND, account: OTHER_ACCOUNT }))).toBe(false);
    expect(history.ingest(apiCall({ id: 3, time: T0 - SECOND }))).toBe(true);
    expect(history.ingest(apiCall({ id: 3, time: T0 - 2 * SECOND, name: 'Other' }))).toBe(false);
    expect(all(history, {})).toEqual([uuid(3)]);
    expect(history.lookupEvents().Events[0].EventName).toBe('ListUsers');
  });

  it('rejects a record without a readable eventTime or eventID, changing nothing', () => {
    const { history } = setup();
    history.ingest(apiCall({ id: 1, time: T0 - SECOND }));
    const bad = { ...apiCall({ id: 2, time: T0 }), eventTime: 'yesterday' };
    expect(() => history.ingest(bad)).toThrow(TrailsimInputError);
    expect(() => history.ingest({ ...apiCall({ id: 3, time: T0 }), eventID: '' })).toThrow(/eventID/);
    expect(all(history, {})).toEqual([uuid(1)]);
  });

  it('keeps time order for out-of-order arrivals, later-ingested first within a second', () => {
    const { history } = setup();
    const times = [5, 1, 3, 3, 9, 0, 3, 7];
    times.forEach((s, i) => history.ingest(apiCall({ id: i, time: T0 - 100 * SECOND + s * SECOND })));
    // Newest first; the three at second 3 (ids 2, 3, 6) come later-ingested first.
    expect(all(history, { MaxResults: 3 })).toEqual([4, 7, 0, 6, 3, 2, 1, 5].map(uuid));
  });

  it('validates constructor options', () => {
    expect(() => new EventHistory({ accountId: '123', region: REGION, now: () => T0 })).toThrow(InvalidAccountIdError);
    expect(() => new EventHistory({ accountId: ACCOUNT, region: '', now: () => T0 })).toThrow(TrailsimInputError);
    expect(() => new EventHistory({ accountId: ACCOUNT, region: REGION, now: () => T0, retentionDays: 0 })).toThrow(/retentionDays/);
  });
});

describe('LookupEvents output', () => {
  it('shapes events like the SDK, omitting absent fields, Resources always a list', () => {
    const { history } = setup();
    const rec = apiCall({
      id: 1,
      time: T0 - 60 * SECOND,
      name: 'AssumeRole',
      source: 'sts.amazonaws.com',
      readOnly: false,
      identity: iamUser('alice', 'AKIAEXAMPLE1'),
      resources: [
        { ARN: `arn:aws:iam::${ACCOUNT}:role/deployer`, accountId: ACCOUNT, type: 'AWS::IAM::Role' },
        { ARN: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/x`, accountId: ACCOUNT },
      ],
    });
    history.ingest(rec);
    const bare = apiCall({ id: 2, time: T0 - 30 * SECOND, name: 'ConsoleLogin', source: 'signin.amazonaws.com' });
    history.ingest(bare);
    const [e2, e1] = history.lookupEvents().Events;
    expect(e1).toEqual({
      EventId: uuid(1),
      EventName: 'AssumeRole',
      ReadOnly: 'false',
      AccessKeyId: 'AKIAEXAMPLE1',
      EventTime: new Date(T0 - 60 * SECOND),
      EventSource: 'sts.amazonaws.com',
      Username: 'alice',
      Resources: [
        { ResourceType: 'AWS::IAM::Role', ResourceName: `arn:aws:iam::${ACCOUNT}:role/deployer` },
        { ResourceName: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/x` },
      ],
      CloudTrailEvent: JSON.stringify(rec),
    });
    expect(Object.keys(e1)).toEqual([
      'EventId', 'EventName', 'ReadOnly', 'AccessKeyId', 'EventTime', 'EventSource', 'Username', 'Resources', 'CloudTrailEvent',
    ]);
    expect(e2).toEqual({
      EventId: uuid(2),
      EventName: 'ConsoleLogin',
      EventTime: new Date(T0 - 30 * SECOND),
      EventSource: 'signin.amazonaws.com',
      Resources: [],
      CloudTrailEvent: JSON.stringify(bare),
    });
    expect(JSON.parse(e1.CloudTrailEvent!)).toEqual(rec);
  });

  it('is not affected by later changes to the ingested record or to returned events', () => {
    const { history } = setup();
    const rec = apiCall({ id: 1, time: T0 - SECOND, resources: [{ ARN: 'arn:aws:s3:::b', type: 'AWS::S3::Bucket' }] });
    const json = JSON.stringify(rec);
    history.ingest(rec);
    rec.eventName = 'Changed';
    const first = history.lookupEvents().Events[0];
    first.Resources![0].ResourceName = 'mutated';
    first.EventTime!.setTime(0);
    const again = history.lookupEvents().Events[0];
    expect(again.CloudTrailEvent).toBe(json);
    expect(again.EventName).toBe('ListUsers');
    expect(again.Resources).toEqual([{ ResourceType: 'AWS::S3::Bucket', ResourceName: 'arn:aws:s3:::b' }]);
    expect(again.EventTime).toEqual(new Date(T0 - SECOND));
  });

  it('derives Username per identity type', () => {
    const { history } = setup();
    const cases: [ReturnType<typeof root>, string | undefined][] = [
      [root(), 'root'],
      [iamUser('bob'), 'bob'],
      [assumedRole('admin-role', 'my-session-name'), 'my-session-name'],
      [federatedUser('fed-carol'), 'fed-carol'],
      [awsService('config.amazonaws.com'), 'config.amazonaws.com'],
      [{ type: 'SAMLUser', principalId: 'x', userName: 'saml-sub' }, 'saml-sub'],
      [{ type: 'AWSAccount', principalId: 'AIDAX', accountId: OTHER_ACCOUNT }, undefined],
      [{ type: 'IAMUser', userName: 'HIDDEN_DUE_TO_SECURITY_REASONS', accountId: ACCOUNT }, 'HIDDEN_DUE_TO_SECURITY_REASONS'],
    ];
    cases.forEach(([identity], i) => history.ingest(apiCall({ id: i, time: T0 - 100 * SECOND + i * SECOND, identity })));
    const byId = new Map(all(history, {}).map((id) => [id, id]));
    expect(byId.size).toBe(cases.length);
    const events = history.lookupEvents().Events.reverse();
    cases.forEach(([, user], i) => {
      expect(events[i].EventId).toBe(uuid(i));
      expect(events[i].Username).toBe(user);
      if (user === undefined) expect('Username' in events[i]).toBe(false);
    });
    expect(ids(history.lookupEvents(attr('Username', 'root')))).toEqual([uuid(0)]);
    expect(ids(history.lookupEvents(attr('Username', 'my-session-name')))).toEqual([uuid(2)]);
    expect(ids(history.lookupEvents(attr('Username', 'admin-role')))).toEqual([]);
  });

  it('omits an empty accessKeyId', () => {
    const { history } = setup();
    history.ingest(apiCall({ id: 1, time: T0 - SECOND, identity: iamUser('dave', '') }));
    expect('AccessKeyId' in history.lookupEvents().Events[0]).toBe(false);
  });

  it('returns Insights events only with EventCategory insight, named after their subject API', () => {
    const { history } = setup();
    const rec = insight({ id: 7, time: T0 - 5 * SECOND, name: 'PutObject', source: 's3.amazonaws.com' });
    history.ingest(rec);
    history.ingest(apiCall({ id: 8, time: T0 - 4 * SECOND, name: 'PutObject', source: 's3.amazonaws.com' }));
    expect(history.lookupEvents({ EventCategory: 'insight' }).Events).toEqual([
      { EventId: uuid(7), EventName: 'PutObject', EventTime: new Date(T0 - 5 * SECOND), EventSource: 's3.amazonaws.com', Resources: [], CloudTrailEvent: JSON.stringify(rec) },
    ]);
    expect(ids(history.lookupEvents({ ...attr('EventName', 'PutObject') }))).toEqual([uuid(8)]);
    expect(ids(history.lookupEvents({ EventCategory: 'insight', ...attr('EventSource', 's3.amazonaws.com') }))).toEqual([uuid(7)]);
    expect(ids(history.lookupEvents({ EventCategory: 'insight', ...attr('EventId', uuid(8)) }))).toEqual([]);
  });
});

describe('LookupEvents filters', () => {
  function seeded() {
    const s = setup();
    const h = s.history;
    h.ingest(apiCall({ id: 1, time: T0 - 50 * SECOND, name: 'CreateBucket', source: 's3.amazonaws.com', readOnly: false, identity: iamUser('alice', 'AKIA1'), resources: [{ ARN: 'arn:aws:s3:::logs', type: 'AWS::S3::Bucket' }] }));
    h.ingest(apiCall({ id: 2, time: T0 - 40 * SECOND, name: 'ListBuckets', source: 's3.amazonaws.com', readOnly: true, identity: iamUser('bob', 'AKIA2') }));
    h.ingest(apiCall({ id: 3, time: T0 - 30 * SECOND, name: 'Decrypt', source: 'kms.amazonaws.com', readOnly: true, identity: assumedRole('r', 'sess', 'ASIA3'), resources: [{ ARN: 'arn:aws:kms:us-east-1:123456789012:key/k', type: 'AWS::KMS::Key' }, { ARN: 'arn:aws:kms:us-east-1:123456789012:key/k2', type: 'AWS::KMS::Key' }] }));
    h.ingest(apiCall({ id: 4, time: T0 - 20 * SECOND, name: 'ConsoleLogin', source: 'signin.amazonaws.com', identity: root() }));
    return s;
  }

  it('filters by each of the 8 attributes', () => {
    const { history } = seeded();
    expect(ids(history.lookupEvents(attr('EventId', uuid(2))))).toEqual([uuid(2)]);
    expect(ids(history.lookupEvents(attr('EventName', 'Decrypt')))).toEqual([uuid(3)]);
    expect(ids(history.lookupEvents(attr('ReadOnly', 'true')))).toEqual([uuid(3), uuid(2)]);
    // ConsoleLogin has no readOnly: it matches neither value.
    expect(ids(history.lookupEvents(attr('ReadOnly', 'false')))).toEqual([uuid(1)]);
    expect(ids(history.lookupEvents(attr('Username', 'alice')))).toEqual([uuid(1)]);
    expect(ids(history.lookupEvents(attr('ResourceType', 'AWS::KMS::Key')))).toEqual([uuid(3)]);
    expect(ids(history.lookupEvents(attr('ResourceName', 'arn:aws:s3:::logs')))).toEqual([uuid(1)]);
    expect(ids(history.lookupEvents(attr('ResourceName', 'arn:aws:kms:us-east-1:123456789012:key/k2')))).toEqual([uuid(3)]);
    expect(ids(history.lookupEvents(attr('EventSource', 's3.amazonaws.com')))).toEqual([uuid(2), uuid(1)]);
    expect(ids(history.lookupEvents(attr('AccessKeyId', 'ASIA3')))).toEqual([uuid(3)]);
    expect(ids(history.lookupEvents(attr('EventName', 'decrypt')))).toEqual([]);
    expect(ids(history.lookupEvents({ LookupAttributes: [] }))).toEqual([4, 3, 2, 1].map(uuid));
  });

  it('treats StartTime and EndTime as inclusive and accepts Date, ISO string and epoch ms', () => {
    const { history } = seeded();
    const t = (s: number) => T0 - s * SECOND;
    expect(ids(history.lookupEvents({ StartTime: new Date(t(40)), EndTime: new Date(t(30)) }))).toEqual([uuid(3), uuid(2)]);
    expect(ids(history.lookupEvents({ StartTime: new Date(t(40)).toISOString(), EndTime: t(30) }))).toEqual([uuid(3), uuid(2)]);
    expect(ids(history.lookupEvents({ StartTime: t(40) + 1, EndTime: t(30) - 1 }))).toEqual([]);
    expect(ids(history.lookupEvents({ StartTime: t(30), EndTime: t(30) }))).toEqual([uuid(3)]);
    expect(ids(history.lookupEvents({ StartTime: t(35) }))).toEqual([uuid(4), uuid(3)]);
    expect(ids(history.lookupEvents({ EndTime: t(35), ...attr('EventSource', 's3.amazonaws.com') }))).toEqual([uuid(2), uuid(1)]);
  });

  it('defaults EndTime to now, hiding events dated in the future until they are due', () => {
    const { history, clock } = setup();
    history.ingest(apiCall({ id: 1, time: T0 + 10 * SECOND }));
    history.ingest(apiCall({ id: 2, time: T0 }));
    expect(ids(history.lookupEvents())).toEqual([uuid(2)]);
    expect(ids(history.lookupEvents({ EndTime: T0 + 10 * SECOND }))).toEqual([uuid(1), uuid(2)]);
    clock.t = T0 + 10 * SECOND;
    expect(ids(history.lookupEvents())).toEqual([uuid(1), uuid(2)]);
  });
});

describe('LookupEvents pagination', () => {
  function many(n: number) {
    const s = setup();
    // Two events per second, so pages split ties.
    for (let i = 0; i < n; i++) s.history.ingest(apiCall({ id: i, time: T0 - 1000 * SECOND + Math.floor(i / 2) * SECOND, name: i % 3 === 0 ? 'A' : 'B' }));
    return s;
  }

  it('defaults to 50 per page and returns each event once, newest first', () => {
    const { history } = many(120);
    const p1 = history.lookupEvents();
    expect(p1.Events).toHaveLength(50);
    expect(p1.NextToken).toBeTypeOf('string');
    const p2 = history.lookupEvents({ NextToken: p1.NextToken });
    const p3 = history.lookupEvents({ NextToken: p2.NextToken });
    expect(p3.Events).toHaveLength(20);
    expect(p3.NextToken).toBeUndefined();
    const got = [...p1.Events, ...p2.Events, ...p3.Events].map((e) => e.EventId);
    const expected = Array.from({ length: 120 }, (_, i) => uuid(119 - i));
    expect(got).toEqual(expected);
  });

  it('gives no NextToken when the page ends exactly at the last match', () => {
    const { history } = many(10);
    const p = history.lookupEvents({ MaxResults: 10 });
    expect(p.Events).toHaveLength(10);
    expect(p.NextToken).toBeUndefined();
    expect(history.lookupEvents({ MaxResults: 9 }).NextToken).toBeTypeOf('string');
  });

  it('lets MaxResults change between pages', () => {
    const { history } = many(30);
    const p1 = history.lookupEvents({ MaxResults: 7, ...attr('EventName', 'B') });
    const p2 = history.lookupEvents({ MaxResults: 50, ...attr('EventName', 'B'), NextToken: p1.NextToken });
    expect([...ids(p1), ...ids(p2)]).toEqual(all(history, attr('EventName', 'B')));
    expect(ids(p1).length + ids(p2).length).toBe(20);
  });

  it('stays exact when events are ingested or expire between pages', () => {
    const { history, clock } = many(20);
    const p1 = history.lookupEvents({ MaxResults: 5 });
    // A newer event, an older out-of-order event and an event tied with the resume point.
    history.ingest(apiCall({ id: 100, time: T0 - SECOND }));
    history.ingest(apiCall({ id: 101, time: T0 - 2000 * SECOND }));
    history.ingest(apiCall({ id: 102, time: T0 - 1000 * SECOND + 7 * SECOND }));
    const rest = all(history, {}).slice(0); // fresh view, for comparison
    let token = p1.NextToken;
    const got = ids(p1).map(String);
    while (token) {
      const p = history.lookupEvents({ MaxResults: 4, NextToken: token });
      got.push(...ids(p).map(String));
      token = p.NextToken;
    }
    // Page 1 came before the inserts; the rest continues strictly after the resume point,
    // so it includes the older insert but neither the newer one nor the tie (ingested later
    // than the resume event, it sorts before it).
    expect(got).toEqual([...ids(p1).map(String), ...rest.filter((id) => !ids(p1).includes(id) && id !== uuid(100) && id !== uuid(102))]);
    expect(new Set(got).size).toBe(got.length);

    // Expiry between pages: the remaining pages just stop earlier.
    const q1 = history.lookupEvents({ MaxResults: 3, EndTime: T0 });
    clock.t = T0 - 1000 * SECOND + 90 * DAY + 5 * SECOND; // drops events older than second 5
    const remaining = all(history, { NextToken: q1.NextToken, MaxResults: 3, EndTime: T0 });
    const now = all(history, { EndTime: T0 });
    expect(now.slice(0, 3)).toEqual(ids(q1));
    expect(remaining).toEqual(now.slice(3));
    expect(remaining.at(-1)).toBe(uuid(10)); // events 10 and 11 are at second 5: the oldest kept
  });

  it('binds the NextToken to the parameters', () => {
    const { history } = many(30);
    const base: LookupEventsInput = { ...attr('EventName', 'B'), StartTime: T0 - 990 * SECOND, EndTime: T0 - 900 * SECOND, MaxResults: 2 };
    const { NextToken } = history.lookupEvents(base);
    expect(NextToken).toBeTypeOf('string');
    // Same parameters, even with the times given as other types: accepted.
    expect(() => history.lookupEvents({ ...base, StartTime: new Date(T0 - 990 * SECOND), EndTime: new Date(T0 - 900 * SECOND).toISOString(), NextToken })).not.toThrow();
    const msg = 'The NextToken is not valid or was used with different parameters.';
    const changed: LookupEventsInput[] = [
      { ...base, ...attr('EventName', 'A') },
      { ...base, ...attr('Username', 'B') },
      { ...base, LookupAttributes: undefined },
      { ...base, StartTime: T0 - 991 * SECOND },
      { ...base, EndTime: undefined },
      { ...base, StartTime: undefined },
    ];
    for (const input of changed) {
      expectAws(() => history.lookupEvents({ ...input, NextToken }), InvalidNextTokenException, 'InvalidNextTokenException', msg);
    }
    // A token from a history of another Region is not valid here.
    const other = new EventHistory({ accountId: ACCOUNT, region: 'eu-west-1', now: () => T0 });
    expectAws(() => other.lookupEvents({ ...base, NextToken }), InvalidNextTokenException, 'InvalidNextTokenException', msg);
    // A token of a management lookup is not valid for an Insights lookup.
    const mgmt = history.lookupEvents({ MaxResults: 1 }).NextToken;
    expectAws(() => history.lookupEvents({ EventCategory: 'insight', NextToken: mgmt }), InvalidNextTokenException, 'InvalidNextTokenException', msg);
  });

  it('rejects garbage and edited tokens', () => {
    const { history } = many(10);
    const { NextToken } = history.lookupEvents({ MaxResults: 2 });
    const token = NextToken!;
    const decoded = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
    const edited = btoa(decoded.replace(/\.(\d+)\.([0-9a-f]{16})$/, (_m, seq: string, sum: string) => `.${Number(seq) + 1}.${sum}`))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(edited).not.toBe(token);
    const bad = ['', 'garbage', 'not base64 !', token.slice(0, -2), token + 'A', edited, 'x'.repeat(2000)];
    for (const t of bad) {
      expectAws(() => history.lookupEvents({ MaxResults: 2, NextToken: t }), InvalidNextTokenException, 'InvalidNextTokenException', /not valid/);
    }
    expect(() => history.lookupEvents({ MaxResults: 2, NextToken: token })).not.toThrow();
  });
});

describe('LookupEvents errors', () => {
  it('rejects more than one lookup attribute', () => {
    const { history } = setup();
    expectAws(
      () => history.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'A' }, { AttributeKey: 'Username', AttributeValue: 'b' }] }),
      InvalidLookupAttributesException,
      'InvalidLookupAttributesException',
      'You can specify only one lookup attribute.',
    );
  });

  it('rejects unknown keys, missing and over-long values, and bad ReadOnly values', () => {
    const { history } = setup();
    const E = [InvalidLookupAttributesException, 'InvalidLookupAttributesException'] as const;
    expectAws(() => history.lookupEvents({ LookupAttributes: [{ AttributeKey: 'UserName' as 'Username', AttributeValue: 'x' }] }), ...E,
      'Invalid AttributeKey: UserName. Valid keys are EventId, EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource, AccessKeyId.');
    expectAws(() => history.lookupEvents({ LookupAttributes: [{ AttributeKey: undefined, AttributeValue: 'x' }] }), ...E, /Invalid AttributeKey: undefined/);
    expectAws(() => history.lookupEvents(attr('EventName', '')), ...E, 'AttributeValue for EventName must be a non-empty string.');
    expectAws(() => history.lookupEvents({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: undefined }] }), ...E, /non-empty string/);
    expectAws(() => history.lookupEvents(attr('ReadOnly', 'TRUE')), ...E, 'AttributeValue for ReadOnly must be true or false, not TRUE.');
    // '_', ' ', ',' and '\n' count twice [API_LookupAttribute].
    expect(attributeValueLength('a_b c,d\ne')).toBe(13);
    expect(() => history.lookupEvents(attr('ResourceName', 'x'.repeat(2000)))).not.toThrow();
    expect(() => history.lookupEvents(attr('ResourceName', '_'.repeat(1000)))).not.toThrow();
    expectAws(() => history.lookupEvents(attr('ResourceName', '_'.repeat(1000) + 'x')), ...E,
      'AttributeValue for ResourceName exceeds the maximum length of 2000 characters.');
    expectAws(() => history.lookupEvents(attr('ResourceName', 'x'.repeat(2001))), ...E, /maximum length/);
  });

  it('allows only EventId, EventName and EventSource with EventCategory insight', () => {
    const { history } = setup();
    for (const key of ['ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'AccessKeyId'] as const) {
      expectAws(() => history.lookupEvents({ EventCategory: 'insight', ...attr(key, 'true') }), InvalidLookupAttributesException, 'InvalidLookupAttributesException',
        `AttributeKey ${key} is not supported for Insights events. Valid keys are EventId, EventName, EventSource.`);
    }
    for (const key of ['EventId', 'EventName', 'EventSource'] as const) {
      expect(() => history.lookupEvents({ EventCategory: 'insight', ...attr(key, 'x') })).not.toThrow();
    }
  });

  it('rejects EventCategory values other than insight', () => {
    const { history } = setup();
    for (const c of ['Insight', 'management', 'data', '']) {
      expectAws(() => history.lookupEvents({ EventCategory: c as 'insight' }), InvalidEventCategoryException, 'InvalidEventCategoryException',
        `Invalid EventCategory: ${c}. The only valid value is insight.`);
    }
  });

  it('rejects MaxResults outside 1..50', () => {
    const { history } = setup();
    for (const m of [0, 51, -1, 1.5, Number.NaN, Infinity, '10' as unknown as number]) {
      expectAws(() => history.lookupEvents({ MaxResults: m }), InvalidMaxResultsException, 'InvalidMaxResultsException',
        `MaxResults must be an integer from 1 through 50; got ${String(m)}.`);
    }
    expect(() => history.lookupEvents({ MaxResults: 1 })).not.toThrow();
    expect(() => history.lookupEvents({ MaxResults: 50 })).not.toThrow();
  });

  it('rejects a start after the end and unreadable times', () => {
    const { history } = setup();
    expectAws(() => history.lookupEvents({ StartTime: T0, EndTime: T0 - 1 }), InvalidTimeRangeException, 'InvalidTimeRangeException',
      'StartTime must be before or equal to EndTime.');
    expectAws(() => history.lookupEvents({ StartTime: 'not a date' }), InvalidTimeRangeException, 'InvalidTimeRangeException',
      /^StartTime is not a valid timestamp: .*not a date/);
    expectAws(() => history.lookupEvents({ EndTime: new Date(Number.NaN) }), InvalidTimeRangeException, 'InvalidTimeRangeException', /EndTime is not a valid timestamp/);
    expect(() => history.lookupEvents({ StartTime: T0, EndTime: T0 })).not.toThrow();
    // Only a specified start after a specified end is an error [API]; a future start alone matches nothing.
    expect(history.lookupEvents({ StartTime: T0 + DAY }).Events).toEqual([]);
  });

  it('leaves state unchanged after any error', () => {
    const { history, clock } = setup({ throttle: true });
    for (let i = 0; i < 12; i++) history.ingest(apiCall({ id: i, time: T0 - 100 * SECOND + i * SECOND, name: i % 2 ? 'A' : 'B' }));
    const snapshot = () => {
      clock.t += 10 * SECOND;
      const out = all(history, {});
      clock.t += 10 * SECOND;
      return out;
    };
    const before = snapshot();
    const good = history.lookupEvents({ MaxResults: 3 });
    const bad: LookupEventsInput[] = [
      { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'A' }, { AttributeKey: 'EventName', AttributeValue: 'B' }] },
      { MaxResults: 0 },
      { EventCategory: 'x' as 'insight' },
      { StartTime: T0, EndTime: T0 - DAY },
      { NextToken: 'nope' },
      { NextToken: good.NextToken, ...attr('EventName', 'A') },
    ];
    clock.t += 10 * SECOND;
    for (const input of bad) expect(() => history.lookupEvents(input)).toThrow();
    // Bad requests did not use the rate budget: two good calls in the same second still pass.
    expect(() => history.lookupEvents({ MaxResults: 3, NextToken: good.NextToken })).not.toThrow();
    expect(() => history.lookupEvents({})).not.toThrow();
    expect(snapshot()).toEqual(before);
    expect(history.size).toBe(12);
  });
});

describe('retention', () => {
  it('keeps exactly the last 90 days, inclusive at the old end', () => {
    const { history, clock } = setup();
    const start = T0 - 100 * DAY;
    // One event per day from 100 days ago to today.
    for (let d = 0; d <= 100; d++) history.ingest(apiCall({ id: d, time: start + d * DAY }));
    // Ingest at T0 already refused the 10 records older than 90 days.
    expect(history.size).toBe(91);
    const oldest = () => history.lookupEvents({ StartTime: 0, EndTime: clock.t }).Events;
    expect(all(history, {}).at(-1)).toBe(uuid(10)); // exactly 90 days old: kept
    clock.t = T0 + 1; // one ms later it is gone
    expect(all(history, {}).at(-1)).toBe(uuid(11));
    expect(history.size).toBe(90);
    clock.t = T0 + 30 * DAY;
    // The window is now [T0 - 60 days, T0 + 30 days]: days 40..100 of the series.
    expect(all(history, {})).toEqual(Array.from({ length: 61 }, (_, i) => uuid(100 - i)));
    expect(oldest().at(-1)?.EventId).toBe(uuid(51)); // one page: the newest 50
    clock.t = T0 + 91 * DAY;
    expect(history.size).toBe(0);
    expect(history.lookupEvents().Events).toEqual([]);
    expect(history.lookupEvents(attr('EventName', 'ListUsers')).Events).toEqual([]);
    expect(history.lookupEvents(attr('EventId', uuid(100))).Events).toEqual([]);
  });

  it('keeps an attribute index built by a lookup up to date with later ingests and expiry', () => {
    const { history, clock } = setup();
    history.ingest(apiCall({ id: 1, time: T0 - 10 * DAY, identity: iamUser('alice') }));
    history.ingest(apiCall({ id: 2, time: T0 - 5 * DAY, identity: iamUser('bob') }));
    // The first lookup by Username builds its index from what is held.
    expect(ids(history.lookupEvents(attr('Username', 'alice')))).toEqual([uuid(1)]);
    history.ingest(apiCall({ id: 3, time: T0 - DAY, identity: iamUser('alice') }));
    expect(ids(history.lookupEvents(attr('Username', 'alice')))).toEqual([uuid(3), uuid(1)]);
    // The JSON a caller passes is what CloudTrailEvent returns.
    const r = apiCall({ id: 4, time: T0 - DAY, identity: iamUser('carol') });
    history.ingest(r, JSON.stringify(r));
    expect(history.lookupEvents(attr('EventId', uuid(4))).Events[0].CloudTrailEvent).toBe(JSON.stringify(r));
    clock.t = T0 + 81 * DAY; // alice's first event (T0 - 10 days) is 91 days old
    expect(ids(history.lookupEvents(attr('Username', 'alice')))).toEqual([uuid(3)]);
    expect(history.lookupEvents(attr('EventId', uuid(1))).Events).toEqual([]);
    expect(ids(history.lookupEvents(attr('Username', 'bob')))).toEqual([uuid(2)]);
    // A duplicate eventID is still refused after its index was read.
    expect(history.ingest(apiCall({ id: 3, time: T0 + 81 * DAY, identity: iamUser('alice') }))).toBe(false);
  });

  it('refuses records older than the window at ingest, and honours retentionDays', () => {
    const { history, clock } = setup({ retentionDays: 1 });
    expect(history.retentionStart()).toBe(T0 - DAY);
    expect(history.ingest(apiCall({ id: 1, time: T0 - DAY - SECOND }))).toBe(false);
    expect(history.ingest(apiCall({ id: 2, time: T0 - DAY }))).toBe(true);
    expect(history.ingest(insight({ id: 3, time: T0 - DAY + SECOND }))).toBe(true);
    clock.t += SECOND;
    expect(ids(history.lookupEvents())).toEqual([]);
    expect(ids(history.lookupEvents({ EventCategory: 'insight' }))).toEqual([uuid(3)]);
    clock.t += 1;
    expect(ids(history.lookupEvents({ EventCategory: 'insight' }))).toEqual([]);
    // An expired eventID may not come back either: it is outside the window.
    expect(history.ingest(apiCall({ id: 2, time: T0 - DAY }))).toBe(false);
  });

  it('expires large histories from the old end across compactions', () => {
    const { history, clock } = setup();
    const n = 5000;
    const MIN = 60 * SECOND;
    // One event a minute, the first exactly 90 days old.
    for (let i = 0; i < n; i++) history.ingest(apiCall({ id: i, time: T0 - 90 * DAY + i * MIN, identity: iamUser(`u${i % 7}`), name: `Op${i % 11}` }));
    expect(history.size).toBe(n);
    for (let step = 1; step <= 16; step++) {
      clock.t = T0 + step * 300 * MIN; // 300 more events expire per step
      const kept = (i: number) => i >= step * 300;
      expect(history.size).toBe(n - step * 300);
      const u3 = all(history, attr('Username', 'u3'));
      const want = Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 === 3 && kept(i)).reverse().map(uuid);
      expect(u3).toEqual(want);
      expect(all(history, attr('EventName', 'Op4')).at(-1)).toBe(uuid(Array.from({ length: 11 }, (_, k) => step * 300 + k).find((i) => i % 11 === 4)!));
    }
  });
});

describe('throttling', () => {
  it('allows 2 LookupEvents calls per second on the virtual clock when on', () => {
    const { history, clock } = setup({ throttle: true });
    history.lookupEvents();
    clock.t += 400;
    history.lookupEvents();
    expectAws(() => history.lookupEvents(), ThrottlingException, 'ThrottlingException', 'Rate exceeded');
    clock.t += 599; // 999 ms after the first call
    expectAws(() => history.lookupEvents(), ThrottlingException, 'ThrottlingException', 'Rate exceeded');
    clock.t += 1; // 1 s after the first call
    expect(() => history.lookupEvents()).not.toThrow();
    expectAws(() => history.lookupEvents(), ThrottlingException, 'ThrottlingException', 'Rate exceeded');
    clock.t += 400; // 1 s after the second call
    expect(() => history.lookupEvents()).not.toThrow();
  });

  it('applies to every lookup and does not count throttled calls', () => {
    const { history, clock } = setup({ throttle: true });
    history.lookupEvents(attr('EventName', 'x'));
    history.lookupEvents({ EventCategory: 'insight' });
    for (let i = 0; i < 5; i++) expect(() => history.lookupEvents({ MaxResults: 1 })).toThrow(ThrottlingException);
    clock.t += 1000;
    expect(() => history.lookupEvents()).not.toThrow();
    expect(() => history.lookupEvents()).not.toThrow();
  });

  it('is off by default', () => {
    const { history } = setup();
    for (let i = 0; i < 100; i++) expect(() => history.lookupEvents()).not.toThrow();
  });

  it('does not limit ingest', () => {
    const { history } = setup({ throttle: true });
    for (let i = 0; i < 100; i++) expect(history.ingest(apiCall({ id: i, time: T0 }))).toBe(true);
  });
});

describe('indexes, not scans', () => {
  it('answers attribute and time-range lookups on a large history without scanning it', () => {
    const { history } = setup();
    const N = 50_000;
    const events: CloudTrailRecord[] = [];
    for (let i = 0; i < N; i++) {
      const r = apiCall({ id: i, time: T0 - N * SECOND + i * SECOND, identity: iamUser(i % 10_000 === 0 ? 'rare' : 'common') });
      events.push(r);
      history.ingest(r);
    }
    // The same-run baseline: one plain JS pass over the 50 000 events, the least a lookup that
    // scans would do per call. Timed against it, not against the wall clock, so a loaded
    // machine slows both sides alike.
    const scan = () => events.reduce((n, r) => n + (r.userIdentity?.userName === 'rare' ? 1 : 0), 0);
    const s0 = performance.now();
    for (let k = 0; k < 20; k++) expect(scan()).toBe(5);
    const perScan = (performance.now() - s0) / 20;
    // Indexed, each call is proportional to its page: typically 50-500 times cheaper than a scan.
    const t0 = performance.now();
    for (let k = 0; k < 2000; k++) {
      expect(history.lookupEvents(attr('Username', 'rare')).Events).toHaveLength(5);
      history.lookupEvents({ StartTime: T0 - 25_000 * SECOND, EndTime: T0 - 24_990 * SECOND });
    }
    expect((performance.now() - t0) / 4000).toBeLessThan(perScan / 5);
    // Paging through everything resumes by binary search: linear overall (10-20 scans' worth
    // for 1 000 pages), where rescanning for each page would cost about 500 scans.
    const t1 = performance.now();
    expect(all(history, attr('Username', 'common')).length).toBe(N - 5);
    expect(performance.now() - t1).toBeLessThan(200 * perScan);
  });
});

describe('SDK compatibility (compile-time)', () => {
  it('accepts an SDK v3 LookupEventsCommandInput and returns an SDK-shaped output', async () => {
    type SdkInput = import('@aws-sdk/client-cloudtrail').LookupEventsCommandInput;
    type SdkOutput = import('@aws-sdk/client-cloudtrail').LookupEventsCommandOutput;
    const { history } = setup();
    history.ingest(apiCall({ id: 1, time: T0 - SECOND, identity: iamUser('alice') }));
    const input: SdkInput = {
      LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'alice' }],
      StartTime: new Date(T0 - DAY),
      EndTime: new Date(T0),
      MaxResults: 10,
    };
    const out: Omit<SdkOutput, '$metadata'> = history.lookupEvents(input);
    expect(out.Events?.map((e) => e.Username)).toEqual(['alice']);
  });
});
