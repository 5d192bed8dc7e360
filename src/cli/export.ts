/**
 * `trailsim export --format parquet (--data DIR | --in records.jsonl) --out FILE`: records to
 * a Parquet file with CloudTrail Lake's columns (see `export/parquet.ts`). `--data` reads an
 * exported S3 tree (every *.json.gz below a CloudTrail folder, `{"Records":[...]}`), `--in`
 * a JSON Lines file of records (optionally .gz). Exit code 0 on success, 2 on a usage or I/O
 * error.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { TrailsimError, TrailsimInputError } from '../core/errors.js';
import type { CloudTrailRecord } from '../record/types.js';
import { exportParquet } from '../export/parquet.js';
import { findTrailLogFiles } from '../cloudtrail/lake/s3-tree-query.js';
import type { DuckDBLoader } from '../cloudtrail/lake/duckdb-loader.js';
import type { CommandIO } from './io.js';

export const EXPORT_HELP = `Usage: trailsim export --format parquet (--data DIR | --in FILE) --out FILE

Writes records to a Parquet file with CloudTrail Lake's column names and types (eventtime
a timestamp, requestparameters a map, useridentity a struct), rows in eventTime order.
Needs the optional package @duckdb/node-api.

Options:
  --format parquet  output format (parquet is the only one)
  --data DIR        read an exported S3 tree (*.json.gz below CloudTrail folders)
  --in FILE         read JSON Lines records (records.jsonl, or .jsonl.gz)
  --out FILE        the Parquet file to write (required)
  -h, --help        show this help

Example:
  trailsim export --format parquet --in out/gen/records.jsonl --out out/gen/records.parquet`;

function readText(file: string): string {
  const buf = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/** Records from trail log files under `dir`, file by file. */
export function* recordsFromS3Tree(dir: string): Generator<CloudTrailRecord> {
  for (const f of findTrailLogFiles(dir)) {
    let doc: unknown;
    try {
      doc = JSON.parse(readText(f));
    } catch (e) {
      throw new TrailsimInputError(`${f}: not a JSON log file (${(e as Error).message}).`);
    }
    const recs = (doc as { Records?: unknown }).Records;
    if (!Array.isArray(recs)) throw new TrailsimInputError(`${f}: expected {"Records":[...]}.`);
    yield* recs as CloudTrailRecord[];
  }
}

/** Records from a JSON Lines file. */
export function* recordsFromJsonl(file: string): Generator<CloudTrailRecord> {
  let text: string;
  try {
    text = readText(file);
  } catch (e) {
    throw new TrailsimInputError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  let n = 0;
  for (const line of text.split('\n')) {
    n++;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as CloudTrailRecord;
    } catch (e) {
      throw new TrailsimInputError(`${file}:${n}: not JSON (${(e as Error).message}).`);
    }
  }
}

export async function exportCommand(args: string[], io: CommandIO, opts: { loadDuckDB?: DuckDBLoader } = {}): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { format: { type: 'string' }, data: { type: 'string' }, in: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    io.err(`trailsim export: ${(e as Error).message}\n\n${EXPORT_HELP}`);
    return 2;
  }
  if (values.help) return io.out(EXPORT_HELP), 0;
  const usage = (m: string) => (io.err(`trailsim export: ${m}\n\n${EXPORT_HELP}`), 2);
  if ((values.format ?? 'parquet') !== 'parquet') return usage(`unknown --format '${values.format}'; only parquet is supported.`);
  if (!values.out) return usage('--out FILE is required.');
  if (!values.data === !values.in) return usage('give exactly one of --data DIR and --in FILE.');
  try {
    const records = values.data ? recordsFromS3Tree(values.data) : recordsFromJsonl(values.in!);
    const { rows } = await exportParquet(records, values.out, { loadDuckDB: opts.loadDuckDB });
    io.out(`wrote ${rows} record${rows === 1 ? '' : 's'} to ${values.out}`);
    return 0;
  } catch (e) {
    if (TrailsimError.is(e)) {
      io.err(`trailsim export: ${(e as Error).name}: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}
