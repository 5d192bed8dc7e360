import { describe, expect, it } from 'vitest';
import { ACCOUNT, REGION, setup } from './runtime-fixtures.js';
import { TargetInvocationError } from '../../src/bus/targets.js';
import { fillTemplate } from '../../src/bus/input-transformer.js';
import type { EventBridgeEnvelope } from '../../src/bus/envelope.js';
import type { DeadLetterReport, FailedAttemptReport } from '../../src/bus/delivery.js';
import type { Target } from '../../src/bus/types.js';

const PATTERN = '{"source":["com.example"]}';
const entry = (detail: object = { n: 1 }) => ({ Source: 'com.example', DetailType: 'Thing', Detail: JSON.stringify(detail) });

function failingTarget(target: Partial<Target> = {}, fail: (attempt: number) => boolean = () => true, seed = 7) {
  const s = setup({}, seed);
  const dlq = s.client.createQueue('dlq');
  const calls: { attempt: number; time: number }[] = [];
  const fn = s.client.registerFunction('flaky', (_p, ctx) => {
    calls.push({ attempt: ctx.attempt, time: ctx.time });
    if (fail(ctx.attempt)) throw new Error(`boom ${ctx.attempt}`);
  });
  const ruleArn = s.client.putRule({ Name: 'r', EventPattern: PATTERN }).RuleArn;
  s.client.putTargets({ Rule: 'r', Targets: [{ Id: 'fn', Arn: fn.arn, DeadLetterConfig: { Arn: dlq.arn }, ...target }] });
  const failed: FailedAttemptReport[] = [];
  const dead: DeadLetterReport[] = [];
  const bus = s.client.bus();
  bus.on('failed', (r) => failed.push(r));
  bus.on('dead-lettered', (r) => dead.push(r));
  return { ...s, dlq, fn, calls, ruleArn, failed, dead };
}

