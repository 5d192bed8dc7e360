import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs the CLI (TypeScript source, through tsx) with stdout and stderr read by a reader that hangs up after its first chunk, like `| head -1`. */
function runWithEarlyClose(args: string[], close: 'stdout' | 'both'): Promise<{ code: number | null; signal: NodeJS.Signals | null; firstChunk: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let firstChunk = '';
    let stderr = '';
    child.stdout.once('data', (b: Buffer) => {
      firstChunk = b.toString();
      child.stdout.destroy();
      if (close === 'both') child.stderr.destroy();
    });
    child.stderr.on('data', (b: Buffer) => void (stderr += b.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, firstChunk, stderr }));
  });
}

describe('output survives a closed stdout (EPIPE)', () => {
  it('run --format s3 | head: the records and the S3 tree are written, exit 0, no stack', async () => {
    const out = mkdtempSync(join(tmpdir(), 'trailsim-epipe-'));
    const r = await runWithEarlyClose(['run', 'test/fixtures/scenarios/chatty-trail.ts', '--format', 's3', '--out', out], 'stdout');
    expect(r.firstChunk).toMatch(/scenario chatty-trail/);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(r.code).toBe(0);
    const records = readFileSync(join(out, 'records.jsonl'), 'utf8').trim().split('\n');
    expect(records.length).toBeGreaterThan(50);
    expect(existsSync(join(out, 'logs', 'AWSLogs'))).toBe(true);
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [e.name]));
    expect(walk(join(out, 'logs')).filter((f) => f.endsWith('.json.gz')).length).toBeGreaterThan(0);
  }, 120_000);

  it('with both stdout and stderr closed, the files are still written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'trailsim-epipe-'));
    const r = await runWithEarlyClose(['run', 'test/fixtures/scenarios/chatty-trail.ts', '--out', out], 'both');
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'records.jsonl'), 'utf8').trim().split('\n').length).toBeGreaterThan(50);
  }, 120_000);

  it('a help text piped into a reader that hangs up at once exits 0', async () => {
    const r = await runWithEarlyClose(['validate', '--help'], 'stdout');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  }, 60_000);
});
