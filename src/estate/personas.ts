import type { Persona } from '../activity/persona.js';
import { TERRAFORM_USER_AGENTS } from '../world/pools.js';

/**
 * The default benign estate: who works in a typical organisation's accounts, how each gets
 * its credentials (estate-reference.md §1), when, and what it calls.
 *
 * The mix follows estate-reference.md §4: AWS services dominate (Config sweeps, service
 * AssumeRole, KMS data-key calls by services), reads outnumber writes, and errors are a
 * steady trickle. Operation mixes come from the hand-tuned catalog and leave out calls
 * the SigmaHQ CloudTrail rules treat as suspicious (security-group ingress, trail and
 * recorder changes, ListBuckets by non-role callers, GetSessionToken, ...), so a detection
 * run over background traffic alone fires only the rules that fire on any real estate:
 * 905d389b (any assumed-role call) and, in an organization, f43f5d2f (any
 * AssumeRoleWithSAML, which every Identity Center role session makes) and 8ad1600d (any
 * root call; the management account's root user signs in rarely). Identity Center,
 * organization automation and root personas exist only in organization accounts
 * (`organization: true`): Identity Center account access needs an organization.
 *
 * Hours are UTC. Weights are shares of an account-region's calls; issuing records are
 * written on top of them.
 */

const TERRAFORM_PLAN: readonly (readonly [string, number])[] = [
  ['sts:GetCallerIdentity', 3], ['ec2:DescribeInstances', 4], ['ec2:DescribeVpcs', 3], ['ec2:DescribeSubnets', 3], ['ec2:DescribeSecurityGroups', 4],
  ['ec2:DescribeRouteTables', 2], ['ec2:DescribeNetworkAcls', 1], ['ec2:DescribeNatGateways', 1], ['ec2:DescribeVpcEndpoints', 1], ['ec2:DescribeLaunchTemplates', 1],
  ['ec2:DescribeImages', 1], ['ec2:DescribeTags', 1], ['ec2:DescribeAddresses', 1], ['ec2:DescribeKeyPairs', 0.5], ['ec2:DescribeAvailabilityZones', 1],
  ['iam:GetRole', 4], ['iam:ListAttachedRolePolicies', 2], ['iam:ListRolePolicies', 2], ['iam:GetPolicy', 2], ['iam:GetPolicyVersion', 2], ['iam:ListInstanceProfilesForRole', 1],
  ['s3:GetBucketPolicy', 2], ['s3:GetBucketVersioning', 2], ['s3:GetBucketAcl', 1], ['s3:GetBucketCors', 1], ['s3:GetBucketWebsite', 1], ['s3:GetBucketLogging', 1],
  ['s3:GetBucketTagging', 1], ['s3:GetBucketEncryption', 1], ['s3:GetPublicAccessBlock', 1], ['s3:GetBucketOwnershipControls', 0.5], ['s3:GetBucketLifecycleConfiguration', 0.5],
  ['s3:GetBucketReplication', 0.5], ['s3:GetBucketRequestPayment', 0.5], ['s3:GetBucketAccelerateConfiguration', 0.5], ['s3:GetObjectLockConfiguration', 0.5],
  ['lambda:GetFunction', 2], ['lambda:ListVersionsByFunction', 1], ['lambda:GetPolicy', 0.5], ['lambda:GetFunctionConfiguration', 0.5],
  ['dynamodb:DescribeTable', 2], ['dynamodb:DescribeContinuousBackups', 1], ['dynamodb:DescribeTimeToLive', 1], ['dynamodb:ListTagsOfResource', 1],
  ['kms:DescribeKey', 1], ['kms:GetKeyPolicy', 1], ['kms:GetKeyRotationStatus', 1], ['kms:ListAliases', 0.5],
  ['logs:DescribeLogGroups', 1], ['sns:GetTopicAttributes', 1], ['sns:ListTagsForResource', 0.5], ['sqs:GetQueueAttributes', 1],
  ['rds:DescribeDBInstances', 1], ['rds:DescribeDBClusters', 0.5], ['elasticloadbalancing:DescribeLoadBalancers', 1], ['elasticloadbalancing:DescribeTargetGroups', 1],
  ['elasticloadbalancing:DescribeListeners', 0.5], ['elasticloadbalancing:DescribeLoadBalancerAttributes', 0.5], ['ecs:DescribeServices', 1], ['ecs:DescribeClusters', 0.5],
  ['ecs:DescribeTaskDefinition', 0.5], ['ecr:DescribeRepositories', 0.5], ['secretsmanager:DescribeSecret', 1], ['secretsmanager:GetResourcePolicy', 0.5],
  ['ssm:GetParameter', 1], ['route53:GetHostedZone', 0.5], ['route53:ListResourceRecordSets', 0.5], ['cloudfront:GetDistribution', 0.3], ['cloudwatch:DescribeAlarms', 0.5],
  ['autoscaling:DescribeAutoScalingGroups', 0.5], ['eks:DescribeCluster', 0.3], ['elasticache:DescribeReplicationGroups', 0.3], ['elasticfilesystem:DescribeFileSystems', 0.3],
  // apply
  ['ec2:CreateTags', 0.5], ['lambda:UpdateFunctionCode', 0.3], ['lambda:PublishVersion', 0.2], ['s3:PutBucketTagging', 0.2], ['iam:TagUser', 0.05],
  ['ssm:PutParameter', 0.2], ['sns:SetTopicAttributes', 0.1], ['sqs:SetQueueAttributes', 0.1], ['logs:PutRetentionPolicy', 0.1], ['dynamodb:UpdateContinuousBackups', 0.05],
  ['cloudformation:DescribeStacks', 1], ['cloudformation:CreateChangeSet', 0.2], ['cloudformation:DescribeChangeSet', 0.3], ['cloudformation:ExecuteChangeSet', 0.15],
  ['cloudformation:DescribeStackEvents', 0.4], ['cloudformation:GetTemplateSummary', 0.1], ['cloudformation:ValidateTemplate', 0.1],
];

