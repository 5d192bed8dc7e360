/**
 * CloudTrail Lake benchmark: 1,000,000 events (100,000 with `quick`) spread over 2025 in one
 * event data store; a grouped count over 30 days through Lake SQL (StartQuery and
 * GetQueryResults, DuckDB loaded and the columns warm) against one plain JS pass over the
 * same in-memory records as the store keeps them (its compact log: times, dictionary codes);
 * plus the time to load the store into DuckDB, per million events.
 *
 * `events` overrides the count (the test suite runs a small one to keep the benchmark working).
 *
 * Figures (ms unless named otherwise): lake_ingest_per_million (records into the store; wall
 * clock, and lake_ingest_cpu_per_million in process CPU time, which a busy machine distorts less),
 * lake_load_per_million (the columns the query reads), lake_full_load_per_million (every
 * column; eventjson is computed when read, not loaded), lake_sql_ms and lake_js_ms (median of warm runs; lake_sql_first_ms is the first run, which
 * also parses and plans the statement), and
 * lake_sql_vs_js (SQL time / JS time; at most 1 is the target).
 */
import { createSimulation } from '../src/simulation.js';
import { Lake, type LakeHost } from '../src/cloudtrail/lake/lake.js';
import { RecordCodec } from '../src/cloudtrail/lake/record-codec.js';
import { Random } from '../src/core/random.js';
import { formatEventTime } from '../src/core/time.js';
import type { CloudTrailRecord, UserIdentity } from '../src/record/types.js';

const ACCOUNT = '111122223333';
const YEAR_START = Date.parse('2025-01-01T00:00:00Z');
const YEAR_MS = 365 * 86_400_000;
const SOURCES = ['s3', 'iam', 'ec2', 'sts', 'kms', 'lambda', 'dynamodb', 'cloudtrail', 'signin', 'rds'].map((s) => `${s}.amazonaws.com`);
const VERBS = ['Get', 'List', 'Describe', 'Put', 'Create', 'Delete', 'Update'];
const NOUNS = ['Bucket', 'User', 'Instances', 'Key', 'Function'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'sa-east-1'];

