import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenariosCommand } from '../../src/cli/scenarios.js';
import { scenarioFiles, scenariosDir } from '../../src/scenario/library.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) } };
}

describe('trailsim scenarios', () => {
  it('lists every shipped scenario with its targets and gaps', async () => {
    const c = io();
    expect(await scenariosCommand([], c.io)).toBe(0);
    const text = c.out.join('\n');
    const files = scenarioFiles(scenariosDir());
    expect(text).toMatch(new RegExp(`^${files.length} scenarios in .*scenarios/ \\(${files.filter((f) => f.startsWith('attack-')).length} attack and misconfiguration playbooks\\)`));
    for (const f of files) expect(text).toContain(`(${f})`);
    expect(text).toMatch(/attack-cloudtrail-tampering {2}\(attack-cloudtrail-tampering\.ts\)\n {2}CloudTrail trail filtered, repointed, stopped and deleted\n {2}.+\n {2}ATT&CK: T1562\.008 \(defense-evasion\)\n {2}fires: 4db60cc0-36fb-42b7-9b58-a5b53019fb74 AWS CloudTrail Important Change\n/);
    expect(text).toMatch(/gap: {3}3940b5f1-3f46-44aa-b746-ebe615b879e0 AWS Route 53 Domain Transfer Lock Disabled stays silent: expects eventSource route53\.amazonaws\.com/);
    expect(c.err).toEqual([]);
  });

  it('--json prints one document with name, file, description, targets and gaps', async () => {
    const c = io();
    expect(await scenariosCommand(['--json'], c.io)).toBe(0);
    const doc = JSON.parse(c.out.join('\n')) as { scenarios: { name: string; file: string; description: string; playbook: boolean; targets: string[]; gaps: { rule: string; reason: string }[] }[] };
    expect(doc.scenarios.length).toBe(scenarioFiles(scenariosDir()).length);
    const ct = doc.scenarios.find((s) => s.name === 'attack-cloudtrail-tampering')!;
    expect(ct).toMatchObject({ file: 'attack-cloudtrail-tampering.ts', playbook: true, targets: ['4db60cc0-36fb-42b7-9b58-a5b53019fb74'], gaps: [] });
    expect(doc.scenarios.find((s) => s.name === 'whizlab-2-37')).toMatchObject({ playbook: false, targets: [] });
    expect(doc.scenarios.filter((s) => s.playbook).length).toBeGreaterThanOrEqual(90);
    expect(ct).toMatchObject({ title: 'CloudTrail trail filtered, repointed, stopped and deleted', attack: { techniques: ['T1562.008'], tactics: ['defense-evasion'] } });
    expect((ct as { references?: string[] }).references?.length).toBeGreaterThan(0);
  });

  it('--tactic and --technique keep the playbooks of an ATT&CK tactic or technique', async () => {
    const all = io();
    await scenariosCommand(['--json'], all.io);
    type S = { name: string; attack?: { techniques: string[]; tactics: string[] } };
    const every = (JSON.parse(all.out.join('\n')) as { scenarios: S[] }).scenarios;
    const run = async (...args: string[]) => {
      const c = io();
      expect(await scenariosCommand([...args, '--json'], c.io)).toBe(0);
      return (JSON.parse(c.out.join('\n')) as { scenarios: S[] }).scenarios;
    };
    const exfil = await run('--tactic', 'Exfiltration');
    expect(exfil.map((s) => s.name)).toEqual(every.filter((s) => s.attack?.tactics.includes('exfiltration')).map((s) => s.name));
    expect(exfil.length).toBeGreaterThan(5);
    expect(exfil.map((s) => s.name)).toContain('attack-rds-snapshot-sharing');
    // A technique id matches its sub-techniques; a sub-technique only itself.
    const t1098 = await run('--technique', 't1098');
    expect(t1098.every((s) => s.attack!.techniques.some((t) => t === 'T1098' || t.startsWith('T1098.')))).toBe(true);
    expect(t1098.map((s) => s.name)).toEqual(expect.arrayContaining(['attack-iam-backdoor-access-key', 'attack-login-profile-takeover']));
    const sub = await run('--technique', 'T1098.001');
    expect(sub.length).toBeLessThan(t1098.length);
    expect(sub.every((s) => s.attack!.techniques.includes('T1098.001'))).toBe(true);
    // Repeats are alternatives; --tactic with --technique must both match.
    const either = await run('--technique', 'T1485', '--technique', 'T1486');
    expect(either.every((s) => s.attack!.techniques.some((t) => t === 'T1485' || t === 'T1486' || t.startsWith('T1485.')))).toBe(true);
    const both = await run('--tactic', 'impact', '--technique', 'T1098');
    expect(both.every((s) => s.attack!.tactics.includes('impact') && s.attack!.techniques.some((t) => t.startsWith('T1098')))).toBe(true);
    const text = io();
    expect(await scenariosCommand(['--tactic', 'exfiltration'], text.io)).toBe(0);
    expect(text.out[0]).toMatch(new RegExp(`^${exfil.length} of ${every.length} scenarios in .* match`));
  });

  it('rejects an unknown tactic or a malformed technique id (exit 2)', async () => {
    const a = io();
    expect(await scenariosCommand(['--tactic', 'hacking'], a.io)).toBe(2);
    expect(a.err.join('\n')).toMatch(/'hacking' is not an ATT&CK tactic/);
    const b = io();
    expect(await scenariosCommand(['--technique', 'TA0005'], b.io)).toBe(2);
    expect(b.err.join('\n')).toMatch(/'TA0005' is not an ATT&CK technique id/);
  });

  it('--help prints usage; an unknown option or a missing folder is a usage error (exit 2)', async () => {
    const h = io();
    expect(await scenariosCommand(['--help'], h.io)).toBe(0);
    expect(h.out.join('\n')).toMatch(/^Usage: trailsim scenarios/);
    const bad = io();
    expect(await scenariosCommand(['--nope'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/Unknown option '--nope'/);
    const missing = io();
    expect(await scenariosCommand(['--dir', join(tmpdir(), 'trailsim-no-such-dir-7c1e')], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toMatch(/ENOENT/);
  });

  it('--dir reads another folder and rejects a file that is not a scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailsim-scenarios-'));
    writeFileSync(join(dir, 'attack-demo.ts'), "export const gaps = [{ rule: 'r1', reason: 'a reason long enough' }];\nexport default { name: 'attack-demo', description: 'demo', targets: ['r2'], run() {} };\n");
    const c = io();
    expect(await scenariosCommand(['--dir', dir, '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out.join('\n'))).toEqual({ scenarios: [{ name: 'attack-demo', file: 'attack-demo.ts', description: 'demo', playbook: true, targets: ['r2'], gaps: [{ rule: 'r1', reason: 'a reason long enough' }] }] });

    writeFileSync(join(dir, 'broken.ts'), 'export const x = 1;\n');
    const b = io();
    expect(await scenariosCommand(['--dir', dir], b.io)).toBe(2);
    expect(b.err.join('\n')).toMatch(/broken\.ts has no default export/);
  });
});
