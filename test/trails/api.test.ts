import { describe, expect, it } from 'vitest';
import { AwsServiceException } from '../../src/core/errors.js';
import {
  CloudTrailARNInvalidException,
  InsightNotEnabledException,
  InsufficientS3BucketPolicyException,
  InvalidCloudWatchLogsLogGroupArnException,
  InvalidHomeRegionException,
  InvalidParameterCombinationException,
  InvalidS3BucketNameException,
  InvalidTrailNameException,
  MaximumNumberOfTrailsExceededException,
  NotOrganizationMasterAccountException,
  OrganizationsNotInUseException,
  S3BucketDoesNotExistException,
  TrailAlreadyExistsException,
  TrailNotFoundException,
} from '../../src/cloudtrail/trails/errors.js';
import type { CloudTrailRecord } from '../../src/record/types.js';
import { setup } from './helpers.js';

function lastCloudTrailRecord(records: CloudTrailRecord[]): CloudTrailRecord {
  const r = records.filter((x) => x.eventSource === 'cloudtrail.amazonaws.com').pop();
  if (!r) throw new Error('no cloudtrail record');
  return r;
}

/** Runs `fn`, expects an AWS error of class `cls`, and checks the call was recorded with it. */
function refused(s: ReturnType<typeof setup>, fn: () => unknown, cls: abstract new (...a: never[]) => AwsServiceException, message?: string | RegExp): AwsServiceException {
  const before = s.sim.recordTotal;
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(cls);
  const e = err as AwsServiceException;
  if ((cls as unknown) !== AwsServiceException) expect(e.name).toBe(cls.name);
  expect(e.$fault).toBe('client');
  if (message !== undefined) expect(e.message).toMatch(message);
  expect(s.sim.recordTotal).toBe(before + 1);
  const r = lastCloudTrailRecord(s.sim.records());
  expect(r.errorCode).toBe(e.name);
  expect(r.errorMessage).toBe(e.message);
  expect(r.responseElements).toBeNull();
  return e;
}

