/**
 * Personas: who calls in generated traffic, with which credentials, when and what. The
 * default set is the benign estate in src/estate/personas.ts; the session machinery that
 * turns a persona into principals and issuing records is src/estate/sessions.ts.
 */

/**
 * When a persona's sessions begin and how long they last. Session `k` starts at
 * `k × everyHours + offsetHours` (plus a per-session jitter), its credentials live
 * `durationHours`, and calls use it from its start until the next session starts, the
 * persona stops working (`activeHours`) or two minutes before it expires, whichever is
 * first. So no key is used after its expiry, and a session is a pure function of its
 * start: any shard rebuilds it identically.
 */
export interface SessionSchedule {
  /** A new session every this many hours. */
  readonly everyHours: number;
  /** Credential lifetime (the issuing call's DurationSeconds / 3600). @defaultValue everyHours */
  readonly durationHours?: number;
  /** Start of session 0 within the period (UTC hours). @defaultValue 0 */
  readonly offsetHours?: number;
  /** Each session starts up to this many minutes after its slot (deterministic per session). @defaultValue 0 */
  readonly jitterMinutes?: number;
  /** Hours a session is used after it starts (a working day). @defaultValue until the next session or expiry */
  readonly activeHours?: number;
  /** Probability a slot has a session at all (root: rarely). @defaultValue 1 */
  readonly chance?: number;
}

/**
 * How a role session's credentials were issued: the record that issued them is written at
 * the session's start and its `responseElements.credentials.accessKeyId` is the key the
 * session calls with (estate-reference.md §1).
 */
export type SessionIssuerSpec =
  /** An AWS service assumes the role (`AWSService`, `invokedBy`): EC2 instance profiles, Lambda, ECS tasks, service-linked roles. */
  | { readonly by: 'service'; readonly host: string }
  /** An IAM user of the account calls AssumeRole with its long-term key. */
  | { readonly by: 'iam-user'; readonly userName: string }
  /** An OIDC identity (GitHub Actions by default) calls AssumeRoleWithWebIdentity. */
  | { readonly by: 'web-identity'; readonly subject: string; readonly provider?: string; readonly audience?: string }
  /** An Identity Center user signs in (in the Identity Center account), gets role credentials, and Identity Center calls AssumeRoleWithSAML on an `AWSReservedSSO_*` role. */
  | { readonly by: 'identity-center'; readonly userName: string; readonly permissionSet: string }
  /** Another persona's role session calls AssumeRole (role chaining; cross-account when that persona lives in the management account). */
  | { readonly by: 'role'; readonly persona: string; readonly account?: 'same' | 'management' };

/** Who a persona is when it calls. */
export type PersonaIdentity =
  /**
   * Sessions of an IAM role. With `schedule` (or the legacy `sessionHours`), each session
   * is issued by `issuer`, which defaults to the service in `invokedBy` (service-linked
   * roles) or else an IAM user `<roleName>-operator`.
   */
  | {
      readonly kind: 'role-session';
      readonly roleName: string;
      /** IAM path of the role. @defaultValue `/` (`/aws-service-role/<invokedBy>/` when invokedBy is set) */
      readonly rolePath?: string;
      /** Session name: a fixed string, or `'instance-id'`, `'function-name'`, `'task-id'` (32 hex), `'user-name'` (the Identity Center user), `'botocore'` (`botocore-session-<epoch>`); default `<sessionPrefix>-<n>`. */
      readonly sessionName?: string;
      readonly sessionPrefix?: string;
      /** Legacy schedule: a session every `sessionHours`, shifted by `sessionOffsetHours`. */
      readonly sessionHours?: number;
      readonly sessionOffsetHours?: number;
      readonly schedule?: SessionSchedule;
      readonly issuer?: SessionIssuerSpec;
      /** The service calling with the session (service-linked roles): calls carry `invokedBy` and come from the service host. */
      readonly invokedBy?: string;
      /** Instance-profile credentials (`sessionContext.ec2RoleDelivery`). */
      readonly ec2RoleDelivery?: '1.0' | '2.0';
      /** The key used differs from the one the issuing record shows (AWS Config, Identity Center: estate-reference.md §1.12); such sessions trace by (role ARN, session name, creationDate). */
      readonly keyDiffers?: boolean;
      readonly userAgents?: readonly string[];
    }
  /** An IAM user with long-term access keys (AKIA). */
  | { readonly kind: 'iam-user'; readonly userName: string; readonly userAgents?: readonly string[] }
  /** An IAM user in the console: ConsoleLogin (and CheckMfa) at each session start, then calls with the console session's key. */
  | { readonly kind: 'console-user'; readonly userName: string; readonly schedule: SessionSchedule; readonly mfa?: boolean; readonly userAgents?: readonly string[] }
  /** A federated user: an IAM user calls GetFederationToken at each session start. */
  | { readonly kind: 'federated'; readonly userName: string; readonly federatedName: string; readonly schedule: SessionSchedule; readonly userAgents?: readonly string[] }
  /** Another persona's session acting through an AWS service (CloudFormation creating a stack's resources with the caller's credentials). */
  | { readonly kind: 'via-service'; readonly persona: string; readonly host: string }
  /** An AWS service principal (`invokedBy`). */
  | { readonly kind: 'service'; readonly host: string }
  /** AWS acting with no principal (`invokedBy: "AWS Internal"`, no type): AWS service events such as KMS key rotation. */
  | { readonly kind: 'aws-internal' }
  /** The root user: with `schedule`, a console sign-in then calls with the console session; without, root access keys. */
  | { readonly kind: 'root'; readonly schedule?: SessionSchedule; readonly userAgents?: readonly string[] };

/** A kind of caller and what it calls: one component of generated traffic. */
export interface Persona {
  /** Name shown in summaries; unique within a traffic. */
  readonly name: string;
  /** Share of the account-region's traffic. */
  readonly weight: number;
  readonly identity: PersonaIdentity;
  /** Operations (`service:Name`) with relative weights. */
  readonly operations: readonly (readonly [string, number])[];
  /** Probability a call fails (with one of the operation's error modes or access denied). @defaultValue 0.02 */
  readonly errorRate?: number;
  /** Which accounts have this persona: the organization's management account, the others, or all. With no organization every account is both. @defaultValue 'all' */
  readonly accounts?: 'all' | 'management' | 'members';
  /** Only in accounts that belong to an organization (Identity Center account access and organization-wide automation need one). @defaultValue false */
  readonly organization?: boolean;
  /** Source addresses: `'public'` (a few per persona), `'aws'` (AWS-owned addresses of a workload). @defaultValue 'public' */
  readonly network?: 'public' | 'aws';
}

export { DEFAULT_PERSONAS } from '../estate/personas.js';
