/**
 * Deterministic gzip for delivered files. Node's `zlib.gzipSync` writes a fixed header
 * (RFC 1952): magic 1f 8b, CM 08 (deflate), FLG 00 (no name, no comment), MTIME 00000000,
 * XFL fixed by the level (00 for level 6), and OS = the zlib build's OS_CODE (03 "Unix" on
 * Linux and macOS, 0a on Windows builds). trailsim writes OS 03 everywhere so a file does
 * not change with the machine that made it, and always compresses at level 6, zlib's
 * default. The deflate stream itself is a function of the input and zlib's implementation;
 * digests and signatures depend only on the uncompressed bytes (CloudTrail hashes
 * uncompressed content), so they are identical whatever zlib build compressed the file.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/** The compression level trailsim uses (zlib's default). */
export const GZIP_LEVEL = 6;

/** gzip with a fixed header: MTIME 0, OS 03. */
export function gzipDeterministic(data: Uint8Array | string): Buffer {
  let out = gzipSync(data, { level: GZIP_LEVEL });
  // zlib returns a small output as a view into its 16 KiB output chunk: a delivered file of
  // 700 bytes would keep 16 KiB alive for as long as the store holds it.
  if (out.buffer.byteLength > 2 * out.length + 1024) {
    const exact = Buffer.allocUnsafeSlow(out.length);
    out.copy(exact);
    out = exact;
  }
  out[4] = 0;
  out[5] = 0;
  out[6] = 0;
  out[7] = 0;
  out[9] = 0x03;
  return out;
}

/**
 * A deferred S3 body (see `DeferredBody`) that gzips `data` on first read and says what it
 * gzips, so an exporter can compress it on another thread to the same bytes.
 */
export function gzipOnRead(data: Uint8Array | string): (() => Buffer) & { readonly gzipSource: Uint8Array | string } {
  return Object.assign(() => gzipDeterministic(data), { gzipSource: data });
}

/**
 * How many bytes gzip can add to `n` input bytes at most: zlib's deflateBound for stored
 * blocks (5 bytes per 16 KiB block, plus the stream's own) and the 18-byte gzip header and
 * trailer, rounded up generously. A file of n bytes never compresses to more than
 * n + gzipOverheadBound(n).
 */
export function gzipOverheadBound(n: number): number {
  return (n >> 3) + (n >> 6) + 64;
}

/** gunzip; accepts concatenated members, as S3 objects written by other tools may have. */
export function gunzip(data: Uint8Array): Buffer {
  return gunzipSync(data);
}

/** True when `data` starts with the gzip magic bytes. */
export function isGzip(data: Uint8Array): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}
