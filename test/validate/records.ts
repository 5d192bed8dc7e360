/**
 * Records for the validator tests: the real samples (test/fixtures/cloudtrail-samples) and
 * hand-built records for the kinds the samples lack (README "Gaps"): Root, AWSAccount,
 * IdentityCenterUser, SAMLUser, WebIdentityUser, Role, Directory, Unknown identities,
 * AwsServiceEvent, AwsConsoleAction, network activity, failed sign-in and Insights. The
 * hand-built ones follow cloudtrail-reference.md and the AWS doc examples it cites.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Rec = Record<string, any>;

export const SAMPLES_PATH = fileURLToPath(new URL('../fixtures/cloudtrail-samples/records.jsonl', import.meta.url));

export const SAMPLE_LINES: readonly string[] = readFileSync(SAMPLES_PATH, 'utf8').split('\n').filter((l) => l.trim() !== '');

const SOURCES: readonly string[] = readFileSync(new URL('../fixtures/cloudtrail-samples/sources.tsv', import.meta.url), 'utf8')
  .split('\n').slice(1).filter(Boolean).map((l) => l.split('\t')[1]);

/** Source repository of sample `i` (0-based). */
export function sampleSource(i: number): string {
  return SOURCES[i];
}

export function samples(): Rec[] {
  return SAMPLE_LINES.map((l) => JSON.parse(l) as Rec);
}

/** A fresh copy of the first sample matching `pick`. */
export function sample(pick: (r: Rec) => boolean): Rec {
  const found = samples().find(pick);
  if (!found) throw new Error('no sample matches');
  return found;
}

const ui = (r: Rec) => r.userIdentity ?? {};

/** Real records, one per shape the rule tests start from. */
export const base = {
  /** AssumedRole, eventVersion 1.09, tlsDetails, full sessionIssuer (stratus-red-team). */
  assumedRole: () => sample((r) => ui(r).type === 'AssumedRole' && r.eventVersion === '1.09' && r.tlsDetails && ui(r).accessKeyId && !r.errorCode),
  /** AssumedRole in the key order CloudTrail writes (opensearch-catalog, eu-west-1). */
  assumedRoleOrdered: () => sample((r) => ui(r).type === 'AssumedRole' && r.awsRegion === 'eu-west-1' && r.eventVersion === '1.08' && !r.errorCode && ui(r).accessKeyId),
  /** IAMUser with a long-term key (AKIA). */
  iamUser: () => sample((r) => ui(r).type === 'IAMUser' && (ui(r).accessKeyId ?? '').startsWith('AKIA') && r.eventVersion === '1.09' && !r.errorCode),
  /** IAMUser console session: sessionIssuer {} (OTRF, eventVersion 1.05). */
  iamUserConsole: () => sample((r) => ui(r).type === 'IAMUser' && ui(r).sessionContext && r.eventVersion === '1.05'),
  federatedUser: () => sample((r) => ui(r).type === 'FederatedUser'),
  /** AWSService caller, S3 request id, resources, sharedEventID (opensearch). */
  awsService: () => sample((r) => ui(r).type === 'AWSService' && r.eventSource === 's3.amazonaws.com' && r.sharedEventID),
  consoleLogin: () => sample((r) => r.eventName === 'ConsoleLogin'),
  /** S3 data event with an ARNPrefix resource (OTRF, 1.07). */
  dataEvent: () => sample((r) => r.eventCategory === 'Data' && (r.resources ?? []).some((x: Rec) => x.ARNPrefix)),
  /** A record through a VPC endpoint (opensearch). */
  viaVpce: () => sample((r) => typeof r.vpcEndpointId === 'string'),
};

const ACCOUNT = '111122223333';
const OTHER = '444455556666';

