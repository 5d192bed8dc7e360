/**
 * `trailsim detect --rules DIR FILE...`: runs the Sigma rules under DIR (product: aws,
 * service: cloudtrail) over CloudTrail records and prints the rules that fired, with hit
 * counts and the rule author (the Detection Rule License asks alerts to keep it).
 * FILE is JSONL (a record, a `{"Records":[...]}` log file or an array of records per line), a
 * log file `{"Records":[...]}` or an array of records, gzip-compressed or not: the shapes every
 * command reads (`readRecords` in validate/stream.ts).
 * Exit code 0 after a run (whatever fired), 2 on a usage error or unreadable input.
 */
import { parseArgs } from 'node:util';
import { TrailsimError, TrailsimInputError } from '../core/errors.js';
import { readRecords, RecordsFileError } from '../validate/stream.js';
import { compileSigmaRule, evaluateSigma, loadSigmaRules, bundledSigmaRulesDir, type SigmaRuleResult } from '../sigma/index.js';

export interface DetectIo {
  out(s: string): void;
  err(s: string): void;
}

export const DETECT_HELP = `Usage: trailsim detect [--rules DIR] [--json] [--unsupported] FILE...

Runs Sigma rules (every *.yml / *.yaml under DIR) over CloudTrail records and prints the
rules that fired, with hit counts. FILE is JSONL or a CloudTrail log file
({"Records":[...]}), gzip-compressed or not.

Rules that use a construct the evaluator does not run are counted as unsupported and
not evaluated; --unsupported lists them and why.

Options:
  --rules DIR      folder of Sigma rules (default: the 57 SigmaHQ CloudTrail rules that ship
                   with trailsim, Detection Rule License 1.1)
  --json           print one JSON document: every rule's result, and the unsupported rules
  --unsupported    list the rules that were not evaluated, with the construct that stopped each
  -h, --help       show this help

Exit code 0 after a run, 2 on a usage error or unreadable input.

Examples:
  trailsim detect out/gen/records.jsonl
  trailsim detect --rules my-rules/ --json out/gen/records.jsonl
  trailsim detect --unsupported out/gen/records.jsonl`;

export { RecordsFileError };

class DetectUsageError extends TrailsimInputError {
  override name = 'UsageError';
}

/**
 * Reads every record of a records file (JSONL, a `{"Records":[...]}` log file or an array of
 * records, gzip or not; see `readRecords`). Throws `RecordsFileError` naming the file (and
 * line) on bad input.
 */
export async function readRecordsFile(file: string): Promise<object[]> {
  const records: object[] = [];
  for await (const r of readRecords(file)) records.push(r.record);
  return records;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function table(fired: SigmaRuleResult[]): string[] {
  const rows = fired.map((r) => [String(r.hits), r.level ?? '-', r.ruleId, r.author ? `${r.title} (${r.author})` : r.title]);
  const head = ['hits', 'level', 'rule', 'title (author)'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padStart(widths[0]) : c === cells.length - 1 ? cell : pad(cell, widths[c])))
      .join('  ');
  return [line(head), ...rows.map(line)];
}

/** `trailsim detect`: see DETECT_HELP. Returns the exit code. */
export async function detectCommand(args: string[], io: DetectIo): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          rules: { type: 'string' },
          json: { type: 'boolean' },
          unsupported: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (e) {
      throw new DetectUsageError((e as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.out(DETECT_HELP);
      return 0;
    }
    if (positionals.length === 0) throw new DetectUsageError('expected at least one records FILE.');

    const rules = loadSigmaRules(values.rules ?? bundledSigmaRulesDir()).map(compileSigmaRule);
    const records: object[] = [];
    for (const f of positionals) for (const r of await readRecordsFile(f)) records.push(r);
    const results = evaluateSigma(rules, records);
    const unsupported = results.filter((r) => r.unsupported);
    const evaluated = results.filter((r) => !r.unsupported);
    const fired = evaluated
      .filter((r) => r.hits > 0)
      .sort((a, b) => b.hits - a.hits || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) || (a.ruleId < b.ruleId ? -1 : 1));

    if (values.json) {
      io.out(
        JSON.stringify(
          {
            records: records.length,
            rules: results.length,
            evaluated: evaluated.length,
            fired: fired.length,
            results: evaluated,
            unsupported: unsupported.map((r) => ({ ruleId: r.ruleId, title: r.title, source: r.source, reasons: r.unsupported })),
          },
          null,
          2,
        ),
      );
      return 0;
    }

    io.out(
      `records: ${records.length}   rules: ${results.length} (${evaluated.length} evaluated, ${unsupported.length} unsupported)   rules that fired: ${fired.length}`,
    );
    if (fired.length > 0) {
      io.out('');
      for (const l of table(fired)) io.out(l);
    }
    if (unsupported.length > 0) {
      io.out('');
      if (values.unsupported) {
        io.out('not evaluated (unsupported constructs):');
        for (const r of unsupported) io.out(`  ${r.ruleId}  ${r.title}${r.source ? ` [${r.source}]` : ''}: ${r.unsupported!.join('; ')}`);
      } else {
        io.out(`${unsupported.length} rule(s) not evaluated because they use unsupported constructs; run with --unsupported to list them.`);
      }
    } else if (values.unsupported) {
      io.out('');
      io.out('not evaluated (unsupported constructs): none');
    }
    return 0;
  } catch (e) {
    if (TrailsimError.is(e)) {
      io.err(`trailsim detect: ${e.message}${e instanceof DetectUsageError ? `\n\n${DETECT_HELP}` : ''}`);
      return 2;
    }
    throw e;
  }
}
