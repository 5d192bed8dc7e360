/**
 * Generated records written straight into a trail bucket's key layout, as files:
 * `DIR/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 chars>.json.gz`,
 * each a gzipped `{"Records":[...]}` (CloudTrail User Guide, "Finding your CloudTrail log
 * files"; the same names `object-keys.ts` gives delivered files). Athena's `cloudtrail_logs`
 * table, Trino/Spark, DuckDB and `trailsim query --data` read the tree as is, locally or after
 * `aws s3 sync DIR s3://bucket/`.
 *
 * Delivery is modelled as the trail's delivery does it (delivery.ts): one stream per account
 * (the recipient) and Region, ticking every 5 minutes at a phase drawn per stream; a record
 * goes into the file of the first tick after its event time, and the file's name and date
 * folders carry that delivery time (so the last minutes of a day land in the next day's
 * folder, as with real trails). Each *origin shard* (the account, Region and day that made
 * the records) has its own streams: a resource owner's copy of a cross-account call goes to
 * the owner's folder in a file of the caller's shard. Files therefore depend on one
 * shard-day only, so shards written by different processes or machines never collide and
 * together are exactly one run's files. No digest files are written (a digest chain spans
 * every file of an account and Region, which no single shard has).
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Random, type Seed } from '../core/random.js';
import { gzipDeterministic } from '../cloudtrail/trails/gzip.js';
import { logFileKey } from '../cloudtrail/trails/object-keys.js';
import type { ShardKey } from '../activity/traffic.js';

/** CloudTrail's delivery period (about every 5 minutes: cloudtrail-reference.md §5). */
export const TRAIL_LAYOUT_INTERVAL_MS = 5 * 60_000;
/** Split a file above this many uncompressed characters (well under the 50 MB compressed cap). */
const MAX_FILE_CHARS = 64 * 1024 * 1024;
const UNIQUE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

interface Stream {
  accountId: string;
  region: string;
  phase: number;
  unique: Random;
  /** Delivery tick of the open file. */
  tick: number;
  parts: string[];
  chars: number;
}

/** Writes one origin shard's records as trail log files under `dir`. */
export class TrailLayoutShardWriter {
  private readonly streams = new Map<string, Stream>();
  private readonly rng: Random;
  private readonly made = new Set<string>();
  files = 0;
  bytes = 0;

  constructor(private readonly dir: string, seed: Seed, shard: ShardKey) {
    this.rng = new Random(seed).fork('trail-layout', shard.accountId, shard.region, shard.day);
  }

  /** Adds a record (in the shard's time order) by its JSON and the fields its key needs. */
  add(time: number, recipientAccountId: string, region: string, json: string): void {
    const id = `${recipientAccountId}|${region}`;
    let s = this.streams.get(id);
    if (!s) {
      const r = this.rng.fork(recipientAccountId, region);
      s = { accountId: recipientAccountId, region, phase: r.fork('phase').int(TRAIL_LAYOUT_INTERVAL_MS / 1000) * 1000, unique: r.fork('unique'), tick: -1, parts: [], chars: 0 };
      this.streams.set(id, s);
    }
    const tick = s.phase + Math.floor((time - s.phase) / TRAIL_LAYOUT_INTERVAL_MS + 1) * TRAIL_LAYOUT_INTERVAL_MS;
    if (tick !== s.tick || s.chars + json.length > MAX_FILE_CHARS) {
      this.flush(s);
      s.tick = tick;
    }
    s.parts.push(json);
    s.chars += json.length + 1;
  }

  private flush(s: Stream): void {
    if (s.parts.length === 0) return;
    const parts = s.parts;
    parts[0] = `{"Records":[${parts[0]}`;
    parts[parts.length - 1] += ']}';
    const body = gzipDeterministic(parts.join(','));
    s.parts = [];
    s.chars = 0;
    const key = logFileKey({ accountId: s.accountId, region: s.region }, s.tick, s.unique.chars(16, UNIQUE_ALPHABET));
    const path = join(this.dir, ...key.split('/'));
    const d = dirname(path);
    if (!this.made.has(d)) {
      mkdirSync(d, { recursive: true });
      this.made.add(d);
    }
    writeFileSync(path, body);
    const t = new Date(s.tick);
    utimesSync(path, t, t);
    this.files++;
    this.bytes += body.length;
  }

  /** Writes every open file. */
  close(): void {
    for (const s of [...this.streams.values()].sort((a, b) => (a.accountId + a.region < b.accountId + b.region ? -1 : 1))) this.flush(s);
  }
}
