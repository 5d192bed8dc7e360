/**
 * Pattern-matching benchmark: events per second of the compiled multi-rule matcher
 * (src/bus/pattern) for rule sets of 10, 100, 1,000 and 10,000 audit-style rules, with events
 * given as objects and as JSON text, against a naive per-rule interpreter measured in the same
 * run on the same input. Match counts of the two must agree, event by event.
 *
 * Workload: generated here, deterministically (CloudTrail management events in EventBridge
 * envelopes; rules of the form source + detail-type + eventSource + eventName list + one or two
 * narrowing conditions), or read from a directory written by
 * `node ../shared/tools/make-match-workload.mjs DIR` (events.jsonl, rules-N.json with the full
 * operator set, rules-simple-N.json with exact / prefix / anything-but / numeric / exists).
 *
 * Standalone: `npx tsx bench/match-main.ts [--quick] [--workload DIR]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom, type Random } from '../src/core/random.js';
import { compilePattern, createMatcher, type EventMatcher } from '../src/bus/pattern/index.js';

export interface BenchMatchOptions {
  /** Directory written by make-match-workload.mjs. @defaultValue the built-in generator */
  workload?: string;
  /** Fewer events and shorter timings. @defaultValue false */
  quick?: boolean;
  log: (line: string) => void;
}

const SIZES = [10, 100, 1000, 10000];

// ------------------------------------------------------------------------------------------
// Built-in workload
// ------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const SERVICES: Record<string, { read: string[]; write: string[] }> = {
  ec2: { read: ['DescribeInstances', 'DescribeVolumes', 'DescribeSecurityGroups'], write: ['RunInstances', 'TerminateInstances', 'AuthorizeSecurityGroupIngress', 'CreateVolume', 'StopInstances'] },
  s3: { read: ['ListBuckets', 'GetBucketAcl', 'GetBucketPolicy'], write: ['CreateBucket', 'DeleteBucket', 'PutBucketPolicy', 'PutBucketAcl', 'DeleteBucketPolicy'] },
  iam: { read: ['GetUser', 'ListRoles', 'ListPolicies'], write: ['CreateUser', 'DeleteUser', 'CreateAccessKey', 'AttachRolePolicy', 'PutUserPolicy', 'UpdateAssumeRolePolicy'] },
  sts: { read: ['GetCallerIdentity', 'GetAccessKeyInfo'], write: ['AssumeRole', 'GetSessionToken', 'AssumeRoleWithSAML', 'GetFederationToken'] },
  kms: { read: ['Decrypt', 'DescribeKey', 'ListKeys'], write: ['CreateKey', 'DisableKey', 'ScheduleKeyDeletion', 'PutKeyPolicy', 'CreateGrant'] },
  cloudtrail: { read: ['DescribeTrails', 'LookupEvents', 'GetTrailStatus'], write: ['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors'] },
  lambda: { read: ['ListFunctions20150331', 'GetFunction20150331v2'], write: ['CreateFunction20150331', 'UpdateFunctionCode20150331v2', 'AddPermission20150331v2', 'DeleteFunction20150331'] },
  secretsmanager: { read: ['GetSecretValue', 'DescribeSecret', 'ListSecrets'], write: ['CreateSecret', 'PutSecretValue', 'DeleteSecret', 'PutResourcePolicy'] },
  rds: { read: ['DescribeDBInstances', 'DescribeDBSnapshots'], write: ['CreateDBInstance', 'ModifyDBInstance', 'DeleteDBInstance', 'ModifyDBSnapshotAttribute'] },
  logs: { read: ['DescribeLogGroups', 'FilterLogEvents'], write: ['DeleteLogGroup', 'PutRetentionPolicy', 'DeleteRetentionPolicy', 'PutSubscriptionFilter'] },
  ssm: { read: ['GetParameter', 'DescribeParameters'], write: ['PutParameter', 'DeleteParameter', 'SendCommand', 'StartSession'] },
  sqs: { read: ['ListQueues', 'GetQueueAttributes'], write: ['CreateQueue', 'DeleteQueue', 'SetQueueAttributes', 'PurgeQueue'] },
};
const ACCOUNTS = ['123456789012', '210987654321', '555566667777'];
const REGIONS = ['us-east-1', 'us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1'];
const USERS = ['ana', 'ben', 'chloe', 'dmitri', 'eve', 'farah', 'gus', 'ci-bot', 'terraform', 'breakglass'];
const ROLES = ['Admin', 'ReadOnly', 'Deployer', 'AWSReservedSSO_PowerUser_0123abcd', 'lambda-exec', 'SecurityAudit'];
const ERRORS = ['AccessDenied', 'UnauthorizedOperation', 'ThrottlingException', 'NoSuchEntity', 'ValidationException'];
const AGENTS = ['aws-cli/2.15.0 Python/3.11', 'Boto3/1.34.0 Python/3.12', 'console.amazonaws.com', 'AWS Internal', 'Terraform/1.7.5'];
const NETS = ['10.1', '10.9', '203.0.113', '198.51.100', '192.0.2'];

