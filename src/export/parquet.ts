/**
 * Records to a Parquet file with CloudTrail Lake's column names and types (see
 * `cloudtrail/lake/lake-schema.ts`: `eventtime` a timestamp, `requestparameters` and the other
 * maps `map<string,string>`, `useridentity` a struct, ...), so Lake-dialect SQL runs against
 * the file in DuckDB, Spark or Athena with only the table name changed. Written by DuckDB
 * (`COPY ... TO ... (FORMAT PARQUET)`), loaded on first use like Lake SQL; rows are in eventTime order.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CloudTrailRecord } from '../record/types.js';
import { closeDuckDB, openDuckDB, type DuckDBLoader } from '../cloudtrail/lake/duckdb-loader.js';
import { EventLog } from '../cloudtrail/lake/event-log.js';
import { CLOUDTRAIL_COLUMNS } from '../cloudtrail/lake/lake-schema.js';
import { StoreTables, installEventJsonFunction } from '../cloudtrail/lake/store-tables.js';

export interface ExportParquetOptions {
  /** Loads `@duckdb/node-api`. */
  loadDuckDB?: DuckDBLoader;
  /** Parquet compression. @defaultValue 'zstd' */
  compression?: 'zstd' | 'snappy' | 'gzip' | 'uncompressed';
}

/** Writes `records` to `file`; returns how many rows were written (records with an unreadable eventTime are skipped). */
export async function exportParquet(records: Iterable<CloudTrailRecord>, file: string, opts: ExportParquetOptions = {}): Promise<{ rows: number }> {
  // The log orders records by eventTime (arrival order among equal times).
  const log = new EventLog();
  for (const r of records) log.add(r);
  const session = await openDuckDB(opts.loadDuckDB, { externalAccess: true });
  try {
    const tables = new StoreTables(session, 'export', { log, kind: 'CloudTrail' }, installEventJsonFunction(session));
    await tables.sync(CLOUDTRAIL_COLUMNS);
    const target = resolve(file);
    mkdirSync(dirname(target), { recursive: true });
    const compression = opts.compression ?? 'zstd';
    await session.connection.run(`COPY (${tables.selectSql(CLOUDTRAIL_COLUMNS, true)}) TO '${target.replace(/'/g, "''")}' (FORMAT PARQUET, COMPRESSION '${compression}')`);
    return { rows: log.size };
  } finally {
    closeDuckDB(session);
  }
}
