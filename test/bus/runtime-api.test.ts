import { describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER, REGION, setup } from './runtime-fixtures.js';
import { InvalidEventPatternException, ResourceNotFoundException, TrailsimInputError, ValidationException } from '../../src/core/errors.js';
import { LimitExceededException, ResourceAlreadyExistsException } from '../../src/bus/errors.js';
import type { EventBridgeEnvelope } from '../../src/bus/envelope.js';

const PATTERN = '{"source":["com.example.orders"]}';

function withQueueRule(name = 'orders', pattern: string | object = PATTERN) {
  const s = setup();
  const q = s.client.createQueue('q');
  s.client.putRule({ Name: name, EventPattern: pattern });
  s.client.putTargets({ Rule: name, Targets: [{ Id: 't1', Arn: q.arn }] });
  return { ...s, q };
}

function entry(over: Record<string, unknown> = {}) {
  return { Source: 'com.example.orders', DetailType: 'OrderPlaced', Detail: '{"orderId":"o-1"}', ...over };
}

describe('EventBridge API: putEvents', () => {
  it('delivers an accepted event to the queue of a matching rule, as EventBridge shapes it', () => {
    const { client, q, host } = withQueueRule();
    const out = client.putEvents({ Entries: [entry({ Resources: ['arn:aws:s3:::b'] })] });
    expect(out.FailedEntryCount).toBe(0);
    expect(out.Entries).toHaveLength(1);
    expect(out.Entries[0].EventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(q.messages).toHaveLength(1);
    const body = q.messages[0];
    expect(Object.keys(JSON.parse(body))).toEqual(['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail']);
    expect(JSON.parse(body)).toEqual({
      version: '0',
      id: out.Entries[0].EventId,
      'detail-type': 'OrderPlaced',
      source: 'com.example.orders',
      account: ACCOUNT,
      time: '2026-03-01T09:00:00Z',
      region: REGION,
      resources: ['arn:aws:s3:::b'],
      detail: { orderId: 'o-1' },
    });
    expect(q.sent[0].sentAt).toBe(host.clock.now());
  });

  it('uses the entry Time when given, and ignores events no rule matches', () => {
    const { client, q } = withQueueRule();
    client.putEvents({ Entries: [entry({ Time: new Date('2026-02-28T23:59:59.500Z') }), entry({ Source: 'com.example.other' })] });
    expect(q.json<EventBridgeEnvelope>().map((e) => e.time)).toEqual(['2026-02-28T23:59:59Z']);
  });

  it('fails entries one by one, in request order, with the codes and messages EventBridge returns', () => {
    const { client, q } = withQueueRule();
    const out = client.putEvents({
      Entries: [
        entry(),
        entry({ Source: undefined }),
        entry({ DetailType: undefined }),
        entry({ Detail: undefined }),
        entry({ Detail: '{not json' }),
        entry({ Detail: '[1,2]' }),
        entry({ Source: 'aws.s3' }),
        entry(),
      ],
    });
    expect(out.FailedEntryCount).toBe(6);
    expect(out.Entries.map((e) => e.ErrorCode ?? 'ok')).toEqual([
      'ok',
      'InvalidArgument',
      'InvalidArgument',
      'InvalidArgument',
      'MalformedDetail',
      'MalformedDetail',
      'NotAuthorizedForSourceException',
      'ok',
    ]);
    expect(out.Entries[1].ErrorMessage).toBe('Parameter Source is not valid. Reason: Source is a required argument.');
    expect(out.Entries[2].ErrorMessage).toBe('Parameter DetailType is not valid. Reason: DetailType is a required argument.');
    expect(out.Entries[3].ErrorMessage).toBe('Parameter Detail is not valid. Reason: Detail is a required argument.');
    expect(out.Entries[4].ErrorMessage).toBe('Detail is malformed.');
    expect(out.Entries[6].ErrorMessage).toBe('Not authorized for the source.');
    expect(out.Entries[1].EventId).toBeUndefined();
    expect(q.messages).toHaveLength(2);
  });

  it('rejects the whole request for 0 or more than 10 entries, or more than 256 KB in total, delivering nothing', () => {
    const { client, q } = withQueueRule();
    expect(() => client.putEvents({ Entries: [] })).toThrow(ValidationException);
    expect(() => client.putEvents({ Entries: Array.from({ length: 11 }, () => entry()) })).toThrow(
      /^1 validation error detected: Value '\[PutEventsRequestEntry\(.*\)\]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10$/,
    );
    const big = JSON.stringify({ pad: 'x'.repeat(130 * 1024) });
    expect(() => client.putEvents({ Entries: [entry({ Detail: big }), entry({ Detail: big })] })).toThrow('Total size of the entries in the request is over the limit.');
    // 256 KB exactly is accepted: the limit counts Source, DetailType and Detail bytes.
    const exact = 256 * 1024 - 'com.example.orders'.length - 'OrderPlaced'.length;
    const detail = JSON.stringify({ p: 'y'.repeat(exact - 8) });
    expect(detail.length).toBe(exact);
    expect(client.putEvents({ Entries: [entry({ Detail: detail })] }).FailedEntryCount).toBe(0);
    expect(q.messages).toHaveLength(1);
  });

  it('accepts and loses an event for a bus that does not exist, as EventBridge does', () => {
    const { client, q } = withQueueRule();
    const out = client.putEvents({ Entries: [entry({ EventBusName: 'nope' })] });
    expect(out).toMatchObject({ FailedEntryCount: 0, Entries: [{ EventId: expect.any(String) }] });
    expect(q.messages).toEqual([]);
  });

  it('routes by bus name or ARN, including another account trailsim knows', () => {
    const { eb, client } = setup();
    client.createEventBus({ Name: 'orders' });
    const q = client.createQueue('bus-q');
    client.putRule({ Name: 'r', EventBusName: 'orders', EventPattern: PATTERN });
    client.putTargets({ Rule: 'r', EventBusName: 'orders', Targets: [{ Id: 'q', Arn: q.arn }] });
    client.putEvents({ Entries: [entry({ EventBusName: 'orders' }), entry({ EventBusName: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/orders` }), entry()] });
    expect(q.messages).toHaveLength(2);
    const other = eb.forAccount(OTHER, REGION);
    other.putEvents({ Entries: [entry({ EventBusName: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/orders` })] });
    expect(q.json<EventBridgeEnvelope>().map((e) => e.account)).toEqual([ACCOUNT, ACCOUNT, OTHER]);
  });

  it('draws event ids from a seeded stream: same seed, same ids; another seed, others', () => {
    const ids = (seed: number) => {
      const { client } = setup({}, seed);
      return client.putEvents({ Entries: [entry(), entry()] }).Entries.map((e) => e.EventId);
    };
    expect(ids(1)).toEqual(ids(1));
    expect(ids(1)).not.toEqual(ids(2));
    expect(new Set(ids(1)).size).toBe(2);
  });
});

describe('EventBridge API: rules', () => {
  it('putRule returns the rule ARN (with the bus name for a custom bus) and describeRule shows it', () => {
    const { client } = setup();
    expect(client.putRule({ Name: 'r1', EventPattern: PATTERN }).RuleArn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:rule/r1`);
    client.createEventBus({ Name: 'custom' });
    expect(client.putRule({ Name: 'r1', EventBusName: 'custom', EventPattern: { source: ['x'] } }).RuleArn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:rule/custom/r1`);
    expect(client.describeRule({ Name: 'r1' })).toEqual({
      Name: 'r1',
      Arn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/r1`,
      EventPattern: PATTERN,
      State: 'ENABLED',
      EventBusName: 'default',
      CreatedBy: ACCOUNT,
    });
    expect(client.describeRule({ Name: 'r1', EventBusName: 'custom' }).EventPattern).toBe('{"source":["x"]}');
  });

  it('validates names, state and lengths with AWS request-validation messages, before changing anything', () => {
    const { client } = setup();
    expect(() => client.putRule({ Name: 'bad name', EventPattern: PATTERN })).toThrow(
      "1 validation error detected: Value 'bad name' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    );
    expect(() => client.putRule({ Name: 'x'.repeat(65), EventPattern: PATTERN })).toThrow(/Member must have length less than or equal to 64/);
    expect(() => client.putRule({ Name: 'ok', EventPattern: PATTERN, State: 'ON' as never, Description: 'd'.repeat(513) })).toThrow(
      /^2 validation errors detected: Value 'ON' at 'state' failed to satisfy constraint: Member must satisfy enum value set: \[ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS\]; Value 'd+' at 'description'/,
    );
    expect(() => client.putRule({ Name: 'ok' })).toThrow('Parameter(s) EventPattern or ScheduleExpression must be specified.');
    expect(() => client.putRule({ Name: 'ok', EventPattern: '{"source":"aws.s3"}' })).toThrow(InvalidEventPatternException);
    expect(() => client.putRule({ Name: 'ok', EventPattern: PATTERN, EventBusName: 'missing' })).toThrow(new ResourceNotFoundException('Event bus missing does not exist.'));
    expect(client.listRules().Rules).toEqual([]);
  });

  it('applies the event-pattern size quota to putRule only', () => {
    const { client } = setup({ limits: { eventPatternSize: 64 } });
    const long = JSON.stringify({ source: ['a'.repeat(80)] });
    expect(() => client.putRule({ Name: 'r', EventPattern: long })).toThrow(InvalidEventPatternException);
    expect(client.testEventPattern({ EventPattern: long, Event: { id: '1', account: ACCOUNT, source: 'a'.repeat(80), time: 't', region: REGION, 'detail-type': 'd' } }).Result).toBe(true);
  });

  it('replaces an existing rule with what is given (omitted State is ENABLED again), keeping its targets', () => {
    const { client, q } = withQueueRule();
    client.putRule({ Name: 'orders', EventPattern: PATTERN, State: 'DISABLED', Description: 'old' });
    expect(client.describeRule({ Name: 'orders' })).toMatchObject({ State: 'DISABLED', Description: 'old' });
    client.putRule({ Name: 'orders', EventPattern: '{"source":["com.example.new"]}' });
    const d = client.describeRule({ Name: 'orders' });
    expect(d.State).toBe('ENABLED');
    expect(d.Description).toBeUndefined();
    expect(client.listTargetsByRule({ Rule: 'orders' }).Targets.map((t) => t.Id)).toEqual(['t1']);
    client.putEvents({ Entries: [entry(), entry({ Source: 'com.example.new' })] });
    expect(q.json<EventBridgeEnvelope>().map((e) => e.source)).toEqual(['com.example.new']);
  });

  it('enable/disable change what a rule receives; unknown rules are ResourceNotFoundException', () => {
    const { client, q } = withQueueRule();
    client.disableRule({ Name: 'orders' });
    client.putEvents({ Entries: [entry()] });
    expect(q.messages).toEqual([]);
    client.enableRule({ Name: 'orders' });
    client.putEvents({ Entries: [entry()] });
    expect(q.messages).toHaveLength(1);
    expect(() => client.enableRule({ Name: 'ghost' })).toThrow(new ResourceNotFoundException('Rule ghost does not exist on EventBus default.'));
  });

  it('deleteRule needs Force while the rule has targets; deleting a missing rule succeeds', () => {
    const { client } = withQueueRule();
    expect(() => client.deleteRule({ Name: 'orders' })).toThrow("Rule can't be deleted since it has targets.");
    client.deleteRule({ Name: 'orders', Force: true });
    expect(() => client.describeRule({ Name: 'orders' })).toThrow(ResourceNotFoundException);
    expect(() => client.deleteRule({ Name: 'orders' })).not.toThrow();
  });

  it('limits a bus to 300 rules (LimitExceededException), replacing one still works', () => {
    const { client } = setup();
    for (let i = 0; i < 300; i++) client.putRule({ Name: `r${i}`, EventPattern: PATTERN });
    expect(() => client.putRule({ Name: 'one-more', EventPattern: PATTERN })).toThrow(LimitExceededException);
    expect(() => client.putRule({ Name: 'one-more', EventPattern: PATTERN })).toThrow('The requested resource exceeds the maximum number allowed.');
    expect(() => client.putRule({ Name: 'r7', EventPattern: '{"source":["y"]}' })).not.toThrow();
  });

  it('listRules sorts by name, filters by prefix and pages with NextToken', () => {
    const { client } = setup();
    for (const n of ['b', 'a2', 'a1', 'c']) client.putRule({ Name: n, EventPattern: PATTERN });
    const p1 = client.listRules({ Limit: 2 });
    expect(p1.Rules.map((r) => r.Name)).toEqual(['a1', 'a2']);
    const p2 = client.listRules({ Limit: 2, NextToken: p1.NextToken });
    expect(p2.Rules.map((r) => r.Name)).toEqual(['b', 'c']);
    expect(p2.NextToken).toBeUndefined();
    expect(client.listRules({ NamePrefix: 'a' }).Rules.map((r) => r.Name)).toEqual(['a1', 'a2']);
    expect(() => client.listRules({ Limit: 0 })).toThrow(/Member must have value greater than or equal to 1/);
    expect(() => client.listRules({ NextToken: 'garbage' })).toThrow(ValidationException);
  });

  it('runs rate() schedules on the virtual clock with Scheduled Event envelopes, only on the default bus', () => {
    const { client, host } = setup();
    const q = client.createQueue('ticks');
    const arn = client.putRule({ Name: 'tick', ScheduleExpression: 'rate(5 minutes)' }).RuleArn;
    client.putTargets({ Rule: 'tick', Targets: [{ Id: 'q', Arn: q.arn }] });
    host.clock.advance('16m');
    const events = q.json<EventBridgeEnvelope>();
    expect(events.map((e) => e.time)).toEqual(['2026-03-01T09:05:00Z', '2026-03-01T09:10:00Z', '2026-03-01T09:15:00Z']);
    expect(events[0]).toMatchObject({ 'detail-type': 'Scheduled Event', source: 'aws.events', resources: [arn], detail: {} });
    client.disableRule({ Name: 'tick' });
    host.clock.advance('10m');
    expect(q.messages).toHaveLength(3);
    client.deleteRule({ Name: 'tick', Force: true });
    expect(host.clock.pending).toBe(0);
    expect(() => client.putRule({ Name: 't', ScheduleExpression: 'rate(1 minutes)' })).toThrow('Parameter ScheduleExpression is not valid.');
    client.createEventBus({ Name: 'custom' });
    expect(() => client.putRule({ Name: 't', EventBusName: 'custom', ScheduleExpression: 'rate(1 minute)' })).toThrow('ScheduleExpression is supported only on the default event bus.');
  });
});

describe('EventBridge API: targets', () => {
  it('putTargets on a missing rule names the rule and bus', () => {
    const { client } = setup();
    expect(() => client.putTargets({ Rule: 'nope', Targets: [{ Id: 'a', Arn: 'arn:aws:sqs:us-east-1:111122223333:q' }] })).toThrow(
      new ResourceNotFoundException('Rule nope does not exist on EventBus default.'),
    );
  });

  it('allows 5 targets per rule, replacing by Id', () => {
    const { client } = withQueueRule();
    const targets = (ids: string[]) => ids.map((Id) => ({ Id, Arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:q` }));
    client.putTargets({ Rule: 'orders', Targets: targets(['t2', 't3', 't4', 't5']) });
    expect(() => client.putTargets({ Rule: 'orders', Targets: targets(['t6']) })).toThrow(LimitExceededException);
    expect(client.putTargets({ Rule: 'orders', Targets: targets(['t1', 't5']) })).toEqual({ FailedEntryCount: 0, FailedEntries: [] });
    expect(client.listTargetsByRule({ Rule: 'orders' }).Targets.map((t) => t.Id)).toEqual(['t1', 't2', 't3', 't4', 't5']);
  });

  it('validates every target before storing any', () => {
    const { client } = withQueueRule();
    const q = `arn:aws:sqs:${REGION}:${ACCOUNT}:q`;
    expect(() => client.putTargets({ Rule: 'orders', Targets: [{ Id: 'ok', Arn: q }, { Id: 'bad id', Arn: q }] })).toThrow(
      "1 validation error detected: Value 'bad id' at 'targets.2.member.id' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    );
    expect(() => client.putTargets({ Rule: 'orders', Targets: [{ Id: 'x', Arn: q, RetryPolicy: { MaximumRetryAttempts: 186, MaximumEventAgeInSeconds: 59 } }] })).toThrow(
      /^2 validation errors detected: .*maximumRetryAttempts.*less than or equal to 185; .*maximumEventAgeInSeconds.*greater than or equal to 60$/,
    );
    expect(() => client.putTargets({ Rule: 'orders', Targets: [{ Id: 'x', Arn: 'not-an-arn' }] })).toThrow('Parameter not-an-arn is not valid. Reason: Provided Arn is not in correct format.');
    expect(() => client.putTargets({ Rule: 'orders', Targets: [{ Id: 'x', Arn: q, Input: '{}', InputPath: '$.detail' }] })).toThrow(
      'Only one of Input, InputPath, or InputTransformer must be provided for target x.',
    );
    expect(() => client.putTargets({ Rule: 'orders', Targets: [{ Id: 'x', Arn: q, InputTransformer: { InputPathsMap: { a: '$.id' }, InputTemplate: '"<a> <b>"' } }] })).toThrow(
      'InputTemplate for target x contains invalid placeholder b.',
    );
    expect(() => client.putTargets({ Rule: 'orders', Targets: [{ Id: 'x', Arn: q, Input: '{nope' }] })).toThrow(ValidationException);
    expect(() => client.putTargets({ Rule: 'orders', Targets: [{ Id: 'x', Arn: q, DeadLetterConfig: { Arn: `arn:aws:sqs:eu-west-1:${ACCOUNT}:dlq` } }] })).toThrow(/Region/);
    expect(() => client.putTargets({ Rule: 'orders', Targets: Array.from({ length: 11 }, (_, i) => ({ Id: `t${i}`, Arn: q })) })).toThrow(/length less than or equal to 10/);
    expect(client.listTargetsByRule({ Rule: 'orders' }).Targets.map((t) => t.Id)).toEqual(['t1']);
  });

  it('removeTargets reports unknown Ids as failed entries', () => {
    const { client } = withQueueRule();
    expect(client.removeTargets({ Rule: 'orders', Ids: ['t1', 'zz'] })).toEqual({
      FailedEntryCount: 1,
      FailedEntries: [{ TargetId: 'zz', ErrorCode: 'ResourceNotFoundException', ErrorMessage: "Rule 'orders' does not have a target with the Id 'zz'." }],
    });
    expect(client.listTargetsByRule({ Rule: 'orders' }).Targets).toEqual([]);
  });

  it('listTargetsByRule returns copies: changing them changes nothing', () => {
    const { client, q } = withQueueRule();
    const [t] = client.listTargetsByRule({ Rule: 'orders' }).Targets;
    t.Arn = 'arn:aws:sqs:us-east-1:111122223333:elsewhere';
    client.putEvents({ Entries: [entry()] });
    expect(q.messages).toHaveLength(1);
  });
});

describe('EventBridge API: event buses', () => {
  it('has a default bus; custom buses are created, described, listed and deleted', () => {
    const { client } = setup();
    expect(client.describeEventBus()).toEqual({
      Name: 'default',
      Arn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`,
      CreationTime: new Date('2026-03-01T09:00:00Z'),
      LastModifiedTime: new Date('2026-03-01T09:00:00Z'),
    });
    expect(client.createEventBus({ Name: 'orders', Description: 'shop' })).toEqual({ EventBusArn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/orders`, Description: 'shop' });
    expect(() => client.createEventBus({ Name: 'orders' })).toThrow(new ResourceAlreadyExistsException('Event bus orders already exists.'));
    expect(() => client.createEventBus({ Name: 'default' })).toThrow(ResourceAlreadyExistsException);
    expect(() => client.createEventBus({ Name: 'a/b' })).toThrow("Event bus name must not contain '/'.");
    expect(() => client.createEventBus({ Name: 'a b' })).toThrow(/regular expression pattern/);
    expect(client.listEventBuses().EventBuses.map((b) => b.Name)).toEqual(['default', 'orders']);
    expect(client.describeEventBus({ Name: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/orders` }).Description).toBe('shop');
    expect(() => client.deleteEventBus({ Name: 'default' })).toThrow('Cannot delete event bus default.');
    client.putRule({ Name: 'r', EventBusName: 'orders', EventPattern: PATTERN });
    client.deleteEventBus({ Name: 'orders' });
    expect(() => client.describeEventBus({ Name: 'orders' })).toThrow(new ResourceNotFoundException('Event bus orders does not exist.'));
    expect(() => client.deleteEventBus({ Name: 'orders' })).not.toThrow();
  });

  it('keeps accounts and regions apart', () => {
    const { eb, client } = setup();
    client.createEventBus({ Name: 'mine' });
    expect(() => eb.forAccount(OTHER, REGION).describeEventBus({ Name: 'mine' })).toThrow(ResourceNotFoundException);
    expect(() => eb.forAccount(ACCOUNT, 'eu-west-1').describeEventBus({ Name: 'mine' })).toThrow(ResourceNotFoundException);
    expect(eb.forAccount(ACCOUNT, 'eu-west-1').describeEventBus().Arn).toBe(`arn:aws:events:eu-west-1:${ACCOUNT}:event-bus/default`);
    expect(eb.forAccount(ACCOUNT, 'cn-north-1').describeEventBus().Arn).toBe(`arn:aws-cn:events:cn-north-1:${ACCOUNT}:event-bus/default`);
    expect(() => eb.forAccount('123', REGION)).toThrow(TrailsimInputError);
    expect(() => eb.forAccount(ACCOUNT, 'mars-1')).toThrow(TrailsimInputError);
  });

  it('limits buses per account and region', () => {
    const { client } = setup({ limits: { busesPerAccount: 3 } });
    client.createEventBus({ Name: 'a' });
    client.createEventBus({ Name: 'b' });
    expect(() => client.createEventBus({ Name: 'c' })).toThrow(LimitExceededException);
  });
});

describe('EventBridge API: testEventPattern', () => {
  const event = { id: '1', account: ACCOUNT, source: 'aws.sts', time: '2026-03-01T09:00:00Z', region: REGION, 'detail-type': 'AWS API Call via CloudTrail', detail: { eventName: 'AssumeRole' } };

  it('answers whether an event matches, with the pattern language', () => {
    const { client } = setup();
    expect(client.testEventPattern({ EventPattern: '{"detail":{"eventName":["AssumeRole"]}}', Event: JSON.stringify(event) })).toEqual({ Result: true });
    expect(client.testEventPattern({ EventPattern: { detail: { eventName: [{ prefix: 'Get' }] } }, Event: event })).toEqual({ Result: false });
  });

  it('rejects a bad pattern and an event lacking required fields', () => {
    const { client } = setup();
    expect(() => client.testEventPattern({ EventPattern: '{"detail":', Event: event })).toThrow(InvalidEventPatternException);
    const { id: _id, ...noId } = event;
    expect(() => client.testEventPattern({ EventPattern: '{"source":["aws.sts"]}', Event: noId })).toThrow('Parameter Event is not valid.');
  });
});