interface Principal {
  identity: JsonObject;
  account: string;
}

function principals(rng: Random): Principal[] {
  const out: Principal[] = [];
  USERS.forEach((u, i) => {
    const account = ACCOUNTS[i % ACCOUNTS.length] as string;
    out.push({ account, identity: { type: 'IAMUser', principalId: `AIDA${rng.chars(17)}`, arn: `arn:aws:iam::${account}:user/${u}`, accountId: account, accessKeyId: `AKIA${rng.chars(16)}`, userName: u } });
  });
  ROLES.forEach((r, i) => {
    const account = ACCOUNTS[(i * 2) % ACCOUNTS.length] as string;
    const session = rng.pick(USERS);
    out.push({
      account,
      identity: {
        type: 'AssumedRole', principalId: `AROA${rng.chars(17)}:${session}`, arn: `arn:aws:sts::${account}:assumed-role/${r}/${session}`, accountId: account, accessKeyId: `ASIA${rng.chars(16)}`,
        sessionContext: { sessionIssuer: { type: 'Role', principalId: `AROA${rng.chars(17)}`, arn: `arn:aws:iam::${account}:role/${r}`, accountId: account, userName: r }, attributes: { mfaAuthenticated: 'false', creationDate: '2026-01-05T00:00:00Z' } },
      },
    });
  });
  for (const account of ACCOUNTS) out.push({ account, identity: { type: 'Root', principalId: account, arn: `arn:aws:iam::${account}:root`, accountId: account } });
  out.push({ account: ACCOUNTS[0] as string, identity: { type: 'AWSService', invokedBy: 'cloudformation.amazonaws.com' } });
  return out;
}

function ipIn(rng: Random, net: string): string {
  return net.split('.').length === 2 ? `${net}.${rng.int(256)}.${1 + rng.int(254)}` : `${net}.${1 + rng.int(254)}`;
}

function generateEvents(rng: Random, n: number, who: Principal[]): JsonObject[] {
  const services = Object.keys(SERVICES);
  const events: JsonObject[] = [];
  for (let i = 0; i < n; i++) {
    const svc = rng.weighted(services.map((s, k) => [s, 1 / (k + 1)] as const));
    const spec = SERVICES[svc] as { read: string[]; write: string[] };
    const read = rng.bool(0.95); // management traffic is mostly reads; audit rules watch writes
    const name = rng.pick(read ? spec.read : spec.write);
    const p = rng.pick(who);
    const region = svc === 'iam' ? 'us-east-1' : rng.pick(REGIONS);
    const sec = 1_000 + i * 3;
    const time = `2026-01-05T${String(Math.floor(sec / 3600) % 24).padStart(2, '0')}:${String(Math.floor(sec / 60) % 60).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}Z`;
    const service = p.identity.type === 'AWSService';
    const detail: JsonObject = {
      eventVersion: '1.11', userIdentity: p.identity, eventTime: time, eventSource: `${svc}.amazonaws.com`, eventName: name, awsRegion: region,
      sourceIPAddress: service ? 'cloudformation.amazonaws.com' : ipIn(rng, rng.pick(NETS)),
      userAgent: service ? 'cloudformation.amazonaws.com' : rng.pick(AGENTS),
    };
    if (rng.bool(0.06)) {
      detail.errorCode = rng.pick(ERRORS);
      detail.errorMessage = 'denied';
    }
    detail.requestParameters = read
      ? { maxResults: rng.pick([10, 50, 100, 500, 1000]), filters: rng.bool(0.3) ? [{ name: 'tag:env', values: ['prod'] }] : [] }
      : { resourceName: `${svc}-${rng.hex(6)}`, durationSeconds: rng.pick([900, 3600, 7200, 43200]), count: rng.pick([1, 2, 5, 20]) };
    detail.responseElements = read ? null : { requestId: rng.uuid() };
    detail.requestID = rng.uuid();
    detail.eventID = rng.uuid();
    detail.readOnly = read;
    detail.eventType = 'AwsApiCall';
    detail.managementEvent = true;
    detail.recipientAccountId = p.account;
    detail.eventCategory = 'Management';
    events.push({ version: '0', id: rng.uuid(), 'detail-type': 'AWS API Call via CloudTrail', source: `aws.${svc}`, account: p.account, time, region, resources: [], detail });
  }
  return events;
}

