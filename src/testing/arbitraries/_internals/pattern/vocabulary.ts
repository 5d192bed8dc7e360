/**
 * The small vocabulary generated patterns and events are drawn from: small enough that
 * patterns and events meet often (prefixes that are prefixes of values, excluded values
 * that occur), ASCII only (case folding is then plain lower-casing), canonical IP forms only
 * (string equality is then address equality).
 */

export const ATOMS = ['Delete', 'Create', 'Get', 'Bucket', 'User', 'Role', 'Key', 'x', '-', '1'] as const;
export const NUMBERS = [0, 1, -1, 2.5, 10, 42, -1000, 1000000] as const;
export const IPV4S = ['10.0.0.1', '10.0.0.200', '10.0.1.7', '10.1.2.3', '192.168.1.20', '172.16.5.4', '203.0.113.9'] as const;
export const IPV6S = ['2001:db8::1', '2001:db8:0:1::5', '2001:db9::1'] as const;
export const CIDRS = ['10.0.0.0/24', '10.0.0.0/16', '10.0.0.0/8', '192.168.0.0/16', '172.16.0.0/12', '2001:db8::/32', '2001:db8::/64'] as const;

/** Envelope fields a pattern may constrain, with the values events carry there. */
export const ENVELOPE_VALUES = {
  source: ['aws.s3', 'aws.iam', 'aws.ec2', 'aws.signin', 'trailsim.test'],
  'detail-type': ['AWS API Call via CloudTrail', 'AWS Console Sign In via CloudTrail', 'AWS Service Event via CloudTrail'],
  region: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
  account: ['123456789012', '111122223333'],
} as const;
export type EnvelopeField = keyof typeof ENVELOPE_VALUES;

/** Leaf field names by kind, and group (nested object) names: realistic, disjoint, none an operator name. */
export const FIELD_NAMES = {
  string: ['eventName', 'userName', 'bucketName', 'roleName', 'keyId', 'userAgent', 'policyName', 'trailName'],
  number: ['durationSeconds', 'bytesTransferredIn', 'port', 'count', 'maxResults'],
  ip: ['sourceIPAddress', 'clientIp', 'privateIp'],
  boolean: ['readOnly', 'mfaUsed', 'managementEvent'],
} as const;
export const GROUP_NAMES = ['requestParameters', 'userIdentity', 'responseElements', 'additionalEventData', 'sessionContext'] as const;

/** Swaps the case of every other letter: a value equal ignoring case, but not equal. */
export function flipCase(s: string): string {
  let out = '';
  let flip = true;
  for (const ch of s) {
    const swapped = ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
    if (swapped !== ch) {
      out += flip ? swapped : ch;
      flip = !flip;
    } else out += ch;
  }
  return out;
}

type Ip = { v6: boolean; n: bigint };
const ipCache = new Map<string, Ip | null>();
const cidrCache = new Map<string, { v6: boolean; lo: bigint; hi: bigint }>();

/** An IP address as a bigint and its width, or null. Canonical dotted quads and hex IPv6 (with `::`) only. */
export function parseIp(s: string): Ip | null {
  let ip = ipCache.get(s);
  if (ip === undefined) {
    ip = readIp(s);
    if (ipCache.size < 10_000) ipCache.set(s, ip);
  }
  return ip;
}

function readIp(s: string): Ip | null {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) {
    const parts = s.split('.').map(Number);
    if (parts.some((p, i) => p > 255 || (s.split('.')[i].length > 1 && s.split('.')[i].startsWith('0')))) return null;
    return { v6: false, n: parts.reduce((acc, p) => acc * 256n + BigInt(p), 0n) };
  }
  if (!/^[0-9a-f:]+$/i.test(s) || !s.includes(':')) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  if ([...left, ...right].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  return { v6: true, n: all.reduce((acc, g) => acc * 65536n + BigInt(parseInt(g, 16)), 0n) };
}

/** A CIDR block's range as event-ruler reads it: from the address as written to it with all host bits set. */
export function cidrRange(cidr: string): { v6: boolean; lo: bigint; hi: bigint } {
  let r = cidrCache.get(cidr);
  if (!r) cidrCache.set(cidr, (r = readCidr(cidr)));
  return r;
}

function readCidr(cidr: string): { v6: boolean; lo: bigint; hi: bigint } {
  const [addr, bits] = cidr.split('/');
  const ip = parseIp(addr);
  if (!ip) throw new Error(`vocabulary: bad CIDR ${cidr}`);
  const width = ip.v6 ? 128n : 32n;
  const host = (1n << (width - BigInt(Number(bits)))) - 1n;
  return { v6: ip.v6, lo: ip.n, hi: ip.n | host };
}

/** The canonical text of an address (used to make the neighbours of a CIDR block). */
export function formatIp(v6: boolean, n: bigint): string {
  if (!v6) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((n >> BigInt((7 - i) * 16)) & 0xffffn).toString(16));
  // Compress the longest run of zero groups (two or more) to "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}
