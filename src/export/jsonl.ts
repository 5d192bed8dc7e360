import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { CloudTrailRecord } from '../record/types.js';

/**
 * Writes records as JSON Lines, buffered: lines are joined into ~1 MB chunks before they
 * reach the stream, which is what keeps writing near the cost of JSON.stringify alone.
 */
export class JsonlWriter {
  private readonly stream: WriteStream;
  private buf: string[] = [];
  private size = 0;
  count = 0;

  constructor(readonly path: string, private readonly chunkBytes = 1 << 20) {
    mkdirSync(dirname(path), { recursive: true });
    this.stream = createWriteStream(path);
  }

  write(r: CloudTrailRecord): void {
    const line = JSON.stringify(r);
    this.buf.push(line);
    this.size += line.length + 1;
    this.count++;
    if (this.size >= this.chunkBytes) this.flush();
  }

  private flush(): void {
    if (this.buf.length === 0) return;
    this.stream.write(this.buf.join('\n') + '\n');
    this.buf = [];
    this.size = 0;
  }

  /** Flushes and closes; resolves when the file is complete. */
  close(): Promise<void> {
    this.flush();
    return new Promise((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}
