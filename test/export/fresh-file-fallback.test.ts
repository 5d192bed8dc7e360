import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs in a module graph of its own (vitest.config.ts: ISOLATED): node:fs's unlinkSync
// refuses, as it does in a directory the user may write files in but not remove them from
// (or for a bind-mounted file), which a root test run cannot otherwise reproduce.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    unlinkSync: () => {
      throw Object.assign(new Error('EPERM: operation not permitted, unlink'), { code: 'EPERM' });
    },
  };
});

const { openFresh } = await import('../../src/export/fresh-file.js');
const { closeSync, writeSync } = await import('node:fs');

describe('openFresh where the unlink is refused', () => {
  it('truncates the file in place and writes it, as opening with "w" did', () => {
    const d = mkdtempSync(join(tmpdir(), 'trailsim-fresh-fallback-'));
    try {
      const f = join(d, 'records.jsonl');
      writeFileSync(f, 'first run, longer than the second\n');
      const ino = statSync(f).ino;
      const fd = openFresh(f);
      writeSync(fd, 'second\n');
      closeSync(fd);
      expect(readFileSync(f, 'utf8')).toBe('second\n');
      expect(statSync(f).ino).toBe(ino);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
