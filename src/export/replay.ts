/**
 * Replays real CloudTrail records (or trailsim's own output) into a simulation, so
 * detections, trails and buses can be tested against an organisation's own data.
 *
 * Sources: a JSONL file (one record per line, as `trailsim generate` writes), a CloudTrail
 * file (`{"Records":[...]}`, gzipped or not), a JSON array, a directory (every such file
 * under it, e.g. an exported `DIR/<bucket>/...` tree or an `aws s3 sync` of a trail
 * bucket; digest and sidecar files are skipped), an `S3Store`, or records in memory.
 *
 * Records are ingested in eventTime order (stable for ties). With `advanceClock` (the
 * default) the simulation's clock is moved to each record's eventTime first, so
 * scheduled activity (trail delivery, traffic) runs in between as it would have; a record
 * older than the clock is ingested at the current time (the clock never goes back).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { VirtualClock } from '../core/clock.js';
import { InvalidAccountIdError, TrailsimInputError } from '../core/errors.js';
import type { CloudTrailRecord } from '../record/types.js';
import { S3Store } from '../s3/object-store.js';
import { gunzip, isGzip } from '../cloudtrail/trails/gzip.js';
import { parseCloudTrailKey } from '../cloudtrail/trails/object-keys.js';
import { cloudTrailFiles } from './s3-layout-reader.js';
import { METADATA_SIDECAR_SUFFIX } from './s3-layout.js';

/** What replay needs from a simulation (`Simulation` satisfies it). */
export interface ReplayHost {
  readonly clock: VirtualClock;
  ingest(record: CloudTrailRecord): void;
  /**
   * When the host has these, every account the replayed records were delivered to
   * (`recipientAccountId`) that it does not know yet is added, with the Regions its
   * records name, so `lookupEvents({ accountId })` answers for it.
   */
  account?(id: string): unknown;
  addAccount?(opts: { id: string; regions?: string[] }, populate?: { buckets?: number; objectsPerBucket?: number; instances?: number; functions?: number; tables?: number }): unknown;
}

export type ReplaySource = string | S3Store | Iterable<CloudTrailRecord>;

export interface ReplayOptions {
  /** Move the clock to each record's eventTime before ingesting it. @defaultValue true */
  advanceClock?: boolean;
  /** Drop records whose eventID was already replayed (duplicate deliveries). @defaultValue false */
  dedupe?: boolean;
  /** Keep only records this accepts. */
  filter?: (record: CloudTrailRecord) => boolean;
}

export interface ReplaySummary {
  ingested: number;
  duplicates: number;
  filtered: number;
  /** Entries that are not CloudTrail records (no eventTime / eventID / awsRegion). */
  invalid: number;
  firstEventTime?: string;
  lastEventTime?: string;
}

function recordsOfText(text: string, where: string): unknown[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as unknown[];
  if (trimmed.startsWith('{')) {
    // A CloudTrail file, a single record, or JSONL.
    try {
      const doc = JSON.parse(trimmed) as { Records?: unknown };
      if (Array.isArray(doc.Records)) return doc.Records;
      return [doc];
    } catch {
      // JSONL: fall through.
    }
  }
  const out: unknown[] = [];
  let n = 0;
  for (const line of text.split('\n')) {
    n++;
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      throw new TrailsimInputError(`${where}:${n}: not JSON (${(e as Error).message}).`);
    }
  }
  return out;
}

function readFileRecords(path: string): unknown[] {
  const body = readFileSync(path);
  const raw = isGzip(body) ? gunzip(body) : body;
  return recordsOfText(raw.toString('utf8'), path);
}

function* filesUnder(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(p);
    else if (e.isFile()) yield p;
  }
}

