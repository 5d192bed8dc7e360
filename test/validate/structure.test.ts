import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/cli/validate.js';
import { RecordStructureError, validateStream } from '../../src/validate/index.js';
import { samples } from './records.js';

const dir = mkdtempSync(join(tmpdir(), 'trailsim-validate-structure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await validateCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('validate: no records, or the wrong structure, is an error that says what was expected', () => {
  it.each([
    ['empty.jsonl', '', /the file is empty/],
    ['blank.jsonl', '\n\n  \n', /the file is empty or blank/],
    ['array.json', '[]', /an empty array \[\]/],
    ['records.json', '{"Records":[]}', /an empty \{"Records":\[\]\}/],
    ['empty.json.gz', gzipSync(''), /the file is empty/],
  ])('%s exits 2: no records', async (name, content, kind) => {
    const { code, err } = await run(file(name, content));
    expect(code).toBe(2);
    expect(err).toMatch(/no records/);
    expect(err).toMatch(kind);
    expect(err).toMatch(/expected JSON Lines \(one CloudTrail record object per line\) or a CloudTrail log file \{"Records":\[/);
  });

  it.each([
    ['{"Records":5}', /"Records" is number 5, not an array of records/],
    ['{"Records":{"eventVersion":"1.08"}}', /"Records" is an object/],
    ['{"Records":null}', /"Records" is null/],
  ])('%s exits 2 with RecordStructureError, not a record violation', async (content, message) => {
    const p = file('wrong.json', content);
    const { code, out, err } = await run(p);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain(`${p}:1:`);
    expect(out).not.toMatch(/\[record\./);
    await expect(validateStream([content]).collect()).rejects.toBeInstanceOf(RecordStructureError);
  });

  it('--json reports the structure error in the file entry', async () => {
    const { code, out } = await run('--json', file('wrong2.json', '{"Records":5}'));
    expect(code).toBe(2);
    const report = JSON.parse(out);
    expect(report.files[0].error).toMatch(/"Records" is number 5/);
    expect(report.exitCode).toBe(2);
  });

  it('a JSON Lines line holding a whole log file is read record by record', async () => {
    const recs = samples().slice(0, 3);
    const p = file('lines-of-files.jsonl', JSON.stringify(recs[0]) + '\n' + JSON.stringify({ Records: recs.slice(1) }) + '\n');
    const { code, out } = await run(p);
    expect(out).toMatch(/3 record\(s\)/);
    expect(code).toBe(0);
  });

  it('one empty file among good ones still fails the run, and the good ones are still checked', async () => {
    const good = file('good.jsonl', samples().slice(0, 2).map((r) => JSON.stringify(r)).join('\n') + '\n');
    const { code, out, err } = await run(file('none.jsonl', ''), good);
    expect(code).toBe(2);
    expect(err).toMatch(/none\.jsonl: no records/);
    expect(out).toMatch(/good\.jsonl: 2 record\(s\)/);
  });
});
