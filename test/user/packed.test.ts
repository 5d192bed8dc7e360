/**
 * The package as a user gets it: `npm pack` of this checkout, unpacked into a fresh project's
 * node_modules as `npm install <tarball>` would, so only what package.json "files" ships is
 * there (rules/, scenarios/, dist/, bin/). Its dependencies are linked from this checkout's
 * node_modules, because the test must not need the network. Then, from that project:
 * - the README's command-line example (generate, validate, detect with the shipped rules);
 * - every example the README and docs/ show (examples/*.ts, run with tsx as a user would,
 *   each printing its result), the vitest example with vitest, the scenario with `trailsim run`.
 * Needs a build first (`npm test` builds; alone: `npx tsup --silent`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFile, spawnSync } from 'node:child_process';

const root = join(__dirname, '../..');
let proj = '';

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in the user's project, asynchronously, so the tests below run side by side. */
function run(cmd: string, args: string[], timeout = 120_000): Promise<Ran> {
  // NODE_OPTIONS from the test runner must not leak into the user's processes.
  const env = { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', NO_COLOR: '1' };
  return new Promise((done) => {
    execFile(cmd, args, { cwd: proj, encoding: 'utf8', timeout, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const status = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : null) : 0;
      done({ status, stdout, stderr: stderr || (err ? String(err) : '') });
    });
  });
}

/** The README's fenced blocks of a language. */
function blocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'dist/cli/main.js'))) {
    throw new Error('test/user/packed.test.ts needs a build: run `npx tsup --silent` (npm test does).');
  }
  proj = mkdtempSync(join(tmpdir(), 'trailsim-packed-'));
  const packed = spawnSync('npm', ['pack', '--pack-destination', proj, '--silent'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = join(proj, packed.stdout.trim().split('\n').pop()!);
  const modules = join(proj, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  expect(spawnSync('tar', ['xzf', tarball, '-C', proj]).status).toBe(0);
  renameSync(join(proj, 'package'), join(modules, 'trailsim'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === '.bin' || name.startsWith('.') || name === 'trailsim') continue;
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  symlinkSync('../trailsim/bin/trailsim.mjs', join(modules, '.bin', 'trailsim'));
  writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'my-audit-tests', private: true, type: 'module' }));
  // The user's copies of the examples, as they would paste them from the docs.
  mkdirSync(join(proj, 'examples'));
  for (const f of readdirSync(join(root, 'examples'))) if (f.endsWith('.ts')) cpSync(join(root, 'examples', f), join(proj, 'examples', f));
}, 180_000);

afterAll(() => {
  if (proj) rmSync(proj, { recursive: true, force: true });
});

describe.concurrent('the packed package, installed into a fresh project', () => {
  it('ships the Sigma rules with their licence, the scenarios and the CLI, and no sources', () => {
    const pkg = join(proj, 'node_modules/trailsim');
    const rules = readdirSync(join(pkg, 'rules/sigma-aws-cloudtrail')).filter((f) => f.endsWith('.yml'));
    expect(rules).toHaveLength(57);
    expect(readdirSync(join(pkg, 'rules/sigma-aws-cloudtrail'))).toContain('LICENSE');
    expect(existsSync(join(pkg, 'scenarios/whizlab-2-37.ts'))).toBe(true);
    expect(existsSync(join(pkg, 'src'))).toBe(false);
  });

  it("runs the README's command-line example: generate, validate, detect with the shipped rules", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const sh = blocks(readme, 'sh').find((b) => b.includes('trailsim detect'));
    expect(sh, 'README has a sh block with trailsim detect').toBeDefined();
    const lines = sh!
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter((l) => l.startsWith('npx trailsim '));
    expect(lines.map((l) => l.split(' ')[2])).toEqual(['generate', 'validate', 'detect']);
    const outputs: string[] = [];
    for (const line of lines) {
      // `npx trailsim` runs node_modules/.bin/trailsim; the same file, without npx's start-up.
      const r = await run(join(proj, 'node_modules/.bin/trailsim'), line.split(/\s+/).slice(2));
      expect(r.status, `${line}\n${r.stderr}`).toBe(0);
      outputs.push(r.stdout);
    }
    expect(outputs[2]).toMatch(/rules: 57 \(57 evaluated, 0 unsupported\)/);
    expect(outputs[2]).toMatch(/rules that fired: [1-9]/);
  }, 180_000);

  it('runs every example the docs show, each printing its result', async () => {
    const names = readdirSync(join(proj, 'examples')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'scenario.ts');
    // One process for all: tsx loads each example as a user's `npx tsx examples/x.ts` would.
    const runner = `
      const out = {};
      const log = console.log;
      for (const name of ${JSON.stringify(names)}) {
        const lines = (out[name] = []);
        console.log = (...a) => lines.push(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
        try { await import('./examples/' + name); } catch (e) { lines.push('THREW ' + (e && e.stack || e)); }
      }
      console.log = log;
      process.stdout.write(JSON.stringify(out));`;
    writeFileSync(join(proj, 'run-examples.mjs'), runner);
    const r = await run(process.execPath, ['--import', 'tsx', 'run-examples.mjs'], 240_000);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, string[]>;
    for (const name of names) {
      expect(out[name]?.length, `${name} printed nothing`).toBeGreaterThan(0);
      expect(out[name].join('\n'), name).not.toMatch(/THREW/);
    }
    const text = (name: string) => out[name].join('\n');
    expect(out['unit-test.ts']).toEqual(['2026-03-01T09:05:00.000Z StopLogging AccessDeniedException', '2026-03-01T09:00:00.000Z CreateUser ok']);
    expect(out['eventbridge.ts']).toEqual(['AWS API Call via CloudTrail AssumeRole']);
    expect(text('simulation.ts')).toMatch(/Root ConsoleLogin us-east-1/);
    expect(text('simulation.ts')).toMatch(/MFAUsed: No/);
    expect(text('event-history.ts')).toMatch(/InvalidLookupAttributesException/);
    expect(text('event-history.ts')).toMatch(/replayed 1; event history of 210987654321: \["DescribeInstances"\]/);
    expect(text('trails.ts')).toMatch(/\d+\/\d+ digest files valid/);
    expect(text('trails.ts')).toMatch(/valid after tampering: false/);
    expect(text('notifications.ts')).toMatch(/signature valid \(trailsim test key\): true/);
    expect(text('notifications.ts')).toMatch(/(\d+) SNS messages, \1 S3 events, \1 log files/);
    expect(text('insights.ts')).toMatch(/Start ApiCallRateInsight CreateUser/);
    expect(text('lake.ts')).toMatch(/created by admin: \["bob","carol"\]|Lake SQL skipped/);
    expect(text('aws-sdk.ts')).toMatch(/cloudtrail.amazonaws.com LookupEvents readOnly: true by alice/);
    expect(text('aws-sdk.ts')).toMatch(/rule\/iam-changes \| recorded: 1/);
    expect(text('sigma.ts')).toMatch(/57 rules, [1-9]\d* fired/);
  }, 300_000);

  it('runs the vitest example with vitest, and the scenario with trailsim run', async () => {
    const v = await run(process.execPath, [join(proj, 'node_modules/vitest/vitest.mjs'), 'run', 'examples/detector.test.ts', '--root', proj], 180_000);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/Tests\s+2 passed/);
    const s = await run(join(proj, 'node_modules/.bin/trailsim'), ['run', 'examples/scenario.ts', '--out', join(proj, 'out/leaked-key')]);
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/What did 198\.51\.100\.23 do\?\n.*ListBuckets\n.*CreateUser/);
  }, 240_000);
});
