/**
 * Delivery of one trail's records on the virtual clock.
 *
 * **Log files.** Records a trail takes are buffered per account and Region (a *stream*)
 * and written as one gzipped `{"Records":[...]}` file per stream at the stream's next
 * delivery tick. Ticks are every `interval` (5 minutes: "CloudTrail publishes log files
 * multiple times an hour, about every 5 minutes", cloudtrail-reference.md §5) at a phase
 * drawn per stream, so accounts and Regions do not all deliver on the same second; an
 * idle stream writes nothing (CloudTrail delivers no empty log files). The file name
 * carries the delivery time and a 16-character unique string from the stream's seeded
 * stream. A file is at most 50 MB compressed (WhatIsCloudTrail-Limits); bigger batches
 * are split.
 *
 * **Digests.** While the trail logs with log file validation on, each stream keeps a
 * digest chain: every `digestInterval` (1 hour) a digest lists the log files delivered
 * since the previous one, signed, chained to it. Logging or validation starting begins a
 * new chain (a "starting digest" with null previous fields); stopping them, deleting the
 * trail or dropping the stream's Region ends it with a final digest after the remaining
 * log files are delivered ("If logging is stopped or the trail is deleted, CloudTrail will
 * deliver a final digest file", digest file structure page). A multi-Region or
 * organization trail delivers digests for every account and Region it covers, empty ones
 * included ("CloudTrail will deliver a digest file even when there has been no API
 * activity"); trailsim's "every Region" is the accounts' configured Regions plus the home
 * Region and, with global service events, us-east-1, and any Region a record arrives from.
 *
 * **CloudWatch Logs and Insights.** With a log group configured, the same records go to
 * it at the same tick (one log event each, events over 256 KB dropped). Insights events go
 * to `CloudTrail-Insight/` files at the tick; they are not listed in digests.
 */
import type { TimerHandle, VirtualClock } from '../../core/clock.js';
import type { Random } from '../../core/random.js';
import type { CloudTrailRecord } from '../../record/types.js';
import type { S3Store } from '../../s3/object-store.js';
import { CLOUDWATCH_LOGS_MAX_EVENT_BYTES, cloudTrailLogStreamName, type CloudWatchLogsStore, type LogEvent } from './cloudwatch-logs.js';
import { buildDigest, HASH_ALGORITHM, sha256Hex, type DigestLogFile, type PreviousDigest } from './digest.js';
import { gzipDeterministic, gzipOnRead, gzipOverheadBound } from './gzip.js';
import { lateDelay, withAddendum, type ResolvedImperfections } from './imperfections.js';
import { digestFileKey, insightFileKey, logFileKey, type KeyScope } from './object-keys.js';
import { DIGEST_SIGNATURE_ALGORITHM, type DigestSigner } from './signing.js';
import type { Trail } from './trail.js';

/**
 * `{"Records":[a,b,...]}` as UTF-8, encoded straight into a scratch buffer: no joined string
 * to build, flatten and encode again (the file's JSON is the bulk of delivery's memory
 * traffic), and no fresh allocation whose pages the system must map in for each file. The
 * view is only valid until the next call: a file gzipped and hashed at once needs no copy;
 * one kept for later (gzip on first read) is copied to a buffer of its exact size, as a view
 * into a worst-case (3 bytes a character) allocation would keep three times as much.
 */
function recordsFileView(texts: readonly string[]): Buffer {
  let max = 14;
  for (const t of texts) max += t.length * 3 + 1;
  if (max <= SLAB_FILE_MAX_BYTES) return writeRecords(texts, slabFor(max), slabUsed);
  let buf = scratch;
  if (max > buf.length) {
    if (max <= SCRATCH_MAX_BYTES) buf = scratch = Buffer.allocUnsafeSlow(Math.max(max, 2 * scratch.length));
    else {
      let exact = 14;
      for (const t of texts) exact += Buffer.byteLength(t, 'utf8') + 1;
      buf = Buffer.allocUnsafeSlow(exact);
    }
  }
  return writeRecords(texts, buf, 0);
}

