/** `trailsim detect`: input formats, text and JSON output, unsupported rules, errors. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { detectCommand, readRecordsFile, RecordsFileError } from '../../src/cli/detect.js';
import { RULES_DIR, SAMPLES } from './support.js';

const tmp = mkdtempSync(join(tmpdir(), 'trailsim-detect-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await detectCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const sampleLines = readFileSync(SAMPLES, 'utf8').split('\n').filter((l) => l.trim() !== '');
const sampleRecords = sampleLines.map((l) => JSON.parse(l) as object);

describe('trailsim detect', () => {
  it('prints the rules that fired on JSONL, with counts, levels and authors', async () => {
    const { code, out, err } = await run(['--rules', RULES_DIR, SAMPLES]);
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.split('\n');
    expect(lines[0]).toBe('records: 146   rules: 57 (57 evaluated, 0 unsupported)   rules that fired: 10');
    expect(lines[2]).toMatch(/^hits\s+level\s+rule\s+title \(author\)$/);
    expect(lines[3]).toMatch(/^\s*54\s+low\s+905d389b-b853-46d0-9d3d-dea0d3a3cd49\s+AWS STS AssumeRole Misuse \(Austin Songer @austinsonger\)$/);
    expect(lines.slice(3)).toHaveLength(10);
    expect(out).toMatch(/\n\s*2\s+medium\s+4db60cc0-36fb-42b7-9b58-a5b53019fb74\s+AWS CloudTrail Important Change/);
  });

  it('--json gives every rule result and the unsupported list', async () => {
    const { code, out } = await run(['--rules', RULES_DIR, '--json', SAMPLES]);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { records: number; rules: number; evaluated: number; fired: number; results: { ruleId: string; hits: number; matchedEventIds: string[] }[]; unsupported: unknown[] };
    expect(doc).toMatchObject({ records: 146, rules: 57, evaluated: 57, fired: 10, unsupported: [] });
    expect(doc.results).toHaveLength(57);
    expect(doc.results.find((r) => r.ruleId.startsWith('e386b9b5'))!.matchedEventIds).toEqual(['ded2f5af-f3a5-46d2-a170-a23206a32c36']);
  });

  it('reads CloudTrail log files, gzip, pretty JSON and arrays alike', async () => {
    const logFile = join(tmp, 'CloudTrail_us-east-1.json.gz');
    writeFileSync(logFile, gzipSync(JSON.stringify({ Records: sampleRecords })));
    const pretty = join(tmp, 'pretty.json');
    writeFileSync(pretty, JSON.stringify({ Records: sampleRecords.slice(0, 70) }, null, 2));
    const arr = join(tmp, 'array.json');
    writeFileSync(arr, JSON.stringify(sampleRecords.slice(70)));
    const perLine = join(tmp, 'logfiles.jsonl');
    writeFileSync(perLine, [JSON.stringify({ Records: sampleRecords.slice(0, 100) }), JSON.stringify({ Records: sampleRecords.slice(100) }), ''].join('\r\n'));
    expect(await readRecordsFile(logFile)).toEqual(sampleRecords);
    expect([...(await readRecordsFile(pretty)), ...(await readRecordsFile(arr))]).toEqual(sampleRecords);
    expect(await readRecordsFile(perLine)).toEqual(sampleRecords);
    const a = await run(['--rules', RULES_DIR, '--json', logFile]);
    const b = await run(['--rules', RULES_DIR, '--json', pretty, arr]);
    const c = await run(['--rules', RULES_DIR, '--json', SAMPLES]);
    expect(JSON.parse(a.out)).toEqual(JSON.parse(c.out));
    expect(JSON.parse(b.out)).toEqual(JSON.parse(c.out));
    const empty = join(tmp, 'empty.jsonl');
    writeFileSync(empty, '\n');
    expect((await run(['--rules', RULES_DIR, empty])).out).toMatch(/^records: 0 .* rules that fired: 0$/);
  });

  it('counts unsupported rules, and --unsupported names each construct', async () => {
    const dir = join(tmp, 'mixed-rules');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(join(RULES_DIR, 'aws_cloudtrail_disable_logging.yml'), join(dir, 'aws_cloudtrail_disable_logging.yml'));
    writeFileSync(join(dir, 'sub', 'win.yml'), 'title: Windows rule\nid: w1\nlogsource: {product: windows, category: process_creation}\ndetection: {sel: {Image|endswith: "\\\\cmd.exe"}, condition: sel}\n');
    writeFileSync(join(dir, 'agg.yaml'), 'title: Burst\nid: a1\nlogsource: {product: aws, service: cloudtrail}\ndetection: {sel: {eventName: ConsoleLogin}, condition: "sel | count() by sourceIPAddress > 10"}\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a rule');
    const plain = await run(['--rules', dir, SAMPLES]);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/^records: 146 {3}rules: 3 \(1 evaluated, 2 unsupported\) {3}rules that fired: 1/);
    expect(plain.out).toMatch(/2 rule\(s\) not evaluated because they use unsupported constructs; run with --unsupported/);
    const listed = await run(['--rules', dir, '--unsupported', SAMPLES]);
    expect(listed.out).toContain(`a1  Burst [${join(dir, 'agg.yaml')}]: aggregation '| count() by sourceIPAddress > 10' in condition 'sel | count() by sourceIPAddress > 10'`);
    expect(listed.out).toContain(`w1  Windows rule [${join(dir, 'sub', 'win.yml')}]: logsource {product: windows, category: process_creation} is not {product: aws, service: cloudtrail}`);
    const json = JSON.parse((await run(['--rules', dir, '--json', SAMPLES])).out) as { unsupported: { ruleId: string; reasons: string[] }[] };
    expect(json.unsupported.map((u) => u.ruleId)).toEqual(['a1', 'w1']);
  });

  it('exits 2 naming the file on a bad rule', async () => {
    const dir = join(tmp, 'bad-rules');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'broken.yml'), 'title: Broken\nlogsource: {product: aws, service: cloudtrail}\ndetection: {sel: {a: 1}, condition: sel and}\n');
    const { code, err, out } = await run(['--rules', dir, SAMPLES]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`trailsim detect: ${join(dir, 'broken.yml')}: condition 'sel and': unexpected end of condition`);
  });

  it('exits 2 naming the file and line on bad records', async () => {
    const bad = join(tmp, 'bad.jsonl');
    writeFileSync(bad, `${sampleLines[0]}\n{"eventName": \n`);
    const r1 = await run(['--rules', RULES_DIR, bad]);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(new RegExp(`^trailsim detect: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 2: not valid JSON`));
    const scalar = join(tmp, 'scalar.jsonl');
    writeFileSync(scalar, `${sampleLines[0]}\n42\n`);
    expect((await run(['--rules', RULES_DIR, scalar])).err).toMatch(/line 2: not a JSON object/);
    const gz = join(tmp, 'truncated.json.gz');
    writeFileSync(gz, gzipSync('{"Records": []}').subarray(0, 12));
    expect((await run(['--rules', RULES_DIR, gz])).err).toMatch(/not valid gzip/);
    await expect(readRecordsFile(join(tmp, 'missing.jsonl'))).rejects.toThrow(RecordsFileError);
    expect((await run(['--rules', RULES_DIR, join(tmp, 'missing.jsonl')])).err).toMatch(/missing\.jsonl: cannot read \(ENOENT\)/);
  });

  it('usage errors exit 2 with the help text; --help exits 0', async () => {
    // Without --rules, the rules that ship in the package are used: the same result as naming them.
    const bundled = await run(['--json', SAMPLES]);
    expect(bundled.code).toBe(0);
    expect(bundled.out).toBe((await run(['--rules', RULES_DIR, '--json', SAMPLES])).out);
    const noFile = await run([]);
    expect(noFile.code).toBe(2);
    expect(noFile.err).toMatch(/expected at least one records FILE[\s\S]*Usage: trailsim detect/);
    expect((await run(['--rules', RULES_DIR])).err).toMatch(/expected at least one records FILE/);
    expect((await run(['--rules', RULES_DIR, '--frobnicate', SAMPLES])).code).toBe(2);
    expect((await run(['--rules', join(tmp, 'no-such-dir'), SAMPLES])).err).toMatch(/no-such-dir: cannot read the rules folder \(ENOENT\)/);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: trailsim detect \[--rules DIR\]/);
  });
});
