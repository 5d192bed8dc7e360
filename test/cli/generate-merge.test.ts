import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BufferPool, LineChunker, type LineChunk } from '../../src/cli/generate-chunks.js';
import { RunMerger, type MergeOutput } from '../../src/cli/generate-merge.js';
import { BackgroundFile } from '../../src/cli/generate-output.js';
import { planUnits } from '../../src/cli/generate-plan.js';

interface Line {
  time: number;
  shard: number;
  text: string;
}

/** An output that collects merged bytes and refuses bytes every `every` copies until unblocked. */
class Collect implements MergeOutput {
  parts: Buffer[] = [];
  lines = 0;
  copies = 0;
  blocked = false;
  constructor(private readonly every = 0) {}
  copy(bytes: Buffer, start: number, end: number, lines: number): void {
    this.parts.push(Buffer.from(bytes.subarray(start, end)));
    this.lines += lines;
    if (this.every > 0 && ++this.copies % this.every === 0) this.blocked = true;
  }
  text(): string {
    return Buffer.concat(this.parts).toString('utf8');
  }
}

/** Lines of one unit: its shards' lines merged by (time, shard), each shard in its own order. */
const unitLines = fc
  .array(fc.record({ time: fc.integer({ min: 0, max: 50 }), text: fc.string({ unit: 'grapheme', maxLength: 40 }) }), { maxLength: 60 })
  .map((ls) => ls.sort((a, b) => a.time - b.time));

