/**
 * `trailsim query --data DIR "SQL"`: SQL over an exported S3 tree of trail log files, as the
 * table `cloudtrail_logs` with Athena's documented CloudTrail columns (see
 * `cloudtrail/lake/s3-tree-query.ts`). The statement is checked before any file is read; what
 * was loaded is cached per tree (see `cloudtrail/lake/s3-tree-cache.ts`), so later queries
 * read only files that are new or changed. Prints an aligned table, or with `--json` one JSON
 * object per row (numbers as numbers). A progress bar shows on a terminal while files load.
 * Exit code 0 on success, 2 on a usage, I/O or SQL error.
 */
import { parseArgs } from 'node:util';
import { TrailsimError } from '../core/errors.js';
import { queryS3Tree } from '../cloudtrail/lake/s3-tree-query.js';
import { defaultCacheDir } from '../cloudtrail/lake/s3-tree-cache.js';
import type { DuckDBLoader } from '../cloudtrail/lake/duckdb-loader.js';
import { createProgress, type Progress } from './progress.js';

export const QUERY_HELP = `Usage: trailsim query --data DIR [--json] [--cache-dir DIR | --no-cache] "SQL"

Runs one SQL query (DuckDB, with Athena's CloudTrail columns) over the trail log files
under DIR: every *.json.gz below a CloudTrail folder (DIR/<bucket>/AWSLogs/[o-id/]<account>/
CloudTrail/<region>/YYYY/MM/DD/...), as the table cloudtrail_logs. Columns are Athena's:
eventtime is ISO-8601 text, readonly 'true'/'false', requestparameters raw JSON text;
partitions region, year, month, day come from the file paths. Needs the optional package
@duckdb/node-api.

The SQL is checked before any file is read. The first query over a tree loads it (a progress
bar shows on a terminal) into a cache; later queries reuse it and load only files that are
new or changed (size or modification time), and forget files that are gone.

Options:
  --data DIR        folder holding the exported S3 tree, or any folder inside it (required)
                      e.g. --data out/whizlab/acme-audit-logs/AWSLogs/123456789012/CloudTrail/us-east-1
  --json            print one JSON object per row (numbers as numbers, NULL as null)
                      e.g. --json "SELECT count(*) AS n FROM cloudtrail_logs"   ->  {"n":73335}
  --cache-dir DIR   where the cache lives (default: $TRAILSIM_CACHE_DIR, else
                    $XDG_CACHE_HOME/trailsim, else ~/.cache/trailsim; one .duckdb file per tree)
                      e.g. --cache-dir /tmp/trailsim-cache
  --no-cache        load the tree in memory for this query only; write nothing
                      e.g. --no-cache
  -h, --help        show this help

Examples:
  trailsim query --data out/whizlab "SELECT eventname, count(*) AS n FROM cloudtrail_logs GROUP BY eventname ORDER BY n DESC LIMIT 10"
  trailsim query --data out/whizlab --json "SELECT useridentity.username AS who, count(*) AS calls FROM cloudtrail_logs WHERE readonly = 'false' GROUP BY 1"`;

import type { CommandIO } from './io.js';
export type { CommandIO };

/** Formats rows as an aligned text table. */
export function formatTable(columns: string[], rows: (string | null)[][]): string[] {
  const cells = rows.map((r) => r.map((v) => (v === null ? 'NULL' : v.replace(/\n/g, '\\n'))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join(' | ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line)];
}

export interface QueryCommandOptions {
  loadDuckDB?: DuckDBLoader;
  /** The progress display (default: a bar on stderr when it is a terminal). */
  progress?: (title: string) => Progress;
}

export async function queryCommand(args: string[], io: CommandIO, opts: QueryCommandOptions = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { data: { type: 'string' }, json: { type: 'boolean' }, 'cache-dir': { type: 'string' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    io.err(`trailsim query: ${(e as Error).message}\n\n${QUERY_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) return io.out(QUERY_HELP), 0;
  const usage = (m: string) => (io.err(`trailsim query: ${m}\n\n${QUERY_HELP}`), 2);
  if (!values.data) return usage('--data DIR is required.');
  if (positionals.length !== 1) return usage('expected one SQL statement (quote it).');
  if (positionals[0].trim() === '') return usage('the SQL statement is empty.');
  if (values['no-cache'] && values['cache-dir'] !== undefined) return usage('give --cache-dir DIR or --no-cache, not both.');
  const cacheDir = values['no-cache'] ? undefined : values['cache-dir'] ?? defaultCacheDir();
  const bar = (opts.progress ?? createProgress)('loading log files');
  try {
    const res = await queryS3Tree(values.data, positionals[0], {
      loadDuckDB: opts.loadDuckDB,
      cacheDir,
      json: values.json,
      onProgress: (done, total) => bar.update(done, total, 'files'),
    });
    bar.stop();
    if (values.json) {
      for (const r of res.json!) io.out(JSON.stringify(Object.fromEntries(res.columns.map((c, i) => [c, r[i]]))));
    } else {
      for (const l of formatTable(res.columns, res.rows)) io.out(l);
    }
    const cache = res.cache
      ? res.cache.busy
        ? ' (cache busy with another query: loaded in memory)'
        : res.loaded === 0
          ? ' (all from the cache)'
          : ` (${res.loaded} loaded, ${res.cache.reused} from the cache${res.cache.dropped ? `, ${res.cache.dropped} changed or gone` : ''})`
      : '';
    io.err(`${res.rows.length} row${res.rows.length === 1 ? '' : 's'} from ${res.files} file${res.files === 1 ? '' : 's'}${cache}`);
    return 0;
  } catch (e) {
    bar.stop();
    if (TrailsimError.is(e)) {
      io.err(`trailsim query: ${(e as Error).name}: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}
