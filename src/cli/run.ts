import { parseArgs } from 'node:util';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { asScenario, type ScenarioDefinition } from '../scenario/define.js';
import { importScenarioModule, positionIn, where } from '../scenario/load.js';
import { JsonlWriter } from '../export/jsonl.js';
import type { ExportSummary } from '../export/s3-layout.js';
import type { RunParquetSummary } from '../export/run-parquet.js';
import { loadDuckDB, type DuckDBLoader } from '../cloudtrail/lake/duckdb-loader.js';
import { requireDuckDB } from '../export/duckdb-require.js';
import { availableParallelism } from 'node:os';
import { TrailsimError } from '../core/errors.js';
import type { Simulation } from '../simulation.js';
import { RecordSummary } from './summary.js';
import { createRunProgress, type RunProgress } from './run-progress.js';
import { VERSION } from '../version.js';
import type { CommandIO } from './io.js';

export const RUN_HELP = `Usage: trailsim run <scenario.ts> [--seed N] [--out DIR] [--format jsonl,s3,parquet] [--workers N] [--verbose]

Runs a scenario (a TypeScript module that default-exports defineScenario(...)), prints
its story and audit answers, and writes every record to DIR/records.jsonl. On a terminal,
stderr shows the virtual time and record count while it runs.

Options:
  --seed N         override the scenario's seed (a number or any string)
  --out DIR        output folder (default: out/<scenario name>)
  --format LIST    comma-separated; DIR/records.jsonl is always written:
                   jsonl    (default) records.jsonl only
                   s3       also the trails' S3 buckets as DIR/<bucket>/<key> (AWS's key
                            layout: gzipped log files, digests, and <key>.metadata.json
                            sidecars for S3 metadata), the tree Athena, Trino, Spark or
                            DuckDB read as is. Only scenarios that create a trail have
                            buckets to write.
                   parquet  also every record as DIR/parquet/account=…/region=…/day=…/*.parquet
                            with Athena's cloudtrail_logs columns, and athena-parquet.sql /
                            trino-parquet.sql to query it (needs @duckdb/node-api)
  --workers N      threads that gzip and write the S3 files, and DuckDB writers that write
                   Parquet partitions side by side (default: the number of cores, here
                   ${availableParallelism()}; 1: one at a time). The scenario itself runs on one thread;
                   the files are the same for any N.
  --verbose        print the stack trace when the scenario fails
  -h, --help       show this help

Exit codes: 0 done, 1 the scenario threw while running, 2 a usage error or a scenario file
that cannot be loaded (missing, a syntax error, no defineScenario default export).

Examples:
  trailsim run scenarios/whizlab-2-37.ts --seed 7 --out out/whizlab
  trailsim run scenarios/whizlab-2-37.ts --format s3 --workers 2 --out out/whizlab-s3
  trailsim run scenarios/whizlab-2-37.ts --format parquet --out out/whizlab-parquet
  trailsim run my-scenario.ts --verbose`;

const RUN_FORMATS: readonly string[] = ['jsonl', 's3', 'parquet'];

/** Virtual time between heartbeats of the progress line when a scenario records nothing for a while. */
const HEARTBEAT = '1h';

