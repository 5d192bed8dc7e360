/**
 * Generated records as Hive-partitioned Parquet for distributed engines:
 * `DIR/account=<recipientAccountId>/region=<awsRegion>/day=<YYYY-MM-DD>/<origin shard>_0.parquet`,
 * with the columns of Athena's `cloudtrail_logs` table (names and nested types as its
 * documented DDL, see `cloudtrail/lake/athena-table.ts`: `eventtime` the ISO text,
 * `requestparameters`/`responseelements`/`additionaleventdata`/`serviceeventdetails` the
 * JSON text, `useridentity`, `resources` and `tlsdetails` structs). The partition values
 * live in the path (Hive style), not in the files. `HIVE_PARQUET_DDL` gives the Athena and
 * Trino DDL for the tree.
 *
 * Each origin shard (account, Region and day that made the records) writes its own file in
 * every partition it has records for (a cross-account call's owner copy lands in the
 * owner's partition), named after the shard, so shards written by different processes or
 * machines never collide and together equal one run's files. DuckDB (`@duckdb/node-api`, an
 * optional dependency, loaded on first use) writes them with one thread, so the bytes do
 * not depend on scheduling; rows keep the shard's order.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { ShardKey } from '../activity/traffic.js';
import { closeDuckDB, openDuckDB, type DuckDBLoader, type DuckDBSession } from '../cloudtrail/lake/duckdb-loader.js';
import { ATHENA_FIELDS, ATHENA_RECORD_CAMEL, ATHENA_RECORD_LOWER } from '../cloudtrail/lake/athena-table.js';
import { requireDuckDB } from './duckdb-require.js';

/** Where the Parquet tree goes under an output folder (`generate` and `run --format parquet`). */
export const PARQUET_LAYOUT_DIR = 'parquet';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** File name (without `_0.parquet`) of an origin shard's part in each partition. */
export function hiveParquetFileStem(shard: ShardKey): string {
  return `${shard.accountId}_${shard.region}_${shard.day}`;
}

/** One DuckDB per writer process; shards are written one after another. */
export class HiveParquetWriter {
  private session?: Promise<DuckDBSession>;
  private tmp?: string;
  private seq = 0;
  files = 0;

  constructor(private readonly dir: string, private readonly loader?: DuckDBLoader) {}

  /**
   * Starts one shard: add its records' JSON lines, then `end()`. Its file in each partition
   * is `<stem>_0.parquet` (`hiveParquetFileStem` of a generated origin shard).
   */
  shard(stem: string): HiveParquetShard {
    this.tmp ??= mkdtempSync(join(tmpdir(), 'trailsim-parquet-'));
    return new HiveParquetShard(this, stem, new StagedLines(join(this.tmp, `${this.seq++}.jsonl`)));
  }

  /**
   * Writes staged lines (newline-delimited record JSON) as Parquet parts `<stem>_{i}.parquet`
   * in their partitions. `byDay`: the lines may hold several days in any order; rows are
   * grouped by day first (keeping their order within a day), so each partition's file is
   * written whole before the next one's starts and no partition is split over two files.
   */
  async write(stem: string, staged: string, rows: number, opts: { byDay?: boolean } = {}): Promise<void> {
    if (rows === 0) return;
    this.session ??= openDuckDB(this.loader ?? requireDuckDB, { externalAccess: true });
    const { connection } = await this.session;
    const target = resolve(this.dir);
    mkdirSync(target, { recursive: true });
    const cols = ATHENA_FIELDS.map((f) => `r.${JSON.stringify(f.key.toLowerCase())}`).join(', ');
    const seq = opts.byDay ? ', row_number() OVER () AS seq' : '';
    await connection.run(
      `COPY (SELECT ${cols}, r.recipientaccountid AS account, r.awsregion AS region, substr(r.eventtime, 1, 10) AS day ` +
        `FROM (SELECT CAST(json AS ${ATHENA_RECORD_LOWER}) AS r${seq} FROM read_json(${lit(staged)}, format = 'newline_delimited', records = false, ` +
        `columns = {json: ${lit(ATHENA_RECORD_CAMEL)}}, maximum_object_size = 1073741824))${opts.byDay ? ' ORDER BY day, seq' : ''}) ` +
        `TO ${lit(target)} (FORMAT PARQUET, COMPRESSION 'zstd', PARTITION_BY (account, region, day), OVERWRITE_OR_IGNORE true, ` +
        `FILENAME_PATTERN ${lit(`${stem}_{i}`)})`,
    );
    this.files++;
  }

  /** Closes DuckDB (if it opened) and removes staging files, whatever happened before. */
  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    try {
      if (session) closeDuckDB(await session);
    } catch {
      // A session that never opened has nothing to close; the error was the writer's to report.
    } finally {
      if (this.tmp) rmSync(this.tmp, { recursive: true, force: true });
      this.tmp = undefined;
    }
  }
}

/** JSON lines staged in a file, a megabyte at a time, for DuckDB to read. */
export class StagedLines {
  private fd: number | undefined;
  private pending: string[] = [];
  private chars = 0;
  rows = 0;
  /** Characters added in all (a measure of the work to write them). */
  size = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  add(json: string): void {
    this.pending.push(json);
    this.chars += json.length + 1;
    this.size += json.length + 1;
    this.rows++;
    if (this.chars > 1 << 20) this.spill();
  }

