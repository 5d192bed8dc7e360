import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { createSimulation, type Simulation } from '../simulation.js';
import { TrailsimInputError } from '../core/errors.js';
import { toMillis } from '../core/time.js';
import { parseRate } from '../activity/rate.js';
import { daysBetween, type Traffic } from '../activity/traffic.js';
import { assertRegion } from '../world/regions.js';
import { JsonlWriter } from '../export/jsonl.js';
import { RecordSummary } from './summary.js';
import { VERSION } from '../version.js';

/** Options of `trailsim generate` (and of `generateDataset`). */
export interface GenerateOptions {
  /** Number of accounts (`account-1` is the organization's management account). @defaultValue 1 */
  accounts?: number;
  /** Regions with activity. @defaultValue ['us-east-1'] */
  regions?: string[];
  /** Number of UTC days. @defaultValue 1 */
  days?: number;
  /** Calls per hour per account and region. @defaultValue '1000/h' */
  rate?: string | number;
  /** @defaultValue 1 */
  seed?: number | string;
  /** First day (UTC midnight). @defaultValue '2026-01-01' */
  start?: string;
  /** Generate one shard only: `account-id/region/YYYY-MM-DD` (or `account-N/region/day`). */
  shard?: string;
}

/** The world `generate` builds: deterministic from the options. */
export function buildGenerateWorld(o: GenerateOptions): { sim: Simulation; traffic: Traffic; from: number; to: number } {
  const accounts = o.accounts ?? 1;
  const days = o.days ?? 1;
  const regions = o.regions ?? ['us-east-1'];
  if (!Number.isInteger(accounts) || accounts < 1 || accounts > 1000) throw new TrailsimInputError(`--accounts must be a whole number from 1 to 1000; got ${accounts}.`);
  if (!Number.isInteger(days) || days < 1 || days > 3660) throw new TrailsimInputError(`--days must be a whole number from 1 to 3660; got ${days}.`);
  for (const r of regions) assertRegion(r, '--regions:');
  parseRate(o.rate ?? '1000/h');
  const startDay = o.start ?? '2026-01-01';
  const from = toMillis(startDay, '--start');
  if (from % 86_400_000 !== 0) throw new TrailsimInputError(`--start must be a UTC day (YYYY-MM-DD); got ${startDay}.`);
  const sim = createSimulation({ seed: o.seed ?? 1, start: from, keepRecords: false, eventHistory: false });
  const list = [];
  for (let i = 1; i <= accounts; i++) list.push(sim.addAccount({ name: `account-${i}`, regions }));
  sim.createOrganization(list[0]);
  const traffic = sim.addTraffic({ rate: o.rate ?? '1000/h' });
  return { sim, traffic, from, to: from + days * 86_400_000 };
}

/** Writes `out/records.jsonl` (eventTime order) and `out/manifest.json`; returns the summary. */
export async function generateDataset(o: GenerateOptions, out: string, progress?: (done: number, total: number) => void): Promise<RecordSummary> {
  const { sim, traffic, from, to } = buildGenerateWorld(o);
  const writer = new JsonlWriter(join(out, 'records.jsonl'));
  const summary = new RecordSummary();
  if (o.shard) {
    const [acct, region, day] = o.shard.split('/');
    if (!acct || !region || !day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new TrailsimInputError(`--shard must be ACCOUNT/REGION/YYYY-MM-DD; got '${o.shard}'.`);
    if (!daysBetween(from, to).includes(day)) throw new TrailsimInputError(`--shard day ${day} is outside the generated days.`);
    const account = sim.account(acct);
    for (const r of sim.generateShard(traffic, { accountId: account.id, region, day })) {
      writer.write(r);
      summary.add(r);
    }
  } else {
    sim.onRecord((r) => {
      writer.write(r);
      summary.add(r);
    });
    const days = daysBetween(from, to);
    days.forEach((_, i) => {
      sim.advanceTo(Math.min(to, from + (i + 1) * 86_400_000) - 1);
      progress?.(i + 1, days.length);
    });
  }
  await writer.close();
  writeFileSync(
    join(out, 'manifest.json'),
    JSON.stringify({ generator: 'trailsim', version: VERSION, seed: o.seed ?? 1, accounts: [...sim.world.accounts.values()].map((a) => ({ name: a.name, id: a.id })), organizationId: sim.world.organization?.id, regions: o.regions ?? ['us-east-1'], start: new Date(from).toISOString(), days: o.days ?? 1, rate: o.rate ?? '1000/h', shard: o.shard ?? null, records: summary.total, sessionsIssuedBefore: traffic.sessionsLiveAt(from) }, null, 2) + '\n',
  );
  return summary;
}
