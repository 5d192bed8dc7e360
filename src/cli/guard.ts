/**
 * The guard against huge work: before `generate` starts, estimate the records, disk and time
 * it will take, print the estimate, and above a threshold ask first: `--yes` when stdin is
 * not a terminal (scripts, CI), an interactive y/N question when it is. A typo such as
 * `--days 3660` then costs a question, not a disk filled over hours.
 */
import { createInterface } from 'node:readline/promises';
import { parseRate } from '../activity/rate.js';
import type { CommandIO } from './io.js';

/** What a run will produce and cost, roughly. */
export interface WorkEstimate {
  records: number;
  /** Bytes written (records.jsonl). */
  bytes: number;
  /** Wall time on one core. */
  seconds: number;
}

/**
 * Measured on `generate --accounts 2 --regions us-east-1,eu-west-1 --days 1` (96,079 records,
 * 141.5 MB): about 1,470 bytes per JSONL record. Throughput was about 19,000 records per CPU
 * second on the project's 2-core reference machine; 15,000/s keeps the estimate on the safe side.
 */
export const BYTES_PER_RECORD = 1_470;
export const RECORDS_PER_SECOND = 15_000;

/** How `generate` work is made smaller, for the refusal message. */
export const GENERATE_SHRINK = 'use fewer --accounts, --regions or --days, a lower --rate, or one --shard';

/** Above either limit, the work needs confirmation. */
export const GUARD_LIMITS = { seconds: 10 * 60, bytes: 20 * 1024 ** 3 } as const;

export interface GenerateSize {
  accounts?: number;
  regions?: readonly string[];
  days?: number;
  rate?: string | number;
  /** One shard is one account, one region, one day. */
  shard?: string;
}

/** Records ≈ accounts × regions × days × 24 × calls per hour (the rate is a daily mean). */
export function estimateGenerate(o: GenerateSize): WorkEstimate {
  const perHour = parseRate(o.rate ?? '1000/h');
  const [accounts, regions, days] = o.shard ? [1, 1, 1] : [o.accounts ?? 1, o.regions?.length ?? 1, o.days ?? 1];
  const records = Math.round(accounts * regions * days * 24 * perHour);
  return { records, bytes: records * BYTES_PER_RECORD, seconds: records / RECORDS_PER_SECOND };
}

export function needsConfirmation(e: WorkEstimate): boolean {
  return e.seconds > GUARD_LIMITS.seconds || e.bytes > GUARD_LIMITS.bytes;
}

function count(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} billion`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} million`;
  return n.toLocaleString('en-US');
}

function size(b: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  while (b >= 1000 && i < units.length - 1) {
    b /= 1000;
    i++;
  }
  return `${b >= 100 || i === 0 ? Math.round(b) : b.toFixed(1)} ${units[i]}`;
}

function duration(s: number): string {
  if (s < 90) return `${Math.max(1, Math.round(s))} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${(s / 3600).toFixed(1)} hours`;
  if (s < 3 * 365 * 86_400) return `${Math.round(s / 86_400)} days`;
  return `${(s / (365 * 86_400)).toFixed(0)} years`;
}

/** `about 96,000 records, 141 MB, 6 s on one core` */
export function formatEstimate(e: WorkEstimate): string {
  return `about ${count(e.records)} records, ${size(e.bytes)} on disk, ${duration(e.seconds)} on one core`;
}

export interface GuardOptions {
  /** `--yes` was given. */
  yes?: boolean;
  /** Whether stdin is a terminal someone can answer on. @defaultValue process.stdin.isTTY */
  interactive?: boolean;
  /** Asks a y/N question (injected by tests). @defaultValue a readline prompt on stdin/stderr */
  ask?: (question: string) => Promise<string>;
  /** How to make the work smaller, for the refusal message. */
  shrink?: string;
}

async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/**
 * Prints the estimate (stderr) and decides whether to start: returns undefined to go on, or
 * the exit code to stop with (2: refused or declined; nothing was written).
 */
export async function guardLargeWork(command: string, e: WorkEstimate, io: CommandIO, opts: GuardOptions = {}): Promise<number | undefined> {
  io.err(`trailsim ${command}: estimate: ${formatEstimate(e)}.`);
  if (!needsConfirmation(e) || opts.yes) return undefined;
  const why = `this is above the ${size(GUARD_LIMITS.bytes)} / ${duration(GUARD_LIMITS.seconds)} threshold`;
  const interactive = opts.interactive ?? process.stdin.isTTY === true;
  if (!interactive) {
    io.err(`trailsim ${command}: not started: ${why}. Add --yes to start it anyway${opts.shrink ? `, or ${opts.shrink}` : ''}.`);
    return 2;
  }
  const answer = (await (opts.ask ?? prompt)(`${why}. Start anyway? [y/N] `)).trim().toLowerCase();
  if (answer === 'y' || answer === 'yes') return undefined;
  io.err(`trailsim ${command}: not started.`);
  return 2;
}
