/**
 * `trailsim validate FILE...`: checks CloudTrail records in JSONL or CloudTrail log files
 * (`{"Records":[…]}`, gzip or not). Exit code 0 when clean, 1 when a file has violations
 * (errors; warnings too with `--fail-on warning`), 2 on a usage or read error.
 */
import { parseArgs } from 'node:util';
import { TrailsimInputError } from '../core/errors.js';
import { RULES } from '../validate/rules.js';
import { EXPECTED_INPUT, validateFile, type InputFormat, type RecordResult, type ValidationSummary } from '../validate/stream.js';

const EMPTY_KIND: Record<InputFormat, string> = { empty: 'the file is empty or blank', jsonl: 'only blank lines', array: 'an empty array []', records: 'an empty {"Records":[]}' };
import type { Delivery, Severity, Violation } from '../validate/types.js';

import type { CommandIO as CommandIo } from './io.js';
export type { CommandIo };

const USAGE = `Usage: trailsim validate [options] FILE...

Checks CloudTrail records: JSONL (one record per line) or CloudTrail log files
{"Records":[...]}, gzip-compressed or not.

Options:
  --json                 print one JSON report instead of text
  --max N                print at most N violations in all (default 200; counts stay complete)
  --region REGION        allowed awsRegion (repeatable; default: any region-shaped name)
  --delivery KIND        where records come from: trail, lake or any (default any)
  --strict-key-order     require CloudTrail's top-level key order
  --ignore RULE          do not report RULE or the rules under it (repeatable)
  --fail-on LEVEL        exit 1 on "error" (default) or on "warning" too
  --list-rules           print every rule id with its severity and what it checks
  -h, --help             show this help

Exit codes: 0 no violations, 1 violations, 2 usage or read error, or an input with no
records or the wrong structure (an empty file, [], {"Records":5}).

Examples:
  trailsim validate out/gen/records.jsonl
  trailsim validate --json --max 20 AWSLogs/123456789012/CloudTrail/us-east-1/2026/03/01/*.json.gz
  trailsim validate --delivery lake --ignore key-order export.jsonl
  trailsim validate --region us-east-1 --region eu-west-1 --strict-key-order --fail-on warning out/gen/records.jsonl
  trailsim validate --list-rules`;

const DEFAULT_MAX = 200;

/** Bad arguments: reported with the usage text, exit code 2. */
class UsageError extends TrailsimInputError {
  override name = 'UsageError';
}

interface Options {
  json: boolean;
  max: number;
  regions?: string[];
  delivery: Delivery;
  strictKeyOrder: boolean;
  ignore: string[];
  failOn: Severity;
  files: string[];
}

function parseOptions(args: string[]): Options | 'help' | 'rules' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        max: { type: 'string' },
        region: { type: 'string', multiple: true },
        delivery: { type: 'string' },
        'strict-key-order': { type: 'boolean' },
        ignore: { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        'list-rules': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (v['list-rules']) return 'rules';
  let max = DEFAULT_MAX;
  if (v.max !== undefined) {
    if (!/^\d+$/.test(v.max)) throw new UsageError(`--max takes a whole number, not ${JSON.stringify(v.max)}`);
    max = Number(v.max);
  }
  const delivery = v.delivery ?? 'any';
  if (delivery !== 'trail' && delivery !== 'lake' && delivery !== 'any') throw new UsageError(`--delivery is trail, lake or any, not ${JSON.stringify(delivery)}`);
  const failOn = v['fail-on'] ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning') throw new UsageError(`--fail-on is error or warning, not ${JSON.stringify(failOn)}`);
  const ids = Object.keys(RULES);
  for (const rule of v.ignore ?? []) {
    if (!ids.some((id) => id === rule || id.startsWith(rule + '.'))) throw new UsageError(`--ignore ${rule}: no such rule (rules look like eventTime.format, userIdentity.AssumedRole)`);
  }
  if (parsed.positionals.length === 0) throw new UsageError('no FILE given');
  return {
    json: v.json ?? false,
    max,
    regions: v.region,
    delivery,
    strictKeyOrder: v['strict-key-order'] ?? false,
    ignore: v.ignore ?? [],
    failOn,
    files: parsed.positionals,
  };
}

