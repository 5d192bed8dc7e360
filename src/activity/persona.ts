import type { Principal } from '../world/principal.js';
import type { Account } from '../world/account.js';
import { CONSOLE_USER_AGENTS, TERRAFORM_USER_AGENTS } from '../world/pools.js';
import type { Random } from '../core/random.js';

/** Who a persona is when it calls. */
export type PersonaIdentity =
  /** Sessions of an IAM role (`roleName`), a new session every `sessionHours`, named `sessionPrefix-<n>`. */
  | { kind: 'role-session'; roleName: string; sessionPrefix: string; sessionHours: number; sessionOffsetHours?: number; invokedBy?: string; userAgents?: readonly string[] }
  /** An IAM user with long-term access keys. */
  | { kind: 'iam-user'; userName: string; userAgents?: readonly string[] }
  /** An AWS service principal (`invokedBy`). */
  | { kind: 'service'; host: string }
  /** The root user. */
  | { kind: 'root' };

/** A kind of caller and what it calls: one component of generated traffic. */
export interface Persona {
  /** Name shown in summaries. */
  readonly name: string;
  /** Share of the account-region's traffic. */
  readonly weight: number;
  readonly identity: PersonaIdentity;
  /** Operations (`service:Name`) with relative weights. */
  readonly operations: readonly (readonly [string, number])[];
  /** Probability a call fails (with one of the operation's error modes or access denied). @defaultValue 0.02 */
  readonly errorRate?: number;
}

/**
 * The default benign personas, after the background traffic of a busy account in
 * shared/reference/detection-scenarios.md (B1–B14). Chosen so no Sigma rule fires but the
 * two hunting rules the reference marks as noisy (assumed-role activity; ListBuckets by
 * a non-role caller is avoided by keeping ListBuckets under roles).
 */
export const DEFAULT_PERSONAS: readonly Persona[] = [
  {
    name: 'ci-automation',
    weight: 30,
    identity: { kind: 'role-session', roleName: 'terraform-ci', sessionPrefix: 'gh-run', sessionHours: 1, userAgents: TERRAFORM_USER_AGENTS },
    operations: [
      ['ec2:DescribeInstances', 10], ['ec2:DescribeSubnets', 5], ['ec2:DescribeVpcs', 5], ['ec2:DescribeSecurityGroups', 5],
      ['s3:GetBucketPolicy', 3], ['s3:GetBucketVersioning', 3], ['s3:ListBuckets', 2], ['iam:GetRole', 4], ['iam:ListRoles', 2],
      ['lambda:GetFunction', 3], ['dynamodb:DescribeTable', 2], ['ec2:CreateTags', 1], ['ec2:RunInstances', 0.3], ['lambda:UpdateFunctionCode', 0.5],
      ['sts:GetCallerIdentity', 2], ['kms:DescribeKey', 1], ['cloudtrail:DescribeTrails', 0.5],
    ],
  },
  {
    name: 'developer-console',
    weight: 15,
    identity: { kind: 'role-session', roleName: 'AWSReservedSSO_DeveloperAccess_3f9a1c2b7d4e6a80', sessionPrefix: 'dev', sessionHours: 8, sessionOffsetHours: 20, userAgents: CONSOLE_USER_AGENTS },
    operations: [
      ['ec2:DescribeInstances', 6], ['s3:ListBuckets', 2], ['lambda:ListFunctions', 3], ['logs:DescribeLogGroups', 3], ['dynamodb:ListTables', 2],
      ['cloudwatch:DescribeAlarms', 2], ['iam:ListRoles', 1], ['ec2:StartInstances', 0.3], ['ec2:StopInstances', 0.3], ['s3:PutObject', 0.5],
    ],
  },
  {
    name: 'admin-cli',
    weight: 5,
    identity: { kind: 'iam-user', userName: 'ops-admin' },
    operations: [
      ['iam:ListUsers', 3], ['iam:ListRoles', 3], ['iam:GetUser', 3], ['sts:GetCallerIdentity', 3], ['cloudtrail:GetTrailStatus', 1],
      ['cloudtrail:DescribeTrails', 1], ['cloudtrail:LookupEvents', 1], ['iam:ListPolicies', 1],
    ],
  },
  {
    name: 'app-role',
    weight: 25,
    identity: { kind: 'role-session', roleName: 'orders-api-task-role', sessionPrefix: 'ecs-task', sessionHours: 6 },
    operations: [
      ['secretsmanager:GetSecretValue', 3], ['s3:GetObject', 6], ['s3:PutObject', 2], ['dynamodb:GetItem', 6], ['dynamodb:PutItem', 3], ['dynamodb:Query', 3],
      ['lambda:Invoke', 2], ['kms:Decrypt', 2], ['logs:CreateLogStream', 1], ['sqs:SendMessage', 1],
    ],
  },
  {
    name: 'lambda-service',
    weight: 10,
    identity: { kind: 'service', host: 'lambda.amazonaws.com' },
    operations: [['sts:AssumeRole', 1]],
  },
  {
    name: 's3-kms-service',
    weight: 10,
    identity: { kind: 'service', host: 's3.amazonaws.com' },
    operations: [['kms:GenerateDataKey', 2], ['kms:Decrypt', 2]],
  },
  {
    name: 'config-recorder',
    weight: 5,
    identity: { kind: 'role-session', roleName: 'AWSServiceRoleForConfig', sessionPrefix: 'ConfigDescribeHandlerSession', sessionHours: 1, invokedBy: 'config.amazonaws.com' },
    operations: [['ec2:DescribeSecurityGroups', 2], ['ec2:DescribeInstances', 1], ['iam:GetRole', 1], ['s3:GetBucketEncryption', 1]],
  },
];

const HOUR = 3_600_000;

/**
 * Resolves a persona to the principal making a call at `time`. Role sessions are a pure
 * function of (role, session start): the session active at `time` started at the last
 * multiple of `sessionHours` (shifted by `sessionOffsetHours`), so a session that began
 * before midnight is rebuilt identically by the next day's shard, and each call belongs
 * to the shard of its own eventTime.
 */
export class PersonaResolver {
  private readonly cache = new Map<string, Principal>();

  constructor(private readonly account: Account) {}

  principal(p: Persona, time: number, _rng: Random): Principal {
    const id = p.identity;
    switch (id.kind) {
      case 'root':
        return this.account.root();
      case 'iam-user': {
        const u = this.account.iamUser(id.userName);
        if (id.userAgents) u.withProfile({ userAgents: id.userAgents });
        return u;
      }
      case 'service':
        return this.account.service(id.host);
      case 'role-session': {
        const len = id.sessionHours * HOUR;
        const off = (id.sessionOffsetHours ?? 0) * HOUR;
        const start = Math.floor((time - off) / len) * len + off;
        const key = `${p.name}|${start}`;
        let s = this.cache.get(key);
        if (!s) {
          const role = this.account.role(id.roleName, id.invokedBy ? { path: `/aws-service-role/${id.invokedBy}/` } : {});
          const n = Math.floor(start / len);
          s = role.session({
            sessionName: `${id.sessionPrefix}-${n}`,
            createdAt: start,
            ...(id.invokedBy ? { invokedBy: id.invokedBy } : {}),
            ...(id.userAgents ? { profile: { userAgents: id.userAgents } } : {}),
          });
          if (this.cache.size > 256) this.cache.clear();
          this.cache.set(key, s);
        }
        return s;
      }
    }
  }
}