describe('CreateTrail', () => {
  it('creates a trail in the caller Region with AWS defaults and records the call as sent', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    const out = s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, S3KeyPrefix: 'audit' });
    expect(out).toEqual({
      Name: 'main',
      S3BucketName: s.bucket,
      S3KeyPrefix: 'audit',
      IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: false,
      TrailARN: `arn:aws:cloudtrail:us-east-1:${s.prod.id}:trail/main`,
      LogFileValidationEnabled: false,
      IsOrganizationTrail: false,
    });
    const r = lastCloudTrailRecord(s.sim.records());
    expect(r.eventName).toBe('CreateTrail');
    expect(r.userIdentity?.arn).toBe(alice.arn);
    expect(r.requestParameters).toEqual({ name: 'main', s3BucketName: s.bucket, s3KeyPrefix: 'audit' });
    expect(Object.keys(r.responseElements!)).toEqual(['name', 's3BucketName', 's3KeyPrefix', 'includeGlobalServiceEvents', 'isMultiRegionTrail', 'trailARN', 'logFileValidationEnabled', 'isOrganizationTrail']);
    expect(r.readOnly).toBe(false);
    expect(r.managementEvent).toBe(true);
    expect(r.resources).toBeUndefined();
    expect(r.errorCode).toBeUndefined();
    expect(s.ct.getTrailStatus(alice, { Name: 'main' }).IsLogging).toBe(false);
  });

  it('refuses a duplicate name with the message AWS gives', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket });
    refused(s, () => s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket }), TrailAlreadyExistsException, `Trail main already exists for customer: ${s.prod.id}`);
    // A multi-Region trail clashes with a same-named trail in any Region.
    s.ct.createTrail(alice, { Name: 'west', S3BucketName: s.bucket }, { region: 'eu-west-1' });
    refused(s, () => s.ct.createTrail(alice, { Name: 'west', S3BucketName: s.bucket, IsMultiRegionTrail: true }), TrailAlreadyExistsException);
  });

  it.each([
    ['ab', 'Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters.'],
    ['a'.repeat(129), 'Trail name too long. Maximum allowed length: 128 characters. Specified name length: 129 characters.'],
    ['my trail', /can only contain/],
    ['-trail', /must starts with a letter or number/],
    ['trail_', /must ends with a letter or number/],
    ['my--trail', /adjacent/],
    ['my-_namespace', /adjacent/],
    ['192.168.5.4', /IP address/],
    ['', 'Trail name cannot be blank!'],
  ])('refuses the trail name %j', (name, message) => {
    const s = setup();
    refused(s, () => s.ct.createTrail(s.prod.iamUser('alice'), { Name: name, S3BucketName: s.bucket }), InvalidTrailNameException, message);
    expect(s.ct.listAllTrails()).toEqual([]);
  });

  it('checks the bucket: name, existence, policy', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    refused(s, () => s.ct.createTrail(alice, { Name: 'main', S3BucketName: 'Bad_Bucket' }), InvalidS3BucketNameException);
    refused(s, () => s.ct.createTrail(alice, { Name: 'main', S3BucketName: 'no-such-bucket' }), S3BucketDoesNotExistException);
    s.ct.s3.createBucket('locked-bucket', { allowsCloudTrail: false });
    refused(s, () => s.ct.createTrail(alice, { Name: 'main', S3BucketName: 'locked-bucket' }), InsufficientS3BucketPolicyException, 'Incorrect S3 bucket policy is detected for bucket: locked-bucket');
    expect(s.ct.listAllTrails()).toEqual([]);
  });

  it('requires global service events on a multi-Region trail', () => {
    const s = setup();
    refused(s, () => s.ct.createTrail(s.prod.iamUser('alice'), { Name: 'main', S3BucketName: s.bucket, IsMultiRegionTrail: true, IncludeGlobalServiceEvents: false }), InvalidParameterCombinationException, 'Multi-Region trail must include global service events.');
  });

  it('allows 5 trails per Region, a multi-Region trail counting in every Region', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'everywhere', S3BucketName: s.bucket, IsMultiRegionTrail: true });
    for (let i = 1; i <= 4; i++) s.ct.createTrail(alice, { Name: `west-${i}`, S3BucketName: s.bucket }, { region: 'eu-west-1' });
    refused(s, () => s.ct.createTrail(alice, { Name: 'west-5', S3BucketName: s.bucket }, { region: 'eu-west-1' }), MaximumNumberOfTrailsExceededException, `User: ${s.prod.id} already has 5 trails in eu-west-1.`);
    // us-east-1 has one (the multi-Region trail): a new multi-Region trail would make eu-west-1 six.
    refused(s, () => s.ct.createTrail(alice, { Name: 'global-2', S3BucketName: s.bucket, IsMultiRegionTrail: true }), MaximumNumberOfTrailsExceededException, /eu-west-1/);
    expect(() => s.ct.createTrail(alice, { Name: 'east-1', S3BucketName: s.bucket })).not.toThrow();
  });

  it('organization trails need the management account of an organization', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    refused(s, () => s.ct.createTrail(alice, { Name: 'org', S3BucketName: s.bucket, IsOrganizationTrail: true }), OrganizationsNotInUseException);
    const mgmt = s.sim.addAccount({ name: 'mgmt' });
    s.sim.createOrganization(mgmt);
    refused(s, () => s.ct.createTrail(alice, { Name: 'org', S3BucketName: s.bucket, IsOrganizationTrail: true }), NotOrganizationMasterAccountException);
    expect(s.ct.createTrail(mgmt.iamUser('admin'), { Name: 'org', S3BucketName: s.bucket, IsOrganizationTrail: true, IsMultiRegionTrail: true }).IsOrganizationTrail).toBe(true);
  });

  it('checks CloudWatch Logs settings', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    const role = `arn:aws:iam::${s.prod.id}:role/CloudTrail_CloudWatchLogs_Role`;
    const group = `arn:aws:logs:us-east-1:${s.prod.id}:log-group:CloudTrail/logs:*`;
    refused(s, () => s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, CloudWatchLogsLogGroupArn: group }), InvalidParameterCombinationException);
    refused(s, () => s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, CloudWatchLogsLogGroupArn: group, CloudWatchLogsRoleArn: role }), InvalidCloudWatchLogsLogGroupArnException);
    s.ct.logs.createLogGroup(s.prod.id, 'us-east-1', 'CloudTrail/logs');
    expect(s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, CloudWatchLogsLogGroupArn: group, CloudWatchLogsRoleArn: role }).CloudWatchLogsLogGroupArn).toBe(group);
  });

  it('records a call refused by policy and changes nothing', () => {
    const s = setup();
    const bob = s.prod.iamUser('bob');
    const e = refused(s, () => s.ct.createTrail(bob, { Name: 'main', S3BucketName: s.bucket }, { error: 'AccessDenied' }), AwsServiceException as never, /not authorized to perform: cloudtrail:CreateTrail/);
    expect(e.name).toBe('AccessDeniedException');
    expect(lastCloudTrailRecord(s.sim.records()).requestParameters).toEqual({ name: 'main', s3BucketName: s.bucket });
    expect(s.ct.listAllTrails()).toEqual([]);
    const explicit = refused(s, () => s.ct.stopLogging(bob, { Name: 'main' }, { error: { code: 'AccessDenied', message: 'nope' } }), AwsServiceException as never, 'nope');
    expect(explicit.name).toBe('AccessDenied');
  });
});

