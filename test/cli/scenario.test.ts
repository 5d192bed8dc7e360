import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import whizlab from '../../scenarios/whizlab-2-37.js';
import { runScenario } from '../../src/scenario/run.js';

describe('scenarios/whizlab-2-37.ts', () => {
  it('answers the audit questions from event history', async () => {
    const { answers, sim } = await runScenario(whizlab);
    const byQ = Object.fromEntries(answers.map((a) => [a.question, a.lines]));
    const iam = byQ['Who changed IAM, and what did they change?'].join('\n');
    expect(iam).toMatch(/alice\.admin CreateUser/);
    expect(iam).toMatch(/alice\.admin AttachUserPolicy/);
    expect(iam).toMatch(/alice\.admin CreateAccessKey/);
    const eve = byQ["What did the contractor's credentials do, and from where?"];
    expect(eve.length).toBe(3);
    for (const l of eve) expect(l).toContain('203.0.113.77');
    expect(eve.join('\n')).toMatch(/StopLogging from 203\.0\.113\.77 -> AccessDeniedException/);
    expect(byQ['Who opened a security group, when, and from where?'].join('\n')).toMatch(/user\/contractor-eve from 203\.0\.113\.77/);
    expect(byQ['Did anyone try to stop or change logging?'].join('\n')).toMatch(/contractor-eve StopLogging \(failed: AccessDeniedException\)/);
    expect(sim.recordTotal).toBeGreaterThan(1000);
  });

  it('runs from the CLI and is byte-identical for the same seed', async () => {
    const outs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'trailsim-run-'));
      const lines: string[] = [];
      const code = await main(['run', 'scenarios/whizlab-2-37.ts', '--seed', '5', '--out', dir], { out: (s) => void lines.push(s), err: () => {} });
      expect(code).toBe(0);
      expect(lines.join('\n')).toMatch(/Who changed IAM/);
      outs.push(readFileSync(join(dir, 'records.jsonl'), 'utf8'));
    }
    expect(outs[0]).toBe(outs[1]);
  });
});
