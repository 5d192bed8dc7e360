import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGenerateWorld } from '../src/cli/generate.js';
import { JsonlWriter } from '../src/export/jsonl.js';
import type { CloudTrailRecord } from '../src/record/types.js';

/**
 * Generation throughput: records/s produced by the traffic generator and written as JSONL
 * to a file, against the same-run baseline of JSON.stringify of the very same records
 * written to a file the same way. The ratio is what the target binds (≤ 2).
 */
export async function benchGenerate(opts: { quick?: boolean; log: (line: string) => void }): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'trailsim-bench-'));
  try {
    // Records = rate x 24 h x 2 accounts x 2 regions: ~190k (quick) or ~580k, kept in memory for the baseline.
    const rate = opts.quick ? 2_000 : 6_000;
    const o = { accounts: 2, regions: ['us-east-1', 'eu-west-1'], days: 1, rate: `${rate}/h`, seed: 1 };
    // Warm-up run (JIT), not measured.
    await run(o, join(dir, 'warm.jsonl'), 2 * 3_600_000);

    // Timed run: generate and write, keeping nothing (as `trailsim generate` does).
    const t0 = performance.now();
    const n = await run(o, join(dir, 'gen.jsonl'), 86_400_000);
    const tGen = (performance.now() - t0) / 1000;
    // Same seed, same records again, kept in memory (untimed) for the baseline.
    const kept: CloudTrailRecord[] = [];
    await run(o, join(dir, 'again.jsonl'), 86_400_000, kept);

    const t1 = performance.now();
    const w = new JsonlWriter(join(dir, 'stringify.jsonl'));
    for (const r of kept) w.write(r);
    await w.close();
    const tStr = (performance.now() - t1) / 1000;

    // Generation alone (records built and serialised, nothing written), to separate CPU from disk.
    const t2 = performance.now();
    {
      const { sim, from } = buildGenerateWorld(o);
      let bytes = 0;
      sim.onRecord((r) => void (bytes += JSON.stringify(r).length));
      sim.advanceTo(from + 86_400_000 - 1);
      if (bytes === 0) throw new Error('nothing generated');
    }
    const tCpu = (performance.now() - t2) / 1000;
    const genRate = n / tGen;
    const strRate = n / tStr;
    opts.log(`generate: ${n} records in ${tGen.toFixed(2)} s = ${Math.round(genRate)} records/s (JSONL to a file)`);
    opts.log(`baseline: JSON.stringify of the same records to a file: ${Math.round(strRate)} records/s`);
    opts.log(`ratio generate/stringify time: ${(tGen / tStr).toFixed(2)} (target <= 2)`);
    opts.log(`generate + JSON.stringify, nothing written (one core): ${Math.round(n / tCpu)} records/s (target >= 100k)`);
    return { generate_records: n, generate_records_per_s: Math.round(genRate), generate_serialize_only_records_per_s: Math.round(n / tCpu), stringify_records_per_s: Math.round(strRate), generate_ratio_to_stringify: Number((tGen / tStr).toFixed(3)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(o: Parameters<typeof buildGenerateWorld>[0], file: string, span: number, keep?: CloudTrailRecord[]): Promise<number> {
  const { sim, from } = buildGenerateWorld(o);
  const w = new JsonlWriter(file);
  sim.onRecord(keep ? (r) => (w.write(r), keep.push(r)) : (r) => w.write(r));
  sim.advanceTo(from + span - 1);
  await w.close();
  return w.count;
}
