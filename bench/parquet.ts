/**
 * Parquet export benchmark: `exportParquetFromJsonl` of a JSON Lines file of 100,000 records
 * (20,000 with `quick`) shaped like CloudTrail management events, in time order but for one
 * record in 1,000 (so the staged texts are copied in time order, as for whizlab's records),
 * against one plain JS pass over the same file: read it and `JSON.parse` every line, the
 * least any JavaScript reader of the records does.
 *
 * Figures: parquet_export_ms and parquet_export_cpu_ms (median of 3; CPU is this process's
 * user + system time, which includes DuckDB's one thread), parquet_parse_ms (the baseline,
 * median of 3), parquet_export_vs_parse (export time / baseline time), parquet_records_per_s.
 *
 * The whole CLI (`trailsim export --in records.jsonl`) is measured by hand in docs/sql.md,
 * with its start-up and peak RSS.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportParquetFromJsonl } from '../src/export/parquet.js';
import { Random } from '../src/core/random.js';
import { identities, makeEvent } from './lake.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

export async function benchParquet(opts: { quick?: boolean; log: (line: string) => void; events?: number }): Promise<Record<string, number>> {
  const n = opts.events ?? (opts.quick ? 20_000 : 100_000);
  const rng = new Random(7);
  const ids = identities(rng);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(JSON.stringify(makeEvent(rng, ids, i, n)));
  for (let i = 500; i + 1 < n; i += 1000) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
  const dir = mkdtempSync(join(tmpdir(), 'trailsim-bench-parquet-'));
  try {
    const file = join(dir, 'records.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    lines.length = 0;
    const parse: number[] = [];
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < 3; run++) {
      let t = performance.now();
      let parsed = 0;
      for (const line of readFileSync(file, 'utf8').split('\n')) if (line !== '') parsed += (JSON.parse(line) as object) ? 1 : 0;
      parse.push(performance.now() - t);
      if (parsed !== n) throw new Error(`parsed ${parsed} records, expected ${n}`);
      const c = cpuMs();
      t = performance.now();
      const { rows } = await exportParquetFromJsonl(file, join(dir, 'records.parquet'));
      wall.push(performance.now() - t);
      cpu.push(cpuMs() - c);
      if (rows !== n) throw new Error(`exported ${rows} rows, expected ${n}`);
    }
    const figures = {
      parquet_export_ms: median(wall),
      parquet_export_cpu_ms: median(cpu),
      parquet_parse_ms: median(parse),
      parquet_export_vs_parse: median(wall) / median(parse),
      parquet_records_per_s: (n * 1000) / median(wall),
    };
    opts.log(`Parquet export of ${n.toLocaleString('en')} JSONL records: ${figures.parquet_export_ms.toFixed(0)} ms (${figures.parquet_export_cpu_ms.toFixed(0)} ms CPU), ${Math.round(figures.parquet_records_per_s).toLocaleString('en')} records/s`);
    opts.log(`  baseline, read + JSON.parse of every line: ${figures.parquet_parse_ms.toFixed(0)} ms; export / baseline: ${figures.parquet_export_vs_parse.toFixed(2)}`);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