function writeRecords(texts: readonly string[], buf: Buffer, at: number): Buffer {
  let n = at + buf.write('{"Records":[', at, 'latin1');
  for (let i = 0; i < texts.length; i++) {
    if (i > 0) buf[n++] = 0x2c;
    n += buf.write(texts[i], n, 'utf8');
  }
  buf[n++] = 0x5d;
  buf[n++] = 0x7d;
  return buf.subarray(at, n);
}

/**
 * Small files (most of them when traffic is sparse: one or two records every five minutes)
 * are written into 1 MiB slabs. A file whose gzip is deferred keeps its place (`keepInSlab`):
 * its bytes stay where they were written, with no allocation or copy of their own; any other
 * file's place is reused by the next. A slab lives while a file in it is unread.
 */
const SLAB_BYTES = 1024 * 1024;
const SLAB_FILE_MAX_BYTES = 64 * 1024;
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let slabUsed = 0;

function slabFor(max: number): Buffer {
  if (slabUsed + max > slab.length) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabUsed = 0;
  }
  return slab;
}

/** `view`'s own bytes: kept in place when it is the slab's newest file, else copied. */
function keepBytes(view: Buffer): Buffer {
  if (view.buffer === slab.buffer && view.byteOffset === slab.byteOffset + slabUsed) {
    slabUsed += view.length;
    return view;
  }
  return Buffer.from(view);
}

let scratch = Buffer.allocUnsafeSlow(256 * 1024);
/** The scratch buffer grows to this at most; a bigger file gets a buffer of its own. */
const SCRATCH_MAX_BYTES = 64 * 1024 * 1024;

/** Log files up to this many uncompressed bytes are gzipped on first read rather than at delivery. */
const DEFER_GZIP_MAX_BYTES = 64 * 1024;

/** A delivered file is at most this many bytes after compression. */
export const MAX_LOG_FILE_COMPRESSED_BYTES = 50 * 1024 * 1024;

const UNIQUE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Tuning of delivery. */
export interface DeliveryTiming {
  /** Log file delivery period, ms. */
  interval: number;
  /** Digest period, ms. */
  digestInterval: number;
  /** Split a batch into files of at most this many records. */
  maxRecordsPerFile: number;
  /** Split a batch into files of at most this many uncompressed JSON characters (before the 50 MB compressed cap). */
  maxUncompressedChars: number;
}

/** A file a trail wrote. */
export interface DeliveredFile {
  trailArn: string;
  kind: 'log' | 'insight' | 'digest';
  bucket: string;
  key: string;
  accountId: string;
  region: string;
  /** Delivery time, epoch ms. */
  deliveredAt: number;
  /** Log and Insights files: the records, in file order. */
  records?: readonly CloudTrailRecord[];
}

/** What a trail's delivery needs from the service. */
export interface DeliveryContext {
  readonly clock: VirtualClock;
  readonly store: S3Store;
  readonly logs: CloudWatchLogsStore;
  readonly signer: DigestSigner;
  readonly rng: Random;
  readonly timing: DeliveryTiming;
  readonly imperfections: ResolvedImperfections;
  /** The record as compact JSON (`JSON.stringify`). */
  json(record: CloudTrailRecord): string;
  /** The organization id for organization trails' keys. */
  organizationId(): string | undefined;
  /** Account-Region pairs a trail delivers digests for. */
  expectedStreams(trail: Trail): [accountId: string, region: string][];
  /** Called for every file written. */
  emit(file: DeliveredFile): void;
}

interface Pending {
  record: CloudTrailRecord;
  /** Earliest delivery time. */
  due: number;
}

/** A digest chain's activity: when it began and how far digests cover it. */
export interface ChainWindow {
  start: number;
  /** End time of the last digest delivered in this window. */
  digestedUntil?: number;
  closed: boolean;
}