function merge(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] = cur && typeof cur === 'object' && !Array.isArray(cur) && v && typeof v === 'object' && !Array.isArray(v) ? merge(cur, v) : v;
  }
  return out;
}

function narrowing(rng: Random, simple: boolean, who: Principal[]): JsonObject {
  const humans = who.filter((p) => typeof p.identity.arn === 'string');
  const p = rng.pick(humans);
  const arn = p.identity.arn as string;
  const kinds = ['arn', 'arn', 'arn', 'error', 'noError', 'typeNot', 'writes', 'regionNot', 'numeric'];
  if (!simple) kinds.push('cidr', 'ignoreCase', 'suffix', 'wildcard', 'agentNot');
  switch (rng.pick(kinds)) {
    case 'arn': return { userIdentity: { arn: [{ prefix: arn.startsWith('arn:aws:sts') ? arn.slice(0, arn.lastIndexOf('/')) : arn }] } };
    case 'error': return { errorCode: [{ exists: true }] };
    case 'noError': return { errorCode: [{ exists: false }], userIdentity: { type: [rng.pick(['IAMUser', 'AssumedRole', 'Root'])] } };
    case 'typeNot': return { userIdentity: { type: [{ 'anything-but': ['AWSService', 'AssumedRole'] }] } };
    case 'writes': return { readOnly: [false], userIdentity: { accountId: [p.account] } };
    case 'regionNot': return { awsRegion: [{ 'anything-but': ['us-east-1', 'us-west-2'] }] };
    case 'numeric': return { requestParameters: { durationSeconds: [{ numeric: ['>', rng.pick([900, 3600])] }] } };
    case 'cidr': return { sourceIPAddress: [{ cidr: rng.pick(['203.0.113.0/24', '198.51.100.0/24', '10.1.0.0/16']) }] };
    case 'ignoreCase': return { userIdentity: { arn: [{ 'equals-ignore-case': arn.toUpperCase() }] } };
    case 'suffix': return { userIdentity: { arn: [{ suffix: rng.pick(['/breakglass', ':root', '/terraform']) }] } };
    case 'wildcard': return { userIdentity: { arn: [{ wildcard: rng.pick(['arn:aws:iam::*:root', 'arn:aws:sts::*:assumed-role/Admin/*', `arn:aws:iam::${p.account}:user/*`]) }] } };
    default: return { userAgent: [{ 'anything-but': { prefix: 'AWS Internal' } }] };
  }
}

function generateRules(rng: Random, n: number, simple: boolean, who: Principal[]): JsonObject[] {
  const services = Object.keys(SERVICES);
  const rules: JsonObject[] = [];
  for (let i = 0; i < n; i++) {
    const svc = rng.pick(services);
    const spec = SERVICES[svc] as { read: string[]; write: string[] };
    const pool = rng.bool(0.85) ? spec.write : [...spec.read, ...spec.write];
    const names = rng.shuffle(pool).slice(0, 1 + rng.int(3));
    let detail: JsonObject = { eventSource: [`${svc}.amazonaws.com`], eventName: names };
    detail = merge(detail, narrowing(rng, simple, who));
    if (rng.bool(0.4)) detail = merge(detail, narrowing(rng, simple, who));
    rules.push({ source: [`aws.${svc}`], 'detail-type': ['AWS API Call via CloudTrail'], detail });
  }
  return rules;
}

interface Workload {
  name: string;
  lines: string[];
  rules: (simple: boolean, n: number) => JsonObject[];
}

