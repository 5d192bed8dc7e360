/**
 * The converse adapter: commands sent through any SDK v3 client are recorded as the
 * CloudTrail events they would produce, by a chosen principal. Real clients of the two
 * installed packages (CloudTrail and EventBridge commands trailsim does not simulate), and
 * minimal fake clients standing in for other services (S3, IAM, EC2, Cognito): an SDK v3
 * client is, to the adapter, a config and a middleware stack that `send` runs.
 */
import { describe, expect, it } from 'vitest';
import * as ctSdk from '@aws-sdk/client-cloudtrail';
import { CloudTrailClient, ListTagsCommand, LookupEventsCommand, TrailNotFoundException, AddTagsCommand } from '@aws-sdk/client-cloudtrail';
import { EventBridgeClient, ListRuleNamesByTargetCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  attachSimulation,
  recordCalls,
  requestParameters,
  simulatedFailure,
  type SdkClient,
  type SdkHandler,
  type SdkHandlerContext,
  type SdkMiddleware,
} from 'trailsim/aws-sdk';
import { AwsServiceException, createSimulation, TrailsimInputError, type CloudTrailRecord, type Simulation } from '../../src/index.js';

const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };
const T0 = '2026-03-01T09:00:00Z';

function world(seed = 9) {
  const sim = createSimulation({ seed, start: T0 });
  const prod = sim.addAccount({ name: 'prod', id: '111122223333', regions: ['us-east-1', 'eu-west-1'] });
  const alice = prod.iamUser('alice');
  return { sim, prod, alice };
}

/**
 * A stand-in for an SDK v3 client of a service whose package is not installed: `send` runs
 * the initialize middleware added to its stack, then a handler that would go to the network.
 */
class FakeClient implements SdkClient<object, object> {
  readonly config: Record<string, unknown>;
  private readonly stack: { name: string; mw: SdkMiddleware<object, object> }[] = [];
  readonly middlewareStack = {
    add: (mw: SdkMiddleware<object, object>, o: { name: string }) => void this.stack.push({ name: o.name, mw }),
    remove: (name: string) => {
      const i = this.stack.findIndex((m) => m.name === name);
      if (i >= 0) this.stack.splice(i, 1);
      return i >= 0;
    },
  };

  constructor(
    readonly clientName: string,
    serviceId: string,
    region: string,
    endpointHost?: string,
  ) {
    this.config = { serviceId, region: async () => region };
    if (endpointHost) this.config.endpointProvider = () => ({ url: new URL(`https://${endpointHost}`) });
  }

  async send(operation: string, input: object): Promise<Record<string, unknown>> {
    const context: SdkHandlerContext = { clientName: this.clientName, commandName: `${operation}Command`, __smithy_context: { operation } };
    let handler: SdkHandler<object, object> = async () => {
      throw new Error('the fake client has no network');
    };
    for (const { mw } of [...this.stack].reverse()) handler = mw(handler, context);
    return (await handler({ input })).output as Record<string, unknown>;
  }
}

const last = (sim: Simulation, eventName: string): CloudTrailRecord => sim.records({ eventName }).at(-1)!;

