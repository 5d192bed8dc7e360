/**
 * Record kinds no API call produces: VPC endpoint network-activity events (AwsVpceEvent),
 * the root user's PasswordUpdated sign-in event and Organizations' CreateAccountResult
 * service event. Each is valid to the record validator, and trails deliver network activity
 * only when advanced selectors ask for NetworkActivity on that eventSource, as AWS does.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/simulation.js';
import { recordNetworkActivity, VPCE_ACCESS_DENIED_MESSAGE } from '../../src/record/network-activity.js';
import { recordCreateAccountResult } from '../../src/record/service-events.js';
import { validateRecord } from '../../src/validate/index.js';
import { TrailsimInputError } from '../../src/core/errors.js';
import { deliveredRecords, setup } from '../trails/helpers.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

const errors = (r: CloudTrailRecord) => validateRecord(r).filter((v) => v.severity === 'error').map((v) => `${v.rule} ${v.path} ${v.message}`);

describe('VPC endpoint network-activity events', () => {
  it('go to the endpoint owner, carry the endpoint and no request/response/userAgent, and validate', () => {
    const sim = createSimulation({ seed: 3, start: '2026-05-01T00:00:00Z' });
    const owner = sim.addAccount({ name: 'network', regions: ['us-east-1'] });
    const other = sim.addAccount({ name: 'outsider', regions: ['us-east-1'] });
    const session = other.role('data-reader').session({ sessionName: 'etl', createdAt: sim.now });
    const ok = recordNetworkActivity(sim, { principal: session, vpcEndpointId: 'vpce-0a1b2c3d4e5f60718', endpointOwnerId: owner.id, eventSource: 's3.amazonaws.com', eventName: 'GetObject' });
    const denied = recordNetworkActivity(sim, { principal: session, vpcEndpointId: 'vpce-0a1b2c3d4e5f60718', endpointOwnerId: owner.id, eventSource: 's3.amazonaws.com', eventName: 'ListBuckets', denied: true });
    for (const r of [ok, denied]) {
      expect(errors(r)).toEqual([]);
      expect(r).toMatchObject({ eventType: 'AwsVpceEvent', eventCategory: 'NetworkActivity', recipientAccountId: owner.id, vpcEndpointAccountId: owner.id, vpcEndpointId: 'vpce-0a1b2c3d4e5f60718' });
      for (const k of ['userAgent', 'requestParameters', 'responseElements', 'readOnly', 'managementEvent']) expect(k in r).toBe(false);
      expect(r.sourceIPAddress).toMatch(/^10\./);
    }
    expect(ok.userIdentity).toBe(session.identity);
    expect(denied).toMatchObject({ errorCode: 'VpceAccessDenied', errorMessage: VPCE_ACCESS_DENIED_MESSAGE, userIdentity: { type: 'AWSAccount', accountId: other.id } });
    expect(sim.records({ eventCategory: 'NetworkActivity' })).toHaveLength(2);
  });

  it('rejects a malformed endpoint, owner or a public source address', () => {
    const sim = createSimulation({ seed: 3 });
    const a = sim.addAccount({ name: 'a' });
    const p = a.iamUser('x');
    expect(() => recordNetworkActivity(sim, { principal: p, vpcEndpointId: 'vpc-123', endpointOwnerId: a.id, eventSource: 's3.amazonaws.com', eventName: 'GetObject' })).toThrow(TrailsimInputError);
    expect(() => recordNetworkActivity(sim, { principal: p, vpcEndpointId: 'vpce-0a1b2c3d', endpointOwnerId: '12', eventSource: 's3.amazonaws.com', eventName: 'GetObject' })).toThrow(TrailsimInputError);
    expect(() => recordNetworkActivity(sim, { principal: p, vpcEndpointId: 'vpce-0a1b2c3d', endpointOwnerId: a.id, eventSource: 's3.amazonaws.com', eventName: 'GetObject', sourceIPAddress: '8.8.8.8' })).toThrow(TrailsimInputError);
    expect(sim.recordTotal).toBe(0);
  });

  it('reach a trail only through advanced selectors naming NetworkActivity and the eventSource', () => {
    const s = setup();
    const admin = s.prod.iamUser('admin');
    s.ct.createTrail(admin, { Name: 'main', S3BucketName: s.bucket });
    s.ct.createTrail(admin, { Name: 'vpce', S3BucketName: s.bucket, S3KeyPrefix: 'vpce' });
    s.ct.putEventSelectors(admin, { TrailName: 'vpce', AdvancedEventSelectors: [{ Name: 's3 denies', FieldSelectors: [{ Field: 'eventCategory', Equals: ['NetworkActivity'] }, { Field: 'eventSource', Equals: ['s3.amazonaws.com'] }, { Field: 'errorCode', Equals: ['VpceAccessDenied'] }] }] });
    s.ct.startLogging(admin, { Name: 'main' });
    s.ct.startLogging(admin, { Name: 'vpce' });
    const caller = s.prod.role('app').session({ sessionName: 'i-0abc', createdAt: s.sim.now });
    const ep = { vpcEndpointId: 'vpce-0123456789abcdef0', endpointOwnerId: s.prod.id };
    recordNetworkActivity(s.sim, { ...ep, principal: caller, eventSource: 's3.amazonaws.com', eventName: 'GetObject' });
    const denied = recordNetworkActivity(s.sim, { ...ep, principal: caller, eventSource: 's3.amazonaws.com', eventName: 'PutObject', denied: true });
    recordNetworkActivity(s.sim, { ...ep, principal: caller, eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', denied: true });
    s.sim.advance('15m');
    const got = deliveredRecords(s.ct.s3).filter((d) => d.record.eventType === 'AwsVpceEvent');
    expect(got.map((d) => d.record.eventID)).toEqual([denied.eventID]);
    expect(got[0].key.startsWith('vpce/')).toBe(true);
  });

  it('cannot be selected by basic event selectors, without an eventSource, or by an errorCode other than VpceAccessDenied', () => {
    const s = setup();
    const admin = s.prod.iamUser('admin');
    s.ct.createTrail(admin, { Name: 'main', S3BucketName: s.bucket });
    expect(() => s.ct.putEventSelectors(admin, { TrailName: 'main', AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['NetworkActivity'] }] }] })).toThrow(/eventSource/);
    // errorCode takes VpceAccessDenied only.
    expect(() => s.ct.putEventSelectors(admin, { TrailName: 'main', AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['NetworkActivity'] }, { Field: 'eventSource', Equals: ['s3.amazonaws.com'] }, { Field: 'errorCode', Equals: ['AccessDenied'] }] }] })).toThrow(/AccessDenied/);
    // Basic selectors never pick network activity, even with every management and data event.
    s.ct.putEventSelectors(admin, { TrailName: 'main', EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] });
    s.ct.startLogging(admin, { Name: 'main' });
    recordNetworkActivity(s.sim, { principal: admin, vpcEndpointId: 'vpce-0123456789abcdef0', endpointOwnerId: s.prod.id, eventSource: 's3.amazonaws.com', eventName: 'GetObject' });
    s.sim.advance('15m');
    expect(deliveredRecords(s.ct.s3).filter((d) => d.record.eventType === 'AwsVpceEvent')).toEqual([]);
    expect(deliveredRecords(s.ct.s3).length).toBeGreaterThan(0);
  });
});

describe('root PasswordUpdated', () => {
  it('is a console sign-in event of the root user in us-east-1 with no request id', () => {
    const sim = createSimulation({ seed: 5 });
    const a = sim.addAccount({ name: 'prod', regions: ['eu-west-1'] });
    const r = sim.call(a.root(), 'signin:PasswordUpdated');
    expect(errors(r)).toEqual([]);
    expect(r).toMatchObject({ eventSource: 'signin.amazonaws.com', eventName: 'PasswordUpdated', eventType: 'AwsConsoleSignIn', awsRegion: 'us-east-1', requestParameters: null, responseElements: { PasswordUpdated: 'Success' }, userIdentity: { type: 'Root' } });
    expect('requestID' in r).toBe(false);
  });
});

describe('Organizations CreateAccountResult', () => {
  it('follows CreateAccount as an AWS Internal service event with the new account id', () => {
    const sim = createSimulation({ seed: 5, start: '2026-05-01T10:00:00Z' });
    const mgmt = sim.addAccount({ name: 'management' });
    const req = sim.call(mgmt.iamUser('admin'), 'organizations:CreateAccount', { accountName: 'sandbox-1' });
    const status = req.responseElements!.createAccountStatus as { id: string };
    sim.advance('3m');
    const r = recordCreateAccountResult(sim, { managementAccountId: mgmt.id, requestId: status.id, accountId: '210987654321', requestedAt: Date.parse(req.eventTime) });
    expect(errors(r)).toEqual([]);
    expect(r.userIdentity).toEqual({ accountId: mgmt.id, invokedBy: 'AWS Internal' });
    expect(r).toMatchObject({ eventType: 'AwsServiceEvent', eventName: 'CreateAccountResult', sourceIPAddress: 'AWS Internal', serviceEventDetails: { createAccountStatus: { id: status.id, state: 'SUCCEEDED', accountId: '210987654321', accountName: '****' } } });
    expect('requestID' in r).toBe(false);
    const failed = recordCreateAccountResult(sim, { managementAccountId: mgmt.id, requestId: status.id, requestedAt: sim.now, state: 'FAILED', failureReason: 'EMAIL_ALREADY_EXISTS' });
    expect(failed.serviceEventDetails).toMatchObject({ createAccountStatus: { state: 'FAILED', failureReason: 'EMAIL_ALREADY_EXISTS' } });
    expect(() => recordCreateAccountResult(sim, { managementAccountId: mgmt.id, requestId: status.id, requestedAt: sim.now })).toThrow(TrailsimInputError);
  });
});
