import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { asScenario } from '../scenario/define.js';
import { importScenarioModule } from '../scenario/load.js';
import { runScenario } from '../scenario/run.js';
import { JsonlWriter } from '../export/jsonl.js';
import { exportS3Tree } from '../export/s3-layout.js';
import { RecordSummary } from './summary.js';
import { VERSION } from '../version.js';
import type { CommandIO } from './io.js';

export const RUN_HELP = `Usage: trailsim run <scenario.ts> [--seed N] [--out DIR] [--format jsonl|s3]

Runs a scenario (a TypeScript module that default-exports defineScenario(...)), prints
its story and audit answers, and writes every record to DIR/records.jsonl.

Options:
  --seed N       override the scenario's seed
  --out DIR      output folder (default: out/<scenario name>)
  --format s3    also write the trails' S3 buckets as DIR/<bucket>/<key> (AWS's key layout:
                 gzipped log files, digests, and <key>.metadata.json sidecars for S3 metadata),
                 the tree Athena, Trino, Spark or DuckDB read as is

Example:
  trailsim run scenarios/whizlab-2-37.ts --seed 7 --out out/whizlab`;

export async function runCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { seed: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const format = values.format ?? 'jsonl';
  if (format !== 'jsonl' && format !== 's3') return io.err(`trailsim run: --format must be jsonl or s3; got '${format}'.`), 2;
  if (values.help) return io.out(RUN_HELP), 0;
  if (positionals.length !== 1) return io.err(`trailsim run: expected one scenario file.\n\n${RUN_HELP}`), 2;
  const file = positionals[0];
  const mod = await importScenarioModule(file);
  const def = asScenario(mod, file);
  const seed = values.seed === undefined ? undefined : /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  io.out(`trailsim ${VERSION} · scenario ${def.name}${seed !== undefined ? ` · seed ${seed}` : ''}`);
  if (def.description) io.out(def.description);
  const { sim } = await runScenario(def, { seed, log: io.out });
  const out = values.out ?? join('out', def.name);
  const writer = new JsonlWriter(join(out, 'records.jsonl'));
  const summary = new RecordSummary();
  for (const r of sim.records()) {
    writer.write(r);
    summary.add(r);
  }
  await writer.close();
  io.out('');
  for (const l of summary.lines()) io.out(l);
  io.out(`wrote ${join(out, 'records.jsonl')}`);
  if (format === 's3') {
    // Deliver what trails still hold, then write every bucket as DIR/<bucket>/<key>.
    sim.cloudtrail.drain();
    const s = exportS3Tree(sim.cloudtrail.s3, out);
    io.out(`wrote ${s.objects} S3 objects (${s.sidecars} metadata sidecars) under ${out}/<bucket>/`);
  }
  return 0;
}