function builtInWorkload(quick: boolean): Workload {
  const rng = createRandom('bench-match');
  const who = principals(rng.fork('principals'));
  const events = generateEvents(rng.fork('events'), quick ? 5_000 : 20_000, who);
  return {
    name: `built-in (${events.length} events)`,
    lines: events.map((e) => JSON.stringify(e)),
    rules: (simple, n) => generateRules(rng.fork('rules', simple ? 'simple' : 'full', n), n, simple, who),
  };
}

function fileWorkload(dir: string, quick: boolean): Workload {
  const all = readFileSync(join(dir, 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
  const lines = quick ? all.slice(0, 5_000) : all;
  return {
    name: `${dir} (${lines.length} events)`,
    lines,
    rules: (simple, n) => JSON.parse(readFileSync(join(dir, `${simple ? 'rules-simple-' : 'rules-'}${n}.json`), 'utf8')) as JsonObject[],
  };
}

// ------------------------------------------------------------------------------------------
// Naive interpreter: every rule, every field, every event, straight from the pattern object.
// ------------------------------------------------------------------------------------------

type NaiveRule = [string[], Json[]][][]; // alternatives of (path, values) lists

function naiveCompile(pattern: JsonObject): NaiveRule {
  const walk = (obj: JsonObject, path: string[], alts: [string[], Json[]][][]): [string[], Json[]][][] => {
    let out = alts;
    for (const [k, v] of Object.entries(obj)) {
      if (k === '$or' && Array.isArray(v)) {
        out = out.flatMap((alt) => (v as JsonObject[]).flatMap((branch) => walk(branch, path, [alt.slice()])));
      } else if (Array.isArray(v)) out = out.map((alt) => [...alt, [[...path, k], v]]);
      else out = walk(v as JsonObject, [...path, k], out);
    }
    return out;
  };
  return walk(pattern, [], [[]]);
}

function valuesAt(event: Json, path: string[]): Json[] {
  let cur: Json[] = [event];
  for (const key of path) {
    const next: Json[] = [];
    const push = (v: Json): void => {
      if (Array.isArray(v)) v.forEach(push);
      else next.push(v);
    };
    for (const c of cur) if (c !== null && typeof c === 'object' && !Array.isArray(c) && c[key] !== undefined) push(c[key] as Json);
    cur = next;
  }
  return cur.filter((v) => v === null || typeof v !== 'object');
}

function glob(p: string, s: string): boolean {
  // Plain dynamic programming over (pattern, string) positions; unescapes \* and \\.
  const toks: (string | null)[] = [];
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') toks.push(p[++i] as string);
    else toks.push(p[i] === '*' ? null : (p[i] as string));
  }
  let row = new Array<boolean>(s.length + 1).fill(false);
  row[0] = true;
  for (const t of toks) {
    const next = new Array<boolean>(s.length + 1).fill(false);
    for (let j = 0; j <= s.length; j++) {
      if (t === null) next[j] = row[j] || (j > 0 && next[j - 1]) ? true : false;
      else next[j] = j > 0 && row[j - 1] === true && s[j - 1] === t;
    }
    row = next;
  }
  return row[s.length] === true;
}

function ipv4(s: string): number | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.some((x) => x > 255) ? null : parts.reduce((a, b) => a * 256 + b, 0);
}

