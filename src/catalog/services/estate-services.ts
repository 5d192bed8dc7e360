import type { CallContext } from '../types.js';
import { defineService } from '../define.js';
import { err, hex, pick, pstr, uuid, isoSec } from '../util.js';

/**
 * Services the benign estate calls that the real samples do not show: CloudFormation (CI
 * stacks), EC2 Auto Scaling, AWS Backup, IAM Access Analyzer, AWS Support's Trusted Advisor
 * API, AWS Health and Amazon ECR (image pulls by ECS tasks). Request shapes follow each
 * API's reference (required members with the documented casing; CloudTrail writes the
 * request members in lower camel case for query and json protocols). Responses are left
 * null where the service writes none for reads; create/start calls echo the new id, as the
 * API returns it.
 */

const stackName = (ctx: CallContext) => pstr(ctx, 'stackName') ?? `${ctx.rng.pick(['network', 'app', 'data', 'observability', 'iam-baseline'])}-${ctx.rng.pick(['prod', 'staging', 'shared'])}`;
const stackId = (ctx: CallContext, name: string) => `arn:${ctx.partition}:cloudformation:${ctx.region}:${ctx.accountId}:stack/${name}/${uuid(ctx.rng)}`;
const NO_STACK = err('ValidationError', (_c, r) => `Stack with id ${String(r?.stackName ?? 'unknown')} does not exist`, 1);

