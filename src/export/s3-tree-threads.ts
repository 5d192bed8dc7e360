/**
 * `exportS3Tree` on worker threads: the same files, byte for byte, with the same
 * modification times. The calling thread lists the store, makes the folders and hands
 * batches of files to the workers; a worker gzips the bodies the store had deferred (trails
 * gzip a delivered file on first read: a `run` of weeks leaves tens of thousands of them),
 * writes each file and sets its time. The compressed bodies come back into the store, as if
 * it had made them. Bodies already made, and deferred bodies that are not a trail's gzip,
 * are written as they are.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { S3Store } from '../s3/object-store.js';
import { unmadeBody } from '../s3/object-store.js';
import { exportS3Tree, treeFiles, METADATA_SIDECAR_SUFFIX, sidecarOf, type ExportS3TreeOptions, type ExportSummary } from './s3-layout.js';
import { receivedError, startWorker, workerScript, WorkerSignal } from './threads.js';
import type { TreeBatch, TreeBatchResult } from './s3-tree-worker.js';

export interface ExportS3TreeThreadsOptions extends ExportS3TreeOptions {
  /** Worker threads; 1 writes in the calling thread (`exportS3Tree`). @defaultValue the number of cores */
  workers?: number;
}

/** About this many bytes (or files) go to a worker at once. */
const BATCH_BYTES = 1 << 20;
const BATCH_FILES = 256;
/** Batches a worker may have queued. */
const IN_FLIGHT = 3;

interface Pending {
  settle: ((body: Uint8Array) => void)[];
}

/** Writes the store under `dir` as `<bucket>/<key>` (plus sidecars) on worker threads; resolves with what was written. */
export async function exportS3TreeOnThreads(store: S3Store, dir: string, opts: ExportS3TreeThreadsOptions = {}): Promise<ExportSummary> {
  const n = opts.workers ?? availableParallelism();
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`workers must be a whole number of at least 1; got ${n}.`);
  if (n === 1) return exportS3Tree(store, dir, opts);
  const mode = opts.sidecars ?? 'metadata';
  const summary: ExportSummary = { objects: 0, bytes: 0, sidecars: 0 };

  const spec = workerScript('export/s3-tree-worker');
  const pool: { w: Worker; busy: number }[] = [];
  const pending = new Map<number, Pending>();
  const signal = new WorkerSignal();
  const worker = () => {
    const slot = { w: startWorker(spec, undefined), busy: 0 };
    slot.w.on('message', (r: TreeBatchResult) => {
      slot.busy--;
      const p = pending.get(r.id)!;
      pending.delete(r.id);
      if (!r.ok) {
        signal.fail(receivedError(r.error));
      } else {
        let start = 0;
        p.settle.forEach((settle, i) => {
          const body = r.gz.subarray(start, r.gzEnds[i]);
          start = r.gzEnds[i];
          summary.bytes += body.length;
          settle(body);
        });
      }
      signal.notify();
    });
    signal.watch(slot.w, 'S3 tree worker');
    return slot;
  };

  // The batch being filled.
  let paths: string[] = [];
  let mtimes: number[] = [];
  let gzip: number[] = [];
  let parts: Uint8Array[] = [];
  let size = 0;
  let settles: ((body: Uint8Array) => void)[] = [];
  let ids = 0;
  const send = async () => {
    if (paths.length === 0) return;
    for (;;) {
      signal.check();
      if (pool.length < n && pool.every((s) => s.busy > 0)) pool.push(worker());
      const slot = pool.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy < IN_FLIGHT) {
        const data = new Uint8Array(size);
        const ends = new Uint32Array(parts.length);
        let off = 0;
        parts.forEach((p, i) => {
          data.set(p, off);
          ends[i] = off += p.length;
        });
        const b: TreeBatch = { id: ids++, paths, mtimes: Float64Array.from(mtimes), gzip: Uint8Array.from(gzip), ends, data };
        pending.set(b.id, { settle: settles });
        slot.busy++;
        slot.w.postMessage(b, [data.buffer, ends.buffer, b.mtimes.buffer as ArrayBuffer, b.gzip.buffer as ArrayBuffer]);
        break;
      }
      await signal.next();
    }
    paths = [];
    mtimes = [];
    gzip = [];
    parts = [];
    size = 0;
    settles = [];
  };
  const add = async (path: string, mtime: number, bytes: Uint8Array, settle?: (body: Uint8Array) => void) => {
    paths.push(path);
    mtimes.push(mtime);
    gzip.push(settle ? 1 : 0);
    parts.push(bytes);
    size += bytes.length;
    if (settle) settles.push(settle);
    if (size >= BATCH_BYTES || paths.length >= BATCH_FILES) await send();
  };

  try {
    for (const { o, path } of treeFiles(store, dir, opts)) {
      summary.objects++;
      const side = mode === 'all' || (mode === 'metadata' && Object.keys(o.metadata).length > 0);
      // A sidecar states size and ETag, which need the body here; so does a body made by other code.
      const unmade = side ? undefined : unmadeBody(o);
      const source = unmade?.make.gzipSource;
      if (unmade && source !== undefined) {
        await add(path, o.lastModified, typeof source === 'string' ? Buffer.from(source, 'utf8') : source, unmade.settle);
      } else {
        const body = o.body;
        summary.bytes += body.byteLength;
        await add(path, o.lastModified, body);
      }
      if (side) {
        await add(path + METADATA_SIDECAR_SUFFIX, o.lastModified, Buffer.from(JSON.stringify(sidecarOf(o), null, 2) + '\n', 'utf8'));
        summary.sidecars++;
      }
    }
    await send();
    await signal.until(() => pending.size === 0);
  } finally {
    await Promise.all(pool.map((s) => s.w.terminate()));
  }
  return summary;
}
