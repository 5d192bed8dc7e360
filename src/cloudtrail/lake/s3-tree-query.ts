/**
 * SQL over an exported S3 tree of trail log files, for `trailsim query`: every trail log file
 * under DIR (see `s3-tree-files.ts`) becomes the table `cloudtrail_logs` with Athena's
 * columns (see `athena-table.ts`). Results are rendered as Athena/Trino print them (NULL
 * stays null), and on request as JSON values (numbers as numbers).
 *
 * Order of work, so mistakes cost nothing: the statement is parsed and bound first, in a
 * DuckDB with no file access holding an empty `cloudtrail_logs` (a typo fails before any file
 * is read); then the tree is listed; then only the files the cache does not hold are loaded
 * (`s3-tree-cache.ts`); then file access is switched off and the statement runs. Only SELECT
 * (and EXPLAIN) statements run.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { TrailsimError, TrailsimInputError } from '../../core/errors.js';
import { closeDuckDB, openDuckDB, type DuckDBLoader, type DuckDBSession } from './duckdb-loader.js';
import { ATHENA_FIELDS, ATHENA_PARTITIONS, ATHENA_RECORD_CAMEL, ATHENA_RECORD_LOWER } from './athena-table.js';
import { formatValue } from './result-format.js';
import { toJsonValue } from './json-values.js';
import type { JsonValue } from '../../record/types.js';
import { listTrailLogFiles, maxObjectSize, writeChunk } from './s3-tree-files.js';
import { CACHE_LAYOUT, cacheFileFor, planCache, type CachedFile } from './s3-tree-cache.js';

export { findTrailLogFiles, listTrailLogFiles, type TrailLogFile } from './s3-tree-files.js';
export { defaultCacheDir, cacheFileFor } from './s3-tree-cache.js';

export interface QueryS3TreeOptions {
  /** Loads `@duckdb/node-api`. */
  loadDuckDB?: DuckDBLoader;
  /**
   * Folder for the cache database (one file per tree; see `defaultCacheDir()`). Without it
   * the tree is loaded in memory for this query only.
   */
  cacheDir?: string;
  /** Called as log files load: files done, and files to load. Not called when nothing loads. */
  onProgress?: (done: number, total: number) => void;
  /** Also return the rows as JSON values (`json`). */
  json?: boolean;
  /** Log files per chunk handed to DuckDB at once. @defaultValue 2000 */
  chunkFiles?: number;
}

