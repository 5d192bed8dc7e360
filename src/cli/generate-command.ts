import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { TrailsimError } from '../core/errors.js';
import { generateDataset, type GenerateOptions } from './generate.js';
import { GENERATE_FORMATS, type GenerateFormat } from './generate-producer.js';
import { defaultWorkers } from './generate-run.js';
import { estimateGenerate, guardLargeWork, GENERATE_SHRINK } from './guard.js';
import { createProgress } from './progress.js';
import type { CommandIO } from './io.js';

export const GENERATE_HELP = `Usage: trailsim generate [--accounts N] [--regions a,b] [--days D] [--rate R/h] [--seed S] [--start YYYY-MM-DD]
                        [--format jsonl,s3,parquet] [--workers N] [--shard-index I --shard-count N]
                        [--shard ACCOUNT/REGION/DAY] --out DIR

Generates benign background traffic (CI roles, developers, admins, applications, AWS
services) and writes DIR/records.jsonl in eventTime order plus DIR/manifest.json.
The output is the same, byte for byte, whatever --workers and however the work is split
across processes (--shard-index/--shard-count): see docs/scale.md.

Options:
  --accounts N     accounts (account-1 is the organization's management account; default 1)
  --regions LIST   comma-separated regions (default us-east-1)
  --days D         UTC days (default 1)
  --rate R/h       API calls per hour per account and region (default 1000/h; also /m, /s, /d)
  --seed S         seed (default 1)
  --start DAY      first day (default 2026-01-01)
  --format LIST    what to write (default jsonl), comma-separated:
                     jsonl    DIR/records.jsonl
                     s3       DIR/s3/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz,
                              a trail bucket's layout (Athena, Trino, trailsim query --data)
                     parquet  DIR/parquet/account=…/region=…/day=…/*.parquet with Athena's
                              cloudtrail_logs columns (needs @duckdb/node-api)
  --workers N      worker threads that generate, while this one merges and writes (default:
                   the number of cores, here ${defaultWorkers()}, but one per 150,000 calls at most, as a
                   worker costs ~0.5 s of CPU to start; 1 = no worker threads)
  --shard-index I  array jobs: this process's part, 0-based (default: $JOB_COMPLETION_INDEX or
                   $AWS_BATCH_JOB_ARRAY_INDEX); the process makes every N-th day
  --shard-count N  array jobs: number of parts (default: $TRAILSIM_SHARD_COUNT or
                   $AWS_BATCH_JOB_ARRAY_SIZE). With it, JSONL goes to DIR/records/YYYY-MM-DD.jsonl
                   and the parts' files together equal one run's (cat them in name order for
                   records.jsonl)
  --shard A/R/D    only this shard (account id or name / region / day; JSONL only)
  --out DIR        output folder (required)
  -y, --yes        start even when the estimate is above the threshold (10 min or 20 GB)
  -h, --help       show this help

Before it starts, generate prints an estimate of the records, disk and time. Above the
threshold it asks for confirmation on a terminal, and needs --yes otherwise.

Examples:
  trailsim generate --accounts 3 --regions us-east-1,eu-west-1 --days 1 --rate 1000/h --seed 1 --out out/gen
  trailsim generate --accounts 2 --days 7 --format s3,parquet --workers 2 --out out/week
  trailsim generate --accounts 2 --days 30 --format s3 --shard-index 3 --shard-count 10 --out out/part
  trailsim generate --shard account-2/eu-west-1/2026-01-01 --accounts 3 --regions us-east-1,eu-west-1 --out out/shard
  trailsim generate --accounts 200 --days 30 --start 2026-03-01 --yes --out out/big`;

/** What `trailsim generate` was asked to do, parsed and checked (nothing generated yet). */
export interface GenerateRequest {
  options: GenerateOptions;
  out: string;
  /** `--yes`: start even when the estimate is above the threshold. */
  yes?: boolean;
}