describe('delivery: retries and dead-letter queue on the virtual clock', () => {
  it('makes the first attempt at once and retries on the clock with growing, jittered delays', () => {
    const { client, host, calls, failed } = failingTarget({ RetryPolicy: { MaximumRetryAttempts: 6 } });
    client.putEvents({ Entries: [entry()] });
    expect(calls).toEqual([{ attempt: 1, time: host.clock.now() }]);
    expect(failed[0].retryAt).toBeGreaterThan(host.clock.now());
    host.clock.advance('1h');
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const gaps = calls.slice(1).map((c, i) => c.time - calls[i].time);
    // Retry n waits between d/2 and d, d = 1 s · 2^(n-1).
    gaps.forEach((g, i) => {
      const d = 1000 * 2 ** i;
      expect(g).toBeGreaterThanOrEqual(d / 2);
      expect(g).toBeLessThanOrEqual(d);
    });
    expect(failed.map((f) => f.retryAt === undefined)).toEqual([false, false, false, false, false, false, true]);
  });

  it('sends the event to the DLQ after MaximumRetryAttempts, with the attributes EventBridge adds', () => {
    const { client, host, dlq, dead, ruleArn, fn } = failingTarget({ RetryPolicy: { MaximumRetryAttempts: 2 } });
    const id = client.putEvents({ Entries: [entry({ n: 42 })] }).Entries[0].EventId;
    expect(dlq.messages).toEqual([]);
    host.clock.advance('10s');
    expect(dlq.sent).toHaveLength(1);
    const m = dlq.sent[0];
    expect(JSON.parse(m.body)).toMatchObject({ id, source: 'com.example', detail: { n: 42 } });
    expect(m.attributes).toEqual({
      RULE_ARN: ruleArn,
      TARGET_ARN: fn.arn,
      ERROR_CODE: 'ERROR_FROM_TARGET',
      ERROR_MESSAGE: 'boom 3',
      EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
      RETRY_ATTEMPTS: '2',
    });
    expect(dead[0]).toMatchObject({ condition: 'MaximumRetryAttempts', retryAttempts: 2, attempt: 3 });
    host.clock.advance('1d');
    expect(dlq.sent).toHaveLength(1);
  });

  it('stops at MaximumEventAgeInSeconds when that comes first', () => {
    const { client, host, dlq, calls } = failingTarget({ RetryPolicy: { MaximumEventAgeInSeconds: 60 } });
    client.putEvents({ Entries: [entry()] });
    host.clock.advance('2m');
    expect(dlq.sent).toHaveLength(1);
    expect(dlq.sent[0].attributes.EXHAUSTED_RETRY_CONDITION).toBe('MaximumEventAgeInSeconds');
    expect(calls[calls.length - 1].time - calls[0].time).toBeLessThanOrEqual(60_000);
    expect(Number(dlq.sent[0].attributes.RETRY_ATTEMPTS)).toBe(calls.length - 1);
  });

  it('with the default policy, gives up within 24 hours and 185 retries', () => {
    const { client, host, dlq, calls, eb } = failingTarget();
    client.putEvents({ Entries: [entry()] });
    host.clock.advance('25h');
    expect(dlq.sent).toHaveLength(1);
    expect(calls.length).toBeLessThanOrEqual(186);
    expect(calls[calls.length - 1].time - calls[0].time).toBeLessThanOrEqual(86_400_000);
    expect(eb.pendingRetries).toBe(0);
  });

  it('delivers once a retry succeeds, and nothing reaches the DLQ', () => {
    const { client, host, dlq, calls, fn } = failingTarget({}, (a) => a < 3);
    client.putEvents({ Entries: [entry()] });
    host.clock.advance('1m');
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(fn.invocations).toHaveLength(1);
    expect(dlq.sent).toEqual([]);
  });

  it('sends non-retryable failures and missing targets to the DLQ without retrying', () => {
    const { client, host, dlq, calls } = failingTarget({}, () => {
      throw new TargetInvocationError('NO_PERMISSIONS', 'denied', false);
    });
    client.putEvents({ Entries: [entry()] });
    expect(calls).toHaveLength(1);
    expect(dlq.sent[0].attributes).toMatchObject({ ERROR_CODE: 'NO_PERMISSIONS', ERROR_MESSAGE: 'denied', RETRY_ATTEMPTS: '0' });
    expect(dlq.sent[0].attributes.EXHAUSTED_RETRY_CONDITION).toBeUndefined();

    const missing = `arn:aws:sqs:${REGION}:${ACCOUNT}:never-created`;
    client.putTargets({ Rule: 'r', Targets: [{ Id: 'fn', Arn: missing, DeadLetterConfig: { Arn: dlq.arn } }] });
    client.putEvents({ Entries: [entry()] });
    expect(dlq.sent[1].attributes).toMatchObject({ ERROR_CODE: 'NO_RESOURCE', TARGET_ARN: missing, RETRY_ATTEMPTS: '0' });
    host.clock.advance('1d');
    expect(dlq.sent).toHaveLength(2);
  });

  it('drops the event when there is no DLQ, or the DLQ does not exist, and reports why', () => {
    const s = setup();
    const fn = s.client.registerFunction('bad', () => {
      throw new TargetInvocationError('THROTTLING', 'slow down', false);
    });
    s.client.putRule({ Name: 'r', EventPattern: PATTERN });
    s.client.putTargets({
      Rule: 'r',
      Targets: [
        { Id: 'a', Arn: fn.arn },
        { Id: 'b', Arn: fn.arn, DeadLetterConfig: { Arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:gone` } },
      ],
    });
    const reasons: string[] = [];
    s.client.bus().on('dropped', (r) => reasons.push(`${r.targetId}:${r.reason}:${r.errorCode}`));
    s.client.putEvents({ Entries: [entry()] });
    expect(reasons).toEqual(['a:no-dead-letter-queue:THROTTLING', 'b:dead-letter-queue-unavailable:THROTTLING']);
  });

  it('abandons pending retries of a target removed from its rule', () => {
    const { client, host, calls, dlq } = failingTarget();
    const dropped: string[] = [];
    client.bus().on('dropped', (r) => dropped.push(r.reason));
    client.putEvents({ Entries: [entry()] });
    client.removeTargets({ Rule: 'r', Ids: ['fn'] });
    host.clock.advance('1h');
    expect(calls).toHaveLength(1);
    expect(dropped).toEqual(['target-removed']);
    expect(dlq.sent).toEqual([]);
  });

  it('retry times depend on the seed, rule, target and event only', () => {
    const times = (seed: number, extraFirst: boolean) => {
      const { client, host, calls } = failingTarget({ RetryPolicy: { MaximumRetryAttempts: 5 } }, () => true, seed);
      if (extraFirst) client.putEvents({ Entries: [{ Source: 'com.other', DetailType: 'x', Detail: '{}' }] });
      client.putEvents({ Entries: [entry()] });
      host.clock.advance('1h');
      return calls.map((c) => c.time);
    };
    expect(times(3, false)).toEqual(times(3, false));
    expect(times(3, false)).not.toEqual(times(4, false));
  });

  it('does not await async handlers: the invocation counts, a rejection is kept', async () => {
    const { client } = setup();
    const fn = client.registerFunction('async', async () => {
      throw new Error('later');
    });
    client.putRule({ Name: 'r', EventPattern: PATTERN });
    client.putTargets({ Rule: 'r', Targets: [{ Id: 'a', Arn: fn.arn }] });
    client.putEvents({ Entries: [entry()] });
    expect(fn.invocations).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(fn.asyncErrors).toEqual([new Error('later')]);
  });
});

describe('delivery: what the target receives', () => {
  function deliver(target: Omit<Target, 'Id' | 'Arn'>) {
    const { client } = setup();
    const q = client.createQueue('q');
    const ruleArn = client.putRule({ Name: 'example', EventPattern: '{"source":["com.example.ec2"]}' }).RuleArn;
    client.putTargets({ Rule: 'example', Targets: [{ Id: 'q', Arn: q.arn, ...target }] });
    const id = client.putEvents({
      Entries: [{ Source: 'com.example.ec2', DetailType: 'EC2 Instance State-change Notification', Resources: ['arn:aws:ec2:us-east-1:111122223333:instance/i-abcd1111'], Detail: '{"instance-id":"i-0123456789","state":"RUNNING"}' }],
    }).Entries[0].EventId;
    return { body: q.messages[0], ruleArn, id };
  }
  const paths = { instance: '$.detail.instance-id', state: '$.detail.state', timestamp: '$.time' };

  it('Input: the constant text', () => {
    expect(deliver({ Input: '{"fixed": true}' }).body).toBe('{"fixed": true}');
  });

  it('InputPath: the JSON of the part selected (null when nothing is)', () => {
    expect(deliver({ InputPath: '$.detail' }).body).toBe('{"instance-id":"i-0123456789","state":"RUNNING"}');
    expect(deliver({ InputPath: '$.resources[0]' }).body).toBe('"arn:aws:ec2:us-east-1:111122223333:instance/i-abcd1111"');
    expect(deliver({ InputPath: '$.detail-type' }).body).toBe('"EC2 Instance State-change Notification"');
    expect(deliver({ InputPath: '$.detail.missing' }).body).toBe('null');
  });

  // The table of the user guide's "Input transform examples".
  it.each([
    ['"instance <instance> is in <state>"', '"instance i-0123456789 is in RUNNING"'],
    ['"instance \\"<instance>\\" is in <state>"', '"instance \\"i-0123456789\\" is in RUNNING"'],
    ['{\n  "instance" : <instance>,\n  "state": <state>\n}', '{"instance":"i-0123456789","state":"RUNNING"}'],
    [
      '{\n "instance" : <instance>,\n "state": "<state>",\n "instanceStatus": "instance \\"<instance>\\" is in <state>"\n}',
      '{"instance":"i-0123456789","state":"RUNNING","instanceStatus":"instance \\"i-0123456789\\" is in RUNNING"}',
    ],
    ['{\n  "instance" : <instance>,\n  "state": [ 9, <state>, true ],\n  "Transformed" : "Yes"\n}', '{"instance":"i-0123456789","state":[9,"RUNNING",true],"Transformed":"Yes"}'],
    ['<instance> is in state <state>', 'i-0123456789 is in state RUNNING'],
  ])('InputTransformer %s', (template, expected) => {
    expect(deliver({ InputTransformer: { InputPathsMap: paths, InputTemplate: template } }).body).toBe(expected);
  });

  it('InputTransformer: the predefined variables', () => {
    const { body, ruleArn, id } = deliver({
      InputTransformer: {
        InputPathsMap: { instance: '$.detail.instance-id' },
        InputTemplate: '{"instance": <instance>, "ruleArn": <aws.events.rule-arn>, "ruleName": <aws.events.rule-name>, "at": <aws.events.event.ingestion-time>, "originalEvent": <aws.events.event>, "full": <aws.events.event.json>}',
      },
    });
    const out = JSON.parse(body);
    expect(out).toMatchObject({ instance: 'i-0123456789', ruleArn, ruleName: 'example', at: '2026-03-01T09:00:00Z' });
    expect(out.originalEvent).toMatchObject({ id, source: 'com.example.ec2' });
    expect(out.originalEvent.detail).toBeUndefined();
    expect(out.full.detail).toEqual({ 'instance-id': 'i-0123456789', state: 'RUNNING' });
    expect(deliver({ InputTransformer: { InputTemplate: '"<aws.events.rule-name> triggered"' } }).body).toBe('"example triggered"');
  });

  it('InputTransformer: objects inside a string lose their quotes; missing values are empty in strings and null as values', () => {
    const vars = new Map<string, unknown>([
      ['obj', { a: 'b', n: [1, 2] }],
      ['missing', undefined],
      ['num', 5],
    ]);
    expect(fillTemplate('"Body is <obj>"', vars)).toBe('"Body is {a:b,n:[1,2]}"');
    expect(fillTemplate('{"o": <obj>, "m": <missing>, "s": "x<missing>y", "n": <num>}', vars)).toBe('{"o":{"a":"b","n":[1,2]},"m":null,"s":"xy","n":5}');
    // Unknown <tags> are left as they are.
    expect(fillTemplate('"<b>bold</b> <num>"', vars)).toBe('"<b>bold</b> 5"');
  });

  it('a function target gets the payload parsed, and its invocation context', () => {
    const { client } = setup();
    const seen: unknown[] = [];
    const fn = client.registerFunction<EventBridgeEnvelope>('f', (e, ctx) => seen.push([e.source, ctx.attempt, ctx.targetId]));
    const text = client.registerFunction('g', (p) => seen.push(p));
    client.putRule({ Name: 'r', EventPattern: PATTERN });
    client.putTargets({
      Rule: 'r',
      Targets: [
        { Id: 'f', Arn: fn.arn },
        { Id: 'g', Arn: text.arn, InputTransformer: { InputTemplate: '<aws.events.rule-name> fired' } },
      ],
    });
    client.putEvents({ Entries: [entry()] });
    expect(seen).toEqual([['com.example', 1, 'f'], 'r fired']);
  });
});

describe('bus observers (mitt)', () => {
  it('reports event, matched and delivered synchronously; wildcard handlers run after typed ones', () => {
    const { client } = setup();
    const q = client.createQueue('q');
    client.putRule({ Name: 'r', EventPattern: PATTERN });
    client.putTargets({ Rule: 'r', Targets: [{ Id: 'q', Arn: q.arn }] });
    const bus = client.bus();
    const log: string[] = [];
    bus.on('*', (type) => log.push(`*${String(type)}`));
    bus.on('event', (e) => log.push(`event:${e.origin.kind}`));
    bus.on('matched', (m) => log.push(`matched:${m.ruleName}`));
    bus.on('delivered', (d) => log.push(`delivered:${d.targetId}:${d.attempt}`));
    client.putEvents({ Entries: [entry(), { Source: 'other', DetailType: 'x', Detail: '{}' }] });
    expect(log).toEqual(['event:put-events', '*event', 'matched:r', '*matched', 'delivered:q:1', '*delivered', 'event:put-events', '*event']);
  });

  it('a handler added during an emit does not see that event; off() unsubscribes', () => {
    const { client } = setup();
    const bus = client.bus();
    const seen: string[] = [];
    const late = (e: { event: EventBridgeEnvelope }) => seen.push(`late:${e.event.source}`);
    bus.on('event', (e) => {
      seen.push(`first:${e.event.source}`);
      bus.on('event', late);
    });
    client.putEvents({ Entries: [{ Source: 'a', DetailType: 'x', Detail: '{}' }] });
    expect(seen).toEqual(['first:a']);
    bus.off('event', late);
    client.putEvents({ Entries: [{ Source: 'b', DetailType: 'x', Detail: '{}' }] });
    // The first handler added `late` once more while emitting 'b'; it sees only later events.
    expect(seen).toEqual(['first:a', 'first:b']);
  });

  it('delivers rules in the order they were put, and each rule’s targets in order', () => {
    const { client } = setup();
    const order: string[] = [];
    const f = client.registerFunction('f', (_p, ctx) => order.push(`${ctx.ruleArn.split('/').pop()}:${ctx.targetId}`));
    for (const r of ['zeta', 'alpha']) {
      client.putRule({ Name: r, EventPattern: PATTERN });
      client.putTargets({ Rule: r, Targets: [{ Id: 't2', Arn: f.arn }, { Id: 't1', Arn: f.arn }] });
    }
    client.putEvents({ Entries: [entry()] });
    expect(order).toEqual(['zeta:t2', 'zeta:t1', 'alpha:t2', 'alpha:t1']);
  });
});
