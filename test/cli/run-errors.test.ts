import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { runCommand } from '../../src/cli/run.js';
import { createRunProgress, type RunProgress } from '../../src/cli/run-progress.js';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = () => mkdtempSync(join(tmpdir(), 'trailsim-run-errors-'));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) } };
}

/** The CLI in a child process (tsx, as `npm run trailsim` runs it), so scenario files load as they do for users. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => void (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => void (stderr += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const STACK_FRAME = /^\s+at /m;

describe('trailsim run: scenario files that cannot load, or that throw', () => {
  const dir = tmp();
  const syntax = join(dir, 'syntax.ts');
  writeFileSync(syntax, "export default {\n  name: 'broken',\n  run() { const a: number = ; },\n};\n");
  const badImport = join(dir, 'bad-import.ts');
  writeFileSync(badImport, "import { nothing } from 'no-such-package-xyz';\nexport default { name: 'x', run() { nothing(); } };\n");
  const throws = join(dir, 'throws.ts');
  writeFileSync(throws, "export default {\n  name: 'thrower',\n  run({ sim }: any) {\n    sim.advance('1h');\n    throw new RangeError('the bucket is gone');\n  },\n};\n");
  // The child processes run at once (each spends most of its time starting tsx).
  const runs = {
    syntax: cli(['run', syntax, '--out', join(dir, 'o1')]),
    missing: cli(['run', 'scenarios/no-such-scenario.ts']),
    badImport: cli(['run', badImport]),
    quiet: cli(['run', throws, '--out', join(dir, 'o2')]),
    verbose: cli(['run', throws, '--out', join(dir, 'o3'), '--verbose']),
  };

  it('a TypeScript syntax error: one line with file:line:column, exit 2, no stack', async () => {
    const r = await runs.syntax;
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`trailsim run: ScenarioLoadError: ${syntax}:3:29: syntax error: Unexpected ";"`]);
    expect(existsSync(join(dir, 'o1'))).toBe(false);
  }, 60_000);

  it('a nonexistent scenario path: one line, exit 2, no ERR_MODULE_NOT_FOUND stack', async () => {
    const r = await runs.missing;
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`trailsim run: ScenarioLoadError: scenarios/no-such-scenario.ts: no such file. Give the path of a scenario .ts file ('trailsim scenarios' lists the ones that ship).`]);
  }, 60_000);

  it('an import that cannot be resolved names the module and the line of the import', async () => {
    const r = await runs.badImport;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^trailsim run: ScenarioLoadError: ${badImport.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:25: cannot import 'no-such-package-xyz'`));
    expect(r.stderr).not.toMatch(STACK_FRAME);
  }, 60_000);

  it('an exception in run(): one line with the position in the scenario, exit 1; --verbose adds the stack', async () => {
    const [quiet, verbose] = await Promise.all([runs.quiet, runs.verbose]);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr.trim().split('\n')).toEqual([`trailsim run: scenario 'thrower' failed at ${throws}:5:11: RangeError: the bucket is gone`, '(run again with --verbose for the stack trace)']);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(STACK_FRAME);
    expect(verbose.stderr).toContain(`${throws}:5:11`);
    // Records are written while the scenario runs; a failed run leaves neither file nor folder.
    expect(existsSync(join(dir, 'o2'))).toBe(false);
    expect(existsSync(join(dir, 'o3'))).toBe(false);
  }, 60_000);

  it('in-process (main), a missing file is exit 2 with the same line', async () => {
    const c = io();
    expect(await main(['run', join(dir, 'nope.ts')], c.io)).toBe(2);
    expect(c.err).toEqual([`trailsim run: ScenarioLoadError: ${join(dir, 'nope.ts')}: no such file. Give the path of a scenario .ts file ('trailsim scenarios' lists the ones that ship).`]);
    const d = io();
    expect(await main(['run', dir], d.io)).toBe(2);
    expect(d.err[0]).toMatch(/is a folder, not a scenario file/);
  });
});

describe('trailsim: files that cannot be written', () => {
  it('--out under a file is one line naming the path, exit 2, no stack', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a-file'), '');
    const c = io();
    expect(await main(['run', 'test/fixtures/scenarios/chatty-trail.ts', '--out', join(dir, 'a-file', 'sub')], { out: () => {}, err: c.io.err })).toBe(2);
    expect(c.err).toEqual([`trailsim run: ENOTDIR: not a directory, mkdir '${join(dir, 'a-file', 'sub')}'`]);
  });
});

describe('trailsim run: an output format with nothing to write says so, and why', () => {
  it('--format s3 on a scenario without a trail warns: no trail, and how to add one', async () => {
    const dir = tmp();
    const file = join(dir, 'no-trail.ts');
    writeFileSync(file, "export default { name: 'no-trail', run({ sim }: any) { const a = sim.addAccount({ name: 'a' }); sim.call(a.iamUser('u'), 'iam:ListUsers'); } };\n");
    const c = io();
    expect(await main(['run', file, '--format', 's3', '--out', join(dir, 'out')], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/wrote 0 S3 objects/);
    expect(c.err.join('\n')).toMatch(/warning: --format s3 wrote no S3 objects: scenario 'no-trail' creates no trail and no bucket\. Records reach S3 only through a trail: .*createTrail/);
    expect(readFileSync(join(dir, 'out', 'records.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('a trail that never logs gets its own reason; a scenario that records nothing is warned about', async () => {
    const dir = tmp();
    const file = join(dir, 'idle-trail.ts');
    writeFileSync(file, "export default { name: 'idle-trail', run({ sim }: any) { const a = sim.addAccount({ name: 'a' }); sim.cloudtrail.s3.createBucket('logs'); sim.cloudtrail.createTrail(a.iamUser('u'), { Name: 'main', S3BucketName: 'logs' }); sim.advance('2h'); } };\n");
    const c = io();
    expect(await main(['run', file, '--format', 's3', '--out', join(dir, 'out')], c.io)).toBe(0);
    expect(c.err.join('\n')).toMatch(/creates trail main but never starts logging \(call sim\.cloudtrail\.startLogging\)/);
    const empty = join(dir, 'empty.ts');
    writeFileSync(empty, "export default { name: 'empty', run() {} };\n");
    const d = io();
    expect(await main(['run', empty, '--out', join(dir, 'out2')], d.io)).toBe(0);
    expect(d.err.join('\n')).toMatch(/warning: scenario 'empty' recorded no events/);
  });

  it('a scenario with a logging trail gets no warning', async () => {
    const c = io();
    const dir = tmp();
    expect(await main(['run', 'test/fixtures/scenarios/chatty-trail.ts', '--format', 's3', '--out', dir], { out: () => {}, err: c.io.err })).toBe(0);
    expect(c.err).toEqual([]);
  });

  it('--workers must be a whole number from 1 to 256; the S3 files are the same for 1 or 2 workers', async () => {
    for (const bad of ['0', 'two', '1.5']) {
      const c = io();
      expect(await main(['run', 'test/fixtures/scenarios/chatty-trail.ts', '--format', 's3', '--workers', bad, '--out', tmp()], c.io)).toBe(2);
      expect(c.err.join('\n')).toMatch(/--workers must be a whole number from 1 to 256/);
    }
    const trees = [];
    for (const workers of ['1', '2']) {
      const dir = tmp();
      expect(await main(['run', 'test/fixtures/scenarios/chatty-trail.ts', '--format', 's3', '--workers', workers, '--out', dir], { out: () => {}, err: () => {} })).toBe(0);
      const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.json.gz')).sort();
      trees.push(files.map((f) => [f, readFileSync(join(dir, f)).toString('base64'), Math.round(statSync(join(dir, f)).mtimeMs)]));
    }
    expect(trees[0].length).toBeGreaterThan(0);
    expect(trees[1]).toEqual(trees[0]);
  });
});

describe('trailsim run: progress line', () => {
  function fakeTerminal() {
    const writes: string[] = [];
    let t = 0;
    return { writes, advance: (ms: number) => void (t += ms), stream: { isTTY: true, columns: 200, write: (s: string) => void writes.push(s) }, now: () => t };
  }

  it('draws virtual time and records after a second, at most every 250 ms, and clears itself around printed lines', () => {
    const f = fakeTerminal();
    const p = createRunProgress('run x', { stream: f.stream, now: f.now, timer: false });
    p.tick(Date.UTC(2026, 0, 1), 1);
    expect(f.writes).toEqual([]);
    f.advance(1000);
    p.tick(Date.UTC(2026, 0, 2), 5);
    expect(f.writes.at(-1)).toBe('\r\x1b[2Krun x · virtual time 2026-01-02T00:00:00Z · 5 records · 1.0 s');
    f.advance(100);
    p.tick(Date.UTC(2026, 0, 3), 6);
    expect(f.writes).toHaveLength(1);
    f.advance(200);
    p.tick(Date.UTC(2026, 0, 3), 7);
    expect(f.writes.at(-1)).toMatch(/2026-01-03T00:00:00Z · 7 records · 1\.3 s$/);
    const printed: string[] = [];
    p.print('story line', (s) => void printed.push(s));
    expect(printed).toEqual(['story line']);
    expect(f.writes.slice(-2)[0]).toBe('\r\x1b[2K');
    p.stop();
    expect(f.writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('redraws from a timer while the scenario awaits (no ticks)', async () => {
    const f = fakeTerminal();
    f.advance(0);
    const p = createRunProgress('run x', { stream: f.stream, now: () => performance.now(), delayMs: 0 });
    p.tick(Date.UTC(2026, 0, 1), 3);
    const before = f.writes.length;
    await new Promise((r) => setTimeout(r, 2300));
    p.stop();
    expect(f.writes.length - before).toBeGreaterThanOrEqual(2);
    expect(f.writes.at(-2)).toMatch(/virtual time 2026-01-01T00:00:00Z · 3 records/);
  });

  it('is silent when stderr is not a terminal', () => {
    const writes: string[] = [];
    const p = createRunProgress('run x', { stream: { isTTY: false, write: (s) => void writes.push(s) }, now: () => 1e9 });
    expect(p.active).toBe(false);
    p.tick(0, 1);
    p.stop();
    expect(writes).toEqual([]);
  });

  it('moves during a long advance that records nothing (virtual-time heartbeat), and does not change the records', async () => {
    const dir = tmp();
    const file = join(dir, 'quiet-year.ts');
    writeFileSync(file, "export default { name: 'quiet-year', start: '2026-01-01', run({ sim }: any) { const a = sim.addAccount({ name: 'a' }); sim.call(a.iamUser('u'), 'iam:ListUsers'); sim.advance('365d'); sim.call(a.iamUser('u'), 'iam:ListUsers'); } };\n");
    const ticks: number[] = [];
    const progress: RunProgress = { active: true, tick: (vt) => void ticks.push(vt), print: (l, w) => w(l), stop() {} };
    expect(await runCommand([file, '--out', join(dir, 'a')], io().io, { progress })).toBe(0);
    expect(ticks.length).toBeGreaterThan(365 * 24 - 2);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(Date.UTC(2026, 11, 31));
    expect(await runCommand([file, '--out', join(dir, 'b')], io().io)).toBe(0);
    expect(readFileSync(join(dir, 'a', 'records.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'b', 'records.jsonl'), 'utf8'));
  });
});
