/**
 * Reads an exported tree (`DIR/<bucket>/<key>`, see s3-layout.ts) back: into an S3 store
 * (sidecars restore metadata, so `validateLogs` works on disk) and into the CloudTrail
 * records its log files hold.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { TrailsimInputError } from '../core/errors.js';
import type { CloudTrailRecord } from '../record/types.js';
import { S3Store, isValidBucketName } from '../s3/object-store.js';
import { gunzip, isGzip } from '../cloudtrail/trails/gzip.js';
import { parseCloudTrailKey, type CloudTrailFileKind } from '../cloudtrail/trails/object-keys.js';
import { METADATA_SIDECAR_SUFFIX, type ObjectMetadataSidecar } from './s3-layout.js';

function* walk(dir: string, rel: string[] = []): Generator<string[]> {
  const entries = readdirSync(join(dir, ...rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.isDirectory()) yield* walk(dir, [...rel, e.name]);
    else if (e.isFile()) yield [...rel, e.name];
  }
}

/** Reads `DIR/<bucket>/<key>` files into a new S3 store. Top-level entries that are not bucket-named directories are skipped. */
export function readS3Tree(dir: string): S3Store {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new TrailsimInputError(`${dir} is not a directory.`);
  const store = new S3Store();
  for (const b of readdirSync(dir, { withFileTypes: true }).sort((a, c) => (a.name < c.name ? -1 : 1))) {
    if (!b.isDirectory() || !isValidBucketName(b.name)) continue;
    store.createBucket(b.name);
    const root = join(dir, b.name);
    const files = [...walk(root)].map((p) => p.join('/'));
    const present = new Set(files);
    for (const key of files) {
      if (key.endsWith(METADATA_SIDECAR_SUFFIX) && present.has(key.slice(0, -METADATA_SIDECAR_SUFFIX.length))) continue;
      const path = join(root, ...key.split('/'));
      const body = readFileSync(path);
      const sidePath = path + METADATA_SIDECAR_SUFFIX;
      let side: Partial<ObjectMetadataSidecar> = {};
      if (present.has(key + METADATA_SIDECAR_SUFFIX)) {
        try {
          side = JSON.parse(readFileSync(sidePath, 'utf8')) as ObjectMetadataSidecar;
        } catch (e) {
          throw new TrailsimInputError(`Cannot read the metadata sidecar ${sidePath}: ${(e as Error).message}`);
        }
      }
      const lastModified = side.LastModified ? Date.parse(side.LastModified) : statSync(path).mtimeMs;
      store.putObject(b.name, key, {
        body,
        lastModified: Math.floor(lastModified),
        ...(side.Metadata ? { metadata: side.Metadata } : {}),
        ...(side.ContentType ? { contentType: side.ContentType } : {}),
        ...(side.ContentEncoding ? { contentEncoding: side.ContentEncoding } : {}),
        ...(side.ServerSideEncryption === 'aws:kms' ? { serverSideEncryption: 'aws:kms' as const, ...(side.SSEKMSKeyId ? { sseKmsKeyId: side.SSEKMSKeyId } : {}) } : {}),
      });
    }
  }
  return store;
}

/** Parses one CloudTrail file's bytes (gzipped or not) into its records. */
export function parseCloudTrailFile(body: Uint8Array, where = 'file'): CloudTrailRecord[] {
  const raw = isGzip(body) ? gunzip(body) : Buffer.from(body);
  let doc: unknown;
  try {
    doc = JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw new TrailsimInputError(`${where} is not JSON: ${(e as Error).message}`);
  }
  const records = (doc as { Records?: unknown } | null)?.Records;
  if (!Array.isArray(records)) throw new TrailsimInputError(`${where} has no "Records" array.`);
  return records as CloudTrailRecord[];
}

export interface ReadRecordsOptions {
  /** Which files: log files (default), Insights files, or both. */
  kinds?: readonly CloudTrailFileKind[];
  /** Only keys starting with this (after the bucket). */
  prefix?: string;
  buckets?: readonly string[];
}

/** A delivered file and its records. */
export interface CloudTrailFileRecords {
  bucket: string;
  key: string;
  records: CloudTrailRecord[];
}

/** Every CloudTrail log (and optionally Insights) file of a store, in bucket and key order, with its records. */
export function* cloudTrailFiles(store: S3Store, opts: ReadRecordsOptions = {}): Generator<CloudTrailFileRecords> {
  const kinds = opts.kinds ?? ['log'];
  for (const bucket of store.bucketNames()) {
    if (opts.buckets && !opts.buckets.includes(bucket)) continue;
    for (const o of store.listObjects(bucket, { prefix: opts.prefix ?? '' })) {
      const p = parseCloudTrailKey(o.key);
      if (!p || !kinds.includes(p.kind) || p.kind === 'digest') continue;
      yield { bucket, key: o.key, records: parseCloudTrailFile(o.body, `s3://${bucket}/${o.key}`) };
    }
  }
}

/** The records of every CloudTrail log file in a store or an exported tree, in file order. */
export function readCloudTrailRecords(source: S3Store | string, opts: ReadRecordsOptions = {}): CloudTrailRecord[] {
  const store = typeof source === 'string' ? readS3Tree(source) : source;
  const out: CloudTrailRecord[] = [];
  for (const f of cloudTrailFiles(store, opts)) for (const r of f.records) out.push(r);
  return out;
}
