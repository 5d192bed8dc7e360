/**
 * Validating files and streams of records without loading them whole.
 *
 * Input formats, detected from the first bytes:
 * - JSONL: one record per line; blank lines are skipped; a line that is not JSON is a
 *   `json.parse` violation and reading continues.
 * - A CloudTrail log file `{"Records":[…]}` (or a bare top-level array `[…]`): the array is
 *   scanned element by element (JsonArrayScanner), so only one record is in memory at a
 *   time. A broken array structure ends the file with a `json.parse` violation.
 * Either may be gzip-compressed (detected by the gzip magic bytes, not the file name), as
 * CloudTrail delivers `.json.gz` files.
 *
 * Across a file: duplicate eventIDs (`eventID.duplicate`) and Insights Start/End pairing
 * (`insight.pairing`). The duplicate check keeps one 16-byte key and a line number per
 * record (about 60 bytes each), the only state that grows with the file; turn it off with
 * `checkDuplicateEventIds: false` for inputs of hundreds of millions of records.
 */
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { TrailsimInputError } from '../core/errors.js';
import { isGzip } from '../cloudtrail/trails/gzip.js';
import { UUID, eventTimeMillis, isEventTime, show } from './formats.js';
import { isIgnoredRule } from './findings.js';
import { JsonArrayScanner } from './json-array-scanner.js';
import { isObject, own } from './json.js';
import { RULES, type RuleId } from './rules.js';
import type { ValidateOptions, Violation } from './types.js';
import { validateRecord } from './validate-record.js';

/** The result for one record (or one unparsable line / element). */
export interface RecordResult {
  /** 0-based position among the values read from the input, unparsable ones included. */
  index: number;
  /** 1-based line where the value starts. */
  line: number;
  /** The record's eventID when it has a string one. */
  eventID?: string;
  /** False when the text was not JSON (its only violation is then `json.parse`). */
  parsed: boolean;
  violations: Violation[];
}

export type InputFormat = 'jsonl' | 'records' | 'array' | 'empty';

export interface ValidationSummary {
  /** File path, or the `name` option for streams. */
  source: string;
  /** Detected format; undefined until the first bytes were read. */
  format: InputFormat | undefined;
  gzip: boolean;
  /** Values that parsed as JSON and were checked. */
  records: number;
  /** Lines or elements that were not JSON. */
  unparsable: number;
  recordsWithViolations: number;
  errors: number;
  warnings: number;
  /** Violation count per rule id. */
  byRule: Record<string, number>;
  /** True once the whole input was read. */
  done: boolean;
}

export interface StreamValidateOptions extends ValidateOptions {
  /** Report eventIDs seen twice in the input (default true). */
  checkDuplicateEventIds?: boolean;
  /** Label for `summary.source` when validating a stream (default "stream"). */
  name?: string;
}

/** The input could not be read (missing file, corrupt gzip, stream error). */
export class RecordSourceError extends TrailsimInputError {
  override name = 'RecordSourceError';
}

/**
 * The input is JSON, but not records in a shape the validator reads: `{"Records":5}`, or a
 * `Records` that is not an array. The message says what was expected.
 */
export class RecordStructureError extends TrailsimInputError {
  override name = 'RecordStructureError';
}

/** What the validator reads, for error messages. */
export const EXPECTED_INPUT = 'expected JSON Lines (one CloudTrail record object per line) or a CloudTrail log file {"Records":[{...}, ...]}, gzip-compressed or not';