export async function runCommand(args: string[], io: CommandIO, opts: { progress?: RunProgress; loadDuckDB?: DuckDBLoader } = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { seed: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, workers: { type: 'string' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return io.out(RUN_HELP), 0;
  const formats = new Set((values.format ?? 'jsonl').split(',').map((f) => f.trim()));
  const unknown = [...formats].filter((f) => !RUN_FORMATS.includes(f));
  if (unknown.length > 0) return io.err(`trailsim run: --format takes a comma-separated list of ${RUN_FORMATS.join(', ')}; got '${values.format}'.`), 2;
  if (positionals.length !== 1) return io.err(`trailsim run: expected one scenario file.\n\n${RUN_HELP}`), 2;
  const workers = values.workers === undefined ? availableParallelism() : /^\d+$/.test(values.workers) ? Number(values.workers) : NaN;
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) return io.err(`trailsim run: --workers must be a whole number from 1 to 256; got '${values.workers}'.`), 2;
  const file = positionals[0];
  // The status line (a terminal only) is up before the simulator and the scenario load, which
  // take most of a second: the user sees the run start at once.
  let progress = opts.progress;
  if (!progress) {
    progress = createRunProgress(`run ${basename(file)}`, { delayMs: 0 });
    progress.tick(NaN, 0); // drawn now: no virtual time, no records yet
  }
  let def: ScenarioDefinition;
  try {
    def = asScenario(await importScenarioModule(file), file);
  } catch (e) {
    progress.stop();
    if (!TrailsimError.is(e)) throw e;
    io.err(`trailsim run: ${e.name}: ${e.message}`);
    if (values.verbose && e.cause instanceof Error && e.cause.stack) io.err(e.cause.stack);
    return 2;
  }
  const seed = values.seed === undefined ? undefined : /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  // Loaded here, after the status line is up: the simulator is most of what `run` loads.
  const [{ runScenario }, { exportS3TreeOnThreads }, { RunParquet, PARQUET_LAYOUT_DIR, HIVE_PARQUET_DDL_FILES, writeHiveParquetDdl }] = await Promise.all([import('../scenario/run.js'), import('../export/s3-tree-threads.js'), import('../export/run-parquet.js')]);
  // Parquet needs DuckDB, an optional package: say so before the scenario runs, not after.
  const duckdb = opts.loadDuckDB ?? requireDuckDB;
  if (formats.has('parquet')) {
    try {
      await loadDuckDB(duckdb, '--format parquet');
    } catch (e) {
      progress.stop();
      io.err(`trailsim run: ${(e as Error).name}: ${(e as Error).message}`);
      return 2;
    }
  }
  const say = (line: string) => progress.print(line, io.out);
  say(`trailsim ${VERSION} · scenario ${def.name}${seed !== undefined ? ` · seed ${seed}` : ''}`);
  if (def.description) say(def.description);
  const out = values.out ?? join('out', def.name);
  const recordsPath = join(out, 'records.jsonl');
  // Records are written as they are recorded, with the JSON the simulation made for each
  // (once, shared with event history and trails), under a temporary name renamed when the
  // scenario has finished: a failed run leaves no records file and no folder it created.
  const created = mkdirSync(out, { recursive: true });
  const partial = `${recordsPath}.partial`;
  const writer = new JsonlWriter(partial);
  // Parquet rows are staged on disk as they are recorded, with the same JSON.
  const parquet = formats.has('parquet') ? new RunParquet() : undefined;
  const summary = new RecordSummary();
  let sim: Simulation;
  try {
    ({
      sim,
    } = await runScenario(def, {
      seed,
      log: say,
      onSimulation: (s) => {
        s.onRecord((r) => {
          const json = s.recordJson(r);
          writer.writeLine(json);
          parquet?.add(r, json);
          summary.add(r);
        });
        if (progress.active) watch(s, progress);
      },
    }));
  } catch (e) {
    progress.stop();
    await writer.close();
    parquet?.discard();
    rmSync(created ?? partial, { recursive: true, force: true });
    const err = e instanceof Error ? e : new Error(String(e));
    const at = where(file, positionIn(err.stack, resolve(file)));
    io.err(`trailsim run: scenario '${def.name}' failed at ${at}: ${err.name}: ${err.message}`);
    io.err(values.verbose ? (err.stack ?? '') : '(run again with --verbose for the stack trace)');
    return 1;
  }
  progress.stop();
  // Files first: the log below is best effort (stdout may be closed, e.g. piped into head).
  await writer.close();
  renameSync(partial, recordsPath);
  // Every output is attempted; a failed one is reported after the summary (records.jsonl
  // is complete whatever happens to the others) and makes the exit code 1.
  const failures: string[] = [];
  let exporting: Promise<ExportSummary> | undefined;
  if (formats.has('s3')) {
    // A bucket is written as DIR/<bucket>/: one named like another output would overwrite it.
    const taken = new Set<string>(['records.jsonl', ...(parquet ? [PARQUET_LAYOUT_DIR, ...HIVE_PARQUET_DDL_FILES] : [])]);
    const clash = sim.cloudtrail.s3.bucketNames().filter((b) => taken.has(b));
    if (clash.length > 0) {
      failures.push(`--format s3: bucket '${clash[0]}' would be written as ${join(out, clash[0])}/, where ${clash[0] === 'records.jsonl' ? 'records.jsonl is' : '--format parquet writes'}; nothing was written for s3. Write the buckets in a run of their own (--format s3), or name the bucket otherwise.`);
    } else {
      // Deliver what trails still hold, then write every bucket as DIR/<bucket>/<key> on
      // worker threads.
      sim.cloudtrail.drain();
      exporting = exportS3TreeOnThreads(sim.cloudtrail.s3, out, { workers });
    }
  }
  let s3: ExportSummary | undefined;
  try {
    s3 = exporting && (await exporting);
  } catch (e) {
    failures.push(`--format s3 failed: ${(e as Error).message}`);
  }
  let parquetSummary: RunParquetSummary | undefined;
  if (parquet) {
    // Written beside, then swapped in: a failure leaves the previous tree (if any) as it was.
    const final = join(out, PARQUET_LAYOUT_DIR);
    const staging = mkdtempSync(join(out, `.${PARQUET_LAYOUT_DIR}-`));
    try {
      parquetSummary = await parquet.write(staging, { workers, loader: duckdb });
      rmSync(final, { recursive: true, force: true });
      renameSync(staging, final);
      // Partition projection needs at least one account: no records, no DDL.
      if (parquetSummary.accounts.length > 0) writeHiveParquetDdl(out, parquetSummary);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      parquetSummary = undefined;
      failures.push(`--format parquet failed: ${(e as Error).message}`);
    }
  }
  io.out('');
  for (const l of summary.lines()) io.out(l);
  io.out(`wrote ${join(out, 'records.jsonl')}`);
  if (summary.total === 0) io.err(`trailsim run: warning: scenario '${def.name}' recorded no events, so ${join(out, 'records.jsonl')} is empty. Its run() makes no calls (sim.call, traffic, trail API) or never advances the clock.`);
  if (parquetSummary) io.out(`wrote ${parquetSummary.files} Parquet file${parquetSummary.files === 1 ? '' : 's'} (${parquetSummary.rows} rows) under ${join(out, PARQUET_LAYOUT_DIR)}/${parquetSummary.accounts.length > 0 ? `, and ${HIVE_PARQUET_DDL_FILES.join(', ')}` : ''}`);
  if (s3) {
    io.out(`wrote ${s3.objects} S3 objects (${s3.sidecars} metadata sidecars) under ${out}/<bucket>/`);
    if (s3.objects === 0) io.err(`trailsim run: warning: --format s3 wrote no S3 objects: ${whyNoObjects(sim, def.name)}`);
  }
  for (const f of failures) io.err(`trailsim run: ${f} (records.jsonl is complete)`);
  return failures.length > 0 ? 1 : 0;
}

/** Feeds the progress line from inside the simulation: each record, and a virtual-time heartbeat. */
function watch(sim: Simulation, progress: RunProgress): void {
  let records = 0;
  sim.onRecord(() => progress.tick(sim.clock.now(), ++records));
  sim.clock.every(HEARTBEAT, (now) => progress.tick(now, records));
}

/** Why a run has no S3 objects to write, and what to do about it. */
function whyNoObjects(sim: Simulation, name: string): string {
  const trails = sim.cloudtrail.listAllTrails();
  const fix = `Records reach S3 only through a trail: in the scenario, create a bucket and a trail and start logging (sim.cloudtrail.s3.createBucket('logs'); sim.cloudtrail.createTrail(user, { Name: 'trail', S3BucketName: 'logs' }); sim.cloudtrail.startLogging(user, { Name: 'trail' })). The records are all in records.jsonl either way.`;
  if (trails.length === 0) return `scenario '${name}' creates no trail and no bucket. ${fix}`;
  const logging = trails.filter((t) => sim.cloudtrail.trailByArn(t.TrailARN)?.status.isLogging);
  if (logging.length === 0) return `scenario '${name}' creates ${trails.length === 1 ? `trail ${trails[0].Name}` : `${trails.length} trails`} but never starts logging (call sim.cloudtrail.startLogging). ${fix}`;
  return `the trails of scenario '${name}' logged no event they select (check their event selectors, regions and buckets). ${fix}`;
}