/** One account-Region stream of a trail. */
export class TrailStream {
  /** Records due at the next tick, in arrival order. */
  readonly pending: CloudTrailRecord[] = [];
  /** Their JSON, taken when they arrive: the host's text, made once per record, is shared then. */
  readonly pendingTexts: string[] = [];
  /** Records due later (late deliveries, duplicates). */
  readonly later: Pending[] = [];
  readonly insights: CloudTrailRecord[] = [];
  timer?: TimerHandle;
  /** Open digest chain. */
  chain?: { start: number; logFiles: DigestLogFile[]; window: ChainWindow };
  previous?: PreviousDigest;
  readonly windows: ChainWindow[] = [];
  readonly phase: number;
  readonly uniqueRng: Random;
  readonly impRng: Random;

  constructor(readonly accountId: string, readonly region: string, rng: Random, interval: number) {
    this.phase = rng.fork('phase').int(Math.max(1, Math.floor(interval / 1000))) * 1000;
    this.uniqueRng = rng.fork('unique');
    this.impRng = rng.fork('imperfections');
  }

  get id(): string {
    return `${this.accountId}|${this.region}`;
  }
}

/** Delivery state and logic of one trail. */
export class TrailDelivery {
  readonly streams = new Map<string, TrailStream>();
  private stopDigestTimer?: () => void;
  private readonly rng: Random;

  constructor(readonly trail: Trail, private readonly ctx: DeliveryContext) {
    this.rng = ctx.rng.fork('trail', trail.arn);
  }

  /** Whether digest chains are being kept. */
  get digesting(): boolean {
    return this.stopDigestTimer !== undefined;
  }

  stream(accountId: string, region: string): TrailStream {
    const id = `${accountId}|${region}`;
    let s = this.streams.get(id);
    if (!s) {
      s = new TrailStream(accountId, region, this.rng.fork('stream', accountId, region), this.ctx.timing.interval);
      this.streams.set(id, s);
      if (this.digesting) this.openChain(s, this.ctx.clock.now());
    }
    return s;
  }

  /** Buffers a record the trail takes. */
  accept(record: CloudTrailRecord, accountId: string, now: number): void {
    const s = this.stream(accountId, record.awsRegion);
    const imp = this.ctx.imperfections;
    if (!imp.late && !imp.duplicates) {
      s.pending.push(record);
      s.pendingTexts.push(this.ctx.json(record));
      if (!s.timer) this.ensureTimer(s, now);
      return;
    }
    let due = now;
    let rec = record;
    if (imp.late && imp.late.probability > 0 && s.impRng.next() < imp.late.probability) {
      due = now + lateDelay(imp.late, s.impRng);
      rec = withAddendum(record, { reason: imp.late.reason });
    }
    if (due === now) {
      s.pending.push(rec);
      s.pendingTexts.push(this.ctx.json(rec));
    } else s.later.push({ record: rec, due });
    if (imp.duplicates && imp.duplicates.probability > 0 && s.impRng.next() < imp.duplicates.probability) {
      s.later.push({ record: rec, due: due + this.ctx.timing.interval * (1 + s.impRng.int(3)) });
    }
    this.ensureTimer(s, due);
  }

  /** Buffers an Insights record for a `CloudTrail-Insight/` file. */
  acceptInsight(record: CloudTrailRecord, accountId: string, now: number): void {
    const s = this.stream(accountId, record.awsRegion);
    s.insights.push(record);
    this.ensureTimer(s, now);
  }

  /** First tick of stream `s` at or after `t`. */
  private tickAtOrAfter(s: TrailStream, t: number): number {
    const iv = this.ctx.timing.interval;
    const k = Math.ceil((t - s.phase) / iv);
    return s.phase + k * iv;
  }

  private ensureTimer(s: TrailStream, due: number): void {
    const now = this.ctx.clock.now();
    let at = this.tickAtOrAfter(s, Math.max(due, now + 1));
    if (s.timer) {
      if (s.timer.at <= at) return;
      this.ctx.clock.cancel(s.timer);
    }
    if (at <= now) at = this.tickAtOrAfter(s, now + 1);
    s.timer = this.ctx.clock.schedule(at, (t) => {
      s.timer = undefined;
      this.flush(s, t, false);
    });
  }