interface FileReport {
  file: string;
  summary: ValidationSummary;
  error?: string;
}

interface JsonViolation extends Violation {
  file: string;
  line: number;
  index: number;
  eventID?: string;
}

export async function validateCommand(args: string[], io: CommandIo): Promise<number> {
  let opts: Options;
  try {
    const o = parseOptions(args);
    if (o === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (o === 'rules') {
      for (const [id, info] of Object.entries(RULES)) io.out(`${id}\t${info.severity}\t${info.summary} (${info.ref})`);
      return 0;
    }
    opts = o;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`trailsim validate: ${e.message}\n${USAGE}`);
    return 2;
  }

  const reports: FileReport[] = [];
  const shown: JsonViolation[] = [];
  let total = 0;
  const print = (file: string, r: RecordResult, v: Violation) => {
    total++;
    if (shown.length >= opts.max) return;
    const entry: JsonViolation = { file, line: r.line, index: r.index, ...(r.eventID !== undefined ? { eventID: r.eventID } : {}), ...v };
    shown.push(entry);
    if (!opts.json) io.out(`${file}:${r.line}: ${v.severity} [${v.rule}] ${v.path ? v.path + ': ' : ''}${v.message}`);
  };

  for (const file of opts.files) {
    const run = validateFile(file, {
      allowedRegions: opts.regions,
      delivery: opts.delivery,
      strictKeyOrder: opts.strictKeyOrder,
      ignoreRules: opts.ignore,
    });
    const report: FileReport = { file, summary: run.summary };
    reports.push(report);
    try {
      for await (const r of run) for (const v of r.violations) print(file, r, v);
      // Nothing to check is not a pass: a wrong path or an empty export would otherwise look clean.
      if (run.summary.records === 0 && run.summary.unparsable === 0) report.error = `${file}: no records (${EMPTY_KIND[run.summary.format ?? 'empty']}); ${EXPECTED_INPUT}.`;
    } catch (e) {
      report.error = (e as Error).message;
    }
    if (report.error !== undefined) io.err(`trailsim validate: ${report.error}`);
    if (!opts.json && !report.error) io.out(summaryLine(file, run.summary));
  }

  const failed = reports.some((r) => r.summary.errors > 0 || (opts.failOn === 'warning' && r.summary.warnings > 0));
  const code = reports.some((r) => r.error !== undefined) ? 2 : failed ? 1 : 0;
  if (opts.json) {
    io.out(JSON.stringify({
      files: reports.map(({ file, summary, error }) => ({
        file, format: summary.format ?? null, gzip: summary.gzip, records: summary.records, unparsable: summary.unparsable,
        recordsWithViolations: summary.recordsWithViolations, errors: summary.errors, warnings: summary.warnings,
        byRule: summary.byRule, ...(error !== undefined ? { error } : {}),
      })),
      violations: shown,
      omitted: total - shown.length,
      exitCode: code,
    }, null, 2));
  } else {
    if (total > shown.length) io.out(`... ${total - shown.length} more violation(s) not shown (--max ${opts.max})`);
    if (reports.length > 1) {
      const sum = (k: 'records' | 'errors' | 'warnings') => reports.reduce((n, r) => n + r.summary[k], 0);
      io.out(`total: ${sum('records')} records in ${reports.length} files, ${sum('errors')} error(s), ${sum('warnings')} warning(s)`);
    }
  }
  return code;
}

function summaryLine(file: string, s: ValidationSummary): string {
  const head = `${file}: ${s.records} record(s)${s.unparsable ? ` + ${s.unparsable} unparsable` : ''} (${s.format ?? 'unknown'}${s.gzip ? ', gzip' : ''}), ${s.errors} error(s), ${s.warnings} warning(s)`;
  const rules = Object.entries(s.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule, n]) => `  ${rule}: ${n}`);
  return [head, ...rules].join('\n');
}
