import { describe, expect, it } from 'vitest';
import { chmodSync, closeSync, linkSync, openSync, readFileSync, readSync, statSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openFresh } from '../../src/export/fresh-file.js';
import { JsonlWriter } from '../../src/export/jsonl.js';
import { tempDirs } from '../trails/helpers.js';

const tmp = tempDirs('trailsim-fresh-');
const write = (path: string, text: string) => {
  const fd = openFresh(path);
  writeSync(fd, text);
  closeSync(fd);
};

describe('openFresh', () => {
  it('replaces a regular file with a new one: a reader of the old file still reads the old bytes', () => {
    const f = join(tmp(), 'records.jsonl');
    write(f, 'first run, longer than the second\n');
    const reader = openSync(f, 'r');
    try {
      write(f, 'second\n');
      expect(readFileSync(f, 'utf8')).toBe('second\n');
      // Truncated in place, the old descriptor would read the new bytes (or nothing).
      const b = Buffer.alloc(64);
      expect(b.subarray(0, readSync(reader, b, 0, 64, 0)).toString()).toBe('first run, longer than the second\n');
    } finally {
      closeSync(reader);
    }
  });

  it.each([
    ['a hard link', linkSync],
    ['a symbolic link', symlinkSync],
  ] as const)('rewrites a file reached through %s in place, so every name sees the new bytes', (_kind, link) => {
    const d = tmp();
    const target = join(d, 'records.jsonl');
    write(target, 'first run, longer than the second\n');
    const ino = statSync(target).ino;
    const other = join(d, 'other-name.jsonl');
    link(target, other);
    write(other, 'second\n');
    expect(readFileSync(target, 'utf8')).toBe('second\n');
    expect(readFileSync(other, 'utf8')).toBe('second\n');
    expect(statSync(target).ino).toBe(ino);
  });

  it('keeps the permission bits of the file it replaces', () => {
    const f = join(tmp(), 'records.jsonl');
    write(f, 'first\n');
    chmodSync(f, 0o640);
    write(f, 'second\n');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readFileSync(f, 'utf8')).toBe('second\n');
  });

  it('JsonlWriter rewriting its file leaves exactly the new lines', () => {
    const f = join(tmp(), 'out', 'records.jsonl');
    for (const lines of [['a', 'b', 'c'], ['d']]) {
      const w = new JsonlWriter(f);
      for (const l of lines) w.writeLine(JSON.stringify(l));
      w.closeSync();
    }
    expect(readFileSync(f, 'utf8')).toBe('"d"\n');
  });
});
