/**
 * `trailsim query --data DIR "SQL"`: SQL over an exported S3 tree of trail log files, as the
 * table `cloudtrail_logs` with Athena's documented CloudTrail columns (see
 * `cloudtrail/lake/s3-tree-query.ts`). Prints an aligned table, or with `--json` one JSON
 * object per row. Exit code 0 on success, 2 on a usage, I/O or SQL error.
 */
import { parseArgs } from 'node:util';
import { TrailsimError } from '../core/errors.js';
import { queryS3Tree } from '../cloudtrail/lake/s3-tree-query.js';
import type { DuckDBLoader } from '../cloudtrail/lake/duckdb-loader.js';

export const QUERY_HELP = `Usage: trailsim query --data DIR [--json] "SQL"

Runs SQL (DuckDB, with Athena's CloudTrail columns) over the trail log files under DIR:
every *.json.gz below a CloudTrail folder (DIR/<bucket>/AWSLogs/[o-id/]<account>/CloudTrail/
<region>/YYYY/MM/DD/...), as the table cloudtrail_logs. Columns are Athena's: eventtime is
ISO-8601 text, readonly 'true'/'false', requestparameters raw JSON text; partitions region,
year, month, day come from the file paths. Needs the optional package @duckdb/node-api.

Options:
  --data DIR   folder holding the exported S3 tree (required)
  --json       print one JSON object per row instead of a table
  -h, --help   show this help

Example:
  trailsim query --data out/s3 "SELECT eventname, count(*) AS n FROM cloudtrail_logs GROUP BY eventname ORDER BY n DESC"`;

import type { CommandIO } from './io.js';
export type { CommandIO };

/** Formats rows as an aligned text table. */
export function formatTable(columns: string[], rows: (string | null)[][]): string[] {
  const cells = rows.map((r) => r.map((v) => (v === null ? 'NULL' : v.replace(/\n/g, '\\n'))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join(' | ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line)];
}

export async function queryCommand(args: string[], io: CommandIO, opts: { loadDuckDB?: DuckDBLoader } = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { data: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.err(`trailsim query: ${(e as Error).message}\n\n${QUERY_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) return io.out(QUERY_HELP), 0;
  if (!values.data) return io.err(`trailsim query: --data DIR is required.\n\n${QUERY_HELP}`), 2;
  if (positionals.length !== 1) return io.err(`trailsim query: expected one SQL statement (quote it).\n\n${QUERY_HELP}`), 2;
  try {
    const res = await queryS3Tree(values.data, positionals[0], { loadDuckDB: opts.loadDuckDB });
    if (values.json) {
      for (const r of res.rows) io.out(JSON.stringify(Object.fromEntries(res.columns.map((c, i) => [c, r[i]]))));
    } else {
      for (const l of formatTable(res.columns, res.rows)) io.out(l);
      io.err(`${res.rows.length} row${res.rows.length === 1 ? '' : 's'} from ${res.files} file${res.files === 1 ? '' : 's'}`);
    }
    return 0;
  } catch (e) {
    if (TrailsimError.is(e)) {
      io.err(`trailsim query: ${(e as Error).name}: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}
