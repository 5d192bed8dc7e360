/**
 * SQL over an exported S3 tree of trail log files, for `trailsim query`: every file ending
 * `.json.gz` below a `CloudTrail` folder under DIR (trail delivery layout
 * `DIR/<bucket>/AWSLogs/[o-id/]<account>/CloudTrail/<region>/YYYY/MM/DD/<file>.json.gz`, each
 * holding `{"Records":[...]}`; `CloudTrail-Digest` and `CloudTrail-Insight` folders are not
 * read) becomes the table `cloudtrail_logs` with Athena's columns (see `athena-table.ts`).
 * DuckDB reads the files, then loses file access before the user's SQL runs. Results are
 * rendered as Athena/Trino print them; NULL stays null.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TrailsimInputError } from '../../core/errors.js';
import { closeDuckDB, openDuckDB, type DuckDBLoader } from './duckdb-loader.js';
import { ATHENA_RECORD_CAMEL, ATHENA_RECORD_LOWER } from './athena-table.js';
import { formatValue } from './result-format.js';

export interface QueryS3TreeOptions {
  /** Loads `@duckdb/node-api`. */
  loadDuckDB?: DuckDBLoader;
}

export interface S3TreeResult {
  columns: string[];
  /** One array per row; NULL is null, everything else a string as Athena prints it. */
  rows: (string | null)[][];
  /** How many log files were read. */
  files: number;
}

/** The trail log files under `dir` (paths with a `CloudTrail` folder, ending `.json.gz`), sorted. */
export function findTrailLogFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, inCloudTrail: boolean) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p, inCloudTrail || name === 'CloudTrail');
      else if (inCloudTrail && name.endsWith('.json.gz')) out.push(p);
    }
  };
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new TrailsimInputError(`No such folder: ${dir}.`);
  }
  if (!st.isDirectory()) throw new TrailsimInputError(`Not a folder: ${dir}.`);
  // A folder inside a CloudTrail/ tree (one region or month: Athena-style partition pruning) reads as is.
  const root = resolve(dir);
  walk(root, root.split(/[\\/]/).includes('CloudTrail'));
  return out;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Runs `sql` against `cloudtrail_logs` built from the trail log files under `dir`. */
export async function queryS3Tree(dir: string, sql: string, opts: QueryS3TreeOptions = {}): Promise<S3TreeResult> {
  const files = findTrailLogFiles(dir);
  if (files.length === 0) throw new TrailsimInputError(`No CloudTrail log files (**/CloudTrail/**/*.json.gz) under ${dir}.`);
  const session = await openDuckDB(opts.loadDuckDB, { externalAccess: true });
  try {
    const con = session.connection;
    const part = (i: number) => `regexp_extract(filename, '[/\\\\]CloudTrail[/\\\\]([^/\\\\]+)[/\\\\](\\d{4})[/\\\\](\\d{2})[/\\\\](\\d{2})[/\\\\]', ${i})`;
    await con.run(
      `CREATE TABLE cloudtrail_logs AS SELECT r.*, ${part(1)} AS region, ${part(2)} AS year, ${part(3)} AS month, ${part(4)} AS day ` +
        `FROM (SELECT CAST(unnest(Records) AS ${ATHENA_RECORD_LOWER}) AS r, filename FROM read_json([${files.map(lit).join(', ')}], ` +
        `columns = {Records: ${lit(`${ATHENA_RECORD_CAMEL}[]`)}}, format = 'auto', filename = true, maximum_object_size = 1073741824))`,
    );
    // The user's SQL runs without file access.
    await con.run(`SET enable_external_access = false`);
    let reader;
    try {
      reader = await con.runAndReadAll(sql);
    } catch (e) {
      throw new TrailsimInputError(`Query failed: ${(e as Error).message.split('\n')[0]}`, { cause: e });
    }
    const types = reader.columnTypes();
    const rows = reader.getRows().map((r) => r.map((v, i) => (v === null ? null : formatValue(v, types[i] as never))));
    return { columns: reader.columnNames(), rows, files: files.length };
  } finally {
    closeDuckDB(session);
  }
}

