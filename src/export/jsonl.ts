import { closeSync, mkdirSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CloudTrailRecord } from '../record/types.js';
import { recordJson } from '../cloudtrail/trails/record-json.js';
import { openFresh } from './fresh-file.js';

/**
 * Writes records as JSON Lines. Lines are encoded straight into one reusable buffer and
 * written with `fs.writeSync` when it is full: no stream, no per-chunk `join`, no second
 * copy. That keeps the writer at the cost of serialising plus one batched `writeSync`
 * (the bench's baseline), which a `WriteStream` fed joined strings was not.
 *
 * Records are serialised with `recordJson` (exactly `JSON.stringify`, with each frozen
 * identity's JSON made once).
 */
export class JsonlWriter {
  private fd: number | undefined;
  private buf: Buffer;
  private used = 0;
  count = 0;
  /** Bytes written so far (including what is still buffered). */
  bytes = 0;

  constructor(readonly path: string, chunkBytes = 1 << 20) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openFresh(path);
    this.buf = Buffer.allocUnsafe(Math.max(chunkBytes, 1024));
  }

  /** Appends one record as a line. */
  write(r: CloudTrailRecord): void {
    this.writeLine(recordJson(r));
  }

  /** Appends an already serialised line (without its newline). */
  writeLine(line: string): void {
    // Worst case 3 bytes per UTF-16 unit, plus the newline.
    if (this.used + line.length * 3 + 1 > this.buf.length) {
      this.flush();
      if (line.length * 3 + 1 > this.buf.length) this.buf = Buffer.allocUnsafe(line.length * 3 + 1);
    }
    const n = this.buf.write(line, this.used, 'utf8');
    this.buf[this.used + n] = 0x0a;
    this.used += n + 1;
    this.bytes += n + 1;
    this.count++;
  }

  /** Appends bytes holding `lines` whole lines, each ending with a newline. */
  writeBytes(bytes: Uint8Array, lines: number): void {
    if (this.used + bytes.length > this.buf.length) {
      this.flush();
      if (bytes.length >= this.buf.length) {
        this.writeAll(bytes);
        this.bytes += bytes.length;
        this.count += lines;
        return;
      }
    }
    this.buf.set(bytes, this.used);
    this.used += bytes.length;
    this.bytes += bytes.length;
    this.count += lines;
  }

  private writeAll(bytes: Uint8Array): void {
    if (this.fd === undefined) throw new Error(`JsonlWriter: ${this.path} is closed.`);
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
  }

  /** Writes what is buffered. */
  flush(): void {
    if (this.used === 0) return;
    this.writeAll(this.buf.subarray(0, this.used));
    this.used = 0;
  }

  /** Flushes and closes; resolves when the file is complete. */
  close(): Promise<void> {
    this.closeSync();
    return Promise.resolve();
  }

  /** Flushes and closes, synchronously. */
  closeSync(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }
}
