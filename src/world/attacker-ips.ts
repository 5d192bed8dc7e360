import { Random, type Seed } from '../core/random.js';
import { TrailsimInputError } from '../core/errors.js';

/**
 * Where attack playbooks act from.
 *
 * Real detections drop non-global sources: Python's `ipaddress.is_global` (Panther's
 * helpers), Sigma backends' `cidr` exclusions and SIEM enrichment all treat the
 * documentation ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24),
 * private (RFC 1918), shared (RFC 6598), loopback, link-local, benchmarking (RFC 2544)
 * and multicast/reserved space as not an internet caller. A playbook acting from those
 * ranges makes a correct rule stay silent, so by default attackers act from globally
 * routable addresses: the /24s below, all in hosting, VPN and Tor-exit space of the kind
 * public incident reports name (VPS providers, commercial VPN egress, Tor exit relays).
 * They are picked deterministically from (seed, label), so a playbook's records do not
 * change from run to run.
 *
 * `ipAddresses: 'documentation'` (a `createSimulation` option) switches back to the
 * RFC 5737 ranges, for users whose pipelines must never see a real address.
 */

/** How attacker addresses are drawn: `global` (default) or the RFC 5737 `documentation` ranges. */
export type AttackerAddressMode = 'global' | 'documentation';

/**
 * Globally routable /24 prefixes of the default pool: VPS, VPN and Tor-exit space. None is
 * in a special-purpose range of the IANA IPv4 registry (checked by test/world/attacker-ips.test.ts).
 */
export const ATTACKER_IP_POOL: readonly string[] = Object.freeze([
  '5.161.72', // Hetzner (US)
  '23.129.64', // Emerald Onion Tor exits
  '37.19.221', // Datacamp / VPN egress
  '45.61.185', // BL Networks VPS
  '45.137.21', // hosting
  '46.101.97', // DigitalOcean (DE)
  '51.158.110', // Scaleway
  '64.227.3', // DigitalOcean (US)
  '80.94.95', // hosting (RO)
  '89.187.163', // Datacamp / VPN egress
  '91.219.236', // hosting (HU)
  '102.129.152', // VPN egress
  '104.244.72', // FranTech / BuyVM
  '138.68.109', // DigitalOcean (GB)
  '139.59.50', // DigitalOcean (IN)
  '146.70.38', // M247 VPN egress
  '149.88.19', // Datacamp / VPN egress
  '159.203.77', // DigitalOcean (CA)
  '162.247.74', // Calyx Institute Tor exits
  '167.172.58', // DigitalOcean (DE)
  '178.128.34', // DigitalOcean (SG)
  '185.220.101', // Tor exits
  '193.142.146', // hosting (NL)
  '194.165.16', // hosting
  '209.141.50', // FranTech / BuyVM
  '212.102.40', // Datacamp / VPN egress
]);

const DOCUMENTATION_POOL: readonly string[] = Object.freeze(['192.0.2', '198.51.100', '203.0.113']);

/**
 * The attacker address named `label` in a simulation seeded with `seed`: the same (seed,
 * label, mode) always gives the same address; different labels usually differ.
 */
export function attackerAddress(seed: Seed, label: string, mode: AttackerAddressMode = 'global'): string {
  if (mode !== 'global' && mode !== 'documentation') throw new TrailsimInputError(`ipAddresses must be 'global' or 'documentation' (got ${JSON.stringify(mode)}).`);
  if (typeof label !== 'string' || label === '') throw new TrailsimInputError('An attacker address needs a non-empty label (e.g. "attacker").');
  const rng = new Random(seed, ['attacker-ip', label]);
  const pool = mode === 'global' ? ATTACKER_IP_POOL : DOCUMENTATION_POOL;
  return `${pool[rng.int(pool.length)]}.${rng.range(2, 250)}`;
}