export interface S3TreeResult {
  columns: string[];
  /** One array per row; NULL is null, everything else a string as Athena prints it. */
  rows: (string | null)[][];
  /** With `json: true`: the rows as JSON values (numbers as numbers, structs as objects). */
  json?: JsonValue[][];
  /** How many log files the table holds. */
  files: number;
  /** How many of them were read for this query (all of them without a cache). */
  loaded: number;
  /** With a cache: its file, and how many cached files were dropped (changed or gone) and reused. */
  cache?: { file: string; dropped: number; reused: number; busy?: boolean };
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

const RECORD_COLUMNS = ATHENA_FIELDS.map((f) => q(f.key.toLowerCase()));
const TABLE_COLUMNS = [...RECORD_COLUMNS, ...ATHENA_PARTITIONS.map(q)];
/** Identifies the cached tables' shape: a cache of another shape is rebuilt. */
const LAYOUT = `${CACHE_LAYOUT}:${createHash('sha256').update(ATHENA_RECORD_LOWER).digest('hex').slice(0, 12)}`;

/** Creates the tables and the `cloudtrail_logs` view when missing; rebuilds them when their layout is stale. */
async function ensureSchema(s: DuckDBSession): Promise<void> {
  const con = s.connection;
  const have = await con.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_name = 'trailsim_meta'`);
  if (have.getRows().length > 0) {
    const layout = await con.runAndReadAll(`SELECT value FROM trailsim_meta WHERE key = 'layout'`);
    if (layout.getRows()[0]?.[0] === LAYOUT) return;
    for (const t of ['cloudtrail_logs']) await con.run(`DROP VIEW IF EXISTS ${t}`);
    for (const t of ['trailsim_meta', 'trailsim_files', 'trailsim_records']) await con.run(`DROP TABLE IF EXISTS ${t}`);
  }
  await con.run(`CREATE TABLE trailsim_files (id INTEGER, path VARCHAR, size BIGINT, mtime DOUBLE)`);
  await con.run(
    `CREATE TABLE trailsim_records AS SELECT CAST(NULL AS INTEGER) AS file_id, r.*, ${ATHENA_PARTITIONS.map((p) => `CAST(NULL AS VARCHAR) AS ${q(p)}`).join(', ')} ` +
      `FROM (SELECT CAST(NULL AS ${ATHENA_RECORD_LOWER}) AS r) WHERE false`,
  );
  await con.run(`CREATE VIEW cloudtrail_logs AS SELECT ${TABLE_COLUMNS.join(', ')} FROM trailsim_records`);
  await con.run(`CREATE TABLE trailsim_meta (key VARCHAR, value VARCHAR)`);
  await con.run(`INSERT INTO trailsim_meta VALUES ('layout', ${lit(LAYOUT)})`);
}

/** DuckDB's message, first line, without the engine's internal prefixes. */
const firstLine = (e: unknown) => (e as Error).message.replace(/^Failed to extract statements: /, '').split('\n')[0];

/**
 * Parses and binds `sql` against an empty `cloudtrail_logs` in a DuckDB that cannot touch
 * files: a syntax error, an unknown column or a statement other than a query fails here,
 * before any log file is read. Throws TrailsimInputError with DuckDB's message.
 */
export async function checkS3TreeQuery(sql: string, opts: Pick<QueryS3TreeOptions, 'loadDuckDB'> = {}): Promise<void> {
  if (typeof sql !== 'string' || sql.trim() === '') throw new TrailsimInputError('The SQL statement is empty.');
  const s = await openDuckDB(opts.loadDuckDB, { externalAccess: false, purpose: 'SQL over exported S3 logs (trailsim query)' });
  try {
    await ensureSchema(s);
    await prepareQuery(s, sql);
  } finally {
    closeDuckDB(s);
  }
}

async function prepareQuery(s: DuckDBSession, sql: string) {
  let extracted;
  try {
    extracted = await s.connection.extractStatements(sql);
  } catch (e) {
    throw new TrailsimInputError(`Query failed: ${firstLine(e)}`, { cause: e });
  }
  if (extracted.count !== 1) throw new TrailsimInputError(`Query failed: expected one SQL statement, got ${extracted.count}.`);
  let prepared;
  try {
    prepared = await extracted.prepare(0);
  } catch (e) {
    throw new TrailsimInputError(`Query failed: ${firstLine(e)}`, { cause: e });
  }
  const { StatementType } = s.api;
  if (prepared.statementType !== StatementType.SELECT && prepared.statementType !== StatementType.EXPLAIN) {
    throw new TrailsimInputError(`Query failed: only queries (SELECT, WITH ... SELECT, EXPLAIN) run over the log files; got a ${StatementType[prepared.statementType] ?? 'other'} statement.`);
  }
  return prepared;
}

async function openCache(file: string, loadDuckDB: DuckDBLoader | undefined): Promise<DuckDBSession | 'busy'> {
  mkdirSync(dirname(file), { recursive: true });
  const open = () => openDuckDB(loadDuckDB, { externalAccess: true, path: file, purpose: 'SQL over exported S3 logs (trailsim query)' });
  try {
    return await open();
  } catch (e) {
    // Another query holds the file: this one loads in memory.
    if (/lock/i.test((e as Error).message)) return 'busy';
    if ((e as Error).name === 'LakeEngineUnavailableError') throw e;
    // A damaged or foreign file is only a cache: start again.
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
    return open();
  }
}

async function cachedFiles(s: DuckDBSession): Promise<CachedFile[]> {
  const r = await s.connection.runAndReadAll(`SELECT id, path, size, mtime FROM trailsim_files`);
  return r.getRows().map(([id, path, size, mtime]) => ({ id: Number(id), path: String(path), size: Number(size), mtimeMs: Number(mtime) }));
}

/** Loads `files` into `trailsim_records` (ids from `firstId`), chunk by chunk; records the files. */
async function loadFiles(s: DuckDBSession, files: readonly { path: string; size: number; mtimeMs: number }[], firstId: number, scratch: string, chunkFiles: number, progress?: (done: number) => void): Promise<void> {
  const con = s.connection;
  const paths = files.map((f) => f.path);
  let pending: Promise<unknown> | undefined;
  let range = '';
  try {
    for (let from = 0, k = 0; from < paths.length; from += chunkFiles, k++) {
      const to = Math.min(paths.length, from + chunkFiles);
      // Two chunk files in turn: the one written now was last read by the insert before the pending one.
      const chunk = join(scratch, `chunk-${k % 2}.ndjson`);
      // Reading and gunzipping here overlaps DuckDB reading the previous chunk on its own thread.
      const longest = writeChunk(paths, from, to, firstId + from, chunk);
      await pending;
      progress?.(from);
      range = `${paths[from]} .. ${paths[to - 1]}`;
      pending = con.run(
        `INSERT INTO trailsim_records SELECT f, r.*, p[1], p[2], p[3], p[4] FROM (SELECT f, p, CAST(unnest(Records) AS ${ATHENA_RECORD_LOWER}) AS r ` +
          `FROM read_json(${lit(chunk)}, columns = {f: 'INTEGER', p: 'VARCHAR[]', Records: ${lit(`${ATHENA_RECORD_CAMEL}[]`)}}, ` +
          `format = 'newline_delimited', maximum_object_size = ${maxObjectSize(longest)}))`,
      );
    }
    await pending;
    progress?.(paths.length);
  } catch (e) {
    await pending?.catch(() => undefined);
    if (TrailsimError.is(e)) throw e;
    throw new TrailsimInputError(`Could not load trail log files (${range}): ${firstLine(e)}`, { cause: e });
  }
  const app = await con.createAppender('trailsim_files');
  files.forEach((f, k) => {
    app.appendInteger(firstId + k);
    app.appendVarchar(f.path);
    app.appendBigInt(BigInt(f.size));
    app.appendDouble(f.mtimeMs);
    app.endRow();
  });
  app.flushSync();
  app.closeSync();
}

/** Runs `sql` against `cloudtrail_logs` built from the trail log files under `dir`. */
export async function queryS3Tree(dir: string, sql: string, opts: QueryS3TreeOptions = {}): Promise<S3TreeResult> {
  await checkS3TreeQuery(sql, opts);
  const listing = listTrailLogFiles(dir);
  if (listing.length === 0) throw new TrailsimInputError(`No CloudTrail log files (**/CloudTrail/**/*.json.gz) under ${dir}.`);
  const file = opts.cacheDir !== undefined ? cacheFileFor(opts.cacheDir, dir) : undefined;
  let session = file ? await openCache(file, opts.loadDuckDB) : undefined;
  const busy = session === 'busy';
  if (!session || session === 'busy') session = await openDuckDB(opts.loadDuckDB, { externalAccess: true, purpose: 'SQL over exported S3 logs (trailsim query)' });
  const s = session;
  const scratch = mkdtempSync(join(file && !busy ? dirname(file) : tmpdir(), 'trailsim-load-'));
  try {
    const con = s.connection;
    await ensureSchema(s);
    const plan = planCache(await cachedFiles(s), listing);
    if (plan.load.length > 0 || plan.drop.length > 0) {
      opts.onProgress?.(0, plan.load.length);
      await con.run('BEGIN TRANSACTION');
      try {
        if (plan.drop.length > 0) {
          await con.run(`CREATE TEMP TABLE trailsim_drop (id INTEGER)`);
          const app = await con.createAppender('trailsim_drop');
          for (const d of plan.drop) {
            app.appendInteger(d.id);
            app.endRow();
          }
          app.flushSync();
          app.closeSync();
          await con.run(`DELETE FROM trailsim_records WHERE file_id IN (SELECT id FROM trailsim_drop)`);
          await con.run(`DELETE FROM trailsim_files WHERE id IN (SELECT id FROM trailsim_drop)`);
          await con.run(`DROP TABLE trailsim_drop`);
        }
        const next = await con.runAndReadAll(`SELECT coalesce(max(id) + 1, 0) FROM trailsim_files`);
        // Loading may use every core; the query itself runs on one thread (results do not depend on scheduling).
        await con.run(`SET threads = 2`);
        await loadFiles(s, plan.load, Number(next.getRows()[0][0]), scratch, opts.chunkFiles ?? 2000, (done) => opts.onProgress?.(done, plan.load.length));
        await con.run(`SET threads = 1`);
        await con.run('COMMIT');
      } catch (e) {
        await con.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    }
    // The user's SQL runs without file access.
    await con.run(`SET enable_external_access = false`);
    const prepared = await prepareQuery(s, sql);
    let reader;
    try {
      reader = await prepared.runAndReadAll();
    } catch (e) {
      throw new TrailsimInputError(`Query failed: ${firstLine(e)}`, { cause: e });
    }
    const types = reader.columnTypes();
    const raw = reader.getRows();
    const rows = raw.map((r) => r.map((v, i) => (v === null ? null : formatValue(v, types[i] as never))));
    return {
      columns: reader.columnNames(),
      rows,
      ...(opts.json ? { json: raw.map((r) => r.map((v, i) => toJsonValue(v, types[i] as never))) } : {}),
      files: listing.length,
      loaded: plan.load.length,
      ...(file ? { cache: { file, dropped: plan.drop.length, reused: plan.keep, ...(busy ? { busy: true } : {}) } } : {}),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    closeDuckDB(s);
  }
}