export function identities(rng: Random): UserIdentity[] {
  const out: UserIdentity[] = [];
  for (let i = 0; i < 500; i++) {
    out.push(
      Object.freeze(
        i % 3 === 0
          ? { type: 'IAMUser', principalId: `AIDA${rng.chars(17)}`, arn: `arn:aws:iam::${ACCOUNT}:user/user${i}`, accountId: ACCOUNT, accessKeyId: `AKIA${rng.chars(16)}`, userName: `user${i}` }
          : {
              type: 'AssumedRole', principalId: `AROA${rng.chars(17)}:session${i}`, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/role${i}/session${i}`, accountId: ACCOUNT, accessKeyId: `ASIA${rng.chars(16)}`,
              sessionContext: { sessionIssuer: { type: 'Role', principalId: `AROA${rng.chars(17)}`, arn: `arn:aws:iam::${ACCOUNT}:role/role${i}`, accountId: ACCOUNT, userName: `role${i}` }, webIdFederationData: {}, attributes: { creationDate: '2025-01-01T00:00:00Z', mfaAuthenticated: 'false' } },
            },
      ) as UserIdentity,
    );
  }
  return out;
}

/** The i-th of n events: seeded, in time order, shaped like CloudTrail management events. */
export function makeEvent(rng: Random, ids: UserIdentity[], i: number, n: number): CloudTrailRecord {
  const source = SOURCES[rng.int(SOURCES.length)];
  const name = VERBS[rng.int(VERBS.length)] + NOUNS[rng.int(NOUNS.length)];
  const who = ids[Math.floor(rng.next() ** 2 * ids.length)];
  const failed = rng.next();
  const service = source.split('.')[0];
  return {
    eventVersion: '1.11',
    userIdentity: who,
    eventTime: formatEventTime(YEAR_START + Math.floor((i * YEAR_MS) / n)),
    eventSource: source,
    eventName: name,
    awsRegion: REGIONS[rng.int(REGIONS.length)],
    sourceIPAddress: `10.0.${rng.int(256)}.${rng.int(256)}`,
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/5.10 exe/x86_64',
    ...(failed < 0.05 ? { errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform this operation' } : {}),
    requestParameters: service === 's3' ? { bucketName: `bucket-${rng.int(1000)}`, Host: 's3.amazonaws.com' } : service === 'iam' ? { userName: `user${rng.int(100)}` } : null,
    responseElements: null,
    requestID: rng.uuid(),
    eventID: rng.uuid(),
    readOnly: name.startsWith('Get') || name.startsWith('List') || name.startsWith('Describe'),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: source },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchLake(opts: { quick?: boolean; log: (line: string) => void; events?: number }): Promise<Record<string, number>> {
  const n = opts.events ?? (opts.quick ? 100_000 : 1_000_000);
  const perMillion = (ms: number) => (ms * 1_000_000) / n;
  const sim = createSimulation({ seed: 42, start: '2026-01-01T00:00:00Z', keepRecords: false });
  const admin = sim.addAccount({ name: 'bench', id: ACCOUNT }).iamUser('admin');
  // The Lake sees records through this listener; calling it directly times the store's own
  // ingestion (not record generation, nor the simulation's event history).
  let feed: (r: CloudTrailRecord) => void = () => undefined;
  const host: LakeHost = {
    seed: sim.seed,
    clock: sim.clock,
    world: sim.world,
    onRecord: (l) => ((feed = l), () => undefined),
    call: (p, op, params, o) => sim.call(p, op, params, o),
    operation: (name) => sim.operation(name),
  };
  const lake = new Lake(host, { recordApiCalls: false });
  const { EventDataStoreArn: arn } = lake.createEventDataStore(admin, { Name: 'bench', RetentionPeriod: 3653 });
  const id = arn.split('/')[1];

  const rng = new Random(42, ['bench', 'lake']);
  const ids = identities(rng.fork('identities'));
  const events = rng.fork('events');
  let ingestMs = 0;
  let ingestCpuMs = 0;
  const batch: CloudTrailRecord[] = [];
  for (let i = 0; i < n; i += batch.length) {
    batch.length = 0;
    for (let j = i; j < Math.min(n, i + 10_000); j++) batch.push(makeEvent(events, ids, j, n));
    const s = performance.now();
    const cpu = process.cpuUsage();
    for (const r of batch) feed(r);
    const used = process.cpuUsage(cpu);
    ingestCpuMs += (used.user + used.system) / 1000;
    ingestMs += performance.now() - s;
  }
  opts.log(`ingested ${n.toLocaleString('en-US')} events into the store: ${ingestMs.toFixed(0)} ms wall, ${ingestCpuMs.toFixed(0)} ms CPU (${perMillion(ingestMs).toFixed(0)} ms per million; the store holds what is ${(lake.eventLog(arn).totalBytes / 1e6).toFixed(0)} MB as JSON)`);

  const from = '2025-06-01 00:00:00';
  const to = '2025-07-01 00:00:00';
  const sql = `SELECT eventSource, eventName, count(*) AS n FROM ${id} WHERE eventTime >= '${from}' AND eventTime < '${to}' GROUP BY eventSource, eventName`;

  // Load: DuckDB itself first (not part of the load), then the query's columns.
  const t = performance.now();
  await lake.preload(arn, ['eventtime']);
  const startupMs = performance.now() - t;
  const log = lake.eventLog(arn);
  const reload = async (cols: string[] | '*') => {
    // Asking for columns not loaded yet rebuilds the store's table with them: a full load.
    const s = performance.now();
    await lake.preload(arn, cols);
    return performance.now() - s;
  };
  const loadMs = await reload(['eventtime', 'eventsource', 'eventname']);
  opts.log(`DuckDB start ${startupMs.toFixed(0)} ms; loaded the query's columns (eventtime, eventsource, eventname): ${loadMs.toFixed(0)} ms (${perMillion(loadMs).toFixed(0)} ms per million)`);

  // The SQL path, warm.
  const sqlTimes: number[] = [];
  let sqlRows: Record<string, string>[] = [];
  for (let k = 0; k < 7; k++) {
    const s = performance.now();
    const res = await lake.query(admin, sql);
    sqlTimes.push(performance.now() - s);
    sqlRows = res.rows;
  }

  // One plain JS pass over the store's own records (its compact log).
  const lo = Date.parse('2025-06-01T00:00:00Z');
  const hi = Date.parse('2025-07-01T00:00:00Z');
  const srcDict = log.codec.dicts[RecordCodec.dictIndex('eventSource')];
  const nameDict = log.codec.dicts[RecordCodec.dictIndex('eventName')];
  const srcCol = RecordCodec.dictIndex('eventSource');
  const nameCol = RecordCodec.dictIndex('eventName');
  const jsTimes: number[] = [];
  let counts = new Map<string, number>();
  for (let k = 0; k < 7; k++) {
    const s = performance.now();
    counts = new Map();
    log.forEachRange((c, b, e) => {
      const times = c.times;
      const src = c.codes[srcCol];
      const name = c.codes[nameCol];
      for (let i = b; i < e; i++) {
        const tt = times[i];
        if (tt >= lo && tt < hi) {
          const key = `${srcDict.value(src[i])}|${nameDict.value(name[i])}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    });
    jsTimes.push(performance.now() - s);
  }
  const same = sqlRows.length === counts.size && sqlRows.every((r) => counts.get(`${r.eventSource}|${r.eventName}`) === Number(r.n));
  if (!same) throw new Error('Lake SQL and the JS pass disagree');
  const sqlMs = median(sqlTimes);
  const jsMs = median(jsTimes);
  const matched = [...counts.values()].reduce((a, b) => a + b, 0);
  opts.log(`30-day grouped count (${matched.toLocaleString('en-US')} events, ${counts.size} groups): Lake SQL ${sqlMs.toFixed(1)} ms (first run, with parsing and planning: ${sqlTimes[0].toFixed(1)} ms), JS pass ${jsMs.toFixed(1)} ms, ratio SQL/JS ${(sqlMs / jsMs).toFixed(2)} (target ≤ 1)`);

  const fullMs = await reload('*');
  opts.log(`loaded every column (eventjson is built when read): ${fullMs.toFixed(0)} ms (${perMillion(fullMs).toFixed(0)} ms per million)`);
  await lake.close();
  return {
    lake_events: n,
    lake_ingest_per_million: perMillion(ingestMs),
    lake_ingest_cpu_per_million: perMillion(ingestCpuMs),
    lake_duckdb_start_ms: startupMs,
    lake_load_per_million: perMillion(loadMs),
    lake_full_load_per_million: perMillion(fullMs),
    lake_sql_ms: sqlMs,
    lake_sql_first_ms: sqlTimes[0],
    lake_js_ms: jsMs,
    lake_sql_vs_js: sqlMs / jsMs,
  };
}
