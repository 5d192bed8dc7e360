import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultCatalog } from '../../src/catalog/catalog.js';
import { modelServices } from '../../src/catalog/model-data.js';

/**
 * Every eventSource/eventName the 57 SigmaHQ CloudTrail rules key on must exist in the
 * catalog, except values real CloudTrail never writes (the rule is wrong, and a faithful
 * simulator must not produce them). Those are listed below with the reason.
 */

const DIR = join(import.meta.dirname, '../../rules/sigma-aws-cloudtrail');

interface Condition {
  rule: string;
  block: string;
  /** Accepted eventSources; undefined when the block does not check it. */
  sources?: string[];
  /** eventName values and how they match. */
  names: { value: string; op: 'equals' | 'startswith' }[];
}

/** Rule values that real CloudTrail does not produce, with the reason. */
const FLAWS: { source?: string; name: string; reason: string }[] = [
  { source: 'route53.amazonaws.com', name: 'DisableDomainTransferLock', reason: 'Route 53 Domains calls log as route53domains.amazonaws.com (detection-scenarios.md, rule finding 6; rule 3940b5f1)' },
  { source: 'route53.amazonaws.com', name: 'TransferDomainToAnotherAwsAccount', reason: 'Route 53 Domains calls log as route53domains.amazonaws.com (detection-scenarios.md, rule finding 6; rule b056de1a)' },
  { source: 'lambda.amazonaws.com', name: 'CreateFunctionUrlConfig', reason: 'Lambda writes the versioned name CreateFunctionUrlConfig20211031 (detection-scenarios.md row 20 caveat; rule ec541962 matches the bare name exactly)' },
  { source: 's3.amazonaws.com', name: 'PutEncryptionConfiguration', reason: 'an IAM permission name; the API call is logged as PutBucketEncryption (rule 78b3756a)' },
  { source: 's3.amazonaws.com', name: 'PutLifecycleConfiguration', reason: 'an IAM permission name; the API call is logged as PutBucketLifecycle (rule 78b3756a)' },
  { source: 's3.amazonaws.com', name: 'PutReplicationConfiguration', reason: 'an IAM permission name; the API call is logged as PutBucketReplication (rule 78b3756a)' },
  { source: 's3.amazonaws.com', name: 'ReplicateObject', reason: 'an IAM permission S3 replication uses; no API caller issues it and no CloudTrail record of that name is known (rule 78b3756a)' },
  { source: 'elasticache.amazonaws.com', name: 'AuthorizeCacheSecurityGroupEgress', reason: 'the ElastiCache API has no such operation, only ...Ingress (rule 7c797da2)' },
  { source: 'elasticache.amazonaws.com', name: 'RevokeCacheSecurityGroupEgress', reason: 'the ElastiCache API has no such operation, only ...Ingress (rule 7c797da2)' },
];

/** The real names CloudTrail writes where the rule has the wrong one. */
const REAL_COUNTERPARTS: [string, string][] = [
  ['route53domains.amazonaws.com', 'DisableDomainTransferLock'],
  ['route53domains.amazonaws.com', 'TransferDomainToAnotherAwsAccount'],
  ['lambda.amazonaws.com', 'CreateFunctionUrlConfig20211031'],
  ['s3.amazonaws.com', 'PutBucketEncryption'],
  ['s3.amazonaws.com', 'PutBucketLifecycle'],
  ['s3.amazonaws.com', 'PutBucketReplication'],
  ['elasticache.amazonaws.com', 'AuthorizeCacheSecurityGroupIngress'],
  ['elasticache.amazonaws.com', 'RevokeCacheSecurityGroupIngress'],
];

function asList(v: unknown): string[] {
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

/** The eventSource/eventName conditions of every detection block (selections and filters). */
function conditionsOf(file: string): Condition[] {
  const doc = parse(readFileSync(join(DIR, file), 'utf8')) as { id: string; detection: Record<string, unknown> };
  const out: Condition[] = [];
  for (const [block, body] of Object.entries(doc.detection)) {
    if (block === 'condition') continue;
    const maps = (Array.isArray(body) ? body : [body]).filter((m): m is Record<string, unknown> => typeof m === 'object' && m !== null);
    for (const m of maps) {
      let sources: string[] | undefined;
      const names: Condition['names'] = [];
      for (const [field, value] of Object.entries(m)) {
        const [name, ...mods] = field.split('|');
        if (name === 'eventSource') sources = asList(value);
        if (name === 'eventName') for (const v of asList(value)) names.push({ value: v, op: mods.includes('startswith') ? 'startswith' : 'equals' });
      }
      if (sources || names.length > 0) out.push({ rule: doc.id, block, sources, names });
    }
  }
  return out;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.yml')).sort();
const catalog = defaultCatalog();
const ops = catalog.list();

function exists(source: string | undefined, name: string, op: 'equals' | 'startswith'): boolean {
  return ops.some((s) => (source === undefined || s.eventSource === source) && (op === 'equals' ? (s.eventName ?? s.name) === name : (s.eventName ?? s.name).startsWith(name)));
}

describe('Sigma CloudTrail rule coverage', () => {
  it('reads all 57 rules', () => {
    expect(files).toHaveLength(57);
    const all = files.flatMap(conditionsOf);
    expect(all.length).toBeGreaterThan(40);
  });

  it('has every eventSource/eventName the rules key on, except the documented flaws', () => {
    const missing: string[] = [];
    const flawed: string[] = [];
    for (const f of files) {
      for (const c of conditionsOf(f)) {
        for (const n of c.names) {
          const candidates = c.sources ?? [undefined];
          const flaw = FLAWS.find((x) => x.name === n.value && (x.source === undefined || c.sources?.includes(x.source)));
          if (flaw) {
            flawed.push(`${c.rule} ${n.value}`);
            continue;
          }
          if (!candidates.some((src) => exists(src, n.value, n.op))) missing.push(`${f} (${c.block}): ${c.sources?.join('|') ?? '*'} ${n.op} ${n.value}`);
        }
        if (c.names.length === 0 && c.sources) {
          for (const src of c.sources) if (!ops.some((s) => s.eventSource === src)) missing.push(`${f} (${c.block}): source ${src}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // Each flaw is hit by the rules (the list does not carry stale entries).
    for (const fl of FLAWS) expect(flawed.some((x) => x.endsWith(` ${fl.name}`)), fl.name).toBe(true);
  });

  it('does not contain the flawed values (a faithful catalog cannot produce them)', () => {
    for (const fl of FLAWS) expect(exists(fl.source, fl.name, 'equals'), `${fl.source}:${fl.name} — ${fl.reason}`).toBe(false);
  });

  it('contains the names real CloudTrail writes instead', () => {
    for (const [src, name] of REAL_COUNTERPARTS) expect(exists(src, name, 'equals'), `${src}:${name}`).toBe(true);
  });

  it('agrees with the AWS models that ElastiCache has no egress rule operations', () => {
    const ec = modelServices().find((s) => s.id === 'elasticache')!;
    const names = ec.operations.map((o) => o.name);
    expect(names).toContain('AuthorizeCacheSecurityGroupIngress');
    expect(names.some((n) => n.endsWith('CacheSecurityGroupEgress'))).toBe(false);
  });
});