describe('trail lookups and Regions', () => {
  it('answers TrailNotFoundException with the trail ARN, as AWS does', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    refused(s, () => s.ct.getTrail(alice, { Name: 'nope' }), TrailNotFoundException, `Unknown trail: arn:aws:cloudtrail:us-east-1:${s.prod.id}:trail/nope for the user: ${s.prod.id}`);
    refused(s, () => s.ct.startLogging(alice, { Name: `arn:aws:cloudtrail:us-east-1:${s.prod.id}:trail/nope` }), TrailNotFoundException);
    refused(s, () => s.ct.getTrailStatus(alice, { Name: 'arn:aws:cloudtrail:us-east-1:12345:trail/x' }), CloudTrailARNInvalidException);
  });

  it('shows multi-Region trails as shadows in other Regions, changeable only from home', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    const t = s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, IsMultiRegionTrail: true });
    s.ct.createTrail(alice, { Name: 'local', S3BucketName: s.bucket });
    const west = s.ct.describeTrails(alice, {}, { region: 'eu-west-1' }).trailList;
    expect(west.map((x) => [x.Name, x.HomeRegion])).toEqual([['main', 'us-east-1']]);
    expect(s.ct.describeTrails(alice, { includeShadowTrails: false }, { region: 'eu-west-1' }).trailList).toEqual([]);
    expect(s.ct.getTrail(alice, { Name: 'main' }, { region: 'eu-west-1' }).Trail.TrailARN).toBe(t.TrailARN);
    refused(s, () => s.ct.stopLogging(alice, { Name: 'main' }, { region: 'eu-west-1' }), InvalidHomeRegionException);
    refused(s, () => s.ct.updateTrail(alice, { Name: t.TrailARN, EnableLogFileValidation: true }, { region: 'eu-west-1' }), InvalidHomeRegionException);
    // DescribeTrails by name matches the current Region only; by ARN any Region; unknown names are left out.
    expect(s.ct.describeTrails(alice, { trailNameList: ['local', 'missing'] }, { region: 'eu-west-1' }).trailList).toEqual([]);
    expect(s.ct.describeTrails(alice, { trailNameList: [t.TrailARN] }, { region: 'eu-west-1' }).trailList).toHaveLength(1);
    expect(s.ct.listTrails(alice).Trails.map((x) => x.Name)).toEqual(['main', 'local']);
    const r = lastCloudTrailRecord(s.sim.records());
    expect(r.eventName).toBe('ListTrails');
    expect(r.readOnly).toBe(true);
  });

  it('shows an organization trail to member accounts, read-only', () => {
    const s = setup();
    const mgmt = s.sim.addAccount({ name: 'mgmt' });
    s.sim.createOrganization(mgmt);
    const admin = mgmt.iamUser('admin');
    const org = s.ct.createTrail(admin, { Name: 'org', S3BucketName: s.bucket, IsOrganizationTrail: true, IsMultiRegionTrail: true });
    const member = s.prod.iamUser('alice');
    expect(s.ct.describeTrails(member).trailList.map((x) => x.TrailARN)).toEqual([org.TrailARN]);
    refused(s, () => s.ct.stopLogging(member, { Name: org.TrailARN }), NotOrganizationMasterAccountException);
  });
});