export const hand = {
  root: (): Rec => ({
    eventVersion: '1.08',
    userIdentity: { type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, accessKeyId: '' },
    eventTime: '2024-03-01T10:00:00Z', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', awsRegion: 'us-east-1',
    sourceIPAddress: '192.0.2.10', userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', requestParameters: null,
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'Yes' },
    eventID: '0b7d3f4e-58a8-4d7e-9d3c-2a1f0e9b8c70', readOnly: false, eventType: 'AwsConsoleSignIn', managementEvent: true,
    recipientAccountId: ACCOUNT, eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: 'signin.aws.amazon.com' },
  }),
  /** IAM user, wrong password (AWS sign-in events doc): no errorCode, no arn. */
  consoleLoginFailure: (): Rec => ({
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: 'AIDACKCEVSQ6C2EXAMPLE', accountId: ACCOUNT, accessKeyId: '', userName: 'anaya' },
    eventTime: '2022-11-10T16:24:34Z', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', awsRegion: 'us-east-1',
    sourceIPAddress: '192.0.2.0', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6)',
    errorMessage: 'Failed authentication', requestParameters: null, responseElements: { ConsoleLogin: 'Failure' },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'Yes' },
    eventID: 'd38ce1b3-4575-4cb8-a632-611b8243bfc3', readOnly: false, eventType: 'AwsConsoleSignIn', managementEvent: true,
    recipientAccountId: ACCOUNT, eventCategory: 'Management',
  }),
  /** Cross-account S3 data event (caller is another account). */
  awsAccount: (): Rec => ({
    eventVersion: '1.08',
    userIdentity: { type: 'AWSAccount', principalId: 'AIDAQRSTUVWXYZ2345678', accountId: OTHER },
    eventTime: '2024-03-01T10:05:00Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject', awsRegion: 'eu-west-1',
    sourceIPAddress: '198.51.100.7', userAgent: '[aws-cli/2.15.0]',
    requestParameters: { bucketName: 'shared-bucket', key: 'report.csv', Host: 'shared-bucket.s3.eu-west-1.amazonaws.com' },
    responseElements: null,
    additionalEventData: { SignatureVersion: 'SigV4', CipherSuite: 'TLS_AES_128_GCM_SHA256', bytesTransferredIn: 0, AuthenticationMethod: 'AuthHeader', bytesTransferredOut: 512 },
    requestID: '8RJVMXE049D1QTJ2', eventID: '5d1a1c39-2d5e-4a0e-8a4e-2b9f6f0c1d11', readOnly: true,
    resources: [
      { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::shared-bucket/report.csv' },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::shared-bucket' },
    ],
    eventType: 'AwsApiCall', managementEvent: false, recipientAccountId: ACCOUNT, sharedEventID: '2c7f0b9e-8e0a-4a8d-9b7a-9d5b6c0e1f22',
    eventCategory: 'Data',
  }),
  anonymous: (): Rec => {
    const r = hand.awsAccount();
    r.userIdentity = { type: 'AWSAccount', principalId: '', accountId: 'ANONYMOUS_PRINCIPAL' };
    delete r.sharedEventID;
    return r;
  },
  identityCenterUser: (): Rec => ({
    eventVersion: '1.09',
    userIdentity: {
      type: 'IdentityCenterUser', accountId: ACCOUNT,
      onBehalfOf: { userId: '94482488-3041-7026-18f3-be45837cd0e4', identityStoreArn: `arn:aws:identitystore::${ACCOUNT}:identitystore/d-9067230fe5` },
      credentialId: 'EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE',
    },
    eventTime: '2024-04-02T08:00:00Z', eventSource: 'sso.amazonaws.com', eventName: 'ListAccounts', awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.5', userAgent: 'Mozilla/5.0', requestParameters: null, responseElements: null,
    requestID: '3b178a74-4c5c-4fa8-8730-c2995e751f78', eventID: '2127ca9e-40d2-49b0-8a1e-6d2f3c4b5a69', readOnly: true,
    eventType: 'AwsApiCall', managementEvent: true, recipientAccountId: ACCOUNT, eventCategory: 'Management',
  }),
  samlUser: (): Rec => ({
    eventVersion: '1.08',
    userIdentity: { type: 'SAMLUser', principalId: 'SampleUkh1i4+ExamplexL/jEvs=:SamlExample', userName: 'SamlExample', identityProvider: 'bdGOnTesti4+ExamplexL/jEvs=' },
    eventTime: '2024-04-02T09:00:00Z', eventSource: 'sts.amazonaws.com', eventName: 'AssumeRoleWithSAML', awsRegion: 'us-east-2',
    sourceIPAddress: '192.0.2.101', userAgent: 'aws-cli/2.13.5',
    requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT}:role/SAMLTestRoleShibboleth`, principalArn: `arn:aws:iam::${ACCOUNT}:saml-provider/Shibboleth`, durationSeconds: 3600 },
    responseElements: { subjectType: 'transient', issuer: 'https://server.example.com/idp/shibboleth', audience: 'https://signin.aws.amazon.com/saml' },
    requestID: '6EXAMPLE-e595-11e5-b2c7-c974fEXAMPLE', eventID: 'dd1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6', readOnly: true,
    resources: [{ ARN: `arn:aws:iam::${ACCOUNT}:role/SAMLTestRoleShibboleth`, accountId: ACCOUNT, type: 'AWS::IAM::Role' }],
    eventType: 'AwsApiCall', managementEvent: true, recipientAccountId: ACCOUNT, eventCategory: 'Management',
  }),
  webIdentityUser: (): Rec => {
    const r = hand.samlUser();
    r.userIdentity = {
      type: 'WebIdentityUser', principalId: 'accounts.google.com:application-id.apps.googleusercontent.com:user-id',
      userName: 'user-id', identityProvider: 'accounts.google.com',
    };
    r.eventName = 'AssumeRoleWithWebIdentity';
    r.requestParameters = { roleArn: `arn:aws:iam::${ACCOUNT}:role/FederatedWebIdentityRole`, roleSessionName: 'app1' };
    r.responseElements = null;
    r.resources = [{ ARN: `arn:aws:iam::${ACCOUNT}:role/FederatedWebIdentityRole`, accountId: ACCOUNT, type: 'AWS::IAM::Role' }];
    return r;
  },
  role: (): Rec => {
    const r = hand.identityCenterUser();
    r.userIdentity = { type: 'Role', principalId: 'AROAEXAMPLEROLEID1234', arn: `arn:aws:iam::${ACCOUNT}:role/Admin`, accountId: ACCOUNT };
    r.eventSource = 'ec2.amazonaws.com';
    r.eventName = 'DescribeInstances';
    return r;
  },
  directory: (): Rec => {
    const r = hand.identityCenterUser();
    r.userIdentity = { type: 'Directory', principalId: 'S-1-5-21-1234567890', accountId: ACCOUNT, userName: 'alice' };
    r.eventSource = 'workdocs.amazonaws.com';
    r.eventName = 'DescribeUsers';
    return r;
  },
  /** userIdentity type Unknown with an empty arn (AWS WorkSpaces sign-in doc example). */
  unknown: (): Rec => ({
    eventVersion: '1.11',
    userIdentity: { type: 'Unknown', principalId: ACCOUNT, arn: '', accountId: ACCOUNT, accessKeyId: '', userName: 'exampleuser' },
    eventTime: '2025-04-14T23:56:26Z', eventSource: 'signin.amazonaws.com', eventName: 'CredentialChallenge', awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.1', userAgent: 'Mozilla/5.0', requestParameters: null, responseElements: null,
    additionalEventData: { AuthWorkflowID: '9de74b32-8362-4a01-a524-de21df59fd83', CredentialType: 'PASSWORD' },
    requestID: '2da067db-b2ad-42de-bfb3-16ac48d08435', eventID: '01dc9ac8-2e6b-4ef7-9390-a76b3935620e', readOnly: false,
    eventType: 'AwsServiceEvent', managementEvent: true, eventCategory: 'Management', recipientAccountId: ACCOUNT,
    serviceEventDetails: { CredentialChallenge: 'Success' },
  }),
  /** KMS automatic key rotation: userIdentity without type (AWS KMS developer guide). */
  serviceEvent: (): Rec => ({
    eventVersion: '1.08',
    userIdentity: { accountId: ACCOUNT, invokedBy: 'AWS Internal' },
    eventTime: '2021-01-14T01:41:59Z', eventSource: 'kms.amazonaws.com', eventName: 'RotateKey', awsRegion: 'us-west-2',
    sourceIPAddress: 'AWS Internal', userAgent: 'AWS Internal', requestParameters: null, responseElements: null,
    eventID: 'a24b3967-ddad-417f-9b22-2332b918db06', readOnly: false,
    resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` }],
    eventType: 'AwsServiceEvent', managementEvent: true, recipientAccountId: ACCOUNT,
    serviceEventDetails: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' }, eventCategory: 'Management',
  }),
  consoleAction: (): Rec => ({
    eventVersion: '1.08',
    userIdentity: {
      type: 'IAMUser', principalId: 'AIDACKCEVSQ6C2EXAMPLE', arn: `arn:aws:iam::${ACCOUNT}:user/anaya`, accountId: ACCOUNT,
      accessKeyId: 'ASIAQRSTUVWXYZ234567', userName: 'anaya',
      sessionContext: { sessionIssuer: {}, webIdFederationData: {}, attributes: { creationDate: '2024-03-01T09:59:00Z', mfaAuthenticated: 'true' } },
    },
    eventTime: '2024-03-01T10:00:00Z', eventSource: 'health.amazonaws.com', eventName: 'DescribeEventAggregates', awsRegion: 'us-east-1',
    sourceIPAddress: '192.0.2.10', userAgent: 'console.amazonaws.com', requestParameters: null, responseElements: null,
    eventID: '7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5', readOnly: true, eventType: 'AwsConsoleAction', managementEvent: true,
    recipientAccountId: ACCOUNT, eventCategory: 'Management', sessionCredentialFromConsole: 'true',
  }),
  /** Network activity denied by a VPC endpoint policy (current CloudTrail events page, 1.09). */
  networkActivity: (): Rec => ({
    eventVersion: '1.09',
    userIdentity: { type: 'AWSAccount', principalId: 'AIDAQRSTUVWXYZ2345678', accountId: OTHER },
    eventTime: '2024-06-01T12:00:00Z', eventSource: 'kms.amazonaws.com', eventName: 'ListKeys', awsRegion: 'us-east-1',
    sourceIPAddress: '10.0.1.23', errorCode: 'VpceAccessDenied', errorMessage: 'The request was denied due to a VPC endpoint policy',
    requestID: '3a8e4b2c-1d5f-4e6a-9b7c-0d1e2f3a4b5c', eventID: '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
    eventType: 'AwsVpceEvent', recipientAccountId: ACCOUNT, sharedEventID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    vpcEndpointId: 'vpce-0123456789abcdef0', vpcEndpointAccountId: ACCOUNT, eventCategory: 'NetworkActivity',
  }),
};

