import { describe, expect, it } from 'vitest';
import { chmodSync, closeSync, linkSync, openSync, readFileSync, readSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
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

  it('truncates a hard-linked file in place, so its other names see the new bytes', () => {
    const d = tmp();
    const f = join(d, 'records.jsonl');
    write(f, 'first run, longer than the second\n');
    const other = join(d, 'kept-elsewhere.jsonl');
    linkSync(f, other);
    write(f, 'second\n');
    expect(readFileSync(f, 'utf8')).toBe('second\n');
    expect(readFileSync(other, 'utf8')).toBe('second\n');
    expect(statSync(f).ino).toBe(statSync(other).ino);
  });

  it('writes through a symbolic link to its target, which keeps being the file the link names', () => {
    const d = tmp();
    const target = join(d, 'target.jsonl');
    writeFileSync(target, 'old old old\n');
    const link = join(d, 'link.jsonl');
    symlinkSync(target, link);
    write(link, 'new\n');
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(readFileSync(link, 'utf8')).toBe('new\n');
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
