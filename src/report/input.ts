/**
 * What `trailsim report DIR` reads: every JSONL file of records (`records.jsonl` from
 * `trailsim run` / `generate`, gzip too), the CloudTrail log and Insights files of an S3 tree
 * (`DIR/<bucket>/AWSLogs/...json.gz`, from `--format s3`), and coverage results
 * (`coverage.json` from `trailsim coverage`). When a folder has both JSONL files and an S3
 * tree (`trailsim run --format s3` writes both, the same records), the JSONL files are read:
 * reading both would count every record twice.
 */
import { existsSync, readdirSync, readFileSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { TrailsimInputError } from '../core/errors.js';
import type { CloudTrailRecord } from '../record/types.js';
import { readRecords } from '../validate/stream.js';
import { parseCloudTrailFile } from '../export/s3-layout-reader.js';
import { parseCloudTrailKey } from '../cloudtrail/trails/object-keys.js';
import { COVERAGE_FORMAT, type CoverageResult } from '../coverage/types.js';

/** A folder that `trailsim report` cannot read. */
export class ReportInputError extends TrailsimInputError {
  override name = 'ReportInputError';
}

/** The files of a folder a report reads. */
export interface ReportSources {
  readonly dir: string;
  /** JSONL record files. */
  readonly jsonl: readonly string[];
  /** CloudTrail log and Insights files of an S3 tree (read when there is no JSONL file). */
  readonly logFiles: readonly string[];
  /** Coverage results found (`format: trailsim.coverage/1`). */
  readonly coverage: readonly { readonly file: string; readonly result: CoverageResult }[];
}

function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

function isCloudTrailKey(rel: string): boolean {
  const parts = rel.split(sep);
  // DIR/<bucket>/<key>, or DIR is the bucket itself.
  for (const key of [parts.slice(1).join('/'), parts.join('/')]) {
    const k = parseCloudTrailKey(key);
    if (k && (k.kind === 'log' || k.kind === 'insight')) return true;
  }
  return false;
}

function startsWithBrace(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(64);
    const n = readSync(fd, b, 0, 64, 0);
    return b.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('{');
  } finally {
    closeSync(fd);
  }
}

/** Finds what `dir` holds. Throws `ReportInputError` when it holds nothing a report can show. */
export function findReportSources(dir: string): ReportSources {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ReportInputError(`${dir} is not a folder.`);
  const jsonl: string[] = [];
  const logFiles: string[] = [];
  const coverage: { file: string; result: CoverageResult }[] = [];
  for (const file of walk(dir)) {
    const rel = relative(dir, file);
    if (/\.(jsonl|ndjson)(\.gz)?$/i.test(file)) jsonl.push(file);
    else if (/\.json(\.gz)?$/i.test(file) && isCloudTrailKey(rel)) logFiles.push(file);
    else if (/\.json$/i.test(file) && !file.endsWith('.metadata.json') && statSync(file).size < 256 * 1024 * 1024 && startsWithBrace(file)) {
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        continue; // Not JSON after all: not ours to read.
      }
      if ((doc as { format?: unknown } | null)?.format === COVERAGE_FORMAT) coverage.push({ file, result: doc as CoverageResult });
    }
  }
  if (jsonl.length === 0 && logFiles.length === 0 && coverage.length === 0) {
    throw new ReportInputError(`${dir} holds no records (*.jsonl), no CloudTrail log files (<bucket>/AWSLogs/...json.gz) and no coverage.json: nothing to report.`);
  }
  return { dir, jsonl, logFiles: jsonl.length > 0 ? [] : logFiles, coverage };
}

/**
 * Every record of the sources, file by file (JSONL streamed through `readRecords`, the reader
 * every command shares, so files larger than memory work).
 */
export async function* recordsOf(s: ReportSources): AsyncGenerator<CloudTrailRecord> {
  for (const f of s.jsonl) for await (const r of readRecords(f)) yield r.record as unknown as CloudTrailRecord;
  for (const f of s.logFiles) for (const r of parseCloudTrailFile(readFileSync(f), f)) yield r;
}
