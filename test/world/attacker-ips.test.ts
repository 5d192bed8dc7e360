/**
 * Attacker addresses: globally routable by default (no IANA special-purpose range, so
 * `ipaddress.is_global`-style checks in detections see an internet caller), deterministic
 * per (seed, label), and the RFC 5737 documentation ranges on request.
 */
import { describe, expect, it } from 'vitest';
import { ATTACKER_IP_POOL, attackerAddress } from '../../src/world/attacker-ips.js';
import { createSimulation } from '../../src/simulation.js';
import { TrailsimInputError } from '../../src/core/errors.js';
import { runScenario } from '../../src/scenario/run.js';
import backdoor from '../../scenarios/attack-iam-backdoor-access-key.js';

/** IANA IPv4 Special-Purpose Address Registry (non-global entries) and multicast/reserved space. */
const NON_GLOBAL: [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];
const toInt = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
const inRange = (ip: string, [base, bits]: [string, number]) => Math.floor(toInt(ip) / 2 ** (32 - bits)) === Math.floor(toInt(base) / 2 ** (32 - bits));
const isGlobal = (ip: string) => !NON_GLOBAL.some((r) => inRange(ip, r));

describe('attacker addresses', () => {
  it('come from globally routable /24s only', () => {
    expect(ATTACKER_IP_POOL.length).toBeGreaterThanOrEqual(20);
    for (const p of ATTACKER_IP_POOL) {
      expect(p).toMatch(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/);
      expect(isGlobal(`${p}.0`) && isGlobal(`${p}.255`), p).toBe(true);
    }
    for (let seed = 0; seed < 200; seed++) expect(isGlobal(attackerAddress(seed, 'attacker'))).toBe(true);
  });

  it('are the same for the same seed and label and spread over the pool', () => {
    expect(attackerAddress(42, 'attacker')).toBe(attackerAddress(42, 'attacker'));
    const seen = new Set<string>();
    for (let seed = 0; seed < 100; seed++) seen.add(attackerAddress(seed, 'attacker').split('.').slice(0, 3).join('.'));
    expect(seen.size).toBeGreaterThan(12);
    const sim = createSimulation({ seed: 9 });
    expect(sim.attackerIp('exfil')).toBe(attackerAddress(9, 'exfil'));
    expect(sim.attackerIp()).toBe(attackerAddress(9, 'attacker'));
  });

  it("switch to the RFC 5737 documentation ranges with ipAddresses: 'documentation'", () => {
    const sim = createSimulation({ seed: 9, ipAddresses: 'documentation' });
    for (const label of ['a', 'b', 'c', 'd', 'e', 'f']) expect(sim.attackerIp(label)).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
  });

  it('reject a bad mode or an empty label', () => {
    expect(() => createSimulation({ ipAddresses: 'private' as never })).toThrow(TrailsimInputError);
    expect(() => attackerAddress(1, '')).toThrow(TrailsimInputError);
  });

  it('reach the playbooks: the same playbook acts from the pool, or from RFC 5737 addresses on request', async () => {
    const created = async (ipAddresses?: 'documentation') => (await runScenario(backdoor, ipAddresses ? { simulation: { ipAddresses } } : {})).sim.records({ eventName: 'CreateAccessKey' })[0].sourceIPAddress!;
    const global = await created();
    expect(isGlobal(global)).toBe(true);
    expect(ATTACKER_IP_POOL).toContain(global.split('.').slice(0, 3).join('.'));
    expect(await created('documentation')).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\./);
  });
});
