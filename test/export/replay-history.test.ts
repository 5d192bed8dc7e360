/**
 * Replayed real logs reach event history: records of eventVersion 1.05 and older (no
 * eventCategory, no managementEvent) are management events, and the accounts they were
 * delivered to become known to lookupEvents.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulation, replayRecords, type CloudTrailRecord } from '../../src/index.js';

const samples = readFileSync(join(__dirname, '../fixtures/cloudtrail-samples/records.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as CloudTrailRecord);
const legacy = samples.filter((r) => r.eventCategory === undefined && Number(r.eventVersion) <= 1.05);

function allEvents(sim: ReturnType<typeof createSimulation>, accountId: string, region: string): string[] {
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = sim.lookupEvents({ accountId, region, MaxResults: 50, ...(NextToken ? { NextToken } : {}) });
    ids.push(...page.Events.map((e) => e.EventId!));
    NextToken = page.NextToken;
  } while (NextToken);
  return ids;
}

describe('replaying real logs into event history', () => {
  it('finds every one of the 44 eventVersion 1.05 records with LookupEvents, without addAccount', () => {
    expect(legacy).toHaveLength(44);
    const sim = createSimulation({ seed: 1, start: '2020-09-13T00:00:00Z' });
    const summary = replayRecords(sim, legacy);
    expect(summary.ingested).toBe(44);
    const found = new Set<string>();
    const accounts = new Set(legacy.map((r) => r.recipientAccountId!));
    for (const accountId of accounts) {
      // The account is known: no InvalidAccountIdError.
      const acct = sim.account(accountId);
      for (const region of acct.regions) for (const id of allEvents(sim, accountId, region)) found.add(id);
    }
    expect([...found].sort()).toEqual(legacy.map((r) => r.eventID).sort());
  });

  it('adds a replayed account with the Regions its records name, and no invented resources', () => {
    const sim = createSimulation({ seed: 1, start: '2020-09-13T00:00:00Z' });
    const r0 = legacy[0];
    const other = { ...r0, eventID: 'b1c2d3e4-0000-4000-8000-000000000001', awsRegion: 'eu-west-1' };
    replayRecords(sim, [r0, other]);
    const acct = sim.account(r0.recipientAccountId!);
    expect(acct.regions).toEqual([r0.awsRegion, 'eu-west-1']);
    expect(acct.resources('AWS::S3::Bucket', '')).toEqual([]);
    expect(sim.lookupEvents({ accountId: acct.id, region: 'eu-west-1' }).Events.map((e) => e.EventId)).toEqual([other.eventID]);
  });

  it('makes every account of the 146 real samples known, whatever Regions they name', () => {
    const sim = createSimulation({ seed: 1, start: '2019-01-01T00:00:00Z' });
    replayRecords(sim, samples);
    const ids = new Set(samples.map((r) => r.recipientAccountId!).filter(Boolean));
    expect(ids.size).toBeGreaterThan(1);
    for (const id of ids) expect(() => sim.lookupEvents({ accountId: id })).not.toThrow();
  });

  it('leaves an account the user already added as it was', () => {
    const sim = createSimulation({ seed: 1, start: '2020-09-13T00:00:00Z' });
    const mine = sim.addAccount({ id: legacy[0].recipientAccountId!, name: 'mine', regions: ['us-west-2', 'us-east-1'] });
    replayRecords(sim, legacy);
    expect(sim.account(mine.id)).toBe(mine);
    expect(mine.regions).toEqual(['us-west-2', 'us-east-1']);
  });

  it('keeps a legacy S3 object-level data event out of event history', () => {
    const sim = createSimulation({ seed: 1, start: '2020-09-13T00:00:00Z' });
    const r0 = legacy.find((r) => r.eventSource === 's3.amazonaws.com')!;
    const getObject = { ...r0, eventName: 'GetObject', eventID: 'b1c2d3e4-0000-4000-8000-000000000002' };
    replayRecords(sim, [r0, getObject]);
    const ids = allEvents(sim, r0.recipientAccountId!, r0.awsRegion);
    expect(ids).toContain(r0.eventID);
    expect(ids).not.toContain(getObject.eventID);
  });
});
