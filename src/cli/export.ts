/**
 * `trailsim export --format parquet (--data DIR | --in records.jsonl) --out FILE`: records to
 * a Parquet file with CloudTrail Lake's columns (see `export/parquet.ts`). `--data` reads an
 * exported S3 tree (every *.json.gz below a CloudTrail folder, `{"Records":[...]}`), `--in`
 * a records file in any shape the other commands read (JSON Lines, a log file, an array; gzip
 * or not). Streams: memory stays flat however many
 * records there are. A progress bar shows on a terminal while input is read. Exit code 0 on
 * success, 2 on a usage or I/O error.
 */
import { parseArgs } from 'node:util';
import { TrailsimError } from '../core/errors.js';
import { exportParquetFromJsonl, exportParquetFromS3Tree } from '../export/parquet.js';
import type { DuckDBLoader } from '../cloudtrail/lake/duckdb-loader.js';
import type { CommandIO } from './io.js';
import { createProgress, type Progress } from './progress.js';

export const EXPORT_HELP = `Usage: trailsim export [--format parquet] (--data DIR | --in FILE) --out FILE

Writes records to a Parquet file with CloudTrail Lake's column names and types (eventtime
a timestamp, requestparameters a map, useridentity a struct, eventjson the record's JSON),
rows in eventTime order. Streams: records are staged on disk and only their times are sorted
in memory (21 bytes a record); DuckDB writes under a memory limit. Needs the optional
package @duckdb/node-api.

Options:
  --format parquet  output format (parquet, the default, is the only one)
                      e.g. --format parquet
  --data DIR        read an exported S3 tree (*.json.gz below CloudTrail folders)
                      e.g. --data out/whizlab
  --in FILE         read a records file: JSON Lines, a log file {"Records":[...]} or
                    an array of records, gzip-compressed or not
                      e.g. --in out/whizlab/records.jsonl
  --out FILE        the Parquet file to write (required)
                      e.g. --out out/whizlab/records.parquet
  --memory SIZE     DuckDB's memory limit while writing (default 192MB)
                      e.g. --memory 1GB
  -h, --help        show this help

Examples:
  trailsim export --in out/whizlab/records.jsonl --out out/whizlab/records.parquet
  trailsim export --format parquet --data out/whizlab --out out/whizlab/trail.parquet`;

export interface ExportCommandOptions {
  loadDuckDB?: DuckDBLoader;
  /** The progress display (default: a bar on stderr when it is a terminal). */
  progress?: (title: string) => Progress;
}

export async function exportCommand(args: string[], io: CommandIO, opts: ExportCommandOptions = {}): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { format: { type: 'string' }, data: { type: 'string' }, in: { type: 'string' }, out: { type: 'string' }, memory: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    io.err(`trailsim export: ${(e as Error).message}\n\n${EXPORT_HELP}`);
    return 2;
  }
  if (values.help) return io.out(EXPORT_HELP), 0;
  const usage = (m: string) => (io.err(`trailsim export: ${m}\n\n${EXPORT_HELP}`), 2);
  if ((values.format ?? 'parquet') !== 'parquet') return usage(`unknown --format '${values.format}'; only parquet is supported.`);
  if (!values.out) return usage('--out FILE is required.');
  if (!values.data === !values.in) return usage('give exactly one of --data DIR and --in FILE.');
  if (values.memory !== undefined && !/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(values.memory)) return usage(`--memory must be a size such as 256MB or 2GB; got '${values.memory}'.`);
  const bar = (opts.progress ?? createProgress)(values.data ? 'reading log files' : 'reading records');
  const common = {
    loadDuckDB: opts.loadDuckDB,
    ...(values.memory !== undefined ? { memoryLimit: values.memory } : {}),
    onProgress: (done: number, total: number | undefined) => bar.update(done, total ?? done + 1, values.data ? 'files' : 'records'),
  };
  try {
    const { rows } = values.data ? await exportParquetFromS3Tree(values.data, values.out, common) : await exportParquetFromJsonl(values.in!, values.out, common);
    bar.stop();
    io.out(`wrote ${rows} record${rows === 1 ? '' : 's'} to ${values.out}`);
    return 0;
  } catch (e) {
    bar.stop();
    if (TrailsimError.is(e)) {
      io.err(`trailsim export: ${(e as Error).name}: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}
