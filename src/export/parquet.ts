/**
 * Records to a Parquet file with CloudTrail Lake's column names and types (see
 * `cloudtrail/lake/lake-schema.ts`: `eventtime` a timestamp, `requestparameters` and the other
 * maps `map<string,string>`, `useridentity` a struct, ...), so Lake-dialect SQL runs against
 * the file in DuckDB, Spark or Athena with only the table name changed. Rows are in eventTime
 * order (input order among equal times); records with an unreadable eventTime are skipped.
 *
 * Streaming: each record's JSON text is staged as one line of a file on disk (a plain JSON
 * Lines input's lines stay where they are: only their offsets are kept) while only its time and
 * position stay in memory (21 bytes a record, in typed arrays). Those keys are sorted, and the
 * texts copied once in time order (not at all when they came in order). DuckDB (loaded on
 * first use, like Lake SQL) reads the lines as plain text, parses each record once with
 * `json_transform` and writes Parquet in row groups of 8,192 rows, with one thread under a
 * memory limit (192 MB by default). Nothing holds the records themselves, so memory grows by
 * 21 bytes a record, not by the record. (Sorting the texts inside DuckDB ran out of memory
 * under a 200 MB limit at 73k records.)
 * `eventjson` is the record's JSON text as given.
 */
import { closeSync, createReadStream, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { CloudTrailRecord } from '../record/types.js';
import { TrailsimError, TrailsimInputError } from '../core/errors.js';
import { closeDuckDB, openDuckDB, type DuckDBLoader } from '../cloudtrail/lake/duckdb-loader.js';
import { requireDuckDB } from './duckdb-require.js';
import { CLOUDTRAIL_COLUMNS } from '../cloudtrail/lake/lake-schema.js';
import { listTrailLogFiles, readLogFile } from '../cloudtrail/lake/s3-tree-files.js';
import { isGzipFile, readRecords, recordsOfText, RecordsFileError, sniffRecordFormat, unreadableMessage, type ReadRecord } from '../validate/stream.js';

export interface ExportParquetOptions {
  /** Loads `@duckdb/node-api`. */
  loadDuckDB?: DuckDBLoader;
  /**
   * Parquet compression. zstd is written at level 1: a tenth less CPU than DuckDB's default
   * level 3 for a file 3.5% larger (whizlab's records: 20.2 MB against 19.5 MB). @defaultValue 'zstd'
   */
  compression?: 'zstd' | 'snappy' | 'gzip' | 'uncompressed';
  /**
   * DuckDB's memory limit while converting and writing. Its Parquet writer needs about 170 MB
   * for Lake's 34 columns whatever the number of rows (measured: 73k and 147k records). @defaultValue '192MB'
   */
  memoryLimit?: string;
  /** Called as input is read: units done and the total when known (log files of a tree; records otherwise). */
  onProgress?: (done: number, total: number | undefined) => void;
}

const PURPOSE = 'Parquet export (trailsim export)';
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Staged records: their JSON texts in a file, one per line, their times and positions in
 * typed arrays. `add` takes one record's text, `addBytes` a line's UTF-8 bytes; `writeSorted`
 * gives a file of the texts in (time, arrival) order, the lines DuckDB reads.
 */
class Stage {
  private readonly file: string;
  private fd: number;
  /** Texts not yet written, from byte 0 to `used`. */
  private buf = Buffer.allocUnsafe(8 << 20);
  private used = 0;
  private offset = 0;
  private n = 0;
  private times = new Float64Array(1 << 14);
  private offsets = new Float64Array(1 << 14);
  private lengths = new Uint32Array(1 << 14);
  /** 1 where the record's text is a line of the source file, not of the staging file. */
  private inSource = new Uint8Array(1 << 14);
  longest = 0;
  /** True while every record came no earlier than the one before. */
  private inOrder = true;
  /** True while every record is the next line of the source file, none skipped or staged. */
  private wholeSource = true;
  private sourceEnd = 0;

  /**
   * `source`: a file whose lines `addRange` names in place (a plain JSON Lines input), so
   * they are not copied to the staging file; when every line is a record in time order,
   * DuckDB reads it as it is.
   */
  constructor(private readonly dir: string, private readonly source?: string) {
    this.file = join(dir, 'records.txt');
    this.fd = openSync(this.file, 'w');
  }

  get size(): number {
    return this.n;
  }

  /**
   * Stages one record (its JSON text, which holds no line break, and its eventTime); a record
   * whose time cannot be read is skipped.
   */
  add(text: string, eventTime: unknown): void {
    const t = typeof eventTime === 'string' ? Date.parse(eventTime) : NaN;
    if (Number.isNaN(t)) return;
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.reserve(text.length * 3 + 1);
    const len = this.buf.write(text, this.used, 'utf8');
    this.buf[this.used + len] = 10;
    this.push(t, len + 1, 0);
  }

  /** Stages the source file's line at `offset` (`length` bytes with its line break, which ends it) in place. */
  addRange(offset: number, length: number, eventTime: string): void {
    const t = Date.parse(eventTime);
    if (Number.isNaN(t)) {
      this.wholeSource = false;
      return;
    }
    if (offset !== this.sourceEnd) this.wholeSource = false;
    this.sourceEnd = offset + length;
    this.push(t, length, 1, offset);
  }

  /** Stages `src[start, end)`, one record's JSON text as UTF-8 without a line break, as `add` does. */
  addBytes(src: Buffer, start: number, end: number, eventTime: string | undefined): void {
    const t = eventTime === undefined ? NaN : Date.parse(eventTime);
    if (Number.isNaN(t)) return;
    this.reserve(end - start + 1);
    src.copy(this.buf, this.used, start, end);
    this.buf[this.used + end - start] = 10;
    this.push(t, end - start + 1, 0);
  }

  /** Notes that some input (a blank line, a line staged as text) is not a record line of the source as it stands. */
  notWhole(): void {
    this.wholeSource = false;
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buf.length) return;
    this.flush();
    if (bytes > this.buf.length) this.buf = Buffer.allocUnsafe(bytes);
  }

  private push(t: number, len: number, inSource: 0 | 1, sourceOffset = 0): void {
    if (this.n === this.times.length) this.grow();
    if (this.n > 0 && t < this.times[this.n - 1]) this.inOrder = false;
    this.times[this.n] = t;
    this.lengths[this.n] = len;
    this.inSource[this.n] = inSource;
    if (inSource) {
      this.offsets[this.n] = sourceOffset;
    } else {
      this.wholeSource = false;
      this.offsets[this.n] = this.offset;
      this.offset += len;
      this.used += len;
    }
    this.n++;
    if (len > this.longest) this.longest = len;
  }

  private grow(): void {
    const t = new Float64Array(this.times.length * 2);
    t.set(this.times);
    this.times = t;
    const o = new Float64Array(this.offsets.length * 2);
    o.set(this.offsets);
    this.offsets = o;
    const l = new Uint32Array(this.lengths.length * 2);
    l.set(this.lengths);
    this.lengths = l;
    const f = new Uint8Array(this.inSource.length * 2);
    f.set(this.inSource);
    this.inSource = f;
  }

  private flush(): void {
    if (this.used > 0) writeSync(this.fd, this.buf, 0, this.used);
    this.used = 0;
  }

  /**
   * The staged texts in time order (arrival order among equal times), one per line: the
   * staging file itself when records arrived in order, else a copy in order (runs of texts
   * that stay neighbours are copied in one read). Returns its path.
   */
  writeSorted(): string {
    this.flush();
    this.close();
    if (this.inOrder && this.source !== undefined && this.n > 0 && this.wholeSource && this.sourceEnd === statSync(this.source).size) return this.source;
    if (this.inOrder && !this.inSource.subarray(0, this.n).includes(1)) return this.file;
    const order = new Uint32Array(this.n);
    for (let i = 0; i < this.n; i++) order[i] = i;
    const times = this.times;
    order.sort((a, b) => times[a] - times[b] || a - b);
    const out = join(this.dir, 'sorted.txt');
    const staged = openSync(this.file, 'r');
    let source = -1;
    const dst = openSync(out, 'w');
    try {
      if (this.source !== undefined) source = openSync(this.source, 'r');
      const buf = this.buf;
      let used = 0;
      for (let k = 0; k < this.n; ) {
        const where = this.inSource[order[k]];
        const src = where ? source : staged;
        let from = this.offsets[order[k]];
        let left = this.lengths[order[k]];
        for (k++; k < this.n && this.inSource[order[k]] === where && this.offsets[order[k]] === from + left; k++) left += this.lengths[order[k]];
        while (left > 0) {
          if (used === buf.length) {
            writeSync(dst, buf, 0, used);
            used = 0;
          }
          const got = readSync(src, buf, used, Math.min(left, buf.length - used), from);
          if (got === 0) throw new Error(`${where ? this.source : this.file} ended early`);
          used += got;
          from += got;
          left -= got;
        }
      }
      writeSync(dst, buf, 0, used);
    } finally {
      closeSync(staged);
      if (source >= 0) closeSync(source);
      closeSync(dst);
    }
    rmSync(this.file, { force: true });
    return out;
  }

  /** Closes the staging file if `writeSorted` did not (a failed fill). */
  close(): void {
    if (this.fd < 0) return;
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
        schema.eventTime = 'VARCHAR';
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
async function writeStaged(file: string, opts: ExportParquetOptions, fill: (stage: Stage) => Promise<void> | void, source?: string): Promise<{ rows: number }> {
  // Load DuckDB first: without it nothing is read or written.
  const scratch = mkdtempSync(join(tmpdir(), 'trailsim-parquet-'));
  let session;
  try {
    session = await openDuckDB(opts.loadDuckDB ?? requireDuckDB, {
      externalAccess: true,
      purpose: PURPOSE,
      config: { memory_limit: opts.memoryLimit ?? '192MB', temp_directory: join(scratch, 'spill'), preserve_insertion_order: 'true' },
    });
    const stage = new Stage(scratch, source);
    let sorted: string;
    try {
      await fill(stage);
      sorted = stage.writeSorted();
    } finally {
      stage.close();
    }
    const target = resolve(file);
    mkdirSync(dirname(target), { recursive: true });
    const { schema, columns } = lakeSelect();
    const compression = opts.compression ?? 'zstd';
    // One thread and insertion order kept: rows leave in the file's (time) order, with no sort
    // here. Each line is read whole as text (CSV with a delimiter, quote and escape that JSON
    // text cannot hold unescaped) and parsed once, by json_transform; reading it as JSON
    // first parsed and re-serialised every record, three times the work.
    const maxLine = Math.max(1 << 20, 2 ** Math.ceil(Math.log2(stage.longest + 1024)));
    const read =
      `SELECT j, json_transform(j, ${lit(schema)}) AS r FROM read_csv(${lit(sorted)}, columns = {j: 'VARCHAR'}, header = false, auto_detect = false, ` +
      `delim = '\x01', quote = '', escape = '', max_line_size = ${maxLine}, buffer_size = ${Math.max(16 << 20, 2 * maxLine)})`;
    const timed = `SELECT TRY_CAST(r.eventTime AS TIMESTAMP) AS t, j, r FROM (${read})`;
    let result;
    try {
      result = await session.connection.runAndReadAll(
        `COPY (SELECT ${columns} FROM (${timed}) WHERE t IS NOT NULL) TO ${lit(target)} ` +
          `(FORMAT PARQUET, COMPRESSION '${compression}'${compression === 'zstd' ? ', COMPRESSION_LEVEL 1' : ''}, ROW_GROUP_SIZE 8192)`,
      );
    } catch (e) {
      const m = (e as Error).message.split('\n')[0];
      throw new TrailsimInputError(`Could not convert the records: ${m}${/Out of Memory/i.test(m) ? ' (raise the memory limit: --memory 512MB, or memoryLimit)' : ''}`, { cause: e });
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
      stage.add(JSON.stringify(r), r.eventTime);
      if (++n % 8192 === 0) opts.onProgress?.(n, undefined);
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
      let doc: unknown;
      try {
        doc = JSON.parse(readLogFile(f.path).toString('utf8'));
      } catch (e) {
        throw TrailsimError.is(e) ? e : new TrailsimInputError(`${f.path}: not a JSON log file (${(e as Error).message}).`);
      }
      const recs = (doc as { Records?: unknown } | null)?.Records;
      if (!Array.isArray(recs)) throw new TrailsimInputError(`${f.path}: not a trail log file (expected {"Records":[...]}).`);
      for (const r of recs as CloudTrailRecord[]) stage.add(JSON.stringify(r), r?.eventTime);
      if ((k + 1) % 1000 === 0) opts.onProgress?.(k + 1, listing.length);
    });
    opts.onProgress?.(listing.length, listing.length);
  });
  return { rows, files: listing.length };
}