const CMP: Record<string, (a: number, b: number) => boolean> = { '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b, '=': (a, b) => a === b };

function naiveValue(cond: Json, values: Json[]): boolean {
  if (cond === null || typeof cond !== 'object') return values.some((v) => v === cond);
  const [op, arg] = Object.entries(cond)[0] as [string, Json];
  const strings = values.filter((v): v is string => typeof v === 'string');
  switch (op) {
    case 'exists': return arg ? values.length > 0 : values.length === 0;
    case 'prefix': return typeof arg === 'string' ? strings.some((v) => v.startsWith(arg)) : strings.some((v) => v.toLowerCase().startsWith(String((arg as JsonObject)['equals-ignore-case']).toLowerCase()));
    case 'suffix': return typeof arg === 'string' ? strings.some((v) => v.endsWith(arg)) : strings.some((v) => v.toLowerCase().endsWith(String((arg as JsonObject)['equals-ignore-case']).toLowerCase()));
    case 'equals-ignore-case': return strings.some((v) => v.toLowerCase() === String(arg).toLowerCase());
    case 'wildcard': return strings.some((v) => glob(String(arg), v));
    case 'cidr': {
      const [ip, bits] = String(arg).split('/');
      const base = ipv4(ip as string) as number;
      const size = 2 ** (32 - Number(bits));
      return strings.some((v) => {
        const x = ipv4(v);
        return x !== null && x >= base && x < base - (base % size) + size;
      });
    }
    case 'numeric': {
      const ops = arg as Json[];
      return values.some((v) => typeof v === 'number' && ops.every((o, i) => i % 2 === 1 || (CMP[o as string] as (a: number, b: number) => boolean)(v, ops[i + 1] as number)));
    }
    case 'anything-but': {
      if (arg !== null && typeof arg === 'object' && !Array.isArray(arg)) {
        const [kind, list] = Object.entries(arg)[0] as [string, Json];
        const xs = (Array.isArray(list) ? list : [list]) as string[];
        return values.some((v) => {
          if (typeof v !== 'string') return true;
          if (kind === 'prefix') return !xs.some((x) => v.startsWith(x));
          if (kind === 'suffix') return !xs.some((x) => v.endsWith(x));
          if (kind === 'wildcard') return !xs.some((x) => glob(x, v));
          return !xs.some((x) => x.toLowerCase() === v.toLowerCase());
        });
      }
      const xs = Array.isArray(arg) ? arg : [arg];
      return values.some((v) => !xs.includes(v));
    }
    default: throw new Error(`naive matcher: unsupported ${op}`);
  }
}

function naiveMatches(rule: NaiveRule, event: Json): boolean {
  return rule.some((alt) => alt.every(([path, conds]) => {
    const values = valuesAt(event, path);
    return conds.some((c) => naiveValue(c, values));
  }));
}

// ------------------------------------------------------------------------------------------
// Measurement
// ------------------------------------------------------------------------------------------

interface Run {
  eps: number;
  done: number;
  counts: number[];
}

/** CPU time of this process in ms (user + system): unlike wall time, not inflated when other processes share the cores. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Runs `one(i)` over events from `start` (wrapping) until `n` are done or `budgetMs` of wall
 * time is spent; events/s are computed from CPU time.
 */
function measure(total: number, n: number, budgetMs: number, one: (i: number) => number, start = 0): Run {
  const counts: number[] = [];
  const wall0 = performance.now();
  const cpu0 = cpuMs();
  let done = 0;
  for (; done < n; done++) {
    counts.push(one((start + done) % total));
    if ((done & 15) === 15 && performance.now() - wall0 > budgetMs) {
      done++;
      break;
    }
  }
  const cpu = Math.max(cpuMs() - cpu0, 1e-3);
  return { eps: (done * 1000) / cpu, done, counts };
}

function best(runs: Run[]): Run {
  return runs.reduce((a, b) => (b.eps > a.eps ? b : a));
}

export async function benchMatch(opts: BenchMatchOptions): Promise<Record<string, number>> {
  const quick = opts.quick ?? false;
  const log = opts.log;
  const workload = opts.workload && existsSync(opts.workload) ? fileWorkload(opts.workload, quick) : builtInWorkload(quick);
  if (opts.workload && !existsSync(opts.workload)) log(`workload ${opts.workload} not found; using the built-in one`);
  const lines = workload.lines;
  const objects = lines.map((l) => JSON.parse(l) as JsonObject);
  const budget = quick ? 600 : 2500;
  const naiveBudget = quick ? 600 : 4000;
  const out: Record<string, number> = {};
  log(`pattern matcher, node ${process.version}, workload ${workload.name}`);

  for (const simple of [true, false]) {
    const tag = simple ? '' : 'full_';
    log(simple ? '\nsimple operator set (exact, prefix, anything-but list, numeric, exists):' : '\nfull operator set (adds cidr, equals-ignore-case, suffix, wildcard, anything-but prefix):');
    log('events/s are per CPU-second (best of several passes); ratios are against the naive interpreter in the same run');
    log('rules   compile ms   objects ev/s   strings ev/s   naive obj ev/s   naive str ev/s   ratio obj   ratio str   matches');
    for (const n of SIZES) {
      const patterns = workload.rules(simple, n);
      const t0 = performance.now();
      const compiled = patterns.map((p) => compilePattern(p));
      const matcher: EventMatcher = createMatcher(Object.fromEntries(compiled.map((c, i) => [`r${i}`, c])));
      const compileMs = performance.now() - t0;

      // Warm up, then take the best of a few timed passes (each over a different slice of events).
      const total = objects.length;
      measure(total, Math.min(2000, total), budget / 4, (i) => matcher.match(objects[i] as JsonObject).length);
      const passes = quick ? 3 : 5;
      const slice = Math.ceil(total / passes);
      const objRuns = [...Array(passes).keys()].map((p) => measure(total, slice, budget / passes, (i) => matcher.match(objects[i] as JsonObject).length, p * slice));
      const obj = best(objRuns);
      const str = best([...Array(passes).keys()].map((p) => measure(total, slice, budget / passes, (i) => matcher.match(lines[i] as string).length, p * slice)));
      // Every event once, for the counts compared below.
      const all = measure(total, total, Number.POSITIVE_INFINITY, (i) => matcher.match(objects[i] as JsonObject).length);

      const naiveRules = patterns.map(naiveCompile);
      const naiveOne = (event: Json): number => {
        let k = 0;
        for (const r of naiveRules) if (naiveMatches(r, event)) k++;
        return k;
      };
      // The naive interpreter gets the same treatment: warm-up, then the best of the passes; its
      // first pass (from event 0) also provides the counts to compare.
      measure(total, Math.min(2000, total), naiveBudget / 4, (i) => naiveOne(objects[i] as JsonObject));
      const nObjRuns = [...Array(passes).keys()].map((p) => measure(total, p === 0 ? total : slice, naiveBudget / passes, (i) => naiveOne(objects[i] as JsonObject), p * slice));
      const nObj = best(nObjRuns);
      const nStr = best([...Array(passes).keys()].map((p) => measure(total, slice, naiveBudget / passes, (i) => naiveOne(JSON.parse(lines[i] as string) as Json), p * slice)));
      const checked = nObjRuns[0] as Run;

      // Match counts must agree event by event on everything the naive run covered.
      for (let i = 0; i < checked.done; i++) {
        if (all.counts[i] !== checked.counts[i]) {
          throw new Error(`match counts disagree at ${simple ? 'simple' : 'full'} N=${n}, event ${i}: matcher ${all.counts[i]}, naive ${checked.counts[i]}`);
        }
      }
      const totalMatches = all.counts.reduce((a, b) => a + b, 0);
      const ratioObj = obj.eps / nObj.eps;
      const ratioStr = str.eps / nStr.eps;
      log(
        `${String(n).padEnd(7)} ${compileMs.toFixed(0).padStart(10)}   ${Math.round(obj.eps).toString().padStart(12)}   ${Math.round(str.eps).toString().padStart(12)}   ${Math.round(nObj.eps).toString().padStart(14)}   ${Math.round(nStr.eps).toString().padStart(14)}   ${ratioObj.toFixed(1).padStart(9)}   ${ratioStr.toFixed(1).padStart(9)}   ${totalMatches} in ${total} events (naive agreed on the first ${checked.done})`,
      );
      out[`match_${tag}objects_${n}_eps`] = Math.round(obj.eps);
      out[`match_${tag}strings_${n}_eps`] = Math.round(str.eps);
      out[`match_${tag}naive_objects_${n}_eps`] = Math.round(nObj.eps);
      out[`match_${tag}naive_strings_${n}_eps`] = Math.round(nStr.eps);
      out[`match_${tag}ratio_vs_naive_${n}`] = Number(ratioObj.toFixed(2));
      out[`match_${tag}ratio_vs_naive_strings_${n}`] = Number(ratioStr.toFixed(2));
      out[`match_${tag}compile_ms_${n}`] = Math.round(compileMs);
      out[`match_${tag}matches_per_event_${n}`] = Number((totalMatches / total).toFixed(4));
      out[`match_${tag}naive_checked_events_${n}`] = checked.done;
    }
    const slowdown = (out[`match_${tag}objects_10_eps`] as number) / (out[`match_${tag}objects_10000_eps`] as number);
    out[`match_${tag}time_10000_over_10`] = Number(slowdown.toFixed(2));
    log(`t(10,000 rules) / t(10 rules), objects: ${slowdown.toFixed(2)} (moonshot: <= 3)`);
  }
  return out;
}
