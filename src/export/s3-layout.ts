/**
 * Writes an S3 store to disk as `DIR/<bucket>/<key>`, byte for byte: CloudTrail's own
 * layout (`<bucket>/[prefix/]AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz`),
 * which tools that read CloudTrail from S3 read as is from a local copy: Athena's
 * documented CloudTrail table (CloudTrailInputFormat over the gzipped `{"Records":[...]}`
 * files), Trino/Spark with a local filesystem, DuckDB `read_json('DIR/**\/CloudTrail/**\/*.json.gz')`.
 *
 * **Object metadata.** What S3 keeps beside the bytes and tools need (digest files'
 * `x-amz-meta-signature` and `x-amz-meta-signature-algorithm`) goes in a sidecar
 * `<key>.metadata.json` next to the object, shaped like S3 HeadObject's answer
 * (`LastModified`, `ContentLength`, `ETag`, `ContentType`, `ServerSideEncryption`,
 * `SSEKMSKeyId`, `Metadata` without the `x-amz-meta-` prefix). Sidecars are written only
 * for objects that have user metadata (by default), so CloudTrail/ folders hold only log
 * files and table readers pointed at them never see a sidecar. Each file's modification
 * time is set to the object's LastModified.
 *
 * S3 keys that do not map to a path one-to-one (empty segments as in `a//b`, `.` or `..`
 * segments, a trailing `/`) are refused rather than silently changed.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TrailsimInputError } from '../core/errors.js';
import type { S3Object, S3Store } from '../s3/object-store.js';

/** Suffix of the sidecar file holding an object's metadata. */
export const METADATA_SIDECAR_SUFFIX = '.metadata.json';

/** The sidecar's content: HeadObject's answer for the object. */
export interface ObjectMetadataSidecar {
  LastModified: string;
  ContentLength: number;
  ETag: string;
  ContentType: string;
  ContentEncoding?: string;
  ServerSideEncryption: string;
  SSEKMSKeyId?: string;
  /** User metadata, keys without `x-amz-meta-`. */
  Metadata: Record<string, string>;
}

export interface ExportS3TreeOptions {
  /** `'metadata'`: sidecars for objects with user metadata (default); `'all'`: for every object; `'none'`. */
  sidecars?: 'metadata' | 'all' | 'none';
  /** Only these buckets. */
  buckets?: readonly string[];
  /** Only keys starting with this. */
  prefix?: string;
}

export interface ExportSummary {
  objects: number;
  bytes: number;
  sidecars: number;
}

/** Checks that an S3 key maps to a relative path one-to-one. */
export function assertPathSafeKey(key: string): void {
  const parts = key.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..') || key.includes('\\') || key.includes('\0')) {
    throw new TrailsimInputError(`S3 key '${key}' cannot be written as a file path one-to-one (empty, '.' or '..' segments, or a backslash).`);
  }
}

export function sidecarOf(o: S3Object): ObjectMetadataSidecar {
  const s: ObjectMetadataSidecar = {
    LastModified: new Date(o.lastModified).toISOString(),
    ContentLength: o.size,
    ETag: o.etag,
    ContentType: o.contentType,
    ServerSideEncryption: o.serverSideEncryption,
    Metadata: { ...o.metadata },
  };
  if (o.contentEncoding !== undefined) s.ContentEncoding = o.contentEncoding;
  if (o.sseKmsKeyId !== undefined) s.SSEKMSKeyId = o.sseKmsKeyId;
  return s;
}

/** `mkdir -p` that remembers the folders it made, so a tree of many files in few folders asks the OS once per folder. */
function dirMaker(): (dir: string) => void {
  const made = new Set<string>();
  return (d) => {
    if (made.has(d)) return;
    mkdirSync(d, { recursive: true });
    made.add(d);
  };
}

/** Writes the store under `dir` as `<bucket>/<key>` (plus sidecars); returns what was written. */
export function exportS3Tree(store: S3Store, dir: string, opts: ExportS3TreeOptions = {}): ExportSummary {
  const mode = opts.sidecars ?? 'metadata';
  const summary: ExportSummary = { objects: 0, bytes: 0, sidecars: 0 };
  for (const { o, path } of treeFiles(store, dir, opts)) {
    writeFileSync(path, o.body);
    const t = new Date(o.lastModified);
    utimesSync(path, t, t);
    summary.objects++;
    summary.bytes += o.size;
    if (mode === 'all' || (mode === 'metadata' && Object.keys(o.metadata).length > 0)) {
      const side = path + METADATA_SIDECAR_SUFFIX;
      writeFileSync(side, JSON.stringify(sidecarOf(o), null, 2) + '\n');
      utimesSync(side, t, t);
      summary.sidecars++;
    }
  }
  return summary;
}

/**
 * The objects an export writes, each with its path under `dir` (`<bucket>/<key>`), in bucket
 * and key order; the folder of each path exists when it is yielded. Keys that would escape
 * `dir` are refused.
 */
export function* treeFiles(store: S3Store, dir: string, opts: Pick<ExportS3TreeOptions, 'buckets' | 'prefix'>): Generator<{ o: S3Object; path: string }> {
  const ensureDir = dirMaker();
  for (const bucket of store.bucketNames()) {
    if (opts.buckets && !opts.buckets.includes(bucket)) continue;
    ensureDir(join(dir, bucket));
    for (const o of store.listObjects(bucket, { prefix: opts.prefix ?? '' })) {
      assertPathSafeKey(o.key);
      const path = join(dir, bucket, ...o.key.split('/'));
      ensureDir(dirname(path));
      yield { o, path };
    }
  }
}