/** Reads every record of a source, in source order. */
export function loadRecords(source: ReplaySource): unknown[] {
  if (source instanceof S3Store) {
    const out: unknown[] = [];
    for (const f of cloudTrailFiles(source)) out.push(...f.records);
    return out;
  }
  if (typeof source !== 'string') return [...source];
  const st = statSync(source, { throwIfNoEntry: false });
  if (!st) throw new TrailsimInputError(`No such file or directory: ${source}`);
  if (st.isFile()) return readFileRecords(source);
  const out: unknown[] = [];
  for (const f of filesUnder(source)) {
    const rel = f.slice(source.length).replace(/\\/g, '/');
    if (f.endsWith(METADATA_SIDECAR_SUFFIX)) continue;
    if (!/\.(json|jsonl|json\.gz|jsonl\.gz)$/.test(f)) continue;
    const parsed = parseCloudTrailKey(rel.replace(/^\/?[^/]+\//, ''));
    if (parsed?.kind === 'digest' || rel.includes('/CloudTrail-Digest/')) continue;
    out.push(...readFileRecords(f));
  }
  return out;
}

function isRecord(r: unknown): r is CloudTrailRecord {
  if (r === null || typeof r !== 'object' || Array.isArray(r)) return false;
  const o = r as Record<string, unknown>;
  return typeof o.eventTime === 'string' && Number.isFinite(Date.parse(o.eventTime)) && typeof o.eventID === 'string' && typeof o.awsRegion === 'string';
}

/**
 * Adds the accounts that `records` were delivered to and `sim` does not know, each with the
 * Regions its records name (in first-seen order). A replayed account is a real account whose
 * resources trailsim cannot know, so it gets no starting buckets, objects, instances,
 * functions or tables (only the per-Region starter set `addAccount` always makes).
 */
function addReplayedAccounts(sim: ReplayHost, records: readonly { r: CloudTrailRecord }[]): void {
  if (typeof sim.account !== 'function' || typeof sim.addAccount !== 'function') return;
  const regions = new Map<string, string[]>();
  for (const { r } of records) {
    const id = r.recipientAccountId;
    if (typeof id !== 'string' || !/^\d{12}$/.test(id)) continue;
    let list = regions.get(id);
    if (!list) regions.set(id, (list = []));
    if (typeof r.awsRegion === 'string' && r.awsRegion !== '' && !list.includes(r.awsRegion)) list.push(r.awsRegion);
  }
  for (const [id, list] of regions) {
    try {
      sim.account(id);
      continue;
    } catch (e) {
      if (!(e instanceof InvalidAccountIdError)) throw e;
    }
    const none = { buckets: 0, instances: 0, functions: 0, tables: 0 };
    try {
      sim.addAccount({ id, regions: list.length > 0 ? list : undefined }, none);
    } catch (e) {
      // Real logs can name Regions the simulation does not accept (anonymised samples rewrite
      // them): the account is still known, with its default Region.
      if (!(e instanceof TrailsimInputError) || e instanceof InvalidAccountIdError) throw e;
      sim.addAccount({ id }, none);
    }
  }
}

/**
 * Ingests a source's records into `sim` in eventTime order. Accounts the records were
 * delivered to become known to `sim` (see {@link ReplayHost}).
 */
export function replayRecords(sim: ReplayHost, source: ReplaySource, opts: ReplayOptions = {}): ReplaySummary {
  const summary: ReplaySummary = { ingested: 0, duplicates: 0, filtered: 0, invalid: 0 };
  const all: { r: CloudTrailRecord; t: number; i: number }[] = [];
  let i = 0;
  for (const r of loadRecords(source)) {
    if (!isRecord(r)) {
      summary.invalid++;
      continue;
    }
    all.push({ r, t: Date.parse(r.eventTime), i: i++ });
  }
  all.sort((a, b) => a.t - b.t || a.i - b.i);
  // The user's filter runs once per record.
  const filter = opts.filter;
  const kept = filter ? all.filter((x) => filter(x.r)) : all;
  summary.filtered = all.length - kept.length;
  addReplayedAccounts(sim, kept);
  const seen = new Set<string>();
  const advance = opts.advanceClock ?? true;
  for (const { r, t } of kept) {
    if (opts.dedupe) {
      if (seen.has(r.eventID)) {
        summary.duplicates++;
        continue;
      }
      seen.add(r.eventID);
    }
    if (advance && t > sim.clock.now()) sim.clock.advanceTo(t);
    sim.ingest(r);
    summary.ingested++;
    summary.firstEventTime ??= r.eventTime;
    summary.lastEventTime = r.eventTime;
  }
  return summary;
}