export const INSIGHT_ID = 'fb8b8b4e-1f5b-4f6c-9c1d-3e2a1b0c9d8e';

/** A call-rate Insight, Start and End, linked by sharedEventID (ref §3 and the doc example). */
export function insightPair(): { start: Rec; end: Rec } {
  const attributions = (insight: number, baseline: number) => [
    {
      attribute: 'userIdentityArn',
      insight: [{ value: `arn:aws:sts::${ACCOUNT}:assumed-role/CoolRole/i-0ae1d49c2ab1c2d3e`, average: insight }],
      baseline: [{ value: `arn:aws:sts::${ACCOUNT}:assumed-role/CoolRole/i-0ae1d49c2ab1c2d3e`, average: baseline }],
    },
    { attribute: 'userAgent', insight: [{ value: 'Amazon SSM Agent', average: insight }], baseline: [{ value: 'Amazon SSM Agent', average: baseline }] },
    { attribute: 'errorCode', insight: [{ value: 'null', average: insight }], baseline: [{ value: 'null', average: baseline }] },
  ];
  const record = (state: 'Start' | 'End', eventID: string, eventTime: string, insight: number, duration?: number): Rec => ({
    eventVersion: '1.07',
    eventTime,
    awsRegion: 'us-east-1',
    eventID,
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: ACCOUNT,
    sharedEventID: INSIGHT_ID,
    insightDetails: {
      state,
      eventSource: 'ssm.amazonaws.com',
      eventName: 'UpdateInstanceAssociationStatus',
      insightType: 'ApiCallRateInsight',
      insightContext: {
        statistics: {
          baseline: { average: 0.0442 },
          insight: { average: insight },
          ...(duration !== undefined ? { insightDuration: duration } : {}),
          baselineDuration: 11459,
        },
        attributions: attributions(insight, 0.0442),
      },
    },
    eventCategory: 'Insight',
  });
  return {
    start: record('Start', '3c5a2b1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d', '2024-05-01T10:01:00Z', 2),
    end: record('End', '4d6b3c2e-1f0a-4b9c-8d7e-7f6a5b4c3d2e', '2024-05-01T10:05:00Z', 1.5, 4),
  };
}

/** An error-rate Insight Start: errorCode set, no errorCode attribution. */
export function errorRateInsight(): Rec {
  const { start } = insightPair();
  start.sharedEventID = '5e7c4d3f-2a1b-4c0d-9e8f-8a7b6c5d4e3f';
  start.eventID = '6f8d5e4a-3b2c-4d1e-8f9a-9b8c7d6e5f4a';
  start.insightDetails.insightType = 'ApiErrorRateInsight';
  start.insightDetails.errorCode = 'NoSuchEntityException';
  start.insightDetails.eventSource = 'iam.amazonaws.com';
  start.insightDetails.eventName = 'GetRolePolicy';
  start.insightDetails.insightContext.attributions = start.insightDetails.insightContext.attributions.filter((a: Rec) => a.attribute !== 'errorCode');
  return start;
}
