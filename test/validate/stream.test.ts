import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordSourceError, validateFile, validateStream, type RecordResult } from '../../src/validate/index.js';
import { SAMPLES_PATH, SAMPLE_LINES, hand, insightPair, samples, type Rec } from './records.js';

const dir = mkdtempSync(join(tmpdir(), 'trailsim-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
function file(content: string | Buffer, ext = '.jsonl'): string {
  const p = join(dir, `f${fileNo++}${ext}`);
  writeFileSync(p, content);
  return p;
}

async function all(run: AsyncIterable<RecordResult>): Promise<RecordResult[]> {
  const out: RecordResult[] = [];
  for await (const r of run) out.push(r);
  return out;
}

/** Yields `bytes` in chunks of 1..7 bytes: splits UTF-8 characters, tokens and the gzip magic. */
async function* dribble(bytes: Buffer): AsyncGenerator<Uint8Array> {
  let i = 0;
  let n = 1;
  while (i < bytes.length) {
    yield bytes.subarray(i, i + n);
    i += n;
    n = (n % 7) + 1;
  }
}

const rules = (results: RecordResult[]) => results.flatMap((r) => r.violations.map((v) => `${r.line}:${v.rule}`));

describe('validateFile: formats', () => {
  it('reads the JSONL samples: 146 records, no violations, line numbers 1..146', async () => {
    const run = validateFile(SAMPLES_PATH);
    const results = await all(run);
    expect(results.map((r) => r.line)).toEqual(SAMPLE_LINES.map((_, i) => i + 1));
    expect(results.every((r) => r.parsed && r.violations.length === 0)).toBe(true);
    expect(run.summary).toMatchObject({ format: 'jsonl', gzip: false, records: 146, unparsable: 0, errors: 0, warnings: 0, done: true, byRule: {} });
    expect(results[0].eventID).toBe(JSON.parse(SAMPLE_LINES[0]).eventID);
  });

  it('reads a CloudTrail log file {"Records":[…]}, plain and gzip', async () => {
    const body = JSON.stringify({ Records: samples() });
    for (const [content, gzip] of [[body, false], [gzipSync(body), true]] as const) {
      const run = validateFile(file(content, gzip ? '.json.gz' : '.json'));
      const { results, summary } = await run.collect({ onlyFailures: false });
      expect(summary).toMatchObject({ format: 'records', gzip, records: 146, errors: 0, done: true });
      expect(results.map((r) => r.index)).toEqual(SAMPLE_LINES.map((_, i) => i));
    }
  });

  it('detects gzip by content, not by file name', async () => {
    const run = validateFile(file(gzipSync(SAMPLE_LINES.join('\n')), '.jsonl'));
    const { summary } = await run.collect();
    expect(summary).toMatchObject({ format: 'jsonl', gzip: true, records: 146, errors: 0 });
  });

  it('reports the line where each element of a pretty-printed Records file starts', async () => {
    const records = [hand.root(), { ...hand.root(), eventTime: 'noon', eventID: '1b7d3f4e-58a8-4d7e-9d3c-2a1f0e9b8c70' }];
    const text = JSON.stringify({ Records: records }, null, 2);
    const { results } = await validateFile(file(text, '.json')).collect();
    const secondStart = text.split('\n').findIndex((l, i) => i > 2 && l === '    {') + 1;
    expect(rules(results)).toEqual([`${secondStart}:eventTime.format`]);
  });

  it('reads a bare JSON array of records', async () => {
    const { summary } = await validateFile(file(JSON.stringify(samples().slice(0, 5)), '.json')).collect();
    expect(summary).toMatchObject({ format: 'array', records: 5, errors: 0 });
  });

  it('gives the same results when the bytes arrive in tiny chunks (UTF-8 and gzip split)', async () => {
    const records = samples().slice(0, 20);
    records[3].userAgent = 'naïve-agent/1.0 ✓';
    records[5].eventTime = 'bad';
    const jsonl = Buffer.from(records.map((r) => JSON.stringify(r)).join('\r\n') + '\r\n');
    const recordsFile = Buffer.from(JSON.stringify({ Records: records }));
    for (const bytes of [jsonl, recordsFile, gzipSync(jsonl), gzipSync(recordsFile)]) {
      const results = await all(validateStream(dribble(bytes)));
      expect(results).toHaveLength(20);
      expect(results.flatMap((r) => r.violations.map((v) => `${r.index}:${v.rule}`))).toEqual(['5:eventTime.format']);
    }
  });

  it('skips a UTF-8 byte-order mark and blank lines; an empty file has no records', async () => {
    const { summary } = await validateFile(file('\uFEFF' + SAMPLE_LINES[0] + '\n\n   \n' + SAMPLE_LINES[1] + '\n')).collect();
    expect(summary).toMatchObject({ format: 'jsonl', records: 2, errors: 0 });
    const empty = await validateFile(file('')).collect();
    expect(empty.summary).toMatchObject({ format: 'empty', records: 0, done: true });
  });
});

describe('validateFile: malformed input', () => {
  it('reports unparsable JSONL lines with their line number and keeps going', async () => {
    const lines = [SAMPLE_LINES[0], '{"eventVersion": "1.08",', SAMPLE_LINES[1], '', 'not json', SAMPLE_LINES[2]];
    const run = validateFile(file(lines.join('\n')));
    const results = await all(run);
    expect(rules(results)).toEqual(['2:json.parse', '5:json.parse']);
    expect(results.filter((r) => !r.parsed).map((r) => r.line)).toEqual([2, 5]);
    expect(results.find((r) => r.line === 5)?.violations[0].message).toContain('not JSON');
    expect(run.summary).toMatchObject({ records: 3, unparsable: 2, errors: 2, byRule: { 'json.parse': 2 }, done: true });
  });

  it('a truncated Records file: records before the cut are checked, then json.parse', async () => {
    const text = JSON.stringify({ Records: samples().slice(0, 3) });
    const { results, summary } = await validateFile(file(text.slice(0, text.length - 200), '.json')).collect({ onlyFailures: false });
    expect(results.filter((r) => r.parsed)).toHaveLength(2);
    expect(rules(results)).toEqual(['1:json.parse']);
    expect(results.at(-1)?.violations[0].message).toContain('end of input');
    expect(summary).toMatchObject({ format: 'records', records: 2, unparsable: 1, done: true });
  });

  it('a broken element inside a Records array is reported, and a broken separator stops reading', async () => {
    const good = JSON.stringify(hand.root());
    const text = `{"Records":[\n${good},\n{"eventVersion": 1.08 "x": 1},\n${good.replace('0b7d', '0b7e')} ${good}]}`;
    const results = await all(validateFile(file(text, '.json')));
    expect(rules(results)).toEqual(['3:json.parse', '4:json.parse']);
    expect(results.at(-1)?.violations[0].message).toContain('expected "," or "]"');
  });

  it('text after the Records array (or a missing closing brace) is reported', async () => {
    const body = JSON.stringify({ Records: samples().slice(0, 2) });
    for (const text of [body.slice(0, -1), body.slice(0, -1) + ',"Digest":1}']) {
      const { results, summary } = await validateFile(file(text, '.json')).collect();
      expect(summary).toMatchObject({ records: 2, unparsable: 1 });
      expect(results[0].violations[0].message).toContain('after the Records array');
    }
    const ok = await validateFile(file(`\n ${body} \n\n`, '.json')).collect();
    expect(ok.summary).toMatchObject({ records: 2, unparsable: 0, errors: 0 });
  });

  it('reads JSON Lines of whole log files (which start like one log file) line by line', async () => {
    const lines = [JSON.stringify({ Records: samples().slice(0, 2) }), '', JSON.stringify({ Records: samples().slice(2, 5) }), '{"eventVersion": oops}'];
    const { results, summary } = await validateFile(file(lines.join('\r\n') + '\n')).collect({ onlyFailures: false });
    expect(summary).toMatchObject({ format: 'jsonl', records: 5, unparsable: 1 });
    expect(results.map((r) => r.line)).toEqual([1, 1, 3, 3, 3, 4]);
  });

  it('rejects with RecordSourceError for a missing file and for corrupt gzip', async () => {
    await expect(validateFile(join(dir, 'missing.jsonl')).collect()).rejects.toBeInstanceOf(RecordSourceError);
    const corrupt = Buffer.concat([gzipSync(SAMPLE_LINES.join('\n')).subarray(0, 40), Buffer.from('garbage')]);
    await expect(validateFile(file(corrupt)).collect()).rejects.toThrow(/cannot read/);
  });
});

describe('validateFile: rules across records', () => {
  it('duplicate eventIDs are a violation naming the first line', async () => {
    const lines = [SAMPLE_LINES[0], SAMPLE_LINES[1], SAMPLE_LINES[0]];
    const { results, summary } = await validateFile(file(lines.join('\n'))).collect();
    expect(rules(results)).toEqual(['3:eventID.duplicate']);
    expect(results[0].violations[0].message).toContain('line 1');
    expect(summary.byRule).toEqual({ 'eventID.duplicate': 1 });
    const off = await validateFile(file(lines.join('\n')), { checkDuplicateEventIds: false }).collect();
    expect(off.summary.errors).toBe(0);
    const ignored = await validateFile(file(lines.join('\n') + '\n{'), { ignoreRules: ['eventID.duplicate', 'json.parse'] }).collect();
    expect(ignored.summary).toMatchObject({ errors: 0, unparsable: 1 });
  });

  it('an Insights Start/End pair passes; a second Start or an End before its Start does not', async () => {
    const { start, end } = insightPair();
    const ok = await validateFile(file([start, end].map((r) => JSON.stringify(r)).join('\n'))).collect();
    expect(ok.summary).toMatchObject({ records: 2, errors: 0 });

    const again: Rec = { ...start, eventID: '7a7a7a7a-1b1b-4c2c-8d3d-4e4e4e4e4e4e' };
    const twice = await validateFile(file([start, end, again].map((r) => JSON.stringify(r)).join('\n'))).collect();
    expect(rules(twice.results)).toEqual(['3:insight.pairing']);

    const early: Rec = { ...end, eventTime: '2024-05-01T09:00:00Z' };
    const backwards = await validateFile(file([start, early].map((r) => JSON.stringify(r)).join('\n'))).collect();
    expect(rules(backwards.results)).toEqual(['2:insight.pairing']);
    expect(backwards.results[0].violations[0].message).toContain('earlier than its Start');
  });
});

describe('ValidationRun', () => {
  it('collect keeps failures only, up to maxResults, while the summary counts all', async () => {
    const bad = samples().slice(0, 10).map((r) => JSON.stringify({ ...r, eventTime: 'x' }));
    const { results, summary } = await validateFile(file(bad.join('\n'))).collect({ maxResults: 3 });
    expect(results).toHaveLength(3);
    expect(summary).toMatchObject({ records: 10, recordsWithViolations: 10, errors: 10 });
  });

  it('can be iterated once only', async () => {
    const run = validateFile(SAMPLES_PATH);
    await run.collect();
    expect(() => run[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it('stopping early closes the input and leaves the summary incomplete', async () => {
    const run = validateFile(SAMPLES_PATH);
    for await (const r of run) if (r.index === 4) break;
    expect(run.summary).toMatchObject({ records: 5, done: false });
  });

  it('passes record options through (allowedRegions, delivery)', async () => {
    const r = { ...hand.root(), eventVersion: '1.11', eventContext: { requestContext: {} } };
    const text = JSON.stringify(r);
    const any = await validateStream(dribble(Buffer.from(text)), { allowedRegions: ['eu-west-1'] }).collect();
    expect(any.summary.byRule).toEqual({ 'awsRegion.notAllowed': 1, 'eventContext.outsideLake': 1 });
    expect(any.summary).toMatchObject({ errors: 1, warnings: 1, source: 'stream' });
    const lake = await validateStream(dribble(Buffer.from(text)), { delivery: 'lake', name: 'lake-export' }).collect();
    expect(lake.summary).toMatchObject({ errors: 0, warnings: 0, source: 'lake-export' });
  });
});
