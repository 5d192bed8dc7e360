/**
 * The `cidr` modifier: IPv4 and IPv6 networks (Sigma modifiers appendix, "IP Modifiers").
 * A record value matches when it is an address of the same family inside the network.
 * Texts that are not addresses (CloudTrail writes `AWS Internal` or a service host name
 * such as `lambda.amazonaws.com` in `sourceIPAddress`) never match.
 */

interface Address {
  v: 4 | 6;
  n: bigint;
}

function parseIPv4(s: string): bigint | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let n = 0n;
  for (let i = 1; i <= 4; i++) {
    // A leading zero is ambiguous (octal in some parsers): not an address.
    if (m[i].length > 1 && m[i][0] === '0') return undefined;
    const o = Number(m[i]);
    if (o > 255) return undefined;
    n = (n << 8n) | BigInt(o);
  }
  return n;
}

function parseIPv6(s: string): bigint | undefined {
  let str = s;
  const zone = str.indexOf('%');
  if (zone >= 0) str = str.slice(0, zone);
  if (!str.includes(':')) return undefined;
  let tailWords: string[] = [];
  const v4 = /:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(str);
  if (v4) {
    const n = parseIPv4(v4[1]);
    if (n === undefined) return undefined;
    tailWords = [((n >> 16n) & 0xffffn).toString(16), (n & 0xffffn).toString(16)];
    str = str.slice(0, v4.index + 1) + '0:0'; // placeholder words, replaced below
  }
  const halves = str.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : halves[1].split(':')) : [];
  let words: string[];
  if (halves.length === 2) {
    const fill = 8 - head.length - tail.length;
    if (fill < 1) return undefined;
    words = [...head, ...Array<string>(fill).fill('0'), ...tail];
  } else {
    words = head;
  }
  if (words.length !== 8) return undefined;
  if (tailWords.length) words.splice(6, 2, ...tailWords);
  let n = 0n;
  for (const w of words) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(w)) return undefined;
    n = (n << 16n) | BigInt(parseInt(w, 16));
  }
  return n;
}

export function parseIpAddress(s: string): Address | undefined {
  const t = s.trim();
  const v4 = parseIPv4(t);
  if (v4 !== undefined) return { v: 4, n: v4 };
  const v6 = parseIPv6(t);
  if (v6 !== undefined) return { v: 6, n: v6 };
  return undefined;
}

/** Compiles `a.b.c.d/len` or `x::y/len` (no length: one address). Returns the test, or undefined if `spec` is not a network. */
export function compileCidr(spec: string): ((text: string) => boolean) | undefined {
  const slash = spec.indexOf('/');
  const addr = parseIpAddress(slash < 0 ? spec : spec.slice(0, slash));
  if (!addr) return undefined;
  const bits = addr.v === 4 ? 32 : 128;
  let len = bits;
  if (slash >= 0) {
    const l = spec.slice(slash + 1).trim();
    if (!/^\d{1,3}$/.test(l)) return undefined;
    len = Number(l);
    if (len > bits) return undefined;
  }
  // Host bits set in the rule (10.1.2.3/8) are ignored, as Python's ip_network(strict=False) does.
  const shift = BigInt(bits - len);
  const net = addr.n >> shift;
  return (text) => {
    const a = parseIpAddress(text);
    return a !== undefined && a.v === addr.v && a.n >> shift === net;
  };
}