export const CLOUDFORMATION_OPERATIONS = defineService({ service: 'cloudformation', eventSource: 'cloudformation.amazonaws.com' }, [
  { name: 'DescribeStacks', request: (ctx) => (ctx.rng.bool(0.5) ? { stackName: stackName(ctx) } : null), errors: [NO_STACK] },
  { name: 'DescribeStackEvents', request: (ctx) => ({ stackName: stackName(ctx) }), errors: [NO_STACK] },
  { name: 'DescribeStackResources', request: (ctx) => ({ stackName: stackName(ctx) }), errors: [NO_STACK] },
  { name: 'ListStacks', request: () => ({ stackStatusFilter: ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE'] }) },
  { name: 'GetTemplate', request: (ctx) => ({ stackName: stackName(ctx), templateStage: 'Original' }), errors: [NO_STACK] },
  { name: 'GetTemplateSummary', request: (ctx) => ({ stackName: stackName(ctx) }), errors: [NO_STACK] },
  { name: 'ValidateTemplate', request: () => ({ templateBody: '' }) },
  {
    name: 'CreateChangeSet',
    readOnly: false,
    request: (ctx) => ({ stackName: stackName(ctx), changeSetName: `terraform-${hex(ctx.rng, 8)}`, changeSetType: 'UPDATE', capabilities: ['CAPABILITY_NAMED_IAM'], templateURL: `https://s3.${ctx.region}.amazonaws.com/cf-templates-${hex(ctx.rng, 12)}-${ctx.region}/template.yaml` }),
    response: (ctx, req) => ({ id: `arn:${ctx.partition}:cloudformation:${ctx.region}:${ctx.accountId}:changeSet/${String(req?.changeSetName)}/${uuid(ctx.rng)}`, stackId: stackId(ctx, String(req?.stackName)) }),
    errors: [NO_STACK, err('AlreadyExistsException', 'ChangeSet already exists', 0.2)],
  },
  { name: 'DescribeChangeSet', request: (ctx) => ({ changeSetName: `terraform-${hex(ctx.rng, 8)}`, stackName: stackName(ctx) }), errors: [err('ChangeSetNotFoundException', 'ChangeSet [terraform] does not exist')] },
  { name: 'ExecuteChangeSet', readOnly: false, request: (ctx) => ({ changeSetName: `terraform-${hex(ctx.rng, 8)}`, stackName: stackName(ctx) }), errors: [err('ChangeSetNotFoundException', 'ChangeSet [terraform] does not exist')] },
  {
    name: 'UpdateStack',
    readOnly: false,
    request: (ctx) => ({ stackName: stackName(ctx), usePreviousTemplate: true, capabilities: ['CAPABILITY_NAMED_IAM'] }),
    response: (ctx, req) => ({ stackId: stackId(ctx, String(req?.stackName)) }),
    errors: [err('ValidationError', 'No updates are to be performed.', 3), NO_STACK],
  },
]);

const asg = (ctx: CallContext) => pstr(ctx, 'autoScalingGroupName') ?? `${ctx.rng.pick(['web', 'api', 'worker', 'batch'])}-asg-${ctx.rng.pick(['prod', 'staging'])}`;

export const AUTOSCALING_OPERATIONS = defineService({ service: 'autoscaling', eventSource: 'autoscaling.amazonaws.com' }, [
  { name: 'DescribeAutoScalingGroups', request: (ctx) => (ctx.rng.bool(0.5) ? { autoScalingGroupNames: [asg(ctx)] } : null) },
  { name: 'DescribeScalingActivities', request: (ctx) => ({ autoScalingGroupName: asg(ctx) }) },
  { name: 'DescribeLaunchConfigurations', request: () => null },
  { name: 'DescribePolicies', request: (ctx) => ({ autoScalingGroupName: asg(ctx) }) },
  { name: 'DescribeAutoScalingInstances', request: () => null },
  { name: 'SetDesiredCapacity', readOnly: false, request: (ctx) => ({ autoScalingGroupName: asg(ctx), desiredCapacity: 2 + ctx.rng.int(6), honorCooldown: false }), errors: [err('ValidationError', (_c, r) => `AutoScalingGroup name not found - AutoScalingGroup ${String(r?.autoScalingGroupName)} not found`)] },
  { name: 'UpdateAutoScalingGroup', readOnly: false, request: (ctx) => ({ autoScalingGroupName: asg(ctx), minSize: 1, maxSize: 4 + ctx.rng.int(8) }), errors: [err('ScalingActivityInProgress', 'Scaling activity is in progress and blocks this action.')] },
]);

const vault = (ctx: CallContext) => pstr(ctx, 'backupVaultName') ?? ctx.rng.pick(['Default', 'prod-vault', 'compliance-vault']);

export const BACKUP_OPERATIONS = defineService({ service: 'backup', eventSource: 'backup.amazonaws.com' }, [
  { name: 'ListBackupPlans', request: () => null },
  { name: 'ListBackupVaults', request: () => null },
  { name: 'ListBackupJobs', request: (ctx) => ({ byState: ctx.rng.pick(['COMPLETED', 'RUNNING']) }) },
  { name: 'ListRecoveryPointsByBackupVault', request: (ctx) => ({ backupVaultName: vault(ctx) }), errors: [err('ResourceNotFoundException', 'Backup vault not found')] },
  { name: 'GetBackupPlan', request: (ctx) => ({ backupPlanId: uuid(ctx.rng) }), errors: [err('ResourceNotFoundException', 'Failed reading Backup plan with provided version')] },
  {
    name: 'StartBackupJob',
    readOnly: false,
    request: (ctx) => ({ backupVaultName: vault(ctx), resourceArn: pick(ctx, 'AWS::DynamoDB::Table').arn, iamRoleArn: `arn:${ctx.partition}:iam::${ctx.accountId}:role/service-role/AWSBackupDefaultServiceRole`, idempotencyToken: uuid(ctx.rng) }),
    response: (ctx) => ({ backupJobId: uuid(ctx.rng).toUpperCase(), creationDate: isoSec(ctx.time) }),
  },
  { name: 'DescribeBackupJob', request: (ctx) => ({ backupJobId: uuid(ctx.rng).toUpperCase() }) },
]);

const analyzerArn = (ctx: CallContext) => `arn:${ctx.partition}:access-analyzer:${ctx.region}:${ctx.accountId}:analyzer/ConsoleAnalyzer-${uuid(ctx.rng)}`;

export const ACCESS_ANALYZER_OPERATIONS = defineService({ service: 'access-analyzer', eventSource: 'access-analyzer.amazonaws.com' }, [
  { name: 'ListAnalyzers', request: () => ({ type: 'ACCOUNT' }) },
  { name: 'ListFindings', request: (ctx) => ({ analyzerArn: analyzerArn(ctx), filter: { status: { eq: ['ACTIVE'] } } }) },
  { name: 'ListFindingsV2', request: (ctx) => ({ analyzerArn: analyzerArn(ctx) }) },
  { name: 'GetFinding', request: (ctx) => ({ analyzerArn: analyzerArn(ctx), id: uuid(ctx.rng) }), errors: [err('ResourceNotFoundException', 'Finding not found')] },
  { name: 'ListAnalyzedResources', request: (ctx) => ({ analyzerArn: analyzerArn(ctx), resourceType: ctx.rng.pick(['AWS::S3::Bucket', 'AWS::IAM::Role', 'AWS::KMS::Key']) }) },
]);

const CHECK_IDS = ['Pfx0RwqBli', 'Qch7DwouX1', 'HCP4007jGY', 'zXCkfM1nI3', 'DAvU99Dc4C', '7DAFEmoDos', 'ePs02jT06w'] as const;

/** AWS Support API (Trusted Advisor checks); logged in us-east-1 (Support API endpoint). */
export const SUPPORT_OPERATIONS = defineService({ service: 'support', eventSource: 'support.amazonaws.com', global: true }, [
  { name: 'DescribeTrustedAdvisorChecks', request: () => ({ language: 'en' }) },
  { name: 'DescribeTrustedAdvisorCheckResult', request: (ctx) => ({ checkId: CHECK_IDS[ctx.rng.int(CHECK_IDS.length)], language: 'en' }) },
  { name: 'DescribeTrustedAdvisorCheckSummaries', request: (ctx) => ({ checkIds: [CHECK_IDS[ctx.rng.int(CHECK_IDS.length)], CHECK_IDS[ctx.rng.int(CHECK_IDS.length)]] }) },
  { name: 'RefreshTrustedAdvisorCheck', readOnly: false, request: (ctx) => ({ checkId: CHECK_IDS[ctx.rng.int(CHECK_IDS.length)] }) },
  { name: 'DescribeCases', request: () => ({ includeResolvedCases: false, language: 'en' }) },
]);

/** AWS Health API; its global endpoint is in us-east-1. */
export const HEALTH_OPERATIONS = defineService({ service: 'health', eventSource: 'health.amazonaws.com', global: true }, [
  { name: 'DescribeEvents', request: () => ({ filter: { eventStatusCodes: ['open', 'upcoming'] } }) },
  { name: 'DescribeEventAggregates', request: () => ({ aggregateField: 'eventTypeCategory' }) },
]);

const repo = (ctx: CallContext) => pstr(ctx, 'repositoryName') ?? `${ctx.rng.pick(['orders', 'billing', 'web', 'worker'])}-${ctx.rng.pick(['api', 'service', 'app'])}`;

export const ECR_OPERATIONS = defineService({ service: 'ecr', eventSource: 'ecr.amazonaws.com' }, [
  { name: 'GetAuthorizationToken', request: () => ({ registryIds: [] }) },
  { name: 'BatchCheckLayerAvailability', request: (ctx) => ({ repositoryName: repo(ctx), registryId: ctx.accountId, layerDigests: [`sha256:${hex(ctx.rng, 64)}`] }) },
  { name: 'BatchGetImage', request: (ctx) => ({ repositoryName: repo(ctx), registryId: ctx.accountId, imageIds: [{ imageTag: ctx.rng.pick(['latest', 'v1.42.0', 'main']) }], acceptedMediaTypes: ['application/vnd.docker.distribution.manifest.v2+json', 'application/vnd.oci.image.manifest.v1+json'] }), errors: [err('RepositoryNotFoundException', (ctx, r) => `The repository with name '${String(r?.repositoryName)}' does not exist in the registry with id '${ctx.accountId}'`)] },
  { name: 'GetDownloadUrlForLayer', request: (ctx) => ({ repositoryName: repo(ctx), registryId: ctx.accountId, layerDigest: `sha256:${hex(ctx.rng, 64)}` }) },
  { name: 'DescribeRepositories', request: () => null },
  { name: 'DescribeImages', request: (ctx) => ({ repositoryName: repo(ctx), registryId: ctx.accountId }) },
]);