const DEVELOPER: readonly (readonly [string, number])[] = [
  ['sts:GetCallerIdentity', 2], ['ec2:DescribeInstances', 4], ['ec2:DescribeInstanceStatus', 1], ['ec2:DescribeVolumes', 1], ['ec2:GetConsoleOutput', 0.2],
  ['s3:ListBuckets', 2], ['s3:ListObjectsV2', 3], ['s3:GetObject', 3], ['s3:PutObject', 1], ['s3:HeadObject', 1], ['s3:GetBucketLocation', 1],
  ['lambda:ListFunctions', 2], ['lambda:GetFunction', 2], ['lambda:Invoke', 1], ['lambda:UpdateFunctionCode', 0.3], ['lambda:ListAliases', 0.3], ['lambda:ListEventSourceMappings', 0.3],
  ['logs:DescribeLogGroups', 3], ['logs:DescribeLogStreams', 3], ['cloudwatch:GetMetricData', 2], ['cloudwatch:ListMetrics', 1], ['cloudwatch:GetMetricStatistics', 1],
  ['dynamodb:ListTables', 1], ['dynamodb:DescribeTable', 1], ['dynamodb:Query', 2], ['dynamodb:Scan', 1], ['dynamodb:GetItem', 1],
  ['ecs:ListClusters', 1], ['ecs:ListServices', 1], ['ecs:DescribeServices', 1], ['ecs:ListTasks', 1], ['ecs:DescribeTasks', 1], ['ecs:UpdateService', 0.2],
  ['sqs:ListQueues', 1], ['sqs:GetQueueAttributes', 1], ['sqs:ReceiveMessage', 0.5], ['sns:ListTopics', 1], ['sns:ListSubscriptionsByTopic', 0.5],
  ['secretsmanager:ListSecrets', 0.5], ['secretsmanager:GetSecretValue', 0.5], ['ssm:GetParameter', 1], ['ssm:GetParametersByPath', 0.5], ['ssm:DescribeParameters', 0.5],
  ['cloudformation:DescribeStacks', 1], ['cloudformation:ListStacks', 0.5], ['cloudformation:DescribeStackResources', 0.5], ['cloudformation:GetTemplate', 0.2],
  ['ec2:StartInstances', 0.2], ['ec2:StopInstances', 0.2], ['ec2:RebootInstances', 0.1], ['ecr:DescribeImages', 0.5], ['ecr:DescribeRepositories', 0.5],
  ['rds:DescribeDBInstances', 0.5], ['elasticloadbalancing:DescribeTargetHealth', 0.5], ['kms:ListKeys', 0.2], ['xray:GetSamplingRules', 0.1],
  ['glue:GetDatabases', 0.3], ['glue:GetTables', 0.3], ['bedrock:ListFoundationModels', 0.2], ['bedrock:InvokeModel', 0.3],
];

