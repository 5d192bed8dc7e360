import { lstatSync, openSync, unlinkSync } from 'node:fs';

/**
 * Opens `path` for writing as a new, empty file. A regular file already there (with no other
 * hard link) is unlinked first, not truncated: ext4, Linux's default file system, forces the
 * delayed allocation of a file that was truncated and written again when it is closed (its
 * `auto_da_alloc` guard for "replace via truncate"), so `close` waited ~0.25 s per 560 MB on
 * every run of `trailsim generate` into an `--out` it had written before. Symbolic links and
 * hard-linked files are truncated in place as before, so whatever points at them still does.
 */
export function openFresh(path: string): number {
  try {
    const st = lstatSync(path);
    if (st.isFile() && st.nlink === 1) unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return openSync(path, 'w');
}
