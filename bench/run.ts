/**
 * `npm run bench [-- --json FILE] [-- --quick] [-- --only NAME]`: every benchmark, each
 * printed as throughput and as a ratio against a baseline measured in the same run.
 * With --json, the figures are also written as one flat JSON object (name → number).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

type Bench = (opts: { quick?: boolean; log: (line: string) => void; workload?: string }) => Promise<Record<string, number>>;

const { values } = parseArgs({ options: { json: { type: 'string' }, quick: { type: 'boolean' }, only: { type: 'string' }, workload: { type: 'string' } } });

const benches: [string, () => Promise<Bench>][] = [
  ['generate', async () => (await import('./generate.js')).benchGenerate],
  ['match', async () => (await import('./match.js')).benchMatch as Bench],
  ['delivery', async () => (await import('./delivery.js')).benchDelivery as Bench],
  ['lake', async () => (await import('./lake.js')).benchLake as Bench],
  ['parquet', async () => (await import('./parquet.js')).benchParquet as Bench],
];

const all: Record<string, number> = {};
for (const [name, load] of benches) {
  if (values.only && !values.only.split(',').includes(name)) continue;
  let bench: Bench;
  try {
    bench = await load();
  } catch (e) {
    console.log(`\n## ${name}: not available (${(e as Error).message.split('\n')[0]})`);
    continue;
  }
  console.log(`\n## ${name}`);
  const figures = await bench({ quick: values.quick, log: (l) => console.log(l), workload: values.workload });
  Object.assign(all, figures);
}
if (values.json) {
  writeFileSync(values.json, JSON.stringify(all, null, 2) + '\n');
  console.log(`\nwrote ${values.json}`);
}
