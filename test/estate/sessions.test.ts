/**
 * The estate's sessions (issue 9 §1, §3, §4): every temporary key traces to the record that
 * issued it, no key is used after it expires, role chaining stays within an hour, shards
 * generated alone equal the full run byte for byte, the personas make a varied estate,
 * and `sim.call` records exactly what the user gives while the machinery fills in the
 * issuing record the user left out.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGenerateWorld, generateDataset } from '../../src/cli/generate.js';
import { createSimulation, shardOf } from '../../src/simulation.js';
import { daysBetween } from '../../src/activity/traffic.js';
import { traceSessions, parseSdkDate } from '../../src/estate/trace.js';
import type { Persona } from '../../src/activity/persona.js';
import type { CloudTrailRecord, JsonObject } from '../../src/record/types.js';

const REGIONS = ['us-east-1', 'eu-west-1'];

function run(seed: number, days = 2, rate = '150/h', accounts = 2) {
  const world = buildGenerateWorld({ accounts, regions: REGIONS, days, rate, seed });
  const records: CloudTrailRecord[] = [];
  world.sim.onRecord((r) => records.push(r));
  world.sim.advanceTo(world.to - 1);
  return { ...world, records };
}

const shared = run(21);

function issuedKeys(records: readonly CloudTrailRecord[]): Map<string, CloudTrailRecord> {
  const m = new Map<string, CloudTrailRecord>();
  for (const r of records) {
    const k = ((r.responseElements as JsonObject | null)?.credentials as JsonObject | undefined)?.accessKeyId;
    if (r.eventSource === 'sts.amazonaws.com' && typeof k === 'string' && r.userIdentity?.type !== 'AWSAccount') m.set(k, r);
  }
  return m;
}

describe('estate sessions', () => {
  it('traces every temporary key to its issuing record, with a matching session context', () => {
    const { records, traffic, from } = shared;
    const rep = traceSessions(records, traffic.sessionsLiveAt(from));
    expect(rep.temporary).toBeGreaterThan(5000);
    expect(rep.examples).toEqual([]);
    expect(rep.untraced).toBe(0);
    expect(rep.contextMismatches).toBe(0);
    // By key wherever AWS logs the key used: all but Identity Center, AWS Config and console sessions.
    const issued = issuedKeys(records);
    const pre = new Set(traffic.sessionsLiveAt(from).map((s) => s.accessKeyId));
    let keyed = 0;
    for (const r of records) {
      const u = r.userIdentity;
      if (u?.type !== 'AssumedRole') continue;
      const issuer = u.sessionContext?.sessionIssuer?.userName ?? '';
      if (issuer.startsWith('AWSReservedSSO_') || issuer === 'AWSServiceRoleForConfig') continue;
      keyed++;
      const by = issued.get(u.accessKeyId!);
      expect(by !== undefined || pre.has(u.accessKeyId!), `${r.eventTime} ${u.arn} ${u.accessKeyId}`).toBe(true);
      if (by) expect(u.sessionContext?.attributes?.creationDate).toBe(by.eventTime);
    }
    expect(keyed).toBeGreaterThan(2000);
  });

  it('never uses a key at or after its expiration', () => {
    const { records } = shared;
    const issued = issuedKeys(records);
    let checked = 0;
    for (const r of records) {
      const k = r.userIdentity?.accessKeyId;
      const by = k ? issued.get(k) : undefined;
      if (!by || by === r) continue;
      const exp = parseSdkDate(String(((by.responseElements as JsonObject).credentials as JsonObject).expiration));
      expect(exp).toBeDefined();
      expect(Date.parse(r.eventTime)).toBeLessThan(exp!);
      expect(Date.parse(r.eventTime)).toBeGreaterThanOrEqual(Date.parse(by.eventTime));
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
    expect(traceSessions(records).usedAfterExpiry).toBe(0);
  });

  it('keeps role chaining within one hour, and cross-account calls in two linked copies', () => {
    const { records } = shared;
    const chained = records.filter((r) => r.eventName === 'AssumeRole' && r.userIdentity?.type === 'AssumedRole');
    expect(chained.length).toBeGreaterThan(10);
    for (const r of chained) {
      const exp = parseSdkDate(String(((r.responseElements as JsonObject).credentials as JsonObject).expiration))!;
      expect(exp - Date.parse(r.eventTime)).toBeLessThanOrEqual(3_600_000);
      expect((r.requestParameters as JsonObject).durationSeconds as number).toBeLessThanOrEqual(3600);
    }
    const owners = records.filter((r) => r.eventName === 'AssumeRole' && r.userIdentity?.type === 'AWSAccount');
    expect(owners.length).toBe(chained.length);
    const byShared = new Map(chained.map((r) => [r.sharedEventID, r]));
    for (const o of owners) {
      const c = byShared.get(o.sharedEventID);
      expect(c).toBeDefined();
      expect(o.recipientAccountId).not.toBe(c!.recipientAccountId);
      expect(o.requestID).toBe(c!.requestID);
    }
  });

  it('caps a chained persona at one hour however long its schedule asks for', () => {
    const personas: Persona[] = [
      { name: 'parent', weight: 1, identity: { kind: 'role-session', roleName: 'parent-role', issuer: { by: 'service', host: 'ec2.amazonaws.com' }, sessionName: 'instance-id', schedule: { everyHours: 6, durationHours: 6 } }, operations: [['sts:GetCallerIdentity', 1]] },
      { name: 'child', weight: 3, identity: { kind: 'role-session', roleName: 'child-role', issuer: { by: 'role', persona: 'parent' }, schedule: { everyHours: 6, durationHours: 6, offsetHours: 0.5 } }, operations: [['s3:ListBuckets', 1]] },
    ];
    const sim = createSimulation({ seed: 3, start: '2026-02-01T00:00:00Z' });
    sim.addAccount({ name: 'a' });
    sim.addTraffic({ rate: '300/h', personas });
    sim.advanceTo('2026-02-02T00:00:00Z');
    const recs = sim.records();
    const chained = recs.filter((r) => r.eventName === 'AssumeRole' && r.userIdentity?.type === 'AssumedRole');
    expect(chained.length).toBe(4);
    for (const r of chained) expect((r.requestParameters as JsonObject).durationSeconds).toBe(3600);
    const child = recs.filter((r) => r.userIdentity?.arn?.includes(':assumed-role/child-role/'));
    expect(child.length).toBeGreaterThan(20);
    const rep = traceSessions(recs);
    expect(rep.untraced).toBe(0);
    expect(rep.usedAfterExpiry).toBe(0);
    expect(rep.chainedOverOneHour).toBe(0);
  });

  it('generates each shard alone exactly as the full run does, issuing records included', () => {
    const { records, from, to, sim } = shared;
    const accounts = [...sim.world.accounts.values()].map((a) => a.id);
    let total = 0;
    for (const accountId of accounts) {
      for (const region of REGIONS) {
        for (const day of daysBetween(from, to).slice(1)) {
          // A fresh world per shard: nothing cached from other shards.
          const alone = buildGenerateWorld({ accounts: 2, regions: REGIONS, days: 2, rate: '150/h', seed: 21 });
          const lines = alone.sim.generateShard(alone.traffic, { accountId, region, day }).map((r) => JSON.stringify(r));
          const slice = records.filter((r) => {
            const k = shardOf(r);
            return k.accountId === accountId && k.region === region && k.day === day;
          }).map((r) => JSON.stringify(r));
          expect(lines).toEqual(slice);
          total += lines.length;
        }
      }
    }
    expect(total).toBe(records.filter((r) => r.eventTime >= '2026-01-02').length);
    // The management account's shard holds its members' Identity Center sign-ins.
    expect(records.some((r) => r.eventName === 'GetRoleCredentials' && (r.serviceEventDetails as JsonObject).account_id !== r.recipientAccountId)).toBe(true);
  });

  it("answers a shard's principal lookups (callerOf) exactly as principalAt does, the same objects, across cache drops", () => {
    const w = buildGenerateWorld({ accounts: 2, regions: REGIONS, days: 1, rate: '150/h', seed: 5 });
    const estate = w.traffic.estate;
    const lanes: { at: (t: number) => unknown; p: Persona; a: import('../../src/world/account.js').Account; r: string }[] = [];
    for (const a of w.sim.world.accounts.values()) {
      for (const r of REGIONS) for (const p of estate.personas) if (estate.hasPersona(p, a)) lanes.push({ at: estate.callerOf(p, a, r), p, a, r });
    }
    const kinds = new Set(lanes.map((l) => l.p.identity.kind));
    for (const k of ['role-session', 'via-service', 'iam-user', 'service', 'console-user', 'federated', 'aws-internal', 'root']) expect(kinds, k).toContain(k);
    let defined = 0;
    let undef = 0;
    let step = 0;
    // Forward in time (as a shard plans), with jumps back; twice the estate drops its caches.
    for (let t = w.from - 3 * 3_600_000; t < w.to + 3_600_000; t += 97_000) {
      const times = step % 50 === 0 ? [t, t - 5 * 3_600_000, t] : [t];
      if (step === 300) Reflect.set(estate, 'slotCount', 1e9);
      if (step === 600) Reflect.set(estate, 'liveCount', 1e9);
      step++;
      for (const x of times) {
        for (const l of lanes) {
          const got = l.at(x);
          expect(got, `${l.p.name} ${l.a.id} ${l.r} ${x}`).toBe(estate.principalAt(l.p, l.a, l.r, x));
          if (got) defined++;
          else undef++;
        }
      }
    }
    expect(defined).toBeGreaterThan(1000);
    expect(undef).toBeGreaterThan(1000);
    expect(Reflect.get(estate, 'epoch')).toBe(2);
  });

  it('makes a varied estate: identity and event types, sources, and no dominant AssumeRole caller', () => {
    const { records } = shared;
    const types = new Set(records.map((r) => r.userIdentity?.type).filter(Boolean));
    expect(types.size).toBeGreaterThanOrEqual(7);
    for (const t of ['AssumedRole', 'IAMUser', 'AWSService', 'SAMLUser', 'WebIdentityUser', 'IdentityCenterUser', 'FederatedUser', 'AWSAccount']) expect(types, t).toContain(t);
    const eventTypes = new Set(records.map((r) => r.eventType));
    for (const t of ['AwsApiCall', 'AwsConsoleSignIn', 'AwsServiceEvent']) expect(eventTypes).toContain(t);
    expect(new Set(records.map((r) => r.eventSource)).size).toBeGreaterThanOrEqual(35);
    expect(new Set(records.map((r) => `${r.eventSource} ${r.eventName}`)).size).toBeGreaterThanOrEqual(180);
    const assume = records.filter((r) => r.eventSource === 'sts.amazonaws.com' && (r.eventName ?? '').startsWith('AssumeRole'));
    const pairs = new Map<string, number>();
    for (const r of assume) pairs.set(`${r.userIdentity?.type}/${r.userIdentity?.invokedBy}`, (pairs.get(`${r.userIdentity?.type}/${r.userIdentity?.invokedBy}`) ?? 0) + 1);
    expect(pairs.size).toBeGreaterThanOrEqual(6);
    expect(Math.max(...pairs.values()) / assume.length).toBeLessThan(0.7);
    // Console sessions begin with their sign-in, from the same address and user agent.
    const logins = records.filter((r) => r.eventName === 'ConsoleLogin');
    expect(logins.length).toBeGreaterThan(0);
    for (const l of logins) {
      const after = records.find((r) => r.userIdentity?.arn === l.userIdentity?.arn && r.userIdentity?.sessionContext?.attributes?.creationDate === l.eventTime && r !== l);
      if (!after) continue;
      expect(after.sourceIPAddress).toBe(l.sourceIPAddress);
      expect(after.userAgent).toBe(l.userAgent);
    }
    // Identity Center sign-ins: the challenge events share one workflow id.
    const auth = records.filter((r) => r.eventName === 'UserAuthentication');
    expect(auth.length).toBeGreaterThan(0);
    const wf = (auth[0].additionalEventData as JsonObject).AuthWorkflowID;
    expect(records.filter((r) => (r.additionalEventData as JsonObject | undefined)?.AuthWorkflowID === wf).length).toBe(5);
  });
});

describe('generated datasets', () => {
  it('list the sessions issued before the first day in the manifest, so day one traces too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailsim-estate-'));
    try {
      await generateDataset({ accounts: 2, regions: ['us-east-1'], days: 1, rate: '300/h', seed: 4 }, dir);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      const records = readFileSync(join(dir, 'records.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as CloudTrailRecord);
      expect(manifest.sessionsIssuedBefore.length).toBeGreaterThan(5);
      for (const s of manifest.sessionsIssuedBefore) expect(s.creationDate < '2026-01-01T00:00:00Z').toBe(true);
      const without = traceSessions(records);
      const withManifest = traceSessions(records, manifest.sessionsIssuedBefore);
      expect(without.untraced).toBeGreaterThan(0);
      expect(withManifest.untraced).toBe(0);
      expect(withManifest.usedAfterExpiry).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sim.call on the estate', () => {
  it('records exactly the params the user gives, and adopts the key its AssumeRole issued', () => {
    const sim = createSimulation({ seed: 5, start: '2026-03-01T10:00:00Z' });
    const acct = sim.addAccount({ name: 'prod' });
    const user = acct.iamUser('deployer');
    const role = acct.role('deploy-role');
    const params = { roleArn: role.arn, roleSessionName: 'release-42', durationSeconds: 900 };
    const rec = sim.call(user, 'sts:AssumeRole', params);
    expect(rec.requestParameters).toEqual(params);
    const key = ((rec.responseElements as JsonObject).credentials as JsonObject).accessKeyId;
    const session = role.session({ sessionName: 'release-42', createdAt: sim.now });
    expect(session.accessKeyId).toBe(key);
    sim.advance('1m');
    const before = sim.records().length;
    const use = sim.call(session, 's3:GetObject', { bucketName: 'releases', key: 'v42.zip' });
    // No second issuing record: the recorded AssumeRole issued this session.
    expect(sim.records().length).toBe(before + 1);
    expect((use.requestParameters as JsonObject).bucketName).toBe('releases');
    expect((use.requestParameters as JsonObject).key).toBe('v42.zip');
    expect(traceSessions(sim.records()).untraced).toBe(0);
  });

  it('writes the issuing record of a session nobody issued, and leaves the user call as it would be without it', () => {
    const make = (issuedBy: false | undefined) => {
      const sim = createSimulation({ seed: 8, start: '2026-03-01T10:00:00Z' });
      const acct = sim.addAccount({ name: 'prod' });
      const stolen = acct.role('billing-worker-task-role').session({ sessionName: 'a3f9c2d17b5e4e0f8c6d2b1a0e9f8d7c', createdAt: sim.now - 8 * 60_000, ...(issuedBy === false ? { issuedBy } : {}) });
      stolen.withProfile({ sourceIPs: ['203.0.113.9'], userAgents: ['curl/8.5.0'] });
      const rec = sim.call(stolen, 'iam:ListUsers', { maxItems: 5 });
      return { sim, rec, stolen };
    };
    const plain = make(false);
    const estate = make(undefined);
    expect(JSON.stringify(estate.rec)).toBe(JSON.stringify(plain.rec));
    expect(plain.sim.records()).toHaveLength(1);
    const [issuing, call] = estate.sim.records();
    expect(issuing.eventName).toBe('AssumeRole');
    expect(issuing.userIdentity).toEqual({ type: 'AWSService', invokedBy: 'ecs-tasks.amazonaws.com' });
    expect(issuing.eventTime).toBe(call.userIdentity?.sessionContext?.attributes?.creationDate);
    expect(((issuing.responseElements as JsonObject).credentials as JsonObject).accessKeyId).toBe(estate.stolen.accessKeyId);
    expect((issuing.responseElements as JsonObject).assumedRoleUser).toBeUndefined();
    expect(call.requestParameters).toEqual({ maxItems: 5 });
    expect(call.sourceIPAddress).toBe('203.0.113.9');
    // Used again: no second issuing record.
    estate.sim.call(estate.stolen, 'iam:ListRoles');
    expect(estate.sim.records().filter((r) => r.eventName === 'AssumeRole')).toHaveLength(1);
  });

  it('chains from an attacker session: the new session traces to the AssumeRole the attacker made', () => {
    const sim = createSimulation({ seed: 9, start: '2026-03-01T10:00:00Z' });
    const acct = sim.addAccount({ name: 'prod' });
    const leaked = acct.role('ci-runner').session({ sessionName: 'GitHubActions', createdAt: sim.now - 60_000 }).withProfile({ sourceIPs: ['198.51.100.7'] });
    const admin = acct.role('admin');
    const rec = sim.call(leaked, 'sts:AssumeRole', { roleArn: admin.arn, roleSessionName: 'x', durationSeconds: 3600 });
    const chained = admin.session({ sessionName: 'x', createdAt: sim.now, issuedBy: leaked });
    sim.advance('30s');
    sim.call(chained, 'iam:ListUsers');
    const recs = sim.records();
    expect(recs.map((r) => r.eventName)).toEqual(['AssumeRoleWithWebIdentity', 'AssumeRole', 'ListUsers']);
    expect(((rec.responseElements as JsonObject).credentials as JsonObject).accessKeyId).toBe(chained.accessKeyId);
    const rep = traceSessions(recs);
    expect(rep.byKey).toBe(rep.temporary);
    expect(rep.contextMismatches).toBe(0);
  });
});
