/**
 * Records to a Parquet file with CloudTrail Lake's column names and types (see
 * `cloudtrail/lake/lake-schema.ts`: `eventtime` a timestamp, `requestparameters` and the other
 * maps `map<string,string>`, `useridentity` a struct, ...), so Lake-dialect SQL runs against
 * the file in DuckDB, Spark or Athena with only the table name changed. Rows are in eventTime
 * order (input order among equal times); records with an unreadable eventTime are skipped.
 *
 * Streaming: records are written as JSON text into a few NDJSON staging files (log files of an
 * S3 tree are only gunzipped, never parsed in JavaScript; see `s3-tree-files.ts`), then DuckDB
 * (loaded on first use, like Lake SQL) sorts them by time, converts each record's JSON in one
 * `json_transform`, and writes Parquet in row groups of 8,192 rows, with a memory limit and a
 * spill folder, so memory stays flat however many records there are. `eventjson` is the
 * record's JSON text as given.
 */
import { closeSync, createReadStream, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { CloudTrailRecord } from '../record/types.js';
import { TrailsimError, TrailsimInputError } from '../core/errors.js';
import { closeDuckDB, openDuckDB, type DuckDBLoader } from '../cloudtrail/lake/duckdb-loader.js';
import { CLOUDTRAIL_COLUMNS } from '../cloudtrail/lake/lake-schema.js';
import { listTrailLogFiles, maxObjectSize, readLogFile, tagDocument } from '../cloudtrail/lake/s3-tree-files.js';

export interface ExportParquetOptions {
  /** Loads `@duckdb/node-api`. */
  loadDuckDB?: DuckDBLoader;
  /** Parquet compression. @defaultValue 'zstd' */
  compression?: 'zstd' | 'snappy' | 'gzip' | 'uncompressed';
  /** DuckDB's memory limit while sorting and writing (it spills to a temporary folder beyond it). @defaultValue '256MB' */
  memoryLimit?: string;
  /** Called as input is read: units done and the total when known (log files of a tree; records otherwise). */
  onProgress?: (done: number, total: number | undefined) => void;
}

const PURPOSE = 'Parquet export (trailsim export)';
/** Staging files are cut at this size, so none grows past what a file system or DuckDB handles easily. */
const STAGE_FILE_BYTES = 256 << 20;
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** NDJSON staging files: lines `{"f":n,"Records":[...]}`, where `n` orders records that share a time. */
class Stage {
  readonly files: string[] = [];
  private fd = -1;
  private bytes = 0;
  longest = 0;
  private parts: Buffer[] = [];
  private pending = 0;

  constructor(private readonly dir: string) {}

  add(line: Buffer): void {
    if (this.fd < 0 || this.bytes > STAGE_FILE_BYTES) this.rotate();
    this.longest = Math.max(this.longest, line.length);
    this.parts.push(line);
    this.pending += line.length;
    this.bytes += line.length;
    if (this.pending > 4 << 20) this.flush();
  }

  private flush(): void {
    if (this.parts.length) writeSync(this.fd, Buffer.concat(this.parts));
    this.parts = [];
    this.pending = 0;
  }

  private rotate(): void {
    if (this.fd >= 0) {
      this.flush();
      closeSync(this.fd);
    }
    const f = join(this.dir, `stage-${this.files.length}.ndjson`);
    this.fd = openSync(f, 'w');
    this.files.push(f);
    this.bytes = 0;
  }

  close(): void {
    if (this.fd < 0) return;
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }
}

/** The SELECT list giving Lake's columns from a record's JSON `j`, its time `t` and its transform `r`. */
function lakeSelect(): { schema: string; columns: string } {
  const schema: Record<string, unknown> = {};
  const columns = CLOUDTRAIL_COLUMNS.map((c) => {
    const s = c.source;
    switch (s.kind) {
      case 'time':
        return `t AS ${q(c.name)}`;
      case 'unique':
        schema[s.field] = 'VARCHAR';
        return `r.${q(s.field)} AS ${q(c.name)}`;
      case 'dict':
        if (s.transform === undefined) throw new Error(`column ${c.name} has no transform`);
        schema[s.field] = s.transform;
        return `CAST(r.${q(s.field)} AS ${c.type}) AS ${q(c.name)}`;
      case 'eventjson':
        return `j AS ${q(c.name)}`;
      case 'null':
        return `CAST(NULL AS ${c.type}) AS ${q(c.name)}`;
    }
  });
  return { schema: JSON.stringify(schema), columns: columns.join(', ') };
}

/** Writes what `fill` stages to `file`; returns the rows written. */
async function writeStaged(file: string, opts: ExportParquetOptions, fill: (stage: Stage) => Promise<void> | void): Promise<{ rows: number }> {
  // Load DuckDB first: without it nothing is read or written.
  const scratch = mkdtempSync(join(tmpdir(), 'trailsim-parquet-'));
  let session;
  try {
    session = await openDuckDB(opts.loadDuckDB, {
      externalAccess: true,
      purpose: PURPOSE,
      config: { memory_limit: opts.memoryLimit ?? '256MB', temp_directory: join(scratch, 'spill') },
    });
    const stage = new Stage(scratch);
    try {
      await fill(stage);
    } finally {
      stage.close();
    }
    const target = resolve(file);
    mkdirSync(dirname(target), { recursive: true });
    const { schema, columns } = lakeSelect();
    const compression = opts.compression ?? 'zstd';
    if (stage.files.length === 0) stage.add(Buffer.from('{"f":0,"Records":[]}\n'));
    stage.close();
    const source =
      `SELECT f, unnest(Records) AS j, generate_subscripts(Records, 1) AS i FROM read_json([${stage.files.map(lit).join(', ')}], ` +
      `columns = {f: 'BIGINT', Records: 'VARCHAR[]'}, format = 'newline_delimited', maximum_object_size = ${maxObjectSize(stage.longest)})`;
    const timed = `SELECT TRY_CAST(json_extract_string(j, '$.eventTime') AS TIMESTAMP) AS t, f, i, j FROM (${source})`;
    // Only the time and the JSON text go through the sort; the conversion runs on sorted rows as they stream out.
    const sorted = `SELECT t, j FROM (${timed}) WHERE t IS NOT NULL ORDER BY t, f, i`;
    let result;
    try {
      result = await session.connection.runAndReadAll(
        `COPY (SELECT ${columns} FROM (SELECT t, j, json_transform(j, ${lit(schema)}) AS r FROM (${sorted}))) TO ${lit(target)} ` +
          `(FORMAT PARQUET, COMPRESSION '${compression}', ROW_GROUP_SIZE 8192)`,
      );
    } catch (e) {
      throw new TrailsimInputError(`Could not convert the records: ${(e as Error).message.split('\n')[0]}`, { cause: e });
    }
    return { rows: Number(result.getRows()[0]?.[0] ?? 0) };
  } finally {
    if (session) closeDuckDB(session);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Writes `records` to `file`; returns how many rows were written (records with an unreadable eventTime are skipped). */
export async function exportParquet(records: Iterable<CloudTrailRecord> | AsyncIterable<CloudTrailRecord>, file: string, opts: ExportParquetOptions = {}): Promise<{ rows: number }> {
  return writeStaged(file, opts, async (stage) => {
    let n = 0;
    for await (const r of records) {
      stage.add(Buffer.from(`{"f":${n++},"Records":[${JSON.stringify(r)}]}\n`, 'utf8'));
      if (n % 8192 === 0) opts.onProgress?.(n, undefined);
    }
    opts.onProgress?.(n, n);
  });
}

/** Writes the records of every trail log file under `dir` (an exported S3 tree) to `file`. */
export async function exportParquetFromS3Tree(dir: string, file: string, opts: ExportParquetOptions = {}): Promise<{ rows: number; files: number }> {
  const listing = listTrailLogFiles(dir);
  if (listing.length === 0) throw new TrailsimInputError(`No CloudTrail log files (**/CloudTrail/**/*.json.gz) under ${dir}.`);
  const { rows } = await writeStaged(file, opts, (stage) => {
    opts.onProgress?.(0, listing.length);
    listing.forEach((f, k) => {
      stage.add(tagDocument(readLogFile(f.path), k, null, f.path));
      if ((k + 1) % 1000 === 0) opts.onProgress?.(k + 1, listing.length);
    });
    opts.onProgress?.(listing.length, listing.length);
  });
  return { rows, files: listing.length };
}

/** The first line of a JSON Lines file that is not JSON, for an error that names it. */
async function firstBadLine(file: string): Promise<string | undefined> {
  let n = 0;
  for await (const line of jsonlLines(file)) {
    n++;
    if (line.trim() === '') continue;
    try {
      JSON.parse(line);
    } catch (e) {
      return `${file}:${n}: not JSON (${(e as Error).message}).`;
    }
  }
  return undefined;
}

function jsonlLines(file: string): AsyncIterable<string> {
  const raw = createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (e) => input.destroy(e));
  return createInterface({ input, crlfDelay: Infinity });
}

/** Writes the records of a JSON Lines file (optionally gzipped) to `file`. */
export async function exportParquetFromJsonl(jsonl: string, file: string, opts: ExportParquetOptions = {}): Promise<{ rows: number }> {
  try {
    return await writeStaged(file, opts, async (stage) => {
      let n = 0;
      try {
        for await (const line of jsonlLines(jsonl)) {
          n++;
          if (line.trim() === '') continue;
          stage.add(Buffer.from(`{"f":${n},"Records":[${line}]}\n`, 'utf8'));
          if (n % 8192 === 0) opts.onProgress?.(n, undefined);
        }
      } catch (e) {
        throw new TrailsimInputError(`Cannot read ${jsonl}: ${(e as Error).message}`, { cause: e });
      }
      opts.onProgress?.(n, n);
    });
  } catch (e) {
    // DuckDB's message names a staging file; name the user's line instead.
    if (TrailsimError.is(e) && /^Could not convert/.test((e as Error).message)) {
      const bad = await firstBadLine(jsonl).catch(() => undefined);
      if (bad) throw new TrailsimInputError(bad, { cause: e });
    }
    throw e;
  }
}