/** The file's bytes, gunzipped when it starts with gzip's magic bytes (`gzip` says so; it is checked first). */
function recordChunks(file: string, gzip: boolean): AsyncIterable<Buffer> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (!gzip) return raw;
  const input = raw.pipe(createGunzip({ chunkSize: 1 << 20 }));
  raw.on('error', (e) => input.destroy(e));
  return input;
}

const RECORD_START = Buffer.from('{"eventVersion":');
const EVENT_TIME_KEY = Buffer.from('"eventTime":"');
const REQUEST_PARAMETERS_KEY = Buffer.from('"requestParameters":');

/**
 * The eventTime of the record line `buf[start, end)` without decoding or parsing it, when
 * the line is in CloudTrail's key order: `eventTime` then comes after `eventVersion` and
 * `userIdentity` (which has no such key) and before `requestParameters`, so its first
 * occurrence as a key is the record's own. Inside a JSON string a quote is escaped, so the key
 * pattern cannot come from a value. Undefined when the line is not in that shape.
 */
function quickEventTime(buf: Buffer, start: number, end: number): string | undefined {
  if (end - start < RECORD_START.length || buf.compare(RECORD_START, 0, RECORD_START.length, start, start + RECORD_START.length) !== 0) return undefined;
  const at = buf.indexOf(EVENT_TIME_KEY, start);
  if (at < 0 || at >= end) return undefined;
  if (buf.subarray(start, at).indexOf(REQUEST_PARAMETERS_KEY) >= 0) return undefined;
  const close = buf.indexOf(34, at + EVENT_TIME_KEY.length);
  return close < 0 || close >= end ? undefined : buf.toString('utf8', at + EVENT_TIME_KEY.length, close);
}

