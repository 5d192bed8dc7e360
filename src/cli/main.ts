#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { resolve, join } from 'node:path';
import { TrailsimError } from '../core/errors.js';
import { asScenario } from '../scenario/define.js';
import { importScenarioModule } from '../scenario/load.js';
import { runScenario } from '../scenario/run.js';
import { JsonlWriter } from '../export/jsonl.js';
import { RecordSummary } from './summary.js';
import { generateDataset } from './generate.js';
import { validateCommand } from './validate.js';
import { detectCommand } from './detect.js';
import { scenariosCommand } from './scenarios.js';
import { queryCommand } from './query.js';
import { exportCommand } from './export.js';
import { VERSION } from '../version.js';
import { createProgress } from './progress.js';
import { exportS3Tree } from '../export/s3-layout.js';

interface IO {
  out: (s: string) => void;
  err: (s: string) => void;
}

const HELP: Record<string, string> = {
  main: `trailsim ${VERSION}: deterministic CloudTrail and EventBridge simulator

Usage: trailsim <command> [options]

Commands:
  run <scenario.ts>   run a scenario script and write its records
  generate            generate background traffic for N accounts, regions and days
  validate <file...>  check CloudTrail records (JSONL or {"Records":[...]} files, .gz too)
  detect              run Sigma rules for CloudTrail over records
  scenarios           list the scenarios that ship with trailsim
  query               SQL over an exported S3 log tree (table cloudtrail_logs, DuckDB)
  export              write records as Parquet

Run 'trailsim <command> --help' for a command's options and examples.`,
  run: `Usage: trailsim run <scenario.ts> [--seed N] [--out DIR] [--format jsonl|s3]

Runs a scenario (a TypeScript module that default-exports defineScenario(...)), prints
its story and audit answers, and writes every record to DIR/records.jsonl.

Options:
  --seed N       override the scenario's seed
  --out DIR      output folder (default: out/<scenario name>)
  --format s3    also write the trails' S3 buckets as DIR/<bucket>/<key> (AWS's key layout:
                 gzipped log files, digests, and <key>.metadata.json sidecars for S3 metadata),
                 the tree Athena, Trino, Spark or DuckDB read as is

Example:
  trailsim run scenarios/whizlab-2-37.ts --seed 7 --out out/whizlab`,
  generate: `Usage: trailsim generate [--accounts N] [--regions a,b] [--days D] [--rate R/h] [--seed S] [--start YYYY-MM-DD] [--shard ACCOUNT/REGION/DAY] --out DIR

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

Example:
  trailsim generate --accounts 3 --regions us-east-1,eu-west-1 --days 1 --rate 1000/h --seed 1 --out out/gen`,
  validate: `Usage: trailsim validate <file...> [--json] [--max N]

Checks every record against CloudTrail's shape rules and names each rule a record breaks.
Exit code 0 when clean, 1 when a rule is broken, 2 on a usage or I/O error.

Example:
  trailsim validate out/gen/records.jsonl`,
};


async function runCommand(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { seed: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const format = values.format ?? 'jsonl';
  if (format !== 'jsonl' && format !== 's3') return io.err(`trailsim run: --format must be jsonl or s3; got '${format}'.`), 2;
  if (values.help) return io.out(HELP.run), 0;
  if (positionals.length !== 1) return io.err(`trailsim run: expected one scenario file.\n\n${HELP.run}`), 2;
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

async function generateCommand(args: string[], io: IO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      accounts: { type: 'string' }, regions: { type: 'string' }, days: { type: 'string' }, rate: { type: 'string' },
      seed: { type: 'string' }, start: { type: 'string' }, shard: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return io.out(HELP.generate), 0;
  if (!values.out) return io.err(`trailsim generate: --out DIR is required.\n\n${HELP.generate}`), 2;
  const num = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new TrailsimError(`--${name} must be a whole number; got '${v}'.`);
    return Number(v);
  };
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

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: IO = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') }): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(HELP.main);
        return cmd === undefined ? 2 : 0;
      case '--version':
      case '-v':
        io.out(VERSION);
        return 0;
      case 'run':
        return await runCommand(rest, io);
      case 'generate':
        return await generateCommand(rest, io);
      case 'query':
        return await queryCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'scenarios':
        return await scenariosCommand(rest, io);
      case 'detect':
        return await detectCommand(rest, io);
      case 'validate':
        if (rest.includes('--help') || rest.includes('-h')) return io.out(HELP.validate), 0;
        return await validateCommand(rest, io);
      default:
        io.err(`trailsim: unknown command '${cmd}'.\n\n${HELP.main}`);
        return 2;
    }
  } catch (e) {
    if (TrailsimError.is(e) || (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (e as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      io.err(`trailsim ${cmd}: ${(e as Error).name === 'TypeError' ? '' : (e as Error).name + ': '}${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`trailsim: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