  /** Delivers what is due on `s` at `t` (everything when `all`). */
  flush(s: TrailStream, t: number, all: boolean): void {
    const due = s.pending.splice(0, s.pending.length);
    const texts = s.pendingTexts.splice(0, s.pendingTexts.length);
    if (s.later.length > 0) {
      let w = 0;
      for (const p of s.later) {
        if (all || p.due <= t) {
          due.push(p.record);
          texts.push(this.ctx.json(p.record));
        } else s.later[w++] = p;
      }
      s.later.length = w;
    }
    if (due.length > 0) this.deliverLogs(s, due, texts, t);
    if (s.insights.length > 0) this.writeFile(s, s.insights.splice(0, s.insights.length), t, 'insight');
    if (s.later.length > 0 && !all) {
      let min = Infinity;
      for (const p of s.later) if (p.due < min) min = p.due;
      this.ensureTimer(s, min);
    }
  }

  /** Delivers everything buffered, now (StopLogging, DeleteTrail, Region dropped). */
  flushAll(now: number, filter?: (s: TrailStream) => boolean): void {
    for (const s of this.sortedStreams()) {
      if (filter && !filter(s)) continue;
      if (s.timer) {
        this.ctx.clock.cancel(s.timer);
        s.timer = undefined;
      }
      this.flush(s, now, true);
    }
  }

  private deliverLogs(s: TrailStream, records: CloudTrailRecord[], recordTexts: string[], t: number): void {
    let recs = records;
    let all = recordTexts;
    if (this.ctx.imperfections.outOfOrder) {
      // Shuffling positions draws what shuffling the records would, and keeps each text with its record.
      const order = s.impRng.shuffle(records.map((_, i) => i));
      recs = order.map((i) => records[i]);
      all = order.map((i) => recordTexts[i]);
    }
    const { maxRecordsPerFile, maxUncompressedChars } = this.ctx.timing;
    let chars = 0;
    for (const j of all) chars += j.length + 1;
    if (recs.length <= maxRecordsPerFile && chars <= maxUncompressedChars) {
      this.writeFile(s, recs, t, 'log', all);
      return;
    }
    let chunk: CloudTrailRecord[] = [];
    let texts: string[] = [];
    chars = 0;
    for (let i = 0; i < recs.length; i++) {
      const j = all[i];
      const n = j.length + 1;
      if (chunk.length > 0 && (chunk.length >= maxRecordsPerFile || chars + n > maxUncompressedChars)) {
        this.writeFile(s, chunk, t, 'log', texts);
        chunk = [];
        texts = [];
        chars = 0;
      }
      chunk.push(recs[i]);
      texts.push(j);
      chars += n;
    }
    if (chunk.length > 0) this.writeFile(s, chunk, t, 'log', texts);
  }

  private keyScope(s: TrailStream): KeyScope {
    const scope: KeyScope = { accountId: s.accountId, region: s.region };
    if (this.trail.config.prefix) scope.prefix = this.trail.config.prefix;
    const org = this.trail.config.isOrganizationTrail ? this.ctx.organizationId() : undefined;
    if (org) scope.organizationId = org;
    return scope;
  }

  /** Checks that CloudTrail can write to the trail's bucket; records the error otherwise. */
  private writableBucket(kind: 'log' | 'digest'): string | undefined {
    const bucket = this.trail.config.bucket;
    const info = this.ctx.store.bucket(bucket);
    const error = !info ? 'NoSuchBucket' : !info.allowsCloudTrail ? 'AccessDenied' : undefined;
    const st = this.trail.status;
    if (kind === 'log') {
      st.latestDeliveryAttemptTime = this.ctx.clock.now();
      if (error) st.latestDeliveryError = error;
      else delete st.latestDeliveryError;
    } else if (error) st.latestDigestDeliveryError = error;
    else delete st.latestDigestDeliveryError;
    return error ? undefined : bucket;
  }

