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
    const rate = opts.quick ? 20_000 : 60_000;
    const o = { accounts: 2, regions: ['us-east-1', 'eu-west-1'], days: 1, rate: `${rate}/h`, seed: 1 };
    // Warm-up run (JIT), not measured.
    await run(o, join(dir, 'warm.jsonl'), 2 * 3_600_000);

    const kept: CloudTrailRecord[] = [];
    const t0 = performance.now();
    const n = await run(o, join(dir, 'gen.jsonl'), 86_400_000, kept);
    const tGen = (performance.now() - t0) / 1000;

    const t1 = performance.now();
    const w = new JsonlWriter(join(dir, 'stringify.jsonl'));
    for (const r of kept) w.write(r);
    await w.close();
    const tStr = (performance.now() - t1) / 1000;

    const genRate = n / tGen;
    const strRate = n / tStr;
    opts.log(`generate: ${n} records in ${tGen.toFixed(2)} s = ${Math.round(genRate)} records/s (JSONL to a file)`);
    opts.log(`baseline: JSON.stringify of the same records to a file: ${Math.round(strRate)} records/s`);
    opts.log(`ratio generate/stringify time: ${(tGen / tStr).toFixed(2)} (target <= 2)`);
    return { generate_records: n, generate_records_per_s: Math.round(genRate), stringify_records_per_s: Math.round(strRate), generate_ratio_to_stringify: Number((tGen / tStr).toFixed(3)) };
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
