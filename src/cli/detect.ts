/**
 * `trailsim detect --rules DIR FILE...`: runs the Sigma rules under DIR (product: aws,
 * service: cloudtrail) over CloudTrail records and prints the rules that fired, with hit
 * counts and the rule author (the Detection Rule License asks alerts to keep it).
 * FILE is JSONL (one record, or one `{"Records":[...]}` log file, per line), a JSON
 * document (`{"Records":[...]}`, an array of records, or one record), gzip-compressed or not.
 * Exit code 0 after a run (whatever fired), 2 on a usage error or unreadable input.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { TrailsimError, TrailsimInputError } from '../core/errors.js';
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

/** A records file that cannot be read. */
export class RecordsFileError extends TrailsimInputError {
  override name = 'RecordsFileError';
}

class DetectUsageError extends TrailsimInputError {
  override name = 'UsageError';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Adds the records a parsed JSON value holds: a log file object, an array of records, or one record. */
function pushRecords(out: object[], v: unknown, where: string): void {
  if (isObject(v) && Object.hasOwn(v, 'Records') && Array.isArray(v.Records)) {
    v.Records.forEach((r, i) => {
      if (!isObject(r)) throw new RecordsFileError(`${where}: Records[${i}] is not a JSON object`);
      out.push(r);
    });
  } else if (Array.isArray(v)) {
    v.forEach((r, i) => {
      if (!isObject(r)) throw new RecordsFileError(`${where}: element ${i} is not a JSON object`);
      out.push(r);
    });
  } else if (isObject(v)) {
    out.push(v);
  } else {
    throw new RecordsFileError(`${where}: not a JSON object`);
  }
}

/** Reads every record of a JSONL / JSON / gzip file. Throws `RecordsFileError` naming the file (and line) on bad input. */
export function readRecordsFile(file: string): object[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new RecordsFileError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
  }
  // Gzip by its magic number, not its name: CloudTrail delivers .json.gz, people rename files.
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (e) {
      throw new RecordsFileError(`${file}: not valid gzip (${(e as Error).message})`, { cause: e });
    }
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const records: object[] = [];
  if (text.trim() === '') return records;
  // One JSON document (a pretty-printed log file, an array)? Otherwise, JSON Lines.
  let whole: unknown;
  let isWhole = false;
  try {
    whole = JSON.parse(text);
    isWhole = true;
  } catch {
    isWhole = false;
  }
  if (isWhole) {
    pushRecords(records, whole, file);
    return records;
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new RecordsFileError(`${file}: line ${i + 1}: not valid JSON (${(e as Error).message})`, { cause: e });
    }
    pushRecords(records, v, `${file}: line ${i + 1}`);
  }
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
    for (const f of positionals) for (const r of readRecordsFile(f)) records.push(r);
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
