import type { JsonObject } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { HIDDEN, err, pick, pstr, rstr, sdkDate, uuid, hex } from '../util.js';

/**
 * Amazon ECS (json protocol). Container commands are logged as arrays inside
 * `containerDefinitions` (Sigma b94bf91e searches them for
 * `$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`): the default commands are ordinary; pass your
 * own `containerDefinitions` for the credential-theft shape. Environment values are not
 * logged.
 */

const FAMILIES = ['orders-api', 'billing-worker', 'web-frontend', 'report-cron'] as const;
const COMMANDS: readonly string[][] = [['python', 'app.py'], ['node', 'server.js'], ['/bin/sh', '-c', 'java -jar /app/service.jar'], ['gunicorn', '-b', '0.0.0.0:8080', 'app:app']];

const family = (ctx: CallContext) => pstr(ctx, 'family') ?? ctx.rng.pick(FAMILIES);
const cluster = (ctx: CallContext) => pstr(ctx, 'cluster') ?? ctx.rng.pick(['prod', 'staging', 'default']);
const clusterArn = (ctx: CallContext, c: string) => (c.startsWith('arn:') ? c : `arn:${ctx.partition}:ecs:${ctx.region}:${ctx.accountId}:cluster/${c}`);

function containerDefinitions(ctx: CallContext, fam: string): JsonObject[] {
  return [{
    name: fam,
    image: `${ctx.accountId}.dkr.ecr.${ctx.region}.amazonaws.com/${fam}:${hex(ctx.rng, 7)}`,
    cpu: 256,
    memory: 512,
    essential: true,
    command: COMMANDS[ctx.rng.int(COMMANDS.length)],
    portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
    logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${fam}`, 'awslogs-region': ctx.region, 'awslogs-stream-prefix': 'ecs' } },
  }];
}

function redactEnv(r: JsonObject): JsonObject {
  const defsV = r.containerDefinitions;
  if (!Array.isArray(defsV)) return r;
  return { ...r, containerDefinitions: defsV.map((d) => (d && typeof d === 'object' && !Array.isArray(d) && Array.isArray(d.environment) ? { ...d, environment: d.environment.map((e) => (e && typeof e === 'object' && !Array.isArray(e) ? { ...e, value: HIDDEN } : e)) } : d)) };
}

const defs: OpDef[] = [
  {
    name: 'RegisterTaskDefinition',
    request: (ctx) => { const f = family(ctx); return { family: f, containerDefinitions: containerDefinitions(ctx, f), networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', executionRoleArn: `arn:${ctx.partition}:iam::${ctx.accountId}:role/ecsTaskExecutionRole`, taskRoleArn: `arn:${ctx.partition}:iam::${ctx.accountId}:role/${f}-task-role` }; },
    response: (ctx, r) => {
      const f = rstr(r, 'family') ?? 'task';
      const rev = 1 + ctx.rng.int(120);
      return { taskDefinition: { taskDefinitionArn: `arn:${ctx.partition}:ecs:${ctx.region}:${ctx.accountId}:task-definition/${f}:${rev}`, containerDefinitions: (r?.containerDefinitions as JsonObject[] | undefined) ?? [], family: f, taskRoleArn: rstr(r, 'taskRoleArn') ?? '', executionRoleArn: rstr(r, 'executionRoleArn') ?? '', networkMode: 'awsvpc', revision: rev, volumes: [], status: 'ACTIVE', requiresAttributes: [], placementConstraints: [], compatibilities: ['EC2', 'FARGATE'], requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', registeredAt: sdkDate(ctx.time), registeredBy: ctx.identity.arn ?? '' } };
    },
    redact: redactEnv,
    errors: [err('ClientException', 'Container.image repository should not be null or empty.', 0.2)],
  },
  { name: 'DeregisterTaskDefinition', request: (ctx) => ({ taskDefinition: `${family(ctx)}:${1 + ctx.rng.int(40)}` }), errors: [err('ClientException', 'The specified task definition does not exist.')] },
  { name: 'DescribeTaskDefinition', request: (ctx) => ({ taskDefinition: `${family(ctx)}:${1 + ctx.rng.int(40)}`, include: ['TAGS'] }), errors: [err('ClientException', 'Unable to describe task definition.', 0.3)] },
  { name: 'ListTaskDefinitions', request: (ctx) => ({ familyPrefix: family(ctx), status: 'ACTIVE' }) },
  {
    name: 'RunTask',
    request: (ctx) => ({ cluster: cluster(ctx), taskDefinition: `${family(ctx)}:${1 + ctx.rng.int(40)}`, count: 1, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: [pick(ctx, 'AWS::EC2::Subnet').name], securityGroups: [pick(ctx, 'AWS::EC2::SecurityGroup').name], assignPublicIp: 'DISABLED' } }, enableECSManagedTags: true }),
    response: (ctx, r) => ({ tasks: [{ taskArn: `arn:${ctx.partition}:ecs:${ctx.region}:${ctx.accountId}:task/${cluster(ctx)}/${hex(ctx.rng, 32)}`, clusterArn: clusterArn(ctx, rstr(r, 'cluster') ?? 'default'), taskDefinitionArn: `arn:${ctx.partition}:ecs:${ctx.region}:${ctx.accountId}:task-definition/${rstr(r, 'taskDefinition') ?? 'task:1'}`, lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING', launchType: 'FARGATE', cpu: '256', memory: '512', createdAt: sdkDate(ctx.time), group: `family:${(rstr(r, 'taskDefinition') ?? 'task').split(':')[0]}`, version: 1, containers: [] }], failures: [] }),
    errors: [err('ClusterNotFoundException', 'Cluster not found.'), err('InvalidParameterException', 'No Container Instances were found in your cluster.', 0.3)],
  },
  { name: 'ListClusters', request: () => null },
  { name: 'DescribeClusters', request: (ctx) => ({ clusters: [cluster(ctx)] }) },
  { name: 'ListTasks', request: (ctx) => ({ cluster: cluster(ctx) }) },
  { name: 'DescribeTasks', request: (ctx) => ({ cluster: cluster(ctx), tasks: [hex(ctx.rng, 32)] }) },
  { name: 'ListServices', request: (ctx) => ({ cluster: cluster(ctx) }) },
  { name: 'DescribeServices', request: (ctx) => ({ cluster: cluster(ctx), services: [family(ctx)] }) },
  { name: 'UpdateService', request: (ctx) => ({ cluster: cluster(ctx), service: family(ctx), desiredCount: ctx.rng.pick([1, 2, 3, 4]), forceNewDeployment: ctx.rng.bool(0.3) }), errors: [err('ServiceNotFoundException', 'Service not found.'), err('ServiceNotActiveException', 'Service was not ACTIVE.', 0.2)] },
  {
    name: 'ExecuteCommand',
    request: (ctx) => ({ cluster: cluster(ctx), task: hex(ctx.rng, 32), container: family(ctx), command: '/bin/sh', interactive: true }),
    response: (ctx, r) => ({ clusterArn: clusterArn(ctx, rstr(r, 'cluster') ?? 'default'), containerArn: `arn:${ctx.partition}:ecs:${ctx.region}:${ctx.accountId}:container/${rstr(r, 'cluster') ?? 'default'}/${rstr(r, 'task') ?? ''}/${uuid(ctx.rng)}`, containerName: rstr(r, 'container') ?? '', interactive: true, session: { sessionId: `ecs-execute-command-${ctx.rng.chars(17, 'abcdefghijklmnopqrstuvwxyz0123456789')}`, streamUrl: `wss://ssmmessages.${ctx.region}.amazonaws.com/v1/data-channel/ecs-execute-command-${hex(ctx.rng, 17)}?role=publish_subscribe&cell-number=AAEAA`, tokenValue: HIDDEN }, taskArn: `arn:${ctx.partition}:ecs:${ctx.region}:${ctx.accountId}:task/${rstr(r, 'cluster') ?? 'default'}/${rstr(r, 'task') ?? ''}` }),
    errors: [err('TargetNotConnectedException', 'The execute command failed due to an internal error. Try again later.')],
  },
];

export const ECS_OPERATIONS = defineService({ service: 'ecs', eventSource: 'ecs.amazonaws.com' }, defs);
