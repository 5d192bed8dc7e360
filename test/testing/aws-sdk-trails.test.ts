/**
 * trailsim/aws-sdk with the trail API and CloudTrail Lake: CreateTrail and the other trail
 * calls, and StartQuery/GetQueryResults (DuckDB, an optional dependency), through a real
 * `CloudTrailClient`, each call recorded by the attached principal.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CloudTrailClient,
  CreateEventDataStoreCommand,
  CreateTrailCommand,
  DeleteTrailCommand,
  DescribeQueryCommand,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetQueryResultsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  InvalidHomeRegionException,
  ListTrailsCommand,
  PutEventSelectorsCommand,
  QueryIdNotFoundException,
  S3BucketDoesNotExistException,
  StartLoggingCommand,
  StartQueryCommand,
  StopLoggingCommand,
  TrailAlreadyExistsException,
  TrailNotFoundException,
  UpdateTrailCommand,
  paginateGetQueryResults,
} from '@aws-sdk/client-cloudtrail';
import { attachSimulation } from 'trailsim/aws-sdk';
import { createSimulation } from '../../src/index.js';
import { attachCloudTrail } from '../../src/cloudtrail/trails/service.js';
import { Lake } from '../../src/cloudtrail/lake/lake.js';

const T0 = '2026-03-01T09:00:00Z';
const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };

let lakes: Lake[] = [];
afterEach(async () => {
  for (const l of lakes) await l.close();
  lakes = [];
});

function world() {
  const sim = createSimulation({ seed: 3, start: T0 });
  const prod = sim.addAccount({ name: 'prod', id: '111122223333', regions: ['us-east-1', 'eu-west-1'] });
  const admin = prod.iamUser('admin');
  const trails = attachCloudTrail(sim);
  trails.s3.createBucket('trail-logs-prod', { ownerAccountId: prod.id });
  const lake = new Lake(sim);
  lakes.push(lake);
  const client = new CloudTrailClient({ region: 'us-east-1', credentials });
  attachSimulation(client, sim, { principal: admin, trails, lake });
  return { sim, prod, admin, trails, lake, client };
}

describe('the trail API through a real CloudTrailClient', () => {
  it('creates, starts, inspects, configures and stops a trail; each call recorded by the principal', async () => {
    const { sim, prod, client } = world();
    const created = await client.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-logs-prod', IsMultiRegionTrail: true, EnableLogFileValidation: true }));
    expect(created).toMatchObject({ Name: 'main', S3BucketName: 'trail-logs-prod', IsMultiRegionTrail: true, LogFileValidationEnabled: true, TrailARN: `arn:aws:cloudtrail:us-east-1:${prod.id}:trail/main` });
    expect((await client.send(new GetTrailStatusCommand({ Name: 'main' }))).IsLogging).toBe(false);
    await client.send(new StartLoggingCommand({ Name: 'main' }));
    const status = await client.send(new GetTrailStatusCommand({ Name: created.TrailARN }));
    expect(status.IsLogging).toBe(true);
    expect(status.StartLoggingTime).toEqual(new Date(sim.now));

    const sel = await client.send(new PutEventSelectorsCommand({ TrailName: 'main', EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] }));
    expect(sel.TrailARN).toBe(created.TrailARN);
    expect((await client.send(new GetEventSelectorsCommand({ TrailName: 'main' }))).EventSelectors?.[0]).toMatchObject({ ReadWriteType: 'WriteOnly' });
    await client.send(new UpdateTrailCommand({ Name: 'main', S3KeyPrefix: 'org' }));
    expect((await client.send(new GetTrailCommand({ Name: 'main' }))).Trail).toMatchObject({ Name: 'main', S3KeyPrefix: 'org', HomeRegion: 'us-east-1', HasCustomEventSelectors: true });
    expect((await client.send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.Name)).toEqual(['main']);
    expect((await client.send(new ListTrailsCommand({}))).Trails).toEqual([{ TrailARN: created.TrailARN, Name: 'main', HomeRegion: 'us-east-1' }]);
    const stop = await client.send(new StopLoggingCommand({ Name: 'main' }));
    expect(stop.$metadata.httpStatusCode).toBe(200);
    expect((await client.send(new GetTrailStatusCommand({ Name: 'main' }))).IsLogging).toBe(false);

    const rec = sim.records({ eventSource: 'cloudtrail.amazonaws.com' });
    expect(rec.map((r) => r.eventName)).toEqual([
      'CreateTrail', 'GetTrailStatus', 'StartLogging', 'GetTrailStatus', 'PutEventSelectors', 'GetEventSelectors',
      'UpdateTrail', 'GetTrail', 'DescribeTrails', 'ListTrails', 'StopLogging', 'GetTrailStatus',
    ]);
    expect(rec[0]).toMatchObject({
      userIdentity: { type: 'IAMUser', userName: 'admin' },
      requestParameters: { name: 'main', s3BucketName: 'trail-logs-prod', isMultiRegionTrail: true, enableLogFileValidation: true },
      responseElements: { trailARN: created.TrailARN },
    });
    expect(rec[0].requestID).toBe(created.$metadata.requestId);
    expect(rec[10].requestID).toBe(stop.$metadata.requestId);
  });

  it('throws the trail errors as the SDK classes, recording the failed calls', async () => {
    const { sim, client } = world();
    await client.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-logs-prod' }));
    await expect(client.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-logs-prod' }))).rejects.toBeInstanceOf(TrailAlreadyExistsException);
    await expect(client.send(new CreateTrailCommand({ Name: 'other', S3BucketName: 'no-such-bucket' }))).rejects.toBeInstanceOf(S3BucketDoesNotExistException);
    const missing = (await client.send(new DeleteTrailCommand({ Name: 'nope' })).catch((e: unknown) => e)) as TrailNotFoundException;
    expect(missing).toBeInstanceOf(TrailNotFoundException);
    expect(missing.message).toBe('Unknown trail: arn:aws:cloudtrail:us-east-1:111122223333:trail/nope for the user: 111122223333');
    const failed = sim.records({ eventName: 'DeleteTrail' });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ errorCode: 'TrailNotFoundException', requestID: missing.$metadata.requestId });

  });

  it('calls from the client region: a multi-Region trail is read-only outside its home Region', async () => {
    const { sim, admin, trails, client } = world();
    await client.send(new CreateTrailCommand({ Name: 'global', S3BucketName: 'trail-logs-prod', IsMultiRegionTrail: true }));
    const west = new CloudTrailClient({ region: 'eu-west-1', credentials });
    attachSimulation(west, sim, { principal: admin, trails });
    await expect(west.send(new StartLoggingCommand({ Name: 'global' }))).rejects.toBeInstanceOf(InvalidHomeRegionException);
    expect((await west.send(new GetTrailStatusCommand({ Name: 'global' }))).IsLogging).toBe(false);
    expect(sim.records({ eventName: 'StartLogging' })[0]).toMatchObject({ awsRegion: 'eu-west-1', errorCode: 'InvalidHomeRegionException' });
  });
});

describe('CloudTrail Lake through a real CloudTrailClient', () => {
  it('StartQuery, DescribeQuery, GetQueryResults (and its paginator) over an event data store', async () => {
    const { sim, admin, client } = world();
    const store = await client.send(new CreateEventDataStoreCommand({ Name: 'audit', RetentionPeriod: 30, TerminationProtectionEnabled: false }));
    expect(store.EventDataStoreArn).toMatch(/^arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore\/[0-9a-f-]{36}$/);
    expect(store.CreatedTimestamp).toBeInstanceOf(Date);
    for (const name of ['bob', 'carol', 'dave']) {
      sim.advance('1s');
      sim.call(admin, 'iam:CreateUser', { userName: name });
    }
    sim.advance('1s');
    sim.call(admin, 'iam:DeleteUser', { userName: 'dave' });
    sim.advance('10m');
    const id = store.EventDataStoreArn!.split('/')[1];
    const started = await client.send(new StartQueryCommand({ QueryStatement: `SELECT eventName, count(*) AS n FROM ${id} WHERE eventSource = 'iam.amazonaws.com' GROUP BY eventName ORDER BY eventName` }));
    expect(started.QueryId).toMatch(/^[0-9a-f-]{36}$/);
    const described = await client.send(new DescribeQueryCommand({ QueryId: started.QueryId }));
    expect(described.QueryStatus).toBe('FINISHED');
    expect(described.QueryStatistics?.CreationTime).toBeInstanceOf(Date);
    const results = await client.send(new GetQueryResultsCommand({ QueryId: started.QueryId }));
    expect(results.QueryResultRows).toEqual([
      [{ eventName: 'CreateUser' }, { n: '3' }],
      [{ eventName: 'DeleteUser' }, { n: '1' }],
    ]);

    const all = await client.send(new StartQueryCommand({ QueryStatement: `SELECT eventName FROM ${id} ORDER BY eventTime` }));
    const rows: string[] = [];
    for await (const page of paginateGetQueryResults({ client, pageSize: 2 }, { QueryId: all.QueryId })) {
      for (const row of page.QueryResultRows ?? []) rows.push(row[0].eventName);
    }
    expect(rows.slice(0, 5)).toEqual(['CreateEventDataStore', 'CreateUser', 'CreateUser', 'CreateUser', 'DeleteUser']);

    await expect(client.send(new GetQueryResultsCommand({ QueryId: '00000000-0000-4000-8000-000000000000' }))).rejects.toBeInstanceOf(QueryIdNotFoundException);
    // The Lake calls themselves are CloudTrail events by the principal.
    expect(sim.records({ eventName: 'StartQuery' }).map((r) => r.userIdentity?.userName)).toEqual(['admin', 'admin']);
    expect(sim.records({ eventName: 'StartQuery' })[0].requestID).toBe(started.$metadata.requestId);
  });
});
