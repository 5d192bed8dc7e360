/**
 * IP addresses and CIDR blocks in event patterns.
 *
 * Follows event-ruler's CIDR class, which EventBridge uses: an address is first screened by
 * shape (IPv4: four dotted decimal runs; IPv6: hex digits and colons only, so no zone id and no
 * embedded dotted quad), then parsed as Java's InetAddress parses literals; an IPv4-mapped IPv6
 * address (::ffff:a.b.c.d, written in hex) becomes the IPv4 address. A CIDR block's range runs
 * from the address as written (the host bits are not cleared) to the address with all host
 * bits set, and the mask must be below 32 (IPv4) or 128 (IPv6). A plain string value in a
 * pattern that is an IP address matches by address, so "2001:db8::1" matches
 * "2001:0db8:0:0:0:0:0:1".
 *
 * Addresses are represented as fixed-width upper-case hex strings (8 digits for IPv4, 32 for
 * IPv6), which compare in numeric order as strings.
 */

/** Thrown with event-ruler's message for an unusable CIDR. */
export class CidrError extends Error {
  override name = 'CidrError';
}

/** An inclusive range of addresses of one family. */
export interface IpRange {
  readonly v6: boolean;
  readonly lo: string;
  readonly hi: string;
}

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

function hex2(b: number): string {
  return (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
}

function parseV4(text: string): number[] | null {
  // The shape is already checked: four runs of digits separated by dots.
  const out: number[] = [];
  let v = 0;
  let digits = 0;
  let leadingZero = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      // Java rejects ambiguous (leading-zero) literals and values over 255; such text would be
      // looked up as a host name, which event-ruler reports as an invalid address.
      if ((leadingZero && digits > 1) || v > 255) return null;
      out.push(v);
      v = 0;
      digits = 0;
    } else {
      if (digits === 0) leadingZero = c === 0x30;
      v = v * 10 + (c - 0x30);
      digits++;
    }
  }
  return out;
}

function parseV6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (g.length === 0 || g.length > 4) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0] as string);
  if (!head) return null;
  let words: number[];
  if (halves.length === 2) {
    const tail = groups(halves[1] as string);
    if (!tail) return null;
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    if (head.length !== 8) return null;
    words = head;
  }
  const bytes: number[] = [];
  for (const w of words) bytes.push(w >> 8, w & 0xff);
  // Java turns IPv4-mapped addresses into IPv4 addresses.
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  return bytes;
}

/**
 * Parses an IP address literal to its bytes (4 or 16), or throws CidrError with event-ruler's
 * message ("Nonstandard IP address: x" when the shape is wrong, "Invalid IP address: x" when the
 * shape is right but the literal is not an address).
 */
export function ipToBytes(text: string): number[] {
  let bytes: number[] | null = null;
  if (IPV4_SHAPE.test(text)) {
    bytes = parseV4(text);
    if (!bytes) throw new CidrError(`Invalid IP address: ${text}`);
  } else if (IPV6_SHAPE.test(text)) {
    bytes = parseV6(text);
    if (!bytes) throw new CidrError(`Invalid IP address: ${text}`);
  }
  if (!bytes) throw new CidrError(`Nonstandard IP address: ${text}`);
  return bytes;
}

function toHex(bytes: readonly number[]): string {
  let s = '';
  for (const b of bytes) s += hex2(b);
  return s;
}

/** The address of an IP literal as a hex key (8 or 32 digits), or null when the text is not one. */
export function ipKey(text: string): string | null {
  // Cheap screen first: event values are mostly not addresses.
  const c = text.charCodeAt(0);
  if (!(c >= 0x30 && c <= 0x39) && !(c >= 0x61 && c <= 0x66) && !(c >= 0x41 && c <= 0x46) && c !== 0x3a) return null;
  if (!IPV4_SHAPE.test(text) && !IPV6_SHAPE.test(text)) return null;
  try {
    return toHex(ipToBytes(text));
  } catch {
    return null;
  }
}

/** Java's String.split("/") (trailing empty strings dropped). */
function javaSplitSlash(s: string): string[] {
  if (s === '') return [''];
  const parts = s.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Java's Integer.parseInt for the mask (ASCII digits with an optional sign). */
function parseJavaInt(s: string): number | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const v = Number(s);
  return v >= -2147483648 && v <= 2147483647 ? v : null;
}

const TRAILING_MAX_BITS = [0x0, 0x01, 0x03, 0x07, 0x0f, 0x1f, 0x3f, 0x7f];

/** Parses a `cidr` pattern value into an address range, or throws CidrError with event-ruler's message. */
export function parseCidr(text: string): IpRange {
  const slashed = javaSplitSlash(text);
  if (slashed.length !== 2) throw new CidrError("Malformed CIDR, one '/' required");
  const maskBits = parseJavaInt(slashed[1] as string);
  if (maskBits === null) throw new CidrError('Malformed CIDR, mask bits must be an integer');
  if (maskBits < 0) throw new CidrError('Malformed CIDR, mask bits must not be negative');
  const base = ipToBytes(slashed[0] as string);
  if (base.length === 4) {
    if (maskBits > 31) throw new CidrError('IPv4 mask bits must be < 32');
  } else if (maskBits > 127) {
    throw new CidrError('IPv6 mask bits must be < 128');
  }
  let hostBits = base.length * 8 - maskBits;
  const top = new Array<number>(base.length);
  for (let i = base.length - 1; i >= 0; i--) {
    const b = base[i] as number;
    top[i] = hostBits >= 8 ? 0xff : hostBits <= 0 ? b : b | (TRAILING_MAX_BITS[hostBits] as number);
    hostBits -= 8;
  }
  return { v6: base.length === 16, lo: toHex(base), hi: toHex(top) };
}

/** Whether an address key (from ipKey) lies in the range. */
export function inIpRange(r: IpRange, key: string): boolean {
  return (key.length === 32) === r.v6 && key >= r.lo && key <= r.hi;
}