describe('RunMerger', () => {
  it('merges units of a day by (time, shard), keeping each unit’s order, whatever the chunking and arrival order', () => {
    fc.assert(
      fc.property(
        fc.array(unitLines, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 3 }),
        (perUnit, linesPerChunk, arrival, blockEvery) => {
          // Unit u holds shard u; lines of equal time keep the smaller shard first.
          const units: Line[][] = perUnit.map((ls, u) => ls.map((l, i) => ({ time: l.time, shard: u, text: `${u}:${i}:${l.text.replace(/\n/g, ' ')}` })));
          const expected = units
            .flat()
            .sort((a, b) => a.time - b.time || a.shard - b.shard || Number(a.text.split(':')[1]) - Number(b.text.split(':')[1]))
            .map((l) => l.text + '\n')
            .join('');
          const out = new Collect(blockEvery);
          const merger = new RunMerger(
            units.map(() => 0),
            () => out,
          );
          // Chunks of `linesPerChunk` lines, delivered in an order mixed by `arrival` (each unit's own order kept).
          const queues = units.map((ls, u) => {
            const chunks: LineChunk[] = [];
            const c = new LineChunker(u, (x) => chunks.push(x));
            ls.forEach((l, i) => {
              c.line(l.time, l.shard, l.text);
              if ((i + 1) % linesPerChunk === 0) c.end();
            });
            c.end();
            return chunks;
          });
          let released = 0;
          let pushed = 0;
          let k = 0;
          while (queues.some((q) => q.length > 0)) {
            const live = queues.map((q, u) => (q.length > 0 ? u : -1)).filter((u) => u >= 0);
            const u = live[arrival[k++ % arrival.length] % live.length];
            merger.push(u, { chunk: queues[u].shift()!, release: () => released++ });
            pushed++;
            if (queues[u].length === 0) merger.end(u);
            out.blocked = false;
            merger.pump();
          }
          for (let u = 0; u < units.length; u++) merger.end(u);
          while (!merger.pump()) out.blocked = false;
          expect(out.text()).toBe(expected);
          expect(out.lines).toBe(units.flat().length);
          expect(released).toBe(pushed);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finishes one day before the next and asks for each day’s output once, in order', () => {
    const outs: number[] = [];
    const collected = new Map<number, Collect>();
    const merger = new RunMerger([3, 3, 5, 5], (d) => {
      outs.push(d);
      const c = new Collect();
      collected.set(d, c);
      return c;
    });
    const chunk = (unit: number, lines: [number, number, string][]) => {
      let got: LineChunk | undefined;
      const c = new LineChunker(unit, (x) => (got = x));
      for (const [t, s, text] of lines) c.line(t, s, text);
      c.end();
      return got!;
    };
    // Day 5 arrives first: nothing of it is merged before day 3 is complete.
    merger.push(2, { chunk: chunk(2, [[1, 0, 'd5-a']]), release: () => undefined });
    merger.end(2);
    merger.push(3, { chunk: chunk(3, [[0, 1, 'd5-b']]), release: () => undefined });
    merger.end(3);
    merger.push(0, { chunk: chunk(0, [[5, 0, 'd3-a']]), release: () => undefined });
    expect(merger.pump()).toBe(false);
    expect(outs).toEqual([3]);
    merger.end(0);
    merger.push(1, { chunk: chunk(1, [[5, 1, 'd3-b']]), release: () => undefined });
    merger.end(1);
    expect(merger.pump()).toBe(true);
    expect(outs).toEqual([3, 5]);
    expect(collected.get(3)!.text()).toBe('d3-a\nd3-b\n');
    expect(collected.get(5)!.text()).toBe('d5-b\nd5-a\n');
  });
});

describe('chunk buffers', () => {
  it('a LineChunker reuses buffers given back to its pool, and only full-size ones', () => {
    const pool = new BufferPool();
    const got: LineChunk[] = [];
    const c = new LineChunker(0, (x) => got.push(x), pool);
    c.line(1, 0, 'a'.repeat(100));
    c.end();
    const first = got[0].bytes.buffer;
    pool.give(first as ArrayBuffer);
    pool.give(new ArrayBuffer(10));
    const c2 = new LineChunker(1, (x) => got.push(x), pool);
    c2.line(2, 0, 'b');
    c2.end();
    // c's unused second buffer went back at end(); c2 took one of the two full-size buffers.
    expect([first, got[0].bytes.buffer]).toContain(got[1].bytes.buffer);
    expect(Buffer.from(got[1].bytes).toString()).toBe('b\n');
  });
});

describe('BackgroundFile', () => {
  it('writes every byte in order through several background writes, and reports blocked while writes are pending', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'trailsim-bgfile-')), 'sub', 'x.jsonl');
    let written = 0;
    const f = new BackgroundFile(path, () => written++, 1024, 2);
    const expected: string[] = [];
    let sawBlocked = false;
    for (let i = 0; i < 500; i++) {
      const line = Buffer.from(`line ${i} ${'x'.repeat(i % 37)}\n`);
      expected.push(line.toString());
      f.copy(line, 0, line.length, 1);
      sawBlocked ||= f.blocked;
    }
    // Larger than the buffer: written as one piece.
    const big = Buffer.from('y'.repeat(5000) + '\n');
    f.copy(big, 0, big.length, 1);
    expected.push(big.toString());
    await f.close();
    expect(sawBlocked).toBe(true);
    expect(written).toBeGreaterThan(2);
    expect(f.lines).toBe(501);
    expect(readFileSync(path, 'utf8')).toBe(expected.join(''));
  });
});

describe('planUnits', () => {
  it('deals every shard of each day to exactly one producer, back and forth, shards ascending in a unit', () => {
    expect(planUnits(4, 2, [0]).map((u) => [u.producer, u.unit.shards])).toEqual([
      [0, [0, 3]],
      [1, [1, 2]],
    ]);
    for (const [shards, producers] of [
      [6, 4],
      [7, 3],
      [2, 2],
      [5, 1],
    ]) {
      const units = planUnits(shards, producers, [2, 4]);
      for (const d of [2, 4]) {
        const all = units.filter((u) => u.unit.dayIndex === d).flatMap((u) => u.unit.shards);
        expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: shards }, (_, i) => i));
      }
      for (const u of units) expect([...u.unit.shards]).toEqual([...u.unit.shards].sort((a, b) => a - b));
    }
    // Fewer shards than producers: whole days, round-robin.
    expect(planUnits(1, 3, [0, 1, 2, 3]).map((u) => u.producer)).toEqual([0, 1, 2, 0]);
  });
});