describe('recordCalls on the installed clients', () => {
  it('records a CloudTrail command trailsim does not simulate, by the principal, with the input as requestParameters', async () => {
    const { sim, prod, alice } = world();
    const ct = new CloudTrailClient({ region: 'eu-west-1', credentials });
    const arn = `arn:aws:cloudtrail:eu-west-1:${prod.id}:trail/main`;
    const calls: string[] = [];
    recordCalls(ct, sim, {
      principal: alice,
      respond: (call) => {
        calls.push(`${call.command} ${call.recordedAs} ${call.region}`);
        return call.operation === 'ListTags' ? { ResourceTagList: [{ ResourceId: arn, TagsList: [{ Key: 'team', Value: 'sec' }] }] } : {};
      },
    });
    const out = await ct.send(new ListTagsCommand({ ResourceIdList: [arn] }));
    expect(out.ResourceTagList?.[0].TagsList).toEqual([{ Key: 'team', Value: 'sec' }]);
    expect(calls).toEqual(['ListTagsCommand cloudtrail:ListTags eu-west-1']);
    const r = last(sim, 'ListTags');
    expect(r).toMatchObject({
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'ListTags',
      awsRegion: 'eu-west-1',
      userIdentity: { type: 'IAMUser', userName: 'alice', accountId: prod.id },
      requestParameters: { resourceIdList: [arn] },
      // A read: CloudTrail writes no responseElements.
      responseElements: null,
      readOnly: true,
      eventCategory: 'Management',
      recipientAccountId: prod.id,
    });
    expect(r.requestID).toBe(out.$metadata.requestId);

    // A write logs its response. LookupEvents is simulated: it answers from the principal's
    // account's event history in the client's Region, and is recorded as a management read.
    await ct.send(new AddTagsCommand({ ResourceId: arn, TagsList: [{ Key: 'env', Value: 'prod' }] }));
    expect(last(sim, 'AddTags').requestParameters).toEqual({ resourceId: arn, tagsList: [{ key: 'env', value: 'prod' }] });
    const page = await ct.send(new LookupEventsCommand({ MaxResults: 5 }));
    expect(page.Events?.map((e) => e.EventName)).toEqual(['AddTags', 'ListTags']);
    expect(calls).toHaveLength(2);
    const lookup = last(sim, 'LookupEvents');
    expect(lookup).toMatchObject({ requestParameters: { maxResults: 5 }, readOnly: true, eventCategory: 'Management', responseElements: null, userIdentity: { userName: 'alice' } });
    expect(lookup.requestID).toBe(page.$metadata.requestId);
  });

  it('attachSimulation simulates what it can and records the rest (given a principal)', async () => {
    const { sim, prod, alice } = world();
    const ct = new CloudTrailClient({ region: 'us-east-1', credentials });
    attachSimulation(ct, sim, { principal: alice });
    sim.call(alice, 'iam:CreateUser', { userName: 'bob' });
    const page = await ct.send(new LookupEventsCommand({}));
    expect(page.Events?.map((e) => e.EventName)).toEqual(['CreateUser']);
    await ct.send(new ListTagsCommand({ ResourceIdList: [`arn:aws:cloudtrail:us-east-1:${prod.id}:trail/main`] }));
    expect(sim.records().map((r) => r.eventName)).toEqual(['CreateUser', 'LookupEvents', 'ListTags']);
  });

  it('records failures: simulatedFailure, trailsim exceptions, the SDK own exceptions; not handler bugs', async () => {
    const { sim, alice } = world();
    const ct = new CloudTrailClient({ region: 'us-east-1', credentials });
    let mode = 'deny';
    recordCalls(ct, sim, {
      principal: alice,
      respond: () => {
        if (mode === 'deny') throw simulatedFailure('AccessDenied');
        if (mode === 'trailsim') throw new AwsServiceException('TrailNotFoundException', 'Unknown trail: t for the user: 111122223333');
        if (mode === 'sdk') throw new TrailNotFoundException({ message: 'gone', $metadata: {} });
        throw new TypeError('bug in the test double');
      },
    });
    type Failure = Error & { $metadata: { httpStatusCode: number; requestId: string } };
    const send = (): Promise<Failure> =>
      ct.send(new ListTagsCommand({ ResourceIdList: ['arn:aws:cloudtrail:us-east-1:111122223333:trail/t'] })).then(
        () => {
          throw new Error('expected the call to fail');
        },
        (e: unknown) => e as Failure,
      );

    const denied = await send();
    const deniedRec = last(sim, 'ListTags');
    // The service's own spelling of access denied (JSON-protocol services write AccessDeniedException).
    expect(deniedRec.errorCode).toBe('AccessDeniedException');
    expect(deniedRec.errorMessage).toMatch(/^User: arn:aws:iam::111122223333:user\/alice is not authorized to perform: cloudtrail:ListTags/);
    expect(denied).toBeInstanceOf(ctSdk.AccessDeniedException);
    expect(denied).toMatchObject({ name: 'AccessDeniedException', message: deniedRec.errorMessage, $fault: 'client' });
    expect(denied.$metadata).toMatchObject({ httpStatusCode: 403, requestId: deniedRec.requestID });

    mode = 'trailsim';
    const notFound = await send();
    expect(notFound).toBeInstanceOf(TrailNotFoundException);
    expect(last(sim, 'ListTags')).toMatchObject({ errorCode: 'TrailNotFoundException', errorMessage: 'Unknown trail: t for the user: 111122223333' });

    mode = 'sdk';
    const own = await send();
    expect(own).toBeInstanceOf(TrailNotFoundException);
    expect(own.message).toBe('gone');
    expect(last(sim, 'ListTags')).toMatchObject({ errorCode: 'TrailNotFoundException', errorMessage: 'gone' });

    mode = 'bug';
    const before = sim.recordTotal;
    expect(await send()).toBeInstanceOf(TypeError);
    expect(sim.recordTotal).toBe(before);
  });

  it('takes the exception classes from sdkModule when given', async () => {
    const { sim, alice } = world();
    class CustomServiceException extends Error {
      constructor(o: { name?: string; message: string }) {
        super(o.message);
        this.name = o.name ?? 'CustomServiceException';
      }
    }
    const ct = new CloudTrailClient({ region: 'us-east-1', credentials });
    recordCalls(ct, sim, { principal: alice, sdkModule: { CustomServiceException }, respond: () => { throw simulatedFailure({ code: 'Nope', message: 'no' }); } });
    const err = await ct.send(new ListTagsCommand({ ResourceIdList: [] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CustomServiceException);
    expect(err).toMatchObject({ name: 'Nope', message: 'no' });
  });

  it('EventBridge: records what the client sends, except PutEvents (a data event)', async () => {
    const { sim, alice } = world();
    const eb = new EventBridgeClient({ region: 'us-east-1', credentials });
    recordCalls(eb, sim, { principal: alice });
    await eb.send(new ListRuleNamesByTargetCommand({ TargetArn: 'arn:aws:sqs:us-east-1:111122223333:q' }));
    const out = await eb.send(new PutEventsCommand({ Entries: [{ Source: 'shop', DetailType: 'x', Detail: '{}' }] }));
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sim.records().map((r) => `${r.eventSource} ${r.eventName}`)).toEqual(['events.amazonaws.com ListRuleNamesByTarget']);
    expect(sim.records()[0].requestParameters).toEqual({ targetArn: 'arn:aws:sqs:us-east-1:111122223333:q' });
  });

  it('needs a principal from the simulation', () => {
    const { sim } = world();
    const ct = new CloudTrailClient({ region: 'us-east-1', credentials });
    expect(() => recordCalls(ct, sim, {} as never)).toThrow(/needs \{ principal \}/);
    expect(() => recordCalls(ct, sim, { principal: world().alice, service: 'nosuchservice' })).toThrow(TrailsimInputError);
  });
});

describe('recordCalls on other services (fake clients)', () => {
  it('S3: bucketName, key, Host; bodies under their XML names; payload bytes left out; a data event', async () => {
    const { sim, prod, alice } = world();
    const s3 = new FakeClient('S3Client', 'S3', 'eu-west-1');
    recordCalls(s3, sim, { principal: alice, respond: ({ operation }) => (operation === 'PutObject' ? { ETag: '"9b2cf535f27731c974343645a3985328"' } : {}) });
    const out = await s3.send('PutObject', { Bucket: 'reports', Key: 'q1/summary.csv', Body: new Uint8Array([1, 2, 3]), ContentType: 'text/csv', Metadata: { Owner: 'alice' } });
    expect(out.ETag).toBe('"9b2cf535f27731c974343645a3985328"');
    const put = last(sim, 'PutObject');
    expect(put.requestParameters).toEqual({ bucketName: 'reports', key: 'q1/summary.csv', contentType: 'text/csv', metadata: { Owner: 'alice' }, Host: 'reports.s3.eu-west-1.amazonaws.com' });
    expect(put).toMatchObject({ eventSource: 's3.amazonaws.com', eventCategory: 'Data', managementEvent: false, awsRegion: 'eu-west-1', recipientAccountId: prod.id });
    expect(put.resources?.map((r) => r.ARN)).toEqual(['arn:aws:s3:::reports/q1/summary.csv', 'arn:aws:s3:::reports']);

    await s3.send('PutBucketVersioning', { Bucket: 'reports', VersioningConfiguration: { Status: 'Enabled' } });
    expect(last(sim, 'PutBucketVersioning').requestParameters).toEqual({
      bucketName: 'reports',
      VersioningConfiguration: { Status: 'Enabled', xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
      Host: 'reports.s3.eu-west-1.amazonaws.com',
    });
  });

  it('IAM: a global service logs in us-east-1, lower camel case at every depth, dates as the Java SDK prints them', async () => {
    const { sim, alice } = world();
    const iam = new FakeClient('IAMClient', 'IAM', 'eu-west-1', 'iam.amazonaws.com');
    const created = new Date('2026-03-01T09:00:00Z');
    recordCalls(iam, sim, {
      principal: alice,
      respond: ({ input }) => ({ User: { Path: '/', UserName: input.UserName, UserId: 'AIDAEXAMPLEUSERID0001', Arn: `arn:aws:iam::111122223333:user/${String(input.UserName)}`, CreateDate: created } }),
    });
    const out = await iam.send('CreateUser', { UserName: 'bob', Tags: [{ Key: 'team', Value: 'payments' }] });
    expect((out.User as { CreateDate: Date }).CreateDate).toBe(created);
    const r = last(sim, 'CreateUser');
    expect(r.awsRegion).toBe('us-east-1');
    expect(r.requestParameters).toEqual({ userName: 'bob', tags: [{ key: 'team', value: 'payments' }] });
    expect(r.responseElements).toEqual({ user: { path: '/', userName: 'bob', userId: 'AIDAEXAMPLEUSERID0001', arn: 'arn:aws:iam::111122223333:user/bob', createDate: 'Mar 1, 2026, 9:00:00 AM' } });
  });

  it('IAM without respond: output {}, responseElements as the catalog generates them', async () => {
    const { sim, alice } = world();
    const iam = new FakeClient('IAMClient', 'IAM', 'us-east-1');
    recordCalls(iam, sim, { principal: alice });
    expect(await iam.send('CreateUser', { UserName: 'carol' })).toEqual({ $metadata: expect.objectContaining({ httpStatusCode: 200, attempts: 1 }) });
    const r = last(sim, 'CreateUser');
    expect(r.requestParameters).toEqual({ userName: 'carol' });
    expect(r.responseElements).toMatchObject({ user: { userName: 'carol' } });
  });

  it("EC2: a denied call is recorded as EC2 writes it, and thrown with the SDK's code", async () => {
    const { sim, alice } = world();
    const ec2 = new FakeClient('EC2Client', 'EC2', 'eu-west-1', 'ec2.eu-west-1.amazonaws.com');
    recordCalls(ec2, sim, { principal: alice, respond: () => { throw simulatedFailure('AccessDenied'); } });
    const err = (await ec2.send('TerminateInstances', { InstanceIds: ['i-0abc'], DryRun: false }).catch((e: unknown) => e)) as Error & { $fault: string; $metadata: { httpStatusCode: number } };
    const r = last(sim, 'TerminateInstances');
    expect(r.errorCode).toBe('Client.UnauthorizedOperation');
    expect(r.requestParameters).toEqual({ instanceIds: ['i-0abc'], dryRun: false });
    // @aws-sdk/client-ec2 is not installed: an error shaped like the SDK's ServiceException.
    expect(err).toMatchObject({ name: 'UnauthorizedOperation', message: r.errorMessage, $fault: 'client' });
    expect(err.$metadata.httpStatusCode).toBe(403);
  });

  it('finds the service from the endpoint prefix, or takes it explicitly', async () => {
    const { sim, alice } = world();
    const idp = new FakeClient('CognitoIdentityProviderClient', 'Cognito Identity Provider', 'eu-west-1', 'cognito-idp.eu-west-1.amazonaws.com');
    recordCalls(idp, sim, { principal: alice });
    await idp.send('AdminCreateUser', { UserPoolId: 'eu-west-1_abc', Username: 'dave' });
    expect(last(sim, 'AdminCreateUser')).toMatchObject({ eventSource: 'cognito-idp.amazonaws.com', requestParameters: { userPoolId: 'eu-west-1_abc', username: 'dave' } });

    const noEndpoint = new FakeClient('CognitoIdentityProviderClient', 'Cognito Identity Provider', 'eu-west-1');
    recordCalls(noEndpoint, sim, { principal: alice });
    await expect(noEndpoint.send('AdminCreateUser', {})).rejects.toThrow(/Pass \{ service: '<IAM prefix>' \}/);
    const explicit = new FakeClient('CognitoIdentityProviderClient', 'Cognito Identity Provider', 'eu-west-1');
    recordCalls(explicit, sim, { principal: alice, service: 'cognito-idp' });
    await explicit.send('AdminDeleteUser', { UserPoolId: 'p', Username: 'dave' });
    expect(last(sim, 'AdminDeleteUser').eventSource).toBe('cognito-idp.amazonaws.com');

    const cw = new FakeClient('CloudWatchClient', 'CloudWatch', 'eu-west-1', 'monitoring.eu-west-1.amazonaws.com');
    recordCalls(cw, sim, { principal: alice });
    await cw.send('PutMetricAlarm', { AlarmName: 'cpu', Threshold: 90 });
    expect(last(sim, 'PutMetricAlarm')).toMatchObject({ eventSource: 'monitoring.amazonaws.com', requestParameters: { alarmName: 'cpu', threshold: 90 } });
  });

  it('refuses a respond handler that returns no output', async () => {
    const { sim, alice } = world();
    const iam = new FakeClient('IAMClient', 'IAM', 'us-east-1');
    recordCalls(iam, sim, { principal: alice, respond: () => undefined as unknown as object });
    await expect(iam.send('ListUsers', {})).rejects.toThrow(/respond must return ListUsersCommand's output/);
  });

  it('is deterministic: same seed and calls, same records', async () => {
    const run = async () => {
      const { sim, alice } = world(21);
      const s3 = new FakeClient('S3Client', 'S3', 'us-east-1');
      recordCalls(s3, sim, { principal: alice });
      await s3.send('GetObject', { Bucket: 'b', Key: 'k' });
      await s3.send('DeleteObject', { Bucket: 'b', Key: 'k' });
      return JSON.stringify(sim.records());
    };
    expect(await run()).toBe(await run());
  });
});

describe('requestParameters', () => {
  it('lower-cases first letters at every depth, keeps map keys, drops payloads and undefined, prints dates', () => {
    expect(
      requestParameters({
        SAMLMetadataDocument: '<xml/>',
        TrailARN: 'arn',
        Nested: { InnerList: [{ DeepKey: 1 }], Skip: undefined },
        Tags: { 'aws:cloudformation:stack-name': 'x', Env: 'prod' },
        EncryptionContext: { Department: 'finance' },
        Plaintext: new Uint8Array([1]),
        When: new Date('2026-01-02T15:04:05Z'),
        Big: 10n,
        Ratio: Number.NaN,
      }),
    ).toEqual({
      sAMLMetadataDocument: '<xml/>',
      trailARN: 'arn',
      nested: { innerList: [{ deepKey: 1 }] },
      tags: { 'aws:cloudformation:stack-name': 'x', Env: 'prod' },
      encryptionContext: { Department: 'finance' },
      when: 'Jan 2, 2026, 3:04:05 PM',
      big: '10',
      ratio: 'NaN',
    });
    expect(requestParameters({})).toBeNull();
    expect(requestParameters({ OnlyUndefined: undefined })).toBeNull();
  });
});
