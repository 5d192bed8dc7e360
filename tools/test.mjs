#!/usr/bin/env node
// `npm test`: the type check (tsc --noEmit), the build (tsup) and the test run (vitest run, on
// every core) at the same time. Only test/user/* needs the build: those files are scheduled last
// and wait for it (test/setup/wait-for-build.ts, through TRAILSIM_BUILD_DONE). Started one after
// the other, the build and type check left a core idle for a minute on a 2-core machine before
// the first test ran. Arguments go to vitest (`npm test -- test/bus`). Exits non-zero if any of
// the three fails; the type check's and build's output is shown after the tests'.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const started = performance.now();
const scratch = mkdtempSync(join(tmpdir(), 'trailsim-npm-test-'));
const buildDone = join(scratch, 'build-done');

/** Runs a node script with its output held back; resolves with its exit code and output. */
function quiet(name, bin, args) {
  return new Promise((resolve) => {
    const out = [];
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', (e) => resolve({ name, code: 1, output: String(e), seconds: 0 }));
    child.on('close', (code) => resolve({ name, code: code ?? 1, output: Buffer.concat(out).toString(), seconds: (performance.now() - started) / 1000 }));
  });
}

const typecheck = quiet('tsc --noEmit', require.resolve('typescript/bin/tsc'), ['--noEmit']);
const build = quiet('tsup --silent', require.resolve('tsup/dist/cli-default.js'), ['--silent']).then((r) => {
  writeFileSync(buildDone, String(r.code));
  return r;
});
const tests = new Promise((resolve) => {
  const child = spawn(process.execPath, [join(import.meta.dirname, '../node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TRAILSIM_BUILD_DONE: buildDone },
  });
  child.on('error', (e) => resolve({ name: 'vitest run', code: 1, output: String(e) }));
  child.on('close', (code) => resolve({ name: 'vitest run', code: code ?? 1, output: '' }));
});

const results = await Promise.all([tests, typecheck, build]);
rmSync(scratch, { recursive: true, force: true });
let failed = false;
for (const r of results) {
  if (r.output.trim()) process.stdout.write(r.output.endsWith('\n') ? r.output : r.output + '\n');
  if (r.code !== 0) {
    failed = true;
    process.stderr.write(`${r.name} failed (exit ${r.code})\n`);
  }
}
const [, tc, b] = results;
process.stdout.write(`npm test: ${((performance.now() - started) / 1000).toFixed(0)} s in all (tsc done at ${tc.seconds.toFixed(0)} s, tsup at ${b.seconds.toFixed(0)} s, both alongside the tests)\n`);
process.exitCode = failed ? 1 : 0;
