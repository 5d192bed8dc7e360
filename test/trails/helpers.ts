/**
 * Helpers for the trail tests: a simulation with a trail service, hand-built records for
 * selector tests, and readers of what trails delivered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createSimulation, type Simulation } from '../../src/simulation.js';
import { attachCloudTrail, type CloudTrailService, type CloudTrailServiceOptions } from '../../src/cloudtrail/trails/service.js';
import { gunzip } from '../../src/cloudtrail/trails/gzip.js';
import { parseCloudTrailKey } from '../../src/cloudtrail/trails/object-keys.js';
import type { S3Store } from '../../src/s3/object-store.js';
import type { CloudTrailRecord, ResourceRef, UserIdentity } from '../../src/record/types.js';
import type { Account } from '../../src/world/account.js';

export const T0 = '2026-03-01T09:00:00Z';

export interface Setup {
  sim: Simulation;
  ct: CloudTrailService;
  prod: Account;
  bucket: string;
}

/** A simulation with one account (`prod`, us-east-1 + eu-west-1), a trail bucket and the trail service. */
export function setup(opts: { seed?: number; regions?: string[]; service?: CloudTrailServiceOptions } = {}): Setup {
  const sim = createSimulation({ seed: opts.seed ?? 7, start: T0 });
  const prod = sim.addAccount({ name: 'prod', regions: opts.regions ?? ['us-east-1', 'eu-west-1'] }, { buckets: 2, objectsPerBucket: 3, instances: 1, functions: 2, tables: 1 });
  const ct = attachCloudTrail(sim, opts.service);
  const bucket = 'trail-logs-prod';
  ct.s3.createBucket(bucket, { ownerAccountId: prod.id });
  return { sim, ct, prod, bucket };
}

export interface DeliveredRecord {
  bucket: string;
  key: string;
  record: CloudTrailRecord;
}

/** Every record in every CloudTrail log file of the store, read from the gzipped bytes. */
export function deliveredRecords(store: S3Store, kind: 'log' | 'insight' = 'log'): DeliveredRecord[] {
  const out: DeliveredRecord[] = [];
  for (const o of store.allObjects()) {
    const p = parseCloudTrailKey(o.key);
    if (!p || p.kind !== kind) continue;
    const doc = JSON.parse(gunzip(o.body).toString('utf8')) as { Records: CloudTrailRecord[] };
    for (const r of doc.Records) out.push({ bucket: o.bucket, key: o.key, record: r });
  }
  return out;
}

/** Identity of a delivered copy: an eventID is unique per delivered copy. */
export function copyId(r: CloudTrailRecord): string {
  return `${r.recipientAccountId}|${r.eventID}`;
}

export const ACCOUNT = '111122223333';

let n = 0;
function uuid(): string {
  n++;
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

const USER: UserIdentity = { type: 'IAMUser', principalId: 'AIDAEXAMPLEEXAMPLE123', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, userName: 'alice' };

/** A management event. */
export function mgmt(eventSource: string, eventName: string, readOnly: boolean, extra: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.11',
    userIdentity: USER,
    eventTime: '2026-03-01T09:00:00Z',
    eventSource,
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.17.5',
    requestParameters: null,
    responseElements: null,
    eventID: uuid(),
    readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    ...extra,
  };
}

/** A data event on `resources`. */
export function data(eventSource: string, eventName: string, readOnly: boolean, resources: ResourceRef[], extra: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return mgmt(eventSource, eventName, readOnly, { managementEvent: false, eventCategory: 'Data', resources, ...extra });
}

export const s3Object = (bucket: string, key: string): ResourceRef[] => [
  { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}` },
  { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` },
];

export const lambdaFn = (name: string, region = 'us-east-1'): ResourceRef[] => [{ accountId: ACCOUNT, type: 'AWS::Lambda::Function', ARN: `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}` }];

export const dynamoTable = (name: string, region = 'us-east-1'): ResourceRef[] => [{ accountId: ACCOUNT, type: 'AWS::DynamoDB::Table', ARN: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${name}` }];

/** A maker of temporary folders (`prefix` in the OS's temp dir), all removed after each test. */
export function tempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}
