/** `trailsim report DIR`: one self-contained HTML page of an output folder. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeReport } from '../report/build.js';
import type { CommandIO } from './io.js';

export const REPORT_HELP = `Usage: trailsim report DIR [--out FILE] [--title TEXT]

Turns an output folder into one self-contained HTML file (charts inlined; it loads
nothing from the network): activity over time by account, region and principal; each
CloudTrail Insights event drawn as the console draws it (calls per minute, baseline
average, the unusual-activity window from Start to End); top callers and operations;
errors; sign-ins; and, when the folder has a coverage.json, the detection coverage
matrix. DIR may hold records (*.jsonl from 'trailsim run' / 'generate', gzip too), an S3
tree of CloudTrail log files ('--format s3': <bucket>/AWSLogs/...json.gz) and coverage.json
('trailsim coverage'); when it has both JSONL files and an S3 tree, the JSONL files are read.

Options:
  --out FILE      where to write the page (default DIR/report.html)
  --title TEXT    page title (default 'trailsim report: <folder name>')
  -h, --help      show this help

Exit code 0 after writing the page, 2 on a usage error or a folder with nothing to report.

Examples:
  trailsim run scenarios/whizlab-2-37.ts --out out/whizlab && trailsim report out/whizlab
  trailsim generate --days 2 --out out/gen && trailsim report out/gen --out gen.html
  trailsim coverage --out out/cov && trailsim report out/cov --title "Detection coverage"`;

export async function reportCommand(args: string[], io: CommandIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { out: { type: 'string' }, title: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.err(`trailsim report: ${(e as Error).message}\n\n${REPORT_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) return io.out(REPORT_HELP), 0;
  if (positionals.length !== 1) {
    io.err(`trailsim report: expected one folder.\n\n${REPORT_HELP}`);
    return 2;
  }
  const dir = positionals[0];
  const out = values.out ?? join(dir, 'report.html');
  const data = await writeReport(dir, out, values.title !== undefined ? { title: values.title } : {});
  const a = data.activity;
  if (a) io.out(`records: ${a.records} (${a.from ?? '-'} to ${a.to ?? '-'}); Insights events: ${a.insights.length}; sign-ins: ${a.signIns.total}`);
  if (data.coverage) io.out(`coverage: ${data.coverage.totals.caught}/${data.coverage.totals.playbooks} playbooks caught`);
  io.out(`wrote ${out}`);
  return 0;
}