  private writeFile(s: TrailStream, records: CloudTrailRecord[], t: number, kind: 'log' | 'insight', texts = records.map((r) => this.ctx.json(r))): void {
    // Valid until the next writeFile: used at once, or copied (`deferred`).
    const view = recordsFileView(texts);
    // A small file is gzipped by the store on first read (digests hash the uncompressed
    // bytes), so small files nobody reads are never compressed: sparse traffic makes many,
    // and zlib's per-call cost dominates them. A large file is compressed now: keeping its
    // uncompressed bytes costs ~10x the memory, and a file whose gzip could pass the size
    // cap must be compressed to know whether to split it.
    const now = view.length > DEFER_GZIP_MAX_BYTES || view.length > MAX_LOG_FILE_COMPRESSED_BYTES - gzipOverheadBound(view.length);
    const body = now ? gzipDeterministic(view) : undefined;
    if (body !== undefined && body.length > MAX_LOG_FILE_COMPRESSED_BYTES && records.length > 1) {
      const half = records.length >> 1;
      this.writeFile(s, records.slice(0, half), t, kind, texts.slice(0, half));
      this.writeFile(s, records.slice(half), t, kind, texts.slice(half));
      return;
    }
    // Hashed while the view is valid; a deferred file keeps a copy of its own.
    const hash = kind === 'log' && s.chain ? sha256Hex(view) : undefined;
    // gzipOnRead says what it gzips, so an exporter can compress it on a worker thread.
    const deferred = body === undefined ? gzipOnRead(keepBytes(view)) : undefined;
    const unique = s.uniqueRng.chars(16, UNIQUE_ALPHABET);
    const bucket = this.writableBucket('log');
    if (bucket === undefined) return;
    const scope = this.keyScope(s);
    const key = kind === 'log' ? logFileKey(scope, t, unique) : insightFileKey(scope, t, unique);
    const c = this.trail.config;
    this.ctx.store.putObject(bucket, key, {
      body: body ?? deferred!,
      lastModified: t,
      ...(c.kmsKeyId !== undefined ? { serverSideEncryption: 'aws:kms' as const, sseKmsKeyId: c.kmsKeyId } : {}),
    });
    this.trail.status.latestDeliveryTime = t;
    if (kind === 'log') {
      if (s.chain && hash !== undefined) {
        let newest = records[0].eventTime;
        let oldest = newest;
        for (const r of records) {
          if (r.eventTime > newest) newest = r.eventTime;
          if (r.eventTime < oldest) oldest = r.eventTime;
        }
        s.chain.logFiles.push({ s3Bucket: bucket, s3Object: key, hashValue: hash, hashAlgorithm: HASH_ALGORITHM, newestEventTime: newest, oldestEventTime: oldest });
      }
      this.sendToCloudWatchLogs(s, records, texts, t);
    }
    this.ctx.emit({ trailArn: this.trail.arn, kind, bucket, key, accountId: s.accountId, region: s.region, deliveredAt: t, records });
  }

