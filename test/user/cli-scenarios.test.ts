/**
 * The installed `trailsim` binary (bin/trailsim.mjs → dist/, built by `npm test` first) running
 * scenario files from a user's project, as a newcomer would: a project made with `npm init`
 * (no "type": "module", so Node calls its .ts files CommonJS) that depends on trailsim.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');

function project(type?: 'module'): string {
  const dir = mkdtempSync(join(tmpdir(), 'trailsim-user-project-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'my-audit-tests', version: '1.0.0', ...(type ? { type } : {}) }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'trailsim'), 'dir');
  writeFileSync(join(dir, 'ok.ts'), "import { defineScenario } from 'trailsim';\nexport default defineScenario({ name: 'ok', run({ sim }) { const a = sim.addAccount({ name: 'a' }); sim.call(a.iamUser('u'), 'iam:ListUsers'); } });\n");
  writeFileSync(join(dir, 'typo.ts'), "import { defineScenario } from 'trailsim';\nexport default defineScenario({ name: 'typo', run({ sim }) { const n: number = ; } });\n");
  writeFileSync(join(dir, 'feb30.ts'), "import { defineScenario } from 'trailsim';\nexport default defineScenario({\n  name: 'feb30',\n  run({ sim }) {\n    sim.advanceTo('2026-02-30');\n  },\n});\n");
  return dir;
}

function trailsim(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/trailsim.mjs'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each([['a CommonJS project (npm init)', undefined], ['an ESM project', 'module' as const]])('trailsim run in %s', (_, type) => {
  const dir = project(type);

  it('runs a scenario .ts file and writes its records', () => {
    const r = trailsim(dir, 'run', 'ok.ts', '--out', 'out');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'records.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('a syntax error is one line with file:line:column, exit 2', () => {
    const r = trailsim(dir, 'run', 'typo.ts');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('trailsim run: ScenarioLoadError: typo.ts:2:80: syntax error: Unexpected ";"');
  });

  it('an impossible date in the scenario fails at its line, exit 1', () => {
    const r = trailsim(dir, 'run', 'feb30.ts');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe("trailsim run: scenario 'feb30' failed at feb30.ts:5:9: InvalidTimeError: Invalid advanceTo time: '2026-02-30': 2026-02 has no day 30 (it has 28 days). Use an ISO-8601 date or date-time with a zone (2026-03-01, 2026-03-01T09:30:00Z), epoch milliseconds, or a valid Date.");
  });
});
