/**
 * trailsim/aws-sdk with a real `CloudTrailClient`: LookupEvents through the SDK's own send,
 * middleware and paginator; failures as the SDK's exception classes; no retries; attach and
 * detach; and the SDK kept out of the core entry point.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CloudTrailClient,
  CloudTrailServiceException,
  InvalidLookupAttributesException,
  InvalidMaxResultsException,
  InvalidNextTokenException,
  InvalidTimeRangeException,
  LookupEventsCommand,
  ThrottlingException,
  paginateLookupEvents,
  type Event,
} from '@aws-sdk/client-cloudtrail';
import { attachSimulation, MIDDLEWARE_NAME, SIMULATED_CLOUDTRAIL_OPERATIONS, type Detach, type SdkCall, type SdkClient } from 'trailsim/aws-sdk';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createSimulation, TrailsimError, TrailsimInputError } from '../../src/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function world(opts: { throttleLookups?: boolean } = {}) {
  const sim = createSimulation({ seed: 11, start: '2026-03-01T09:00:00Z', ...opts });
  const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
  const alice = prod.iamUser('alice');
  return { sim, prod, alice };
}

function client(region = 'us-east-1'): CloudTrailClient {
  // Credentials are never used (nothing is signed or sent); given so no provider chain runs.
  return new CloudTrailClient({ region, credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' } });
}

describe('LookupEvents through a real CloudTrailClient', () => {
  it('paginateLookupEvents yields all 500 matching events, newest first', async () => {
    const { sim, prod, alice } = world();
    for (let i = 0; i < 500; i++) {
      sim.call(alice, 'iam:CreateUser', { userName: `user-${String(i).padStart(3, '0')}` });
      sim.call(alice, 'iam:ListUsers');
      sim.advance('1s');
    }
    const ct = client();
    attachSimulation(ct, sim, { accountId: prod.id });
    const events: Event[] = [];
    let pages = 0;
    for await (const page of paginateLookupEvents({ client: ct, pageSize: 50 }, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] })) {
      pages++;
      expect(page.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 });
      expect(page.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
      events.push(...(page.Events ?? []));
    }
    expect(pages).toBe(10);
    expect(events).toHaveLength(500);
    const names = events.map((e) => (JSON.parse(e.CloudTrailEvent!) as { requestParameters: { userName: string } }).requestParameters.userName);
    expect(names).toEqual(Array.from({ length: 500 }, (_, i) => `user-${String(499 - i).padStart(3, '0')}`));
    for (let i = 1; i < events.length; i++) expect(events[i - 1].EventTime!.getTime()).toBeGreaterThan(events[i].EventTime!.getTime());
    expect(events[0].EventTime).toBeInstanceOf(Date);
    expect(new Set(events.map((e) => e.EventId)).size).toBe(500);
  });

  it('answers with the history of the account and the client region', async () => {
    const { sim, prod, alice } = world();
    sim.call(alice, 'ec2:RunInstances', {}, { region: 'eu-west-1' });
    sim.call(alice, 'ec2:StopInstances', {}, { region: 'us-east-1' });
    const west = client('eu-west-1');
    attachSimulation(west, sim, { accountId: prod.id });
    const out = await west.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'ec2.amazonaws.com' }] }));
    expect(out.Events?.map((e) => e.EventName)).toEqual(['RunInstances']);
    // Region given explicitly wins over the client's; the account defaults to the simulation's first.
    const east = client('eu-west-1');
    attachSimulation(east, sim, { region: 'us-east-1' });
    const out2 = await east.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'ec2.amazonaws.com' }] }));
    expect(out2.Events?.map((e) => e.EventName)).toEqual(['StopInstances']);
  });

  it('takes StartTime and EndTime as Dates, as the SDK does', async () => {
    const { sim, prod, alice } = world();
    sim.call(alice, 'iam:CreateUser', { userName: 'early' });
    sim.advance('1h');
    const mid = new Date(sim.now);
    sim.call(alice, 'iam:CreateUser', { userName: 'late' });
    const ct = client();
    attachSimulation(ct, sim, { accountId: prod.id });
    const out = await ct.send(new LookupEventsCommand({ StartTime: mid, LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] }));
    expect(out.Events).toHaveLength(1);
    expect(JSON.parse(out.Events![0].CloudTrailEvent!).requestParameters.userName).toBe('late');
  });

  it('throws the SDK exception classes with AWS names, nothing retried', async () => {
    const { sim, prod } = world();
    const ct = client();
    attachSimulation(ct, sim, { accountId: prod.id });
    const err = await ct.send(new LookupEventsCommand({ MaxResults: 51 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidMaxResultsException);
    expect(err).toBeInstanceOf(CloudTrailServiceException);
    expect(TrailsimError.is(err)).toBe(false);
    const e = err as InvalidMaxResultsException;
    expect(e.name).toBe('InvalidMaxResultsException');
    expect(e.$fault).toBe('client');
    expect(e.message).toMatch(/MaxResults must be an integer from 1 through 50/);
    expect(e.$metadata).toMatchObject({ httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 });
    expect(TrailsimError.is((e as Error & { cause?: unknown }).cause)).toBe(true);

    await expect(
      ct.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'A' }, { AttributeKey: 'Username', AttributeValue: 'b' }] })),
    ).rejects.toBeInstanceOf(InvalidLookupAttributesException);
    await expect(ct.send(new LookupEventsCommand({ StartTime: new Date(sim.now), EndTime: new Date(sim.now - 1000) }))).rejects.toBeInstanceOf(InvalidTimeRangeException);
    await expect(ct.send(new LookupEventsCommand({ NextToken: 'not-a-token' }))).rejects.toBeInstanceOf(InvalidNextTokenException);
  });

  it('surfaces throttling on the first attempt: the retry middleware never sees simulated calls', async () => {
    const { sim, prod } = world({ throttleLookups: true });
    const ct = client();
    let requestsBuilt = 0;
    ct.middlewareStack.add(
      (next) => async (args) => {
        requestsBuilt++;
        return next(args);
      },
      { step: 'finalizeRequest', name: 'countRequests' },
    );
    attachSimulation(ct, sim, { accountId: prod.id });
    await ct.send(new LookupEventsCommand({}));
    await ct.send(new LookupEventsCommand({}));
    const err = (await ct.send(new LookupEventsCommand({})).catch((e: unknown) => e)) as ThrottlingException;
    expect(err).toBeInstanceOf(ThrottlingException);
    expect(err.$metadata.attempts).toBe(1);
    expect(requestsBuilt).toBe(0);
    // On the virtual clock, a second later the limit allows two more.
    sim.advance('1s');
    // Every call was recorded, the throttled one with its error, as CloudTrail logs them.
    const page = await ct.send(new LookupEventsCommand({}));
    expect(page.Events?.map((e) => e.EventName)).toEqual(['LookupEvents', 'LookupEvents', 'LookupEvents']);
    expect(sim.records({ eventName: 'LookupEvents' }).map((r) => r.errorCode ?? 'ok')).toEqual(['ok', 'ok', 'ThrottlingException', 'ok']);
  });

  it('runs the SDK middleware above it (initialize step) and none below', async () => {
    const { sim, prod } = world();
    const ct = client();
    const seen: string[] = [];
    ct.middlewareStack.add(
      (next, context) => async (args) => {
        seen.push(`${context.commandName}:${JSON.stringify(args.input)}`);
        return next(args);
      },
      { step: 'initialize', name: 'userInitialize' },
    );
    attachSimulation(ct, sim, { accountId: prod.id });
    await ct.send(new LookupEventsCommand({ MaxResults: 5 }));
    expect(seen).toEqual(['LookupEventsCommand:{"MaxResults":5}']);
    expect(ct.middlewareStack.identify()).toContain(`${MIDDLEWARE_NAME} - initialize`);
  });

  it('detaches, and refuses to attach twice', () => {
    const { sim, prod } = world();
    const ct = client();
    const detach = attachSimulation(ct, sim, { accountId: prod.id });
    expect(() => attachSimulation(ct, sim)).toThrow(TrailsimInputError);
    detach();
    detach();
    expect(ct.middlewareStack.identify().some((m) => m.startsWith(MIDDLEWARE_NAME))).toBe(false);
    const again = attachSimulation(ct, sim, { accountId: prod.id });
    again();
  });

  it('re-resolves the stack of a client that caches its middleware', async () => {
    const one = world();
    const two = world();
    two.sim.call(two.alice, 'iam:CreateUser', { userName: 'only-in-two' });
    const ct = new CloudTrailClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' }, cacheMiddleware: true });
    const detach = attachSimulation(ct, one.sim, { accountId: one.prod.id });
    expect((await ct.send(new LookupEventsCommand({}))).Events).toEqual([]);
    detach();
    attachSimulation(ct, two.sim, { accountId: two.prod.id });
    expect((await ct.send(new LookupEventsCommand({}))).Events?.map((e) => e.EventName)).toEqual(['CreateUser']);
  });

  it('checks its options before attaching', () => {
    const { sim, prod } = world();
    const other = sim.addAccount({ name: 'other' });
    const bob = other.iamUser('bob');
    expect(() => attachSimulation(client(), sim, { accountId: prod.id, principal: bob })).toThrow(/not the principal's account/);
    expect(() => attachSimulation(client(), sim, { accountId: '999999999999' })).toThrow(TrailsimError);
    const stranger = createSimulation({ seed: 1 }).addAccount({ name: 'x' }).iamUser('eve');
    expect(() => attachSimulation(client(), sim, { principal: stranger })).toThrow(/not in this simulation/);
    expect(() => attachSimulation({ config: {} } as unknown as CloudTrailClient, sim)).toThrow(/middlewareStack/);
  });

  it('without a principal, calls as the IAM user sdk-client of the account, and records every call', async () => {
    const { sim, prod } = world();
    const ct = client();
    attachSimulation(ct, sim, { accountId: prod.id });
    const { ListTagsCommand, CreateTrailCommand, S3BucketDoesNotExistException } = await import('@aws-sdk/client-cloudtrail');
    await ct.send(new ListTagsCommand({ ResourceIdList: [`arn:aws:cloudtrail:us-east-1:${prod.id}:trail/t`] }));
    // The trail API runs on sim.cloudtrail: the bucket does not exist, as AWS would say.
    await expect(ct.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'no-such-bucket' }))).rejects.toBeInstanceOf(S3BucketDoesNotExistException);
    sim.cloudtrail.s3.createBucket('audit');
    await expect(ct.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'audit' }))).resolves.toMatchObject({ Name: 'main', S3BucketName: 'audit' });
    await ct.send(new LookupEventsCommand({}));
    const recs = sim.records().filter((r) => r.eventSource === 'cloudtrail.amazonaws.com');
    expect(recs.map((r) => `${r.eventName} ${r.errorCode ?? 'ok'}`)).toEqual(['ListTags ok', 'CreateTrail S3BucketDoesNotExistException', 'CreateTrail ok', 'LookupEvents ok']);
    expect(new Set(recs.map((r) => r.userIdentity?.arn))).toEqual(new Set([`arn:aws:iam::${prod.id}:user/sdk-client`]));
    expect(SIMULATED_CLOUDTRAIL_OPERATIONS).toContain('LookupEvents');
  });

  it('is deterministic: same seed, same calls, same request ids', async () => {
    const ids = async () => {
      const { sim, prod } = world();
      const ct = client();
      attachSimulation(ct, sim, { accountId: prod.id });
      const a = await ct.send(new LookupEventsCommand({}));
      const b = await ct.send(new LookupEventsCommand({ MaxResults: 0 })).catch((e: InvalidMaxResultsException) => e);
      return [a.$metadata.requestId, b.$metadata.requestId];
    };
    const first = await ids();
    expect(first[0]).not.toBe(first[1]);
    expect(await ids()).toEqual(first);
  });
});

describe('types', () => {
  it('takes the real clients as SdkClient and returns a Detach', () => {
    const { sim } = world();
    expectTypeOf(client()).toMatchTypeOf<SdkClient>();
    expectTypeOf(new EventBridgeClient({ region: 'us-east-1' })).toMatchTypeOf<SdkClient>();
    expectTypeOf(attachSimulation(client(), sim)).toEqualTypeOf<Detach>();
    expectTypeOf<SdkCall['input']>().toEqualTypeOf<Readonly<Record<string, unknown>>>();
    // @ts-expect-error: not an SDK client
    expect(() => attachSimulation({ send: () => undefined }, sim)).toThrow(TrailsimInputError);
  });
});

describe('the SDK stays out of the core', () => {
  /** Every module the main entry reaches through static imports. */
  function reachable(entry: string): Map<string, string[]> {
    const seen = new Map<string, string[]>();
    const stack = [entry];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      const text = readFileSync(file, 'utf8');
      const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]);
      seen.set(file, specs);
      for (const s of specs) if (s.startsWith('.')) stack.push(resolve(dirname(file), s.replace(/\.js$/, '.ts')));
    }
    return seen;
  }

  it('src/index.ts reaches no @aws-sdk or @smithy module, nor the adapter', () => {
    const graph = reachable(join(ROOT, 'src/index.ts'));
    expect(graph.size).toBeGreaterThan(20);
    for (const [file, specs] of graph) {
      for (const s of specs) expect(`${file}: ${s}`).not.toMatch(/: @(aws-sdk|smithy)\//);
      expect(file).not.toContain('testing/aws-sdk');
    }
  });

  it('the adapter imports no SDK package statically either', () => {
    const dir = join(ROOT, 'src/testing/aws-sdk');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text).not.toMatch(/^\s*(import|export)\s[^;]*?from\s+['"]@(aws-sdk|smithy)\//m);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    for (const name of ['@aws-sdk/client-cloudtrail', '@aws-sdk/client-eventbridge']) {
      expect(pkg.dependencies?.[name]).toBeUndefined();
      expect(pkg.devDependencies?.[name]).toBeDefined();
    }
  });
});