function describeJson(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v).slice(0, 30)}`;
}

/** A readable stream, or any (async) iterable of byte or string chunks. */
export type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * One pass over an input: iterate it (once) for per-record results; `summary` is updated as
 * records are read and complete when iteration ends. Reading starts on first iteration.
 */
export class ValidationRun implements AsyncIterable<RecordResult> {
  readonly summary: ValidationSummary;
  private started = false;

  constructor(private readonly openInput: () => ByteSource, private readonly options: StreamValidateOptions, source: string) {
    this.summary = {
      source, format: undefined, gzip: false, records: 0, unparsable: 0, recordsWithViolations: 0,
      errors: 0, warnings: 0, byRule: {}, done: false,
    };
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordResult> {
    if (this.started) throw new TrailsimInputError('A ValidationRun can be iterated only once; call validateFile/validateStream again.');
    this.started = true;
    return runValidation(this.openInput, this.options, this.summary);
  }

  /**
   * Reads the whole input. Keeps results with violations only (or all, with
   * `onlyFailures: false`), at most `maxResults` of them; the summary counts everything.
   */
  async collect(opts: { onlyFailures?: boolean; maxResults?: number } = {}): Promise<{ results: RecordResult[]; summary: ValidationSummary }> {
    const onlyFailures = opts.onlyFailures ?? true;
    const max = opts.maxResults ?? Infinity;
    const results: RecordResult[] = [];
    for await (const r of this) {
      if (results.length < max && (!onlyFailures || r.violations.length > 0)) results.push(r);
    }
    return { results, summary: this.summary };
  }
}

/** Validates a readable stream (or any async iterable of bytes/strings) of records. */
export function validateStream(input: ByteSource, options: StreamValidateOptions = {}): ValidationRun {
  return new ValidationRun(() => input, options, options.name ?? 'stream');
}

/** Validates a JSONL or CloudTrail log file (optionally gzip-compressed) at `path`. */
export function validateFile(path: string, options: StreamValidateOptions = {}): ValidationRun {
  return new ValidationRun(() => createReadStream(path), options, path);
}

// ---------------------------------------------------------------------------------------

/** Enough leading text to tell `{"Records":[` or `[` from JSONL. */
const SNIFF_CHARS = 256;
const RECORDS_START = /^\{\s*"Records"\s*:\s*\[/;

async function* runValidation(openInput: () => ByteSource, options: StreamValidateOptions, summary: ValidationSummary): AsyncGenerator<RecordResult> {
  const text = guardInput(decodeText(openInput(), () => { summary.gzip = true; }), (e) => new RecordSourceError(`cannot read ${summary.source}: ${(e as Error).message}`, { cause: e }));
  const checker = new CrossRecordChecks(options);
  let index = 0;
  const check = (value: unknown, line: number): RecordResult => {
    const violations = validateRecord(value, options);
    checker.check(value, line, violations);
    const eventID = isObject(value) ? own(value, 'eventID') : undefined;
    const result: RecordResult = { index: index++, line, parsed: true, violations };
    if (typeof eventID === 'string') result.eventID = eventID;
    summary.records++;
    count(summary, violations);
    return result;
  };
  const unparsable = (line: number, message: string): RecordResult => {
    const violations: Violation[] = isIgnoredRule('json.parse', options.ignoreRules) ? [] : [{ rule: 'json.parse', path: '', message, severity: 'error' }];
    summary.unparsable++;
    count(summary, violations);
    return { index: index++, line, parsed: false, violations };
  };
  const parse = (t: string, line: number): RecordResult => {
    let value: unknown;
    try {
      value = JSON.parse(t);
    } catch (e) {
      return unparsable(line, `not JSON: ${(e as Error).message} (text ${show(t, 60)})`);
    }
    return check(value, line);
  };
  // A JSON Lines line holding a whole log file ({"Records":[...]} on one line, as some
  // shippers write them): its records are checked one by one. `Records` that is not an
  // array is not a record with a bad field but the wrong structure.
  const parseLine = function* (t: string, line: number): Generator<RecordResult> {
    let value: unknown;
    try {
      value = JSON.parse(t);
    } catch (e) {
      yield unparsable(line, `not JSON: ${(e as Error).message} (text ${show(t, 60)})`);
      return;
    }
    if (isObject(value) && Object.hasOwn(value, 'Records')) {
      const recs = own(value, 'Records');
      if (!Array.isArray(recs)) throw new RecordStructureError(`${summary.source}:${line}: "Records" is ${describeJson(recs)}, not an array of records; ${EXPECTED_INPUT}.`);
      for (const r of recs) yield check(r, line);
      return;
    }
    yield check(value, line);
  };

  for await (const piece of recordTexts(text, (f) => { summary.format = f; })) {
    if (piece.broken !== undefined) yield unparsable(piece.line, piece.broken);
    else if (summary.format === 'jsonl') yield* parseLine(piece.text, piece.line);
    else yield parse(piece.text, piece.line);
  }
  summary.done = true;
}

/**
 * One piece of a records input: the text of a JSONL line (blank lines are skipped) or of an
 * array element, or, in `broken`, why reading stopped (the array's structure broke, or text
 * follows it).
 */
export type RecordText = { line: number; text: string; broken?: undefined } | { line: number; broken: string; text?: undefined };

/**
 * The pieces of a records input (JSONL, `{"Records":[...]}` or a bare array, told apart by the
 * first non-blank characters; a leading BOM is skipped), one at a time. `onFormat` hears the
 * format before the first piece. Shared by the validator and the records readers, so every
 * command accepts the same shapes.
 */
export async function* recordTexts(text: AsyncIterable<string>, onFormat: (format: InputFormat) => void): AsyncGenerator<RecordText> {
  const it = text[Symbol.asyncIterator]();
  // Loops over `rest` may stop early and resume in a later loop: without a return() method,
  // breaking out does not close the input (the finally below does).
  const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => ({ next: () => it.next() }) };
  try {
    // Sniff the format from the first non-blank characters.
    let head = '';
    let ended = false;
    while (head.replace(/^\uFEFF/, '').trimStart().length < SNIFF_CHARS) {
      const n = await it.next();
      if (n.done) { ended = true; break; }
      head += n.value;
    }
    const body = head.replace(/^\uFEFF/, '');
    const lead = body.length - body.trimStart().length;
    const trimmed = body.slice(lead);
    const records = RECORDS_START.exec(trimmed);
    if (trimmed === '' && ended) {
      onFormat('empty');
    } else if (records || trimmed.startsWith('[')) {
      const format = records ? 'records' : 'array';
      onFormat(format);
      const open = head.length - body.length + lead + (records ? records[0].length : 1);
      const startLine = countNewlines(head.slice(0, open)) + 1;
      const scanner = new JsonArrayScanner(startLine);
      for (const el of scanner.push(head.slice(open))) yield { line: el.line, text: el.text };
      if (!scanner.finished) {
        for await (const chunk of rest) {
          for (const el of scanner.push(chunk)) yield { line: el.line, text: el.text };
          if (scanner.finished) break;
        }
      }
      const what = format === 'records' ? 'Records array' : 'array';
      const broken = scanner.end();
      if (broken) {
        yield { line: broken.line, broken: `${what} is not valid JSON: ${broken.message}; reading stopped here` };
      } else {
        // After the array: only the closing "}" of {"Records":[…]} and white space.
        let tail = scanner.trailing;
        for await (const chunk of rest) {
          tail += chunk;
          if (tail.length > SNIFF_CHARS) break;
        }
        const expected = format === 'records' ? /^\s*\}\s*$/ : /^\s*$/;
        // JSON Lines of whole log files (one {"Records":[...]} per line, as some shippers write
        // them) start like one log file: after its "}" and line break, the rest is read as lines.
        const next = format === 'records' ? /^\s*\}[ \t]*\r?\n/.exec(tail) : null;
        if (next && tail.slice(next[0].length).trim() !== '') {
          onFormat('jsonl');
          const lines = splitLines(tail.slice(next[0].length), rest, scanner.currentLine + countNewlines(next[0]) - 1);
          for await (const { line, text: t } of lines) {
            if (t.trim() === '') continue;
            yield { line, text: t };
          }
        } else if (!expected.test(tail)) {
          yield { line: scanner.currentLine, broken: `unexpected text after the ${what} (${show(tail.trim(), 40)}); expected ${format === 'records' ? '"}" and the end of the file' : 'the end of the file'}` };
        }
      }
    } else {
      onFormat('jsonl');
      for await (const { line, text: t } of splitLines(body, rest)) {
        if (t.trim() === '') continue;
        yield { line, text: t };
      }
    }
  } finally {
    await it.return?.(undefined);
  }
}

// ---------------------------------------------------------------------------------------
// Reading records (not validating them): `trailsim detect`, `coverage --baseline-records`,
// `report` and `export --in` read files through these, so they accept the same shapes and
// fail with the same messages.

/**
 * The format of an input that starts with `head` (at least 256 characters of it, or all of
 * it), as `recordTexts` tells them apart; undefined when `head` is blank.
 */
export function sniffRecordFormat(head: string): Exclude<InputFormat, 'empty'> | undefined {
  const t = head.replace(/^\uFEFF/, '').trimStart();
  if (t === '') return undefined;
  return RECORDS_START.test(t) ? 'records' : t.startsWith('[') ? 'array' : 'jsonl';
}

/** A records file that cannot be read as records; the message names the file (and line). */
export class RecordsFileError extends TrailsimInputError {
  override name = 'RecordsFileError';
}

/** One record read from a file. */
export interface ReadRecord {
  record: Record<string, unknown>;
  /** 1-based line where the record (or the line or element holding it) starts. */
  line: number;
  /** The record's own JSON text as given, when it had one (a JSONL line or an array element of one record). */
  text?: string;
}

/**
 * The records one JSONL line (`isLine`) or array element holds: a record, or on a line also a
 * `{"Records":[...]}` log file or an array of records. Throws `RecordsFileError` naming
 * `source` and the line.
 */
export function recordsOfText(text: string, line: number, source: string, isLine: boolean): ReadRecord[] {
  const where = `${source}: line ${line}`;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new RecordsFileError(`${where}: not valid JSON (${(e as Error).message})`, { cause: e });
  }
  if (isLine && isObject(v) && Object.hasOwn(v, 'Records')) {
    const recs = own(v, 'Records');
    if (!Array.isArray(recs)) throw new RecordsFileError(`${where}: "Records" is ${describeJson(recs)}, not an array of records`);
    return recs.map((r, i) => {
      if (!isObject(r)) throw new RecordsFileError(`${where}: Records[${i}] is not a JSON object`);
      return { record: r, line };
    });
  }
  if (isLine && Array.isArray(v)) {
    return v.map((r, i) => {
      if (!isObject(r)) throw new RecordsFileError(`${where}: element ${i} is not a JSON object`);
      return { record: r, line };
    });
  }
  if (!isObject(v)) throw new RecordsFileError(`${where}: not a JSON object`);
  return [{ record: v, line, text }];
}

/** The message of a failure to read `file` itself: missing, unreadable, or broken gzip. */
export function unreadableMessage(file: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.code === 'string' && /^Z_/.test(err.code)) return `${file}: not valid gzip (${err.message})`;
  return `${file}: cannot read (${err?.code ?? err?.message ?? String(e)})`;
}

/** True when `file` starts with the gzip magic bytes (CloudTrail delivers .json.gz; people rename files). */
export function isGzipFile(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new RecordsFileError(unreadableMessage(file, e), { cause: e });
  }
  try {
    const b = Buffer.alloc(2);
    return isGzip(b.subarray(0, readSync(fd, b, 0, 2, 0)));
  } finally {
    closeSync(fd);
  }
}

/**
 * Every record of a file, streamed: JSON Lines (a record, a `{"Records":[...]}` log file or an
 * array of records per line; blank lines skipped), a CloudTrail log file `{"Records":[...]}`,
 * or an array of records, gzip-compressed or not (by its magic bytes). Throws
 * `RecordsFileError` naming the file and line: unreadable file, broken gzip, a line or element
 * that is not JSON or not an object, a broken array.
 */
export async function* readRecords(file: string): AsyncGenerator<ReadRecord> {
  let format: InputFormat | undefined;
  const text = guardInput(decodeText(createReadStream(file), () => undefined), (e) => new RecordsFileError(unreadableMessage(file, e), { cause: e }));
  for await (const piece of recordTexts(text, (f) => { format = f; })) {
    if (piece.broken !== undefined) throw new RecordsFileError(`${file}: line ${piece.line}: ${piece.broken}`);
    yield* recordsOfText(piece.text, piece.line, file, format === 'jsonl');
  }
}

/** Turns failures of the input itself (not of its contents) into the error `fail` makes. */
async function* guardInput(text: AsyncIterable<string>, fail: (e: unknown) => Error): AsyncGenerator<string> {
  const it = text[Symbol.asyncIterator]();
  try {
    for (;;) {
      let n: IteratorResult<string>;
      try {
        n = await it.next();
      } catch (e) {
        throw fail(e);
      }
      if (n.done) return;
      yield n.value;
    }
  } finally {
    await it.return?.(undefined);
  }
}

function count(summary: ValidationSummary, violations: readonly Violation[]): void {
  if (violations.length === 0) return;
  summary.recordsWithViolations++;
  for (const v of violations) {
    if (v.severity === 'error') summary.errors++;
    else summary.warnings++;
    summary.byRule[v.rule] = (summary.byRule[v.rule] ?? 0) + 1;
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Lines of `head` + `rest`, numbered from `linesBefore` + 1, without their `\n` / `\r\n`. */
async function* splitLines(head: string, rest: AsyncIterable<string>, linesBefore = 0): AsyncGenerator<{ line: number; text: string }> {
  let pending: string[] = [];
  let line = linesBefore;
  const take = function* (chunk: string) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      pending.push(chunk.slice(start, nl));
      let t = pending.length === 1 ? pending[0] : pending.join('');
      pending = [];
      if (t.endsWith('\r')) t = t.slice(0, -1);
      yield { line: ++line, text: t };
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  };
  yield* take(head);
  for await (const chunk of rest) yield* take(chunk);
  if (pending.length > 0) {
    let t = pending.join('');
    if (t.endsWith('\r')) t = t.slice(0, -1);
    yield { line: ++line, text: t };
  }
}

const toBuffer = (c: Uint8Array | string): Buffer => (typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength));

/** UTF-8 text of the input, gunzipped when it starts with the gzip magic bytes 1f 8b. */
async function* decodeText(input: ByteSource, onGzip: () => void): AsyncGenerator<string> {
  const it = typeof (input as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator] === 'function'
    ? (input as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]()
    : asAsync((input as Iterable<Uint8Array | string>)[Symbol.iterator]());
  try {
    let first = Buffer.alloc(0);
    let exhausted = false;
    while (first.length < 2) {
      const n = await it.next();
      if (n.done) { exhausted = true; break; }
      first = Buffer.concat([first, toBuffer(n.value)]);
    }
    const bytes = async function* (): AsyncGenerator<Buffer> {
      if (first.length > 0) yield first;
      if (exhausted) return;
      for (let n = await it.next(); !n.done; n = await it.next()) yield toBuffer(n.value);
    };
    let source: AsyncIterable<Buffer> = bytes();
    if (first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b) {
      onGzip();
      // Readable.from + pipe: gunzip errors (corrupt data) surface through its iterator;
      // errors of the source are forwarded to it by hand, as pipe() does not.
      const src = Readable.from(source);
      const gunzip = createGunzip();
      src.on('error', (e) => gunzip.destroy(e));
      source = src.pipe(gunzip);
    }
    const decoder = new StringDecoder('utf8');
    for await (const b of source) {
      const s = decoder.write(b as Buffer);
      if (s) yield s;
    }
    const tail = decoder.end();
    if (tail) yield tail;
  } finally {
    await it.return?.(undefined);
  }
}

function asAsync<T>(it: Iterator<T>): AsyncIterator<T> {
  return {
    next: async () => it.next(),
    return: async (v?: unknown) => it.return?.(v) ?? { done: true, value: undefined },
  };
}


/** Rules that need more than one record: duplicate eventIDs and Insights Start/End pairs. */
class CrossRecordChecks {
  private readonly seenIds = new Map<string, number>();
  private readonly insights = new Map<string, { Start?: { line: number; ms?: number }; End?: { line: number; ms?: number } }>();

  constructor(private readonly options: StreamValidateOptions) {}

  check(value: unknown, line: number, out: Violation[]): void {
    if (!isObject(value)) return;
    const id = own(value, 'eventID');
    if (this.options.checkDuplicateEventIds !== false && typeof id === 'string') {
      const key = UUID.test(id) ? Buffer.from(id.replace(/-/g, ''), 'hex').toString('latin1') : `#${id}`;
      const first = this.seenIds.get(key);
      if (first === undefined) this.seenIds.set(key, line);
      else this.add(out, 'eventID.duplicate', 'eventID', `eventID ${id} was already used by the record at line ${first}; CloudTrail gives each delivered record its own eventID`);
    }
    if (own(value, 'eventType') !== 'AwsCloudTrailInsight') return;
    const shared = own(value, 'sharedEventID');
    const details = own(value, 'insightDetails');
    const state = isObject(details) ? own(details, 'state') : undefined;
    if (typeof shared !== 'string' || (state !== 'Start' && state !== 'End')) return;
    const time = own(value, 'eventTime');
    const ms = typeof time === 'string' && isEventTime(time) ? eventTimeMillis(time) : undefined;
    const pair = this.insights.get(shared) ?? {};
    const earlier = pair[state];
    if (earlier) {
      this.add(out, 'insight.pairing', 'insightDetails.state', `a second ${state} record for Insight ${shared} (the first is at line ${earlier.line}); each Insight has one Start and one End`);
      return;
    }
    pair[state] = { line, ms };
    this.insights.set(shared, pair);
    const { Start: start, End: end } = pair;
    if (start?.ms !== undefined && end?.ms !== undefined && end.ms < start.ms) {
      this.add(out, 'insight.pairing', 'eventTime', `the End record of Insight ${shared} is earlier than its Start (line ${state === 'End' ? start.line : end.line})`);
    }
  }

  private add(out: Violation[], rule: RuleId, path: string, message: string): void {
    if (!isIgnoredRule(rule, this.options.ignoreRules)) out.push({ rule, path, message, severity: RULES[rule].severity });
  }
}