const ADMIN_CONSOLE: readonly (readonly [string, number])[] = [
  ['iam:ListUsers', 2], ['iam:ListRoles', 3], ['iam:GetUser', 1], ['iam:GetRole', 2], ['iam:ListPolicies', 1], ['iam:GetAccountSummary', 1],
  ['iam:ListAccountAliases', 1], ['iam:ListGroups', 1], ['iam:ListAttachedUserPolicies', 1], ['iam:ListMFADevices', 1], ['iam:ListAccessKeys', 1],
  ['iam:GetAccountPasswordPolicy', 0.5], ['iam:GenerateCredentialReport', 0.2], ['iam:GetCredentialReport', 0.2], ['iam:GetServiceLastAccessedDetails', 0.2],
  ['iam:SimulatePrincipalPolicy', 0.2], ['iam:GetAccountAuthorizationDetails', 0.1], ['iam:ListEntitiesForPolicy', 0.3], ['iam:ListSAMLProviders', 0.2],
  ['cloudtrail:DescribeTrails', 1], ['cloudtrail:GetTrailStatus', 1], ['cloudtrail:LookupEvents', 2], ['cloudtrail:GetEventSelectors', 0.5], ['cloudtrail:ListTrails', 0.5],
  ['guardduty:ListDetectors', 1], ['guardduty:GetDetector', 0.5], ['guardduty:ListFindings', 1], ['guardduty:GetFindings', 1],
  ['securityhub:DescribeHub', 0.5], ['securityhub:GetFindings', 1], ['securityhub:GetEnabledStandards', 0.5], ['securityhub:GetInsights', 0.3],
  ['config:DescribeConfigRules', 0.5], ['config:DescribeConfigurationRecorderStatus', 0.3], ['config:DescribeDeliveryChannels', 0.2],
  ['cloudwatch:DescribeAlarms', 1], ['cloudwatch:DescribeAlarmHistory', 0.3], ['ec2:DescribeInstances', 2], ['ec2:DescribeRegions', 0.5], ['ec2:GetEbsEncryptionByDefault', 0.2],
  ['organizations:DescribeOrganization', 0.5], ['account:GetContactInformation', 0.2], ['account:GetAlternateContact', 0.2], ['account:ListRegions', 0.2],
  ['access-analyzer:ListAnalyzers', 0.3], ['access-analyzer:ListFindings', 0.3], ['backup:ListBackupPlans', 0.3], ['backup:ListBackupJobs', 0.3],
  ['support:DescribeTrustedAdvisorChecks', 0.2], ['support:DescribeCases', 0.1], ['health:DescribeEvents', 0.3], ['kms:ListKeys', 0.3], ['kms:ListAliases', 0.3],
  ['ses:GetSendQuota', 0.1], ['ses:ListIdentities', 0.1], ['route53:ListHostedZones', 0.3], ['route53domains:ListDomains', 0.1], ['cloudfront:ListDistributions', 0.2],
  ['compute-optimizer:GetEnrollmentStatus', 0.1], ['sso:ListInstances', 0.1], ['sso:ListPermissionSets', 0.1],
];