/** The first problem `readRecords` finds in a records file, for an error that names its line. */
async function firstBadRecord(file: string): Promise<RecordsFileError | undefined> {
  try {
    for await (const _ of readRecords(file));
  } catch (e) {
    if (e instanceof RecordsFileError) return e;
  }
  return undefined;
}

/** One record's text for a staging line: its own text when on one line, else its JSON. */
const oneLine = (r: ReadRecord): string => (r.text !== undefined && !/[\r\n]/.test(r.text) ? r.text.trim() : JSON.stringify(r.record));

/**
 * Writes the records of a records file to `file`: JSON Lines, a CloudTrail log file
 * `{"Records":[...]}` or an array of records, gzip-compressed or not (the shapes and errors of
 * `readRecords`, which every command shares). `eventjson` is each record's text as given (a
 * record inside a log-file line: its JSON).
 */
export async function exportParquetFromJsonl(jsonl: string, file: string, opts: ExportParquetOptions = {}): Promise<{ rows: number }> {
  try {
    // Checked first: it names a missing file (a stream opened before would fail unheard). A
    // plain file's record lines are staged in place, not copied.
    const gzip = isGzipFile(jsonl);
    return await writeStaged(file, opts, async (stage) => {
      let n = 0;
      const stageRecords = (records: ReadRecord[]) => {
        for (const r of records) stage.add(oneLine(r), r.record.eventTime);
      };
      // JSON Lines: lines are split and staged as bytes; only a line not in CloudTrail's key
      // order is decoded and parsed here (for its eventTime). DuckDB parses every line once, later.
      // `at`: the file offset of buf[0] when the file is plain; `newline`: the line ends with
      // its line break at buf[end].
      const line = (buf: Buffer, start: number, end: number, at: number | undefined, newline: boolean) => {
        n++;
        const whole = end;
        if (end > start && buf[end - 1] === 13) end--;
        if (n === 1 && end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
        const time = quickEventTime(buf, start, end);
        if (time !== undefined) {
          if (at !== undefined && newline && end === whole && !(n === 1 && start > 0)) stage.addRange(at + start, end - start + 1, time);
          else stage.addBytes(buf, start, end, time);
        } else {
          stage.notWhole();
          const text = buf.toString('utf8', start, end);
          if (text.trim() !== '') stageRecords(recordsOfText(text, n, jsonl, true));
        }
        if (n % 8192 === 0) opts.onProgress?.(n, undefined);
      };
      const chunks = recordChunks(jsonl, gzip)[Symbol.asyncIterator]();
      try {
        let carry: Buffer | undefined;
        let first = true;
        // File offset of the next `buf`'s first byte.
        let base = 0;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
          const buf = carry ? Buffer.concat([carry, next.value]) : next.value;
          if (first) {
            const format = sniffRecordFormat(buf.toString('utf8', 0, Math.min(buf.length, 1024)));
            if (format === undefined && buf.length < 1024) {
              carry = buf;
              continue;
            }
            first = false;
            if (format !== 'jsonl') {
              // A log file or an array: the shared reader splits it (by records, not lines).
              await chunks.return?.();
              for await (const r of readRecords(jsonl)) {
                stageRecords([r]);
                if (++n % 8192 === 0) opts.onProgress?.(n, undefined);
              }
              carry = undefined;
              break;
            }
          }
          let start = 0;
          const at = gzip ? undefined : base;
          for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
            line(buf, start, nl, at, true);
            start = nl + 1;
          }
          base += start;
          carry = start < buf.length ? buf.subarray(start) : undefined;
        }
        if (carry) line(carry, 0, carry.length, undefined, false);
      } catch (e) {
        if (TrailsimError.is(e)) throw e;
        throw new RecordsFileError(unreadableMessage(jsonl, e), { cause: e });
      }
      opts.onProgress?.(n, n);
    }, gzip ? undefined : jsonl);
  } catch (e) {
    // Lines read on the fast path were not parsed here: DuckDB's message names a staging
    // file, so name the user's line instead.
    if (TrailsimError.is(e) && /^Could not convert/.test((e as Error).message)) {
      const bad = await firstBadRecord(jsonl);
      if (bad) throw new RecordsFileError(bad.message, { cause: e });
    }
    throw e;
  }
}
