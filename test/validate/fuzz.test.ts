import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES, validateFile, validateRecord, validateStream, type RecordResult, type Violation } from '../../src/validate/index.js';
import { SAMPLE_LINES, insightPair, samples, type Rec } from './records.js';

const dir = mkdtempSync(join(tmpdir(), 'trailsim-validate-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wellFormed(vs: Violation[]): void {
  for (const v of vs) {
    expect(Object.hasOwn(RULES, v.rule)).toBe(true);
    expect(['error', 'warning']).toContain(v.severity);
    expect(typeof v.path).toBe('string');
    expect(v.message.length).toBeGreaterThan(0);
  }
}

const SAMPLES: Rec[] = [...samples(), insightPair().start, insightPair().end];

/** A sample with the value at a random path (existing or new key) replaced by arbitrary JSON. */
const mutatedSample = fc
  .tuple(fc.nat({ max: SAMPLES.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }))
  .map(([i, steps, newKey, value]) => {
    const root = structuredClone(SAMPLES[i]);
    let node: Rec = root;
    for (let s = 0; s < steps.length; s++) {
      const keys = Object.keys(node);
      const last = s === steps.length - 1;
      const key = keys.length === 0 || steps[s] % 5 === 0 ? newKey : keys[steps[s] % keys.length];
      // Own properties only, set as JSON.parse would: a generated "__proto__" key must be
      // a plain field, never the object's prototype.
      const next = Object.hasOwn(node, key) ? node[key] : undefined;
      if (last || next === null || next === undefined || typeof next !== 'object') {
        Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
        break;
      }
      node = next;
    }
    return root;
  });

describe('validateRecord never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      wellFormed(validateRecord(v));
    }), { numRuns: 300 });
  });

  it('on arbitrary JS values, including ones JSON cannot hold', () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }), (v) => {
      wellFormed(validateRecord(v));
    }), { numRuns: 200 });
    const cyclic: Rec = JSON.parse(SAMPLE_LINES[0]);
    cyclic.requestParameters = { self: cyclic };
    expect(validateRecord(cyclic).map((v) => v.rule)).toContain('record.type');
  });

  it('on real samples with one value replaced anywhere; output is deterministic and the input untouched', () => {
    fc.assert(fc.property(mutatedSample, fc.constantFrom<'any' | 'trail' | 'lake'>('any', 'trail', 'lake'), (r, delivery) => {
      const before = JSON.stringify(r);
      const first = validateRecord(r, { delivery, strictKeyOrder: true });
      wellFormed(first);
      expect(validateRecord(r, { delivery, strictKeyOrder: true })).toEqual(first);
      expect(JSON.stringify(r)).toBe(before);
    }), { numRuns: 400 });
  });
});

/** Text of a line once written to a UTF-8 file and read back (lone surrogates become U+FFFD). */
const roundTrip = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
const parses = (s: string) => { try { JSON.parse(s); return true; } catch { return false; } };

describe('validateFile on malformed input', () => {
  it('JSONL: every unparsable line is a json.parse violation at its line number, and reading goes on', async () => {
    const line = fc.oneof(
      fc.nat({ max: SAMPLE_LINES.length - 1 }).map((i) => SAMPLE_LINES[i]),
      fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
      fc.nat({ max: SAMPLE_LINES.length - 1 }).chain((i) => fc.nat({ max: SAMPLE_LINES[i].length }).map((cut) => SAMPLE_LINES[i].slice(0, cut))),
    );
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 25 }), async (rest) => {
      const lines = [SAMPLE_LINES[0], ...rest].map(roundTrip);
      const path = join(dir, `l${n++}.jsonl`);
      writeFileSync(path, lines.join('\n'));
      const run = validateFile(path, { checkDuplicateEventIds: false });
      const results: RecordResult[] = [];
      for await (const r of run) results.push(r);

      const expected = lines.map((t, i) => ({ line: i + 1, t })).filter(({ t }) => t.trim() !== '');
      expect(results.map((r) => r.line)).toEqual(expected.map((e) => e.line));
      results.forEach((r, i) => {
        const ok = parses(expected[i].t);
        expect(r.parsed).toBe(ok);
        if (!ok) expect(r.violations.map((v) => v.rule)).toEqual(['json.parse']);
        else wellFormed(r.violations);
      });
      expect(run.summary.records + run.summary.unparsable).toBe(expected.length);
      expect(run.summary.done).toBe(true);
    }), { numRuns: 60 });
  });

  it('Records files cut anywhere: never throws, ends with json.parse unless complete', async () => {
    const text = JSON.stringify({ Records: samples().slice(0, 6) });
    await fc.assert(fc.asyncProperty(fc.nat({ max: text.length }), async (cut) => {
      const run = validateStream([Buffer.from(text.slice(0, cut))]);
      const results: RecordResult[] = [];
      for await (const r of run) results.push(r);
      const last = results.at(-1);
      if (cut === text.length) expect(run.summary).toMatchObject({ records: 6, errors: 0 });
      else if (cut > 0) expect(last?.violations.map((v) => v.rule)).toEqual(['json.parse']);
      expect(run.summary.done).toBe(true);
    }), { numRuns: 150 });
  });

  it('chunk boundaries do not change the results', async () => {
    const records = samples().slice(0, 8);
    records[2].eventID = records[2].eventID.toUpperCase();
    const inputs = [
      Buffer.from(records.map((r) => JSON.stringify(r)).join('\n')),
      Buffer.from(JSON.stringify({ Records: records }, null, 1)),
    ];
    const whole = async (b: Buffer) => (await validateStream([b]).collect({ onlyFailures: false })).results;
    const expected = await Promise.all(inputs.map(whole));
    await fc.assert(fc.asyncProperty(fc.nat({ max: 1 }), fc.array(fc.integer({ min: 1, max: 4000 }), { minLength: 1, maxLength: 30 }), async (which, sizes) => {
      const bytes = inputs[which];
      const chunks: Buffer[] = [];
      for (let i = 0, k = 0; i < bytes.length; k++) {
        const size = sizes[k % sizes.length];
        chunks.push(bytes.subarray(i, i + size));
        i += size;
      }
      const { results } = await validateStream(chunks).collect({ onlyFailures: false });
      expect(results).toEqual(expected[which]);
    }), { numRuns: 60 });
  });
});
