/**
 * Worker thread of `exportS3TreeOnThreads`: writes a batch of files of an exported S3 tree,
 * gzipping the bodies the store had not compressed yet (trails defer gzip to first read),
 * and sets each file's modification time. Sends back the compressed bodies so the store
 * keeps them, as if it had made them itself.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { gzipDeterministic } from '../cloudtrail/trails/gzip.js';
import { postedError, type PostedError } from './threads.js';

/** A batch: item i is `data[ends[i-1], ends[i])`, written to `paths[i]` with mtime `mtimes[i]` (epoch ms). */
export interface TreeBatch {
  id: number;
  paths: string[];
  mtimes: Float64Array;
  /** 1: gzip the bytes first (deterministic gzip, as the store would); 0: write as they are. */
  gzip: Uint8Array;
  ends: Uint32Array;
  data: Uint8Array;
}

export type TreeBatchResult =
  | { id: number; ok: true; /** Compressed bodies of the gzip items, in order. */ gz: Uint8Array; gzEnds: Uint32Array }
  | { id: number; ok: false; error: PostedError };

function writeBatch(b: TreeBatch): TreeBatchResult {
  const made: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < b.paths.length; i++) {
    const bytes = b.data.subarray(start, b.ends[i]);
    start = b.ends[i];
    const body = b.gzip[i] === 1 ? gzipDeterministic(bytes) : bytes;
    if (b.gzip[i] === 1) made.push(body);
    writeFileSync(b.paths[i], body);
    const t = new Date(b.mtimes[i]);
    utimesSync(b.paths[i], t, t);
  }
  // Its own memory (not Node's shared pool): it is transferred.
  const gzEnds = new Uint32Array(made.length);
  let end = 0;
  made.forEach((m, i) => (gzEnds[i] = end += m.length));
  const gz = new Uint8Array(end);
  made.forEach((m, i) => gz.set(m, i === 0 ? 0 : gzEnds[i - 1]));
  return { id: b.id, ok: true, gz, gzEnds };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (b: TreeBatch) => {
    let r: TreeBatchResult;
    try {
      r = writeBatch(b);
    } catch (e) {
      r = { id: b.id, ok: false, error: postedError(e) };
    }
    port.postMessage(r, r.ok ? [r.gz.buffer as ArrayBuffer, r.gzEnds.buffer as ArrayBuffer] : []);
  });
}