  private sendToCloudWatchLogs(s: TrailStream, records: readonly CloudTrailRecord[], texts: readonly string[], t: number): void {
    const group = this.trail.config.cloudWatchLogsLogGroupArn;
    if (!group) return;
    const st = this.trail.status;
    if (!this.ctx.logs.hasLogGroup(group)) {
      st.latestCloudWatchLogsDeliveryError = 'ResourceNotFoundException';
      return;
    }
    const events: LogEvent[] = [];
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const message = texts[i];
      if (Buffer.byteLength(message, 'utf8') > CLOUDWATCH_LOGS_MAX_EVENT_BYTES) continue;
      events.push({ timestamp: Date.parse(r.eventTime), message, ingestionTime: t });
    }
    events.sort((a, b) => a.timestamp - b.timestamp);
    const org = this.trail.config.isOrganizationTrail ? this.ctx.organizationId() : undefined;
    this.ctx.logs.putLogEvents(group, cloudTrailLogStreamName(s.accountId, s.region, org), events);
    st.latestCloudWatchLogsDeliveryTime = t;
    delete st.latestCloudWatchLogsDeliveryError;
  }

  // ------------------------------------------------------------------ digests

  private openChain(s: TrailStream, now: number): void {
    const start = Math.floor(now / 1000) * 1000;
    const window: ChainWindow = { start, closed: false };
    s.windows.push(window);
    s.previous = undefined;
    s.chain = { start, logFiles: [], window };
  }

  /** Starts digest chains on every expected stream (logging with validation began). */
  startDigests(now: number): void {
    if (this.digesting) return;
    const start = Math.floor(now / 1000) * 1000;
    this.stopDigestTimer = () => undefined;
    this.ensureChains(now);
    const step = this.ctx.timing.digestInterval;
    this.stopDigestTimer = this.ctx.clock.every(step, (t) => this.digestTick(t), start + step);
  }

  /** While digesting, opens a chain on every expected stream that has none (scope widened, account joined). */
  ensureChains(now: number): void {
    if (!this.digesting) return;
    const expected = new Set<string>();
    for (const [a, r] of this.ctx.expectedStreams(this.trail)) expected.add(this.stream(a, r).id);
    for (const s of this.sortedStreams()) if (!s.chain && expected.has(s.id)) this.openChain(s, now);
  }

  private digestTick(t: number): void {
    this.ensureChains(t);
    for (const s of this.sortedStreams()) if (s.chain) this.emitDigest(s, t);
  }

  /** Ends every chain with a final digest (logging or validation stopped, trail deleted). */
  stopDigests(now: number, filter?: (s: TrailStream) => boolean): void {
    if (!filter) {
      this.stopDigestTimer?.();
      this.stopDigestTimer = undefined;
    }
    for (const s of this.sortedStreams()) {
      if (!s.chain || (filter && !filter(s))) continue;
      this.emitDigest(s, now);
      if (s.chain) s.chain.window.closed = true;
      s.chain = undefined;
    }
  }

  private emitDigest(s: TrailStream, t: number): void {
    const chain = s.chain!;
    let end = Math.floor(t / 1000) * 1000;
    if (end <= chain.start) {
      // A zero-length period: nothing to say unless files arrived in this very second.
      if (chain.logFiles.length === 0) return;
      end = chain.start + 1000;
    }
    const bucket = this.writableBucket('digest');
    if (bucket === undefined) return;
    const key = digestFileKey(this.keyScope(s), this.trail.name, this.trail.homeRegion, end);
    const built = buildDigest({ accountId: s.accountId, start: chain.start, end, bucket, key, logFiles: chain.logFiles, previous: s.previous, signer: this.ctx.signer });
    this.ctx.store.putObject(bucket, key, {
      body: gzipOnRead(built.json),
      lastModified: Math.max(t, end),
      metadata: { signature: built.signature, 'signature-algorithm': DIGEST_SIGNATURE_ALGORITHM },
      ...(this.trail.config.kmsKeyId !== undefined ? { serverSideEncryption: 'aws:kms' as const, sseKmsKeyId: this.trail.config.kmsKeyId } : {}),
    });
    s.previous = { bucket, key, hash: built.hash, signature: built.signature };
    chain.start = end;
    chain.logFiles = [];
    chain.window.digestedUntil = end;
    this.trail.status.latestDigestDeliveryTime = end;
    this.ctx.emit({ trailArn: this.trail.arn, kind: 'digest', bucket, key, accountId: s.accountId, region: s.region, deliveredAt: end });
  }

  /** Cancels every timer (trail deleted). */
  dispose(): void {
    this.stopDigestTimer?.();
    this.stopDigestTimer = undefined;
    for (const s of this.streams.values()) {
      if (s.timer) this.ctx.clock.cancel(s.timer);
      s.timer = undefined;
    }
  }

  sortedStreams(): TrailStream[] {
    return [...this.streams.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
