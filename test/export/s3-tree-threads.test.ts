import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { S3Store, unmadeBody } from '../../src/s3/object-store.js';
import { exportS3Tree } from '../../src/export/s3-layout.js';
import { exportS3TreeOnThreads } from '../../src/export/s3-tree-threads.js';
import { setup, tempDirs } from '../trails/helpers.js';

const tmp = tempDirs('trailsim-s3threads-');

/** A trail run with log files (gzip deferred), digests (with metadata: sidecars) and background traffic. */
function run() {
  const s = setup({ seed: 5 });
  const alice = s.prod.iamUser('alice');
  s.ct.createTrail(alice, { Name: 'main', S3BucketName: s.bucket, IsMultiRegionTrail: true, EnableLogFileValidation: true });
  s.ct.startLogging(alice, { Name: 'main' });
  s.sim.addTraffic({ name: 'background', rate: '300/h' });
  for (let i = 0; i < 10; i++) {
    s.sim.call(alice, 's3:ListBuckets');
    s.sim.advance('13m');
  }
  s.ct.stopLogging(alice, { Name: 'main' });
  s.ct.drain();
  return s;
}

/** Every file under dir: relative path → [bytes, mtime ms]. */
function tree(dir: string): Map<string, [Buffer, number]> {
  const out = new Map<string, [Buffer, number]>();
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.set(relative(dir, p), [readFileSync(p), Math.round(st.mtimeMs)]);
    }
  };
  walk(dir);
  return out;
}

describe('exportS3TreeOnThreads', () => {
  it('writes the same files with the same times as exportS3Tree, gzipping deferred bodies on workers, and the store keeps them', async () => {
    const a = run();
    const b = run();
    const objects = [...b.ct.s3.allObjects()];
    // Most log files are deferred: the case the workers are for.
    expect(objects.filter((o) => unmadeBody(o) !== undefined).length).toBeGreaterThan(10);
    const one = tmp();
    const two = tmp();
    const s1 = exportS3Tree(a.ct.s3, one, { sidecars: 'all' });
    const s2 = await exportS3TreeOnThreads(b.ct.s3, two, { workers: 2, sidecars: 'all' });
    expect(s2).toEqual(s1);
    const t1 = tree(one);
    const t2 = tree(two);
    expect([...t2.keys()]).toEqual([...t1.keys()]);
    for (const [k, [bytes, mtime]] of t1) {
      expect(t2.get(k)![0].equals(bytes), k).toBe(true);
      expect(t2.get(k)![1], k).toBe(mtime);
    }
    // Bodies made on the workers are now the store's: nothing left to make, same bytes as the files.
    for (const o of objects) {
      expect(unmadeBody(o)).toBeUndefined();
      expect(Buffer.from(o.body).equals(t2.get(join(o.bucket, ...o.key.split('/')))![0])).toBe(true);
    }
  }, 60_000);

  it('writes deferred bodies made by other code, and eager ones, as they are; 1 worker is exportS3Tree', async () => {
    const store = new S3Store();
    store.createBucket('bkt');
    let made = 0;
    store.putObject('bkt', 'x/deferred.bin', { body: () => (made++, new Uint8Array([1, 2, 3])), lastModified: Date.UTC(2026, 0, 2) });
    store.putObject('bkt', 'x/eager.txt', { body: new TextEncoder().encode('hello'), lastModified: Date.UTC(2026, 0, 3), metadata: { k: 'v' } });
    for (const workers of [1, 2]) {
      const dir = tmp();
      const s = await exportS3TreeOnThreads(store, dir, { workers });
      expect(s).toEqual({ objects: 2, bytes: 8, sidecars: 1 });
      expect([...readFileSync(join(dir, 'bkt', 'x', 'deferred.bin'))]).toEqual([1, 2, 3]);
      expect(readFileSync(join(dir, 'bkt', 'x', 'eager.txt'), 'utf8')).toBe('hello');
      expect(JSON.parse(readFileSync(join(dir, 'bkt', 'x', 'eager.txt.metadata.json'), 'utf8')).Metadata).toEqual({ k: 'v' });
      expect(Math.round(statSync(join(dir, 'bkt', 'x', 'deferred.bin')).mtimeMs)).toBe(Date.UTC(2026, 0, 2));
    }
    expect(made).toBe(1);
  });

  it('rejects with the worker’s error when a file cannot be written, and refuses a bad worker count', async () => {
    const s = run();
    const dir = tmp();
    const first = [...s.ct.s3.allObjects()].find((o) => unmadeBody(o) !== undefined)!;
    // A folder where the first deferred file should go: the worker's write fails (EISDIR).
    mkdirSync(join(dir, first.bucket, ...first.key.split('/')), { recursive: true });
    await expect(exportS3TreeOnThreads(s.ct.s3, dir, { workers: 2 })).rejects.toThrow(/EISDIR|illegal operation on a directory/);
    await expect(exportS3TreeOnThreads(s.ct.s3, dir, { workers: 0 })).rejects.toThrow(RangeError);
  }, 60_000);
});