  private spill(): void {
    if (this.pending.length === 0 || this.fd === undefined) return;
    writeSync(this.fd, this.pending.join('\n') + '\n');
    this.pending = [];
    this.chars = 0;
  }

  /** Writes what is pending and closes the file (it can then be read). */
  close(): void {
    this.spill();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Closes and deletes the file. */
  remove(): void {
    this.pending = [];
    this.close();
    rmSync(this.file, { force: true });
  }
}

/** One origin shard being staged. */
export class HiveParquetShard {
  constructor(private readonly writer: HiveParquetWriter, private readonly stem: string, private readonly lines: StagedLines) {}

  add(json: string): void {
    this.lines.add(json);
  }

  async end(): Promise<void> {
    this.lines.close();
    try {
      await this.writer.write(this.stem, this.lines.file, this.lines.rows);
    } finally {
      this.lines.remove();
    }
  }
}

/**
 * Athena DDL for the tree at `location` (an `s3://bucket/prefix/` URL), with partition
 * projection so no `MSCK REPAIR TABLE` is needed. Columns: `cloudtrail_logs`'s, in its order.
 */
export function hiveParquetAthenaDdl(location: string, opts: { table?: string; accounts?: readonly string[]; regions?: readonly string[]; firstDay?: string } = {}): string {
  const table = opts.table ?? 'cloudtrail_parquet';
  const loc = location.endsWith('/') ? location : `${location}/`;
  return [
    `CREATE EXTERNAL TABLE ${table} (`,
    ATHENA_FIELDS.map((f) => `  ${f.key.toLowerCase()} ${athenaType(f)}`).join(',\n'),
    `)`,
    `PARTITIONED BY (account string, region string, day string)`,
    `STORED AS PARQUET`,
    `LOCATION '${loc}'`,
    `TBLPROPERTIES (`,
    `  'projection.enabled' = 'true',`,
    opts.accounts ? `  'projection.account.type' = 'enum', 'projection.account.values' = '${opts.accounts.join(',')}',` : `  'projection.account.type' = 'injected',`,
    `  'projection.region.type' = 'enum', 'projection.region.values' = '${(opts.regions ?? ['us-east-1']).join(',')}',`,
    `  'projection.day.type' = 'date', 'projection.day.format' = 'yyyy-MM-dd', 'projection.day.range' = '${opts.firstDay ?? '2026-01-01'},NOW',`,
    `  'storage.location.template' = '${loc}account=\${account}/region=\${region}/day=\${day}/'`,
    `);`,
  ].join('\n');
}

/** The DDL files `writeHiveParquetDdl` writes next to the layout folder: Athena's, then Trino's. */
export const HIVE_PARQUET_DDL_FILES = ['athena-parquet.sql', 'trino-parquet.sql'] as const;

/**
 * Writes `athena-parquet.sql` and `trino-parquet.sql` into `out`, for the tree in
 * `out/parquet/` (PARQUET_LAYOUT_DIR) once copied to S3 (the bucket and prefix are placeholders).
 */
export function writeHiveParquetDdl(out: string, opts: { accounts: readonly string[]; regions: readonly string[]; firstDay?: string }): void {
  const where = 's3://YOUR-BUCKET/YOUR-PREFIX/';
  const dir = PARQUET_LAYOUT_DIR;
  const [athena, trino] = HIVE_PARQUET_DDL_FILES;
  writeFileSync(join(out, athena), `-- Athena table over ${dir}/ after: aws s3 sync ${dir}/ ${where}\n${hiveParquetAthenaDdl(where, opts)}\n`);
  writeFileSync(join(out, trino), `-- Trino (Hive connector) table over ${dir}/ after: aws s3 sync ${dir}/ ${where}\n${hiveParquetTrinoDdl(where)}\n`);
}

/** Trino (Hive connector) DDL for the same tree; partition columns last, as Trino requires. */
export function hiveParquetTrinoDdl(location: string, table = 'hive.default.cloudtrail_parquet'): string {
  return [
    `CREATE TABLE ${table} (`,
    [...ATHENA_FIELDS.map((f) => `  ${f.key.toLowerCase()} ${trinoType(f)}`), '  account varchar', '  region varchar', '  day varchar'].join(',\n'),
    `)`,
    `WITH (format = 'PARQUET', partitioned_by = ARRAY['account', 'region', 'day'], external_location = '${location}');`,
    `CALL hive.system.sync_partition_metadata('default', 'cloudtrail_parquet', 'ADD');`,
  ].join('\n');
}

type Field = (typeof ATHENA_FIELDS)[number];

function athenaType(f: Field): string {
  const t = typeof f.type === 'string' ? (f.type === 'VARCHAR' ? 'string' : f.type.replace(/^MAP\(VARCHAR, VARCHAR\)$/, 'map<string,string>')) : `struct<${f.type.map((c) => `${c.key.toLowerCase()}:${athenaType(c)}`).join(',')}>`;
  return f.list ? `array<${t}>` : t;
}

function trinoType(f: Field): string {
  const t = typeof f.type === 'string' ? (f.type === 'VARCHAR' ? 'varchar' : 'map(varchar, varchar)') : `row(${f.type.map((c) => `${c.key.toLowerCase()} ${trinoType(c)}`).join(', ')})`;
  return f.list ? `array(${t})` : t;
}
