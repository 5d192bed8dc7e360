/**
 * The Parquet export benchmark runs and exports every record; at this size the figures mean
 * nothing, see `npm run bench -- --only parquet`.
 */
import { describe, expect, it } from 'vitest';
import { benchParquet } from '../../bench/parquet.js';

describe('bench/parquet.ts', () => {
  it('runs on a small file and reports every figure', async () => {
    const lines: string[] = [];
    const figures = await benchParquet({ events: 3_000, log: (l) => lines.push(l) });
    expect(Object.keys(figures).sort()).toEqual(['parquet_export_cpu_ms', 'parquet_export_ms', 'parquet_export_vs_parse', 'parquet_parse_ms', 'parquet_records_per_s']);
    expect(figures.parquet_export_vs_parse).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/Parquet export of 3,000 JSONL records/);
  }, 60_000);
});