/** Parses the command line; returns a request, or an exit code after printing help or an error. */
export function parseGenerateArgs(args: string[], io: CommandIO, env: NodeJS.ProcessEnv = process.env): GenerateRequest | number {
  const { values } = parseArgs({
    args,
    options: {
      accounts: { type: 'string' }, regions: { type: 'string' }, days: { type: 'string' }, rate: { type: 'string' },
      seed: { type: 'string' }, start: { type: 'string' }, shard: { type: 'string' }, out: { type: 'string' },
      format: { type: 'string' }, workers: { type: 'string' }, 'shard-index': { type: 'string' }, 'shard-count': { type: 'string' },
      yes: { type: 'boolean', short: 'y' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return io.out(GENERATE_HELP), 0;
  if (!values.out) return io.err(`trailsim generate: --out DIR is required.\n\n${GENERATE_HELP}`), 2;
  const num = (v: string | undefined, name: string) => {
    if (v === undefined || v === '') return undefined;
    if (!/^\d+$/.test(v)) throw new TrailsimError(`--${name} must be a whole number; got '${v}'.`);
    return Number(v);
  };
  const formats = values.format?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of formats ?? []) if (!GENERATE_FORMATS.includes(f as GenerateFormat)) throw new TrailsimError(`--format: '${f}' is not one of ${GENERATE_FORMATS.join(', ')}.`);
  // Array-job runners give the index in the environment (Kubernetes Indexed Jobs, AWS Batch).
  const shardIndex = num(values['shard-index'], 'shard-index') ?? num(env.JOB_COMPLETION_INDEX, 'shard-index (JOB_COMPLETION_INDEX)') ?? num(env.AWS_BATCH_JOB_ARRAY_INDEX, 'shard-index (AWS_BATCH_JOB_ARRAY_INDEX)');
  const shardCount = num(values['shard-count'], 'shard-count') ?? num(env.TRAILSIM_SHARD_COUNT, 'shard-count (TRAILSIM_SHARD_COUNT)') ?? num(env.AWS_BATCH_JOB_ARRAY_SIZE, 'shard-count (AWS_BATCH_JOB_ARRAY_SIZE)');
  if (shardIndex !== undefined && shardCount === undefined) throw new TrailsimError(`--shard-index ${shardIndex} needs --shard-count N (or TRAILSIM_SHARD_COUNT).`);
  if (values.shard && (shardCount !== undefined || (formats && formats.join() !== 'jsonl'))) throw new TrailsimError('--shard writes one shard as JSONL; it does not combine with --shard-count or --format.');
  const options: GenerateOptions = {
    accounts: num(values.accounts, 'accounts'),
    regions: values.regions?.split(',').map((s) => s.trim()).filter(Boolean),
    days: num(values.days, 'days'),
    rate: values.rate,
    seed: values.seed === undefined ? undefined : /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed,
    start: values.start,
    shard: values.shard,
    formats: formats as GenerateFormat[] | undefined,
    workers: num(values.workers, 'workers'),
    shardIndex: shardCount === undefined ? undefined : (shardIndex ?? 0),
    shardCount,
  };
  return { options, out: values.out, yes: values.yes === true };
}

export async function generateCommand(args: string[], io: CommandIO): Promise<number> {
  const req = parseGenerateArgs(args, io);
  if (typeof req === 'number') return req;
  // Huge work (a typo in --days) is estimated and confirmed before anything starts: see guard.ts.
  const o = req.options;
  const stop = await guardLargeWork('generate', estimateGenerate({ accounts: o.accounts, regions: o.regions, days: o.days, rate: o.rate, shard: o.shard }), io, { yes: req.yes, shrink: GENERATE_SHRINK });
  if (stop !== undefined) return stop;
  return runGenerateRequest(req, io);
}

/** Generates what `req` asks, with a progress bar that moves at least every second. */
export async function runGenerateRequest({ options, out }: GenerateRequest, io: CommandIO): Promise<number> {
  const started = performance.now();
  // Progress is the share of simulated time done (every ~2,000 calls), with the records so far.
  const progress = createProgress('generate', process.stderr, { counts: false });
  const summary = await generateDataset(options, out, (records, fraction) => progress.update(Math.round(fraction * 10_000), 10_000, `${records.toLocaleString('en-US')} records`));
  progress.stop();
  for (const l of summary.lines()) io.out(l);
  const what = options.shardCount !== undefined ? join(out, 'records', '*.jsonl') : join(out, 'records.jsonl');
  const formats = options.formats ?? ['jsonl'];
  const wrote = formats.map((f) => (f === 'jsonl' ? what : f === 's3' ? join(out, 's3') + '/' : join(out, 'parquet') + '/'));
  io.out(`wrote ${wrote.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}
