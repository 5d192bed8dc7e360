/**
 * The trail log files of an exported S3 tree, and a fast way to hand their records to DuckDB.
 *
 * Files: every file ending `.json.gz` below a `CloudTrail` folder (trail delivery layout
 * `DIR/<bucket>/AWSLogs/[o-id/]<account>/CloudTrail/<region>/YYYY/MM/DD/<file>.json.gz`, each
 * holding `{"Records":[...]}`); `CloudTrail-Digest` and `CloudTrail-Insight` folders are not read.
 *
 * Reading: a tree holds tens of thousands of small gzip files. DuckDB's own `read_json` over
 * such a list pays a large cost per file (the whizlab tree, 54k files, took 4.5 minutes with one
 * thread and ran out of memory with two), and so do asynchronous reads through Node's thread
 * pool (16 s). Reading each file synchronously, gunzipping it with node:zlib and writing the
 * documents, one per line, into a few large NDJSON chunks that DuckDB reads in one go took 4 s
 * for the same tree (see docs/sql.md). Each line is the file's own document with two keys put
 * in front: `f` (the file's number) and `p` (its partition values from the path), so nothing is
 * parsed in JavaScript.
 */
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TrailsimInputError } from '../../core/errors.js';

/** One log file of the tree, with what the cache compares to see whether it changed. */
export interface TrailLogFile {
  /** Absolute path. */
  path: string;
  size: number;
  mtimeMs: number;
}

function checkFolder(dir: string): string {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new TrailsimInputError(`No such folder: ${dir}.`);
  }
  if (!st.isDirectory()) throw new TrailsimInputError(`Not a folder: ${dir}.`);
  return resolve(dir);
}

/** The trail log files under `dir` with their sizes and modification times, sorted by path. */
export function listTrailLogFiles(dir: string): TrailLogFile[] {
  const root = checkFolder(dir);
  const out: TrailLogFile[] = [];
  const walk = (d: string, inCloudTrail: boolean) => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, inCloudTrail || e.name === 'CloudTrail');
      else if (inCloudTrail && e.name.endsWith('.json.gz')) {
        // A symbolic link or odd entry is followed by stat, as readdir's type does not say.
        const st = statSync(p);
        if (st.isFile()) out.push({ path: p, size: st.size, mtimeMs: st.mtimeMs });
      } else if (e.isSymbolicLink()) {
        const st = statSync(p, { throwIfNoEntry: false });
        if (st?.isDirectory()) walk(p, inCloudTrail || e.name === 'CloudTrail');
      }
    }
  };
  // A folder inside a CloudTrail/ tree (one region or month: Athena-style partition pruning) reads as is.
  walk(root, root.split(/[\\/]/).includes('CloudTrail'));
  return out;
}

/** The trail log files under `dir` (paths with a `CloudTrail` folder, ending `.json.gz`), sorted. */
export function findTrailLogFiles(dir: string): string[] {
  return listTrailLogFiles(dir).map((f) => f.path);
}

const PARTITION = /[/\\]CloudTrail[/\\]([^/\\]+)[/\\](\d{4})[/\\](\d{2})[/\\](\d{2})[/\\]/;

/** Athena's partition values (region, year, month, day) from a log file's path, or nulls. */
export function partitionOf(path: string): [string, string, string, string] | null {
  const m = PARTITION.exec(path);
  return m ? [m[1], m[2], m[3], m[4]] : null;
}

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * One NDJSON line for DuckDB: the file's document with `"f":id,"p":[...]` put first. The
 * document must be a JSON object; raw line breaks (only possible between tokens in valid
 * JSON) become spaces so the document stays on one line.
 */
export function tagDocument(doc: Buffer, id: number, partition: readonly string[] | null, file: string): Buffer {
  let i = 0;
  while (i < doc.length && isSpace(doc[i])) i++;
  if (doc[i] !== 0x7b) throw new TrailsimInputError(`${file}: not a trail log file (expected {"Records":[...]}).`);
  let j = i + 1;
  while (j < doc.length && isSpace(doc[j])) j++;
  const empty = doc[j] === 0x7d;
  const head = Buffer.from(`{"f":${id},"p":${JSON.stringify(partition)}${empty ? '' : ','}`, 'utf8');
  let body = doc.subarray(i + 1);
  if (body.includes(0x0a) || body.includes(0x0d)) {
    body = Buffer.from(body);
    for (let k = 0; k < body.length; k++) if (body[k] === 0x0a || body[k] === 0x0d) body[k] = 0x20;
  }
  return Buffer.concat([head, body, Buffer.from('\n')]);
}

/** Reads and gunzips one log file; a clear error names the file. */
export function readLogFile(file: string): Buffer {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (e) {
    throw new TrailsimInputError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return gunzipSync(raw);
  } catch (e) {
    throw new TrailsimInputError(`${file}: not a gzip file (${(e as Error).message}).`);
  }
}

/**
 * Writes files `[from, to)` of `files` as one NDJSON chunk at `out` (file ids `firstId + k`);
 * returns the longest line in bytes (DuckDB's `maximum_object_size` must exceed it).
 */
export function writeChunk(files: readonly string[], from: number, to: number, firstId: number, out: string): number {
  const fd = openSync(out, 'w');
  let longest = 0;
  try {
    let parts: Buffer[] = [];
    let bytes = 0;
    for (let k = from; k < to; k++) {
      const line = tagDocument(readLogFile(files[k]), firstId + (k - from), partitionOf(files[k]), files[k]);
      longest = Math.max(longest, line.length);
      parts.push(line);
      bytes += line.length;
      if (bytes > 8 << 20) {
        writeSync(fd, Buffer.concat(parts));
        parts = [];
        bytes = 0;
      }
    }
    if (parts.length) writeSync(fd, Buffer.concat(parts));
  } finally {
    closeSync(fd);
  }
  return longest;
}

/** DuckDB's `maximum_object_size` for a chunk whose longest line is `longest` bytes. */
export function maxObjectSize(longest: number): number {
  // Small values keep DuckDB's per-thread buffers small; the default (16 MiB) is enough for most trees.
  return Math.max(16 << 20, 2 ** Math.ceil(Math.log2(longest + 1024)));
}