const CONFIG_SWEEP: readonly (readonly [string, number])[] = [
  ['ec2:DescribeSecurityGroups', 3], ['ec2:DescribeInstances', 2], ['ec2:DescribeVolumes', 1], ['ec2:DescribeNetworkInterfaces', 1], ['ec2:DescribeVpcs', 1],
  ['ec2:DescribeSubnets', 1], ['ec2:DescribeRouteTables', 1], ['ec2:DescribeNetworkAcls', 1], ['ec2:DescribeFlowLogs', 0.5], ['ec2:DescribeSecurityGroupRules', 0.5],
  ['s3:GetBucketAcl', 2], ['s3:GetBucketPolicy', 2], ['s3:GetBucketVersioning', 1], ['s3:GetBucketLogging', 1], ['s3:GetBucketNotification', 1], ['s3:GetBucketTagging', 1],
  ['s3:GetBucketEncryption', 1], ['s3:GetBucketLifecycleConfiguration', 1], ['s3:GetBucketReplication', 1], ['s3:GetBucketCors', 1], ['s3:GetBucketWebsite', 1],
  ['s3:GetPublicAccessBlock', 1], ['s3:GetBucketPolicyStatus', 1], ['s3:GetBucketLocation', 1], ['s3:GetBucketOwnershipControls', 0.5],
  ['iam:GetRole', 1], ['iam:ListRolePolicies', 0.5], ['iam:ListAttachedRolePolicies', 0.5], ['iam:GetUser', 0.5], ['iam:ListUserPolicies', 0.5], ['iam:ListAttachedUserPolicies', 0.5],
  ['iam:ListGroupsForUser', 0.3], ['iam:GetPolicy', 0.5], ['iam:ListVirtualMFADevices', 0.2],
  ['lambda:GetFunction', 0.5], ['lambda:ListTags', 0.3], ['rds:DescribeDBInstances', 0.5], ['rds:DescribeDBSnapshots', 0.3], ['rds:DescribeDBClusters', 0.3],
  ['sns:GetTopicAttributes', 0.5], ['sns:ListTopics', 0.3], ['sqs:ListQueues', 0.3], ['kms:DescribeKey', 0.5], ['kms:GetKeyRotationStatus', 0.3],
  ['elasticloadbalancing:DescribeLoadBalancers', 0.5], ['elasticloadbalancing:DescribeLoadBalancerAttributes', 0.3], ['cloudtrail:DescribeTrails', 0.3],
  ['secretsmanager:DescribeSecret', 0.3], ['dynamodb:DescribeTable', 0.3], ['logs:DescribeLogGroups', 0.3], ['elasticfilesystem:DescribeFileSystems', 0.2],
  ['config:PutEvaluations', 0.5],
];