describe('UpdateTrail, Start/StopLogging, DeleteTrail, status', () => {
  it('updates settings and reports them', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket });
    const u = s.ct.updateTrail(alice, { Name: 'main', IsMultiRegionTrail: true, EnableLogFileValidation: true, S3KeyPrefix: 'p' });
    expect(u).toMatchObject({ IsMultiRegionTrail: true, LogFileValidationEnabled: true, S3KeyPrefix: 'p' });
    const r = lastCloudTrailRecord(s.sim.records());
    expect(r.requestParameters).toEqual({ name: 'main', s3KeyPrefix: 'p', isMultiRegionTrail: true, enableLogFileValidation: true });
    expect(s.ct.getTrail(alice, { Name: 'main' }).Trail).toMatchObject({ IsMultiRegionTrail: true, LogFileValidationEnabled: true, HomeRegion: 'us-east-1' });
    refused(s, () => s.ct.updateTrail(alice, { Name: 'main', S3BucketName: 'nope-bucket' }), S3BucketDoesNotExistException);
    expect(s.ct.getTrail(alice, { Name: 'main' }).Trail.S3BucketName).toBe(s.bucket);
  });

  it('tracks logging status with virtual times', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket });
    s.ct.startLogging(alice, { Name: 'main' });
    s.sim.advance('7m');
    const st = s.ct.getTrailStatus(alice, { Name: 'main' });
    expect(st.IsLogging).toBe(true);
    expect(st.StartLoggingTime?.toISOString()).toBe('2026-03-01T09:00:00.000Z');
    expect(st.TimeLoggingStarted).toBe('2026-03-01T09:00:00Z');
    expect(st.LatestDeliveryTime).toBeInstanceOf(Date);
    s.ct.stopLogging(alice, { Name: 'main' });
    const st2 = s.ct.getTrailStatus(alice, { Name: 'main' });
    expect(st2.IsLogging).toBe(false);
    expect(st2.StopLoggingTime?.toISOString()).toBe('2026-03-01T09:07:00.000Z');
    s.ct.deleteTrail(alice, { Name: 'main' });
    refused(s, () => s.ct.getTrailStatus(alice, { Name: 'main' }), TrailNotFoundException);
  });
});

describe('event and Insights selectors API', () => {
  it('records PutEventSelectors as real records show it and returns the stored selectors', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    const t = s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket });
    expect(s.ct.getEventSelectors(alice, { TrailName: 'main' }).EventSelectors).toEqual([{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }]);
    const sel = [{ ReadWriteType: 'ReadOnly' as const, IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: [] }, { Type: 'AWS::Lambda::Function', Values: [] }], ExcludeManagementEventSources: [] }];
    const out = s.ct.putEventSelectors(alice, { TrailName: 'main', EventSelectors: sel });
    expect(out).toEqual({ TrailARN: t.TrailARN, EventSelectors: sel });
    const r = lastCloudTrailRecord(s.sim.records());
    // Same member names as the real PutEventSelectors record (stratus-red-team detonation).
    expect(r.requestParameters).toEqual({
      trailName: 'main',
      eventSelectors: [{ readWriteType: 'ReadOnly', includeManagementEvents: false, dataResources: [{ type: 'AWS::S3::Object', values: [] }, { type: 'AWS::Lambda::Function', values: [] }], excludeManagementEventSources: [] }],
    });
    expect(r.responseElements).toEqual({ trailARN: t.TrailARN, eventSelectors: r.requestParameters!.eventSelectors });
    expect(s.ct.getTrail(alice, { Name: 'main' }).Trail.HasCustomEventSelectors).toBe(true);
    const advanced = s.ct.putEventSelectors(alice, { TrailName: 'main', AdvancedEventSelectors: [{ Name: 'm', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] });
    expect(advanced.EventSelectors).toBeUndefined();
    expect(s.ct.getEventSelectors(alice, { TrailName: 'main' })).toEqual(advanced);
  });

  it('stores Insights selectors; GetInsightSelectors without them fails', () => {
    const s = setup();
    const alice = s.prod.iamUser('alice');
    const t = s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket });
    refused(s, () => s.ct.getInsightSelectors(alice, { TrailName: 'main' }), InsightNotEnabledException, `Trail ${t.TrailARN} does not have Insights enabled. Enable Insights on the trail, and then try the request again.`);
    s.ct.putInsightSelectors(alice, { TrailName: 'main', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] });
    expect(s.ct.getInsightSelectors(alice, { TrailName: 'main' }).InsightSelectors).toEqual([{ InsightType: 'ApiCallRateInsight' }]);
    expect(s.ct.getTrail(alice, { Name: 'main' }).Trail.HasInsightSelectors).toBe(true);
    s.ct.putInsightSelectors(alice, { TrailName: 'main', InsightSelectors: [] });
    expect(s.ct.getTrail(alice, { Name: 'main' }).Trail.HasInsightSelectors).toBe(false);
  });
});
