import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { TrailsimError } from '../core/errors.js';
import { generateDataset } from './generate.js';
import { estimateGenerate, guardLargeWork, GENERATE_SHRINK } from './guard.js';
import { createProgress } from './progress.js';
import type { CommandIO } from './io.js';

export const GENERATE_HELP = `Usage: trailsim generate [--accounts N] [--regions a,b] [--days D] [--rate R/h] [--seed S] [--start YYYY-MM-DD] [--shard ACCOUNT/REGION/DAY] --out DIR

Generates benign background traffic (CI roles, developers, admins, applications, AWS
services) and writes DIR/records.jsonl in eventTime order plus DIR/manifest.json.
A shard (one account, region and UTC day) generated alone equals the same slice of a
full run: see the README's "Shards".

Options:
  --accounts N     accounts (account-1 is the organization's management account; default 1)
  --regions LIST   comma-separated regions (default us-east-1)
  --days D         UTC days (default 1)
  --rate R/h       API calls per hour per account and region (default 1000/h; also /m, /s, /d)
  --seed S         seed (default 1)
  --start DAY      first day (default 2026-01-01)
  --shard A/R/D    only this shard (account id or name / region / day)
  --out DIR        output folder (required)
  -y, --yes        start even when the estimate is above the threshold (10 min or 20 GB)
  -h, --help       show this help

Before it starts, generate prints an estimate of the records, disk and time. Above the
threshold it asks for confirmation on a terminal, and needs --yes otherwise.

Examples:
  trailsim generate --accounts 3 --regions us-east-1,eu-west-1 --days 1 --rate 1000/h --seed 1 --out out/gen
  trailsim generate --shard account-2/eu-west-1/2026-01-01 --accounts 3 --regions us-east-1,eu-west-1 --out out/shard
  trailsim generate --accounts 200 --days 30 --start 2026-03-01 --yes --out out/big`;

export async function generateCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      accounts: { type: 'string' }, regions: { type: 'string' }, days: { type: 'string' }, rate: { type: 'string' },
      seed: { type: 'string' }, start: { type: 'string' }, shard: { type: 'string' }, out: { type: 'string' }, yes: { type: 'boolean', short: 'y' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return io.out(GENERATE_HELP), 0;
  if (!values.out) return io.err(`trailsim generate: --out DIR is required.\n\n${GENERATE_HELP}`), 2;
  const num = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new TrailsimError(`--${name} must be a whole number; got '${v}'.`);
    return Number(v);
  };
  // Huge work (a typo in --days) is estimated and confirmed before anything starts: see guard.ts.
  const stop = await guardLargeWork('generate', estimateGenerate({ accounts: num(values.accounts, 'accounts'), regions: values.regions?.split(','), days: num(values.days, 'days'), rate: values.rate, shard: values.shard }), io, { yes: values.yes, shrink: GENERATE_SHRINK });
  if (stop !== undefined) return stop;
  const started = performance.now();
  const progress = createProgress('generate');
  const summary = await generateDataset(
    {
      accounts: num(values.accounts, 'accounts'),
      regions: values.regions?.split(',').map((s) => s.trim()).filter(Boolean),
      days: num(values.days, 'days'),
      rate: values.rate,
      seed: values.seed === undefined ? undefined : /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed,
      start: values.start,
      shard: values.shard,
    },
    values.out,
    (done, total) => progress.update(done, total, 'days'),
  );
  progress.stop();
  for (const l of summary.lines()) io.out(l);
  io.out(`wrote ${join(values.out, 'records.jsonl')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