export const DEFAULT_PERSONAS: readonly Persona[] = [
  // --- people -------------------------------------------------------------------------
  {
    name: 'developer-alice',
    organization: true,
    weight: 7,
    accounts: 'members',
    identity: { kind: 'role-session', roleName: 'AWSReservedSSO_DeveloperAccess', sessionName: 'user-name', issuer: { by: 'identity-center', userName: 'alice.nguyen@acme.example', permissionSet: 'DeveloperAccess' }, schedule: { everyHours: 24, durationHours: 12, offsetHours: 7, jitterMinutes: 60, activeHours: 9, chance: 0.9 }, keyDiffers: true },
    operations: DEVELOPER,
    errorRate: 0.03,
  },
  {
    name: 'developer-bob',
    organization: true,
    weight: 6,
    accounts: 'members',
    identity: { kind: 'role-session', roleName: 'AWSReservedSSO_DeveloperAccess', sessionName: 'user-name', issuer: { by: 'identity-center', userName: 'bob.okafor@acme.example', permissionSet: 'DeveloperAccess' }, schedule: { everyHours: 24, durationHours: 8, offsetHours: 13, jitterMinutes: 90, activeHours: 7.5, chance: 0.85 }, keyDiffers: true },
    operations: DEVELOPER,
    errorRate: 0.03,
  },
  {
    name: 'readonly-auditor',
    organization: true,
    weight: 2,
    identity: { kind: 'role-session', roleName: 'AWSReservedSSO_ReadOnlyAccess', sessionName: 'user-name', issuer: { by: 'identity-center', userName: 'sam.ito@acme.example', permissionSet: 'ReadOnlyAccess' }, schedule: { everyHours: 24, durationHours: 4, offsetHours: 9, jitterMinutes: 120, activeHours: 3, chance: 0.6 }, keyDiffers: true },
    operations: ADMIN_CONSOLE,
  },
  {
    name: 'cloud-admin-console',
    weight: 4,
    identity: { kind: 'console-user', userName: 'cloud-admin', mfa: true, schedule: { everyHours: 24, durationHours: 12, offsetHours: 8, jitterMinutes: 120, activeHours: 6, chance: 0.8 } },
    operations: ADMIN_CONSOLE,
  },
  {
    name: 'ops-admin-cli',
    weight: 2,
    identity: { kind: 'iam-user', userName: 'ops-admin' },
    operations: [
      ['iam:ListUsers', 3], ['iam:ListRoles', 3], ['iam:GetUser', 3], ['sts:GetCallerIdentity', 3], ['cloudtrail:GetTrailStatus', 1],
      ['cloudtrail:DescribeTrails', 1], ['cloudtrail:LookupEvents', 1], ['iam:ListPolicies', 1], ['iam:GetAccessKeyLastUsed', 0.5], ['ec2:DescribeRegions', 0.5],
    ],
  },
  {
    name: 'reporting-federation',
    weight: 1.5,
    accounts: 'members',
    identity: { kind: 'federated', userName: 'bi-broker', federatedName: 'bi-dashboard', schedule: { everyHours: 12, durationHours: 12, offsetHours: 6, jitterMinutes: 30 } },
    operations: [['s3:GetObject', 4], ['s3:ListObjectsV2', 2], ['s3:HeadObject', 1], ['glue:GetTables', 1], ['glue:GetDatabases', 0.5], ['dynamodb:Query', 1]],
  },
  {
    name: 'root-user',
    weight: 0.5,
    organization: true,
    accounts: 'management',
    identity: { kind: 'root', schedule: { everyHours: 24, durationHours: 1, offsetHours: 16, jitterMinutes: 180, activeHours: 0.3, chance: 0.35 } },
    operations: [['account:GetContactInformation', 2], ['account:GetAlternateContact', 1], ['iam:GetAccountSummary', 2], ['iam:ListAccountAliases', 1], ['iam:GetAccountPasswordPolicy', 1], ['account:GetRegionOptStatus', 0.5]],
  },
  // --- CI/CD ----------------------------------------------------------------------------
  {
    name: 'ci-terraform',
    weight: 14,
    identity: { kind: 'role-session', roleName: 'terraform-ci', sessionName: 'GitHubActions', issuer: { by: 'web-identity', subject: 'repo:acme/infrastructure:ref:refs/heads/main' }, schedule: { everyHours: 1, durationHours: 1, offsetHours: 0.1, jitterMinutes: 10, activeHours: 0.6, chance: 0.75 }, userAgents: TERRAFORM_USER_AGENTS },
    operations: TERRAFORM_PLAN,
    errorRate: 0.015,
  },
  {
    name: 'cloudformation-stack',
    weight: 2,
    identity: { kind: 'via-service', persona: 'ci-terraform', host: 'cloudformation.amazonaws.com' },
    operations: [
      ['iam:GetRole', 2], ['iam:CreateRole', 0.2], ['iam:AttachRolePolicy', 0.2], ['iam:PutRolePolicy', 0.2], ['lambda:CreateFunction', 0.2], ['lambda:GetFunction', 2],
      ['lambda:UpdateFunctionCode', 0.3], ['lambda:AddPermission', 0.2], ['sns:CreateTopic', 0.2], ['sqs:CreateQueue', 0.2], ['logs:CreateLogGroup', 0.3], ['logs:PutRetentionPolicy', 0.3],
      ['dynamodb:DescribeTable', 1], ['dynamodb:UpdateTable', 0.1], ['ssm:PutParameter', 0.3], ['ssm:GetParameters', 1], ['ec2:CreateTags', 0.5], ['ec2:DescribeSecurityGroups', 1],
      ['s3:PutBucketTagging', 0.2], ['s3:GetBucketPolicy', 0.5], ['kms:DescribeKey', 0.5],
    ],
  },
  {
    name: 'org-automation',
    organization: true,
    weight: 3,
    accounts: 'management',
    identity: { kind: 'role-session', roleName: 'platform-automation', sessionName: 'GitHubActions', issuer: { by: 'web-identity', subject: 'repo:acme/platform:ref:refs/heads/main' }, schedule: { everyHours: 1, durationHours: 1, offsetHours: 0.3 }, userAgents: TERRAFORM_USER_AGENTS },
    operations: [['organizations:ListAccounts', 2], ['organizations:DescribeOrganization', 1], ['organizations:ListPolicies', 1], ['organizations:ListRoots', 0.5], ['sts:GetCallerIdentity', 1], ['iam:ListRoles', 1]],
  },
  {
    name: 'cross-account-deploy',
    organization: true,
    weight: 3,
    accounts: 'members',
    identity: { kind: 'role-session', roleName: 'platform-deploy', sessionName: 'botocore', issuer: { by: 'role', persona: 'org-automation', account: 'management' }, schedule: { everyHours: 1, durationHours: 1, offsetHours: 0.35, activeHours: 0.5 }, userAgents: TERRAFORM_USER_AGENTS },
    operations: [['sts:GetCallerIdentity', 2], ['iam:GetRole', 2], ['ec2:DescribeVpcs', 1], ['s3:GetBucketPolicy', 1], ['config:DescribeConfigurationRecorders', 1], ['guardduty:ListDetectors', 1], ['securityhub:DescribeHub', 1], ['cloudtrail:GetTrail', 0.5]],
  },
  // --- applications -----------------------------------------------------------------------
  {
    name: 'orders-api-ecs',
    weight: 12,
    network: 'aws',
    identity: { kind: 'role-session', roleName: 'orders-api-task-role', sessionName: 'task-id', issuer: { by: 'service', host: 'ecs-tasks.amazonaws.com' }, schedule: { everyHours: 3, durationHours: 6, offsetHours: 0.5, jitterMinutes: 20 } },
    operations: [
      ['secretsmanager:GetSecretValue', 2], ['s3:GetObject', 5], ['s3:PutObject', 2], ['dynamodb:GetItem', 6], ['dynamodb:PutItem', 3], ['dynamodb:Query', 3], ['dynamodb:UpdateItem', 2],
      ['dynamodb:BatchGetItem', 0.5], ['kms:Decrypt', 2], ['kms:GenerateDataKey', 1], ['sqs:SendMessage', 1], ['sns:Publish', 0.5], ['ssm:GetParameters', 0.5], ['xray:GetSamplingTargets', 0.3],
    ],
  },
  {
    name: 'image-pipeline-lambda',
    weight: 8,
    network: 'aws',
    identity: { kind: 'role-session', roleName: 'image-pipeline-lambda-role', sessionName: 'function-name', issuer: { by: 'service', host: 'lambda.amazonaws.com' }, schedule: { everyHours: 6, durationHours: 12, offsetHours: 2, jitterMinutes: 30 } },
    operations: [
      ['logs:CreateLogStream', 2], ['s3:GetObject', 4], ['s3:PutObject', 3], ['dynamodb:PutItem', 2], ['dynamodb:UpdateItem', 1], ['kms:Decrypt', 1],
      ['sqs:ReceiveMessage', 2], ['sqs:DeleteMessage', 2], ['sns:Publish', 0.5], ['xray:GetSamplingRules', 0.3], ['bedrock:InvokeModel', 0.3],
    ],
  },
  {
    name: 'web-tier-ec2',
    weight: 8,
    network: 'aws',
    identity: { kind: 'role-session', roleName: 'web-tier-instance-role', sessionName: 'instance-id', issuer: { by: 'service', host: 'ec2.amazonaws.com' }, ec2RoleDelivery: '2.0', schedule: { everyHours: 1, durationHours: 6, offsetHours: 0.25, jitterMinutes: 10 } },
    operations: [
      ['ssm:UpdateInstanceInformation', 3], ['ssm:GetParameter', 2], ['s3:GetObject', 3], ['s3:PutObject', 1], ['logs:CreateLogStream', 0.5], ['ec2:DescribeTags', 1],
      ['ec2:DescribeInstances', 0.5], ['kms:Decrypt', 1], ['secretsmanager:GetSecretValue', 1], ['ecr:GetAuthorizationToken', 0.5], ['ecr:BatchGetImage', 0.5],
      ['ecr:GetDownloadUrlForLayer', 0.5], ['ecr:BatchCheckLayerAvailability', 0.3], ['cloudwatch:ListMetrics', 0.3],
    ],
  },
  // --- AWS services -------------------------------------------------------------------
  {
    name: 'config-recorder',
    weight: 10,
    identity: { kind: 'role-session', roleName: 'AWSServiceRoleForConfig', sessionName: 'AWSConfig-Describe', invokedBy: 'config.amazonaws.com', schedule: { everyHours: 1, durationHours: 1, offsetHours: 0.05 }, keyDiffers: true },
    operations: CONFIG_SWEEP,
    errorRate: 0.05,
  },
  {
    name: 'autoscaling-service',
    weight: 2,
    identity: { kind: 'role-session', roleName: 'AWSServiceRoleForAutoScaling', sessionName: 'AutoScaling', invokedBy: 'autoscaling.amazonaws.com', schedule: { everyHours: 1, durationHours: 0.5, offsetHours: 0.2 } },
    operations: [['ec2:DescribeInstanceStatus', 4], ['ec2:DescribeInstances', 2], ['elasticloadbalancing:DescribeTargetHealth', 1], ['ec2:DescribeLaunchTemplates', 0.5], ['ec2:DescribeInstanceTypes', 0.3]],
  },
  {
    name: 'elb-service',
    weight: 1,
    identity: { kind: 'role-session', roleName: 'AWSServiceRoleForElasticLoadBalancing', sessionName: 'ElasticLoadBalancing', invokedBy: 'elasticloadbalancing.amazonaws.com', schedule: { everyHours: 2, durationHours: 1, offsetHours: 0.4 } },
    operations: [['ec2:DescribeNetworkInterfaces', 2], ['ec2:DescribeSubnets', 1], ['ec2:DescribeSecurityGroups', 1], ['ec2:DescribeVpcs', 0.5], ['ec2:DescribeAddresses', 0.5]],
  },
  {
    name: 'guardduty-service',
    weight: 2,
    identity: { kind: 'role-session', roleName: 'AWSServiceRoleForAmazonGuardDuty', sessionName: 'GuardDutyAssumeRole', invokedBy: 'guardduty.amazonaws.com', schedule: { everyHours: 2, durationHours: 1, offsetHours: 0.6 } },
    operations: [['ec2:DescribeInstances', 2], ['ec2:DescribeImages', 1], ['ec2:DescribeVpcEndpoints', 0.5], ['s3:GetBucketPolicy', 1], ['s3:GetBucketAcl', 1], ['s3:GetPublicAccessBlock', 1], ['s3:GetBucketPolicyStatus', 0.5], ['iam:GetRole', 0.5], ['eks:ListClusters', 0.3], ['organizations:DescribeOrganization', 0.2]],
  },
  {
    name: 'securityhub-service',
    weight: 1.5,
    identity: { kind: 'role-session', roleName: 'AWSServiceRoleForSecurityHub', sessionName: 'securityhub', invokedBy: 'securityhub.amazonaws.com', schedule: { everyHours: 4, durationHours: 1, offsetHours: 1 } },
    operations: [['config:DescribeConfigRules', 1], ['iam:GetAccountPasswordPolicy', 1], ['cloudtrail:DescribeTrails', 1], ['cloudtrail:GetTrailStatus', 1], ['cloudtrail:GetEventSelectors', 0.5], ['cloudwatch:DescribeAlarms', 0.5], ['iam:GetAccountSummary', 0.5], ['ec2:GetEbsEncryptionByDefault', 0.5], ['kms:GetKeyRotationStatus', 0.5]],
  },
  {
    name: 'access-analyzer-service',
    weight: 1,
    identity: { kind: 'role-session', roleName: 'AWSServiceRoleForAccessAnalyzer', sessionName: 'access-analyzer', invokedBy: 'access-analyzer.amazonaws.com', schedule: { everyHours: 6, durationHours: 1, offsetHours: 3 } },
    operations: [['iam:ListRoles', 1], ['iam:GetRole', 1], ['s3:GetBucketPolicy', 1], ['s3:GetBucketAcl', 0.5], ['s3:GetPublicAccessBlock', 0.5], ['kms:ListKeys', 0.5], ['kms:GetKeyPolicy', 0.5], ['lambda:GetPolicy', 0.5], ['sqs:GetQueueAttributes', 0.3], ['secretsmanager:GetResourcePolicy', 0.3]],
  },
  {
    name: 'backup-service',
    weight: 0.8,
    identity: { kind: 'role-session', roleName: 'AWSServiceRoleForBackup', sessionName: 'AWSBackup-AWSServiceRoleForBackup', invokedBy: 'backup.amazonaws.com', schedule: { everyHours: 24, durationHours: 1, offsetHours: 3, activeHours: 0.9 } },
    operations: [['dynamodb:DescribeTable', 1], ['dynamodb:ListTagsOfResource', 0.5], ['ec2:DescribeVolumes', 1], ['ec2:CreateSnapshot', 0.5], ['ec2:DescribeSnapshots', 1], ['rds:DescribeDBInstances', 0.5], ['rds:CreateDBSnapshot', 0.2], ['elasticfilesystem:DescribeFileSystems', 0.3]],
  },
  {
    name: 'trusted-advisor-service',
    weight: 0.8,
    identity: { kind: 'role-session', roleName: 'AWSServiceRoleForTrustedAdvisor', sessionName: 'TrustedAdvisor', invokedBy: 'trustedadvisor.amazonaws.com', schedule: { everyHours: 12, durationHours: 1, offsetHours: 5 } },
    operations: [['ec2:DescribeInstances', 1], ['ec2:DescribeVolumes', 1], ['ec2:DescribeAddresses', 0.5], ['ec2:DescribeSnapshots', 0.5], ['iam:GetAccountSummary', 0.5], ['iam:GetAccountPasswordPolicy', 0.5], ['s3:GetBucketAcl', 0.5], ['s3:GetBucketPolicyStatus', 0.5], ['rds:DescribeDBInstances', 0.3], ['cloudtrail:DescribeTrails', 0.3]],
  },
  { name: 's3-kms-service', weight: 5, identity: { kind: 'service', host: 's3.amazonaws.com' }, operations: [['kms:GenerateDataKey', 2], ['kms:Decrypt', 2]] },
  { name: 'cloudtrail-service', weight: 2, identity: { kind: 'service', host: 'cloudtrail.amazonaws.com' }, operations: [['kms:GenerateDataKey', 2], ['s3:GetBucketAcl', 1]] },
  { name: 'logs-kms-service', weight: 1, identity: { kind: 'service', host: 'logs.amazonaws.com' }, operations: [['kms:GenerateDataKey', 1], ['kms:Decrypt', 1]] },
  { name: 'aws-internal-events', weight: 0.01, identity: { kind: 'aws-internal' }, operations: [['kms:RotateKey', 1]] },
];
