/**
 * The Lake benchmark runs, and its two paths (Lake SQL and the JS pass) agree; at this size
 * the figures mean nothing, see `npm run bench -- --only lake`.
 */
import { describe, expect, it } from 'vitest';
import { benchLake } from '../../bench/lake.js';

describe('bench/lake.ts', () => {
  it('runs on a small store and reports every figure', async () => {
    const lines: string[] = [];
    const figures = await benchLake({ events: 20_000, log: (l) => lines.push(l) });
    expect(Object.keys(figures).sort()).toEqual(['lake_duckdb_start_ms', 'lake_events', 'lake_full_load_per_million', 'lake_ingest_cpu_per_million', 'lake_ingest_per_million', 'lake_js_ms', 'lake_load_per_million', 'lake_sql_first_ms', 'lake_sql_ms', 'lake_sql_vs_js']);
    expect(figures.lake_events).toBe(20_000);
    expect(lines.join('\n')).toMatch(/30-day grouped count \([\d,]+ events, \d+ groups\)/);
  }, 60_000);
});
