/**
 * The scenario library (scenarios/attack-*.ts): every playbook makes the Sigma rules it
 * targets fire and no others but the noisy hunting rule, background traffic alone fires only
 * that rule, every record is one CloudTrail could write, and runs are deterministic. The
 * coverage of the 57 SigmaHQ CloudTrail rules is printed and written to scenarios/COVERAGE.md
 * (checked to be up to date; `TRAILSIM_UPDATE_COVERAGE=1` rewrites it).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioLibrary, scenariosDir, type LibraryEntry } from '../../src/scenario/library.js';
import { runScenario } from '../../src/scenario/run.js';
import { createSimulation } from '../../src/simulation.js';
import { compileSigmaRule, loadSigmaRules } from '../../src/sigma/index.js';
import { validateRecord } from '../../src/validate/index.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

const RULES_DIR = join(import.meta.dirname, '../../rules/sigma-aws-cloudtrail');
const RULES = loadSigmaRules(RULES_DIR).map(compileSigmaRule);
const RULE_IDS = new Set(RULES.map((c) => c.rule.id));
const TITLE = new Map(RULES.map((c) => [c.rule.id, c.rule.title]));

/**
 * The hunting rule detection-scenarios.md marks as firing on benign traffic: any call by an
 * assumed-role session (905d389b). Any scenario may fire it. (The other noisy one, f305fd62
 * ListBuckets by a non-role caller, is avoided by the background personas and listed in a
 * playbook's targets when the playbook enumerates buckets that way.)
 */
const NOISY = new Set(['905d389b-b853-46d0-9d3d-dea0d3a3cd49']);

/** Principals of the default background personas (src/activity/persona.ts). */
const BACKGROUND_ROLES = new Set(['terraform-ci', 'AWSReservedSSO_DeveloperAccess_3f9a1c2b7d4e6a80', 'orders-api-task-role', 'AWSServiceRoleForConfig']);

/**
 * Validator rules that reject the AWS-reserved instance identity role name `aws:ec2-instance`
 * (a role name with a colon: `assumed-role/aws:ec2-instance/i-...`), which real records carry
 * (detection-scenarios.md, "Role-session identity"; EC2 guide, "Instance identity roles").
 * Allowed only on records of that identity; reported to the validator's owners.
 */
const INSTANCE_IDENTITY_RULES = new Set(['userIdentity.sessionIssuer.arn', 'userIdentity.AssumedRole.arn']);

const library = await loadScenarioLibrary();
const playbooks = library.filter((e) => e.playbook);

interface Outcome {
  records: number;
  background: number;
  /** Hits per rule id. */
  fired: Map<string, number>;
  invalid: string[];
  digest: string;
}

function digest(records: readonly CloudTrailRecord[]): string {
  const h = createHash('sha256');
  for (const r of records) h.update(JSON.stringify(r)).update('\n');
  return h.digest('hex');
}

function fire(records: Iterable<object>): Map<string, number> {
  const fired = new Map<string, number>();
  for (const r of records) for (const c of RULES) if (c.matches(r)) fired.set(c.rule.id, (fired.get(c.rule.id) ?? 0) + 1);
  return fired;
}

function isBackground(r: CloudTrailRecord): boolean {
  const u = r.userIdentity;
  if (!u) return false;
  if (u.type === 'AWSService') return true;
  if (u.type === 'IAMUser' && u.userName === 'ops-admin') return true;
  const issuer = u.sessionContext?.sessionIssuer?.userName;
  return issuer !== undefined && BACKGROUND_ROLES.has(issuer);
}

const outcomes = new Map<string, Promise<Outcome>>();

/** Runs a playbook once; every test of it shares the result. */
function outcome(e: LibraryEntry): Promise<Outcome> {
  let p = outcomes.get(e.file);
  if (!p) {
    p = runScenario(e.scenario).then(({ sim }) => {
      const records = sim.records();
      const invalid: string[] = [];
      for (const r of records) {
        const instanceIdentity = r.userIdentity?.arn?.includes(':assumed-role/aws:ec2-instance/') === true;
        for (const v of validateRecord(r)) {
          if (v.severity !== 'error') continue;
          if (instanceIdentity && INSTANCE_IDENTITY_RULES.has(v.rule)) continue;
          invalid.push(`${r.eventName}: ${v.rule} ${v.path} ${v.message}`);
        }
      }
      return { records: records.length, background: records.filter(isBackground).length, fired: fire(records), invalid, digest: digest(records) };
    });
    outcomes.set(e.file, p);
  }
  return p;
}

describe('scenario library', () => {
  it('ships at least 25 attack and misconfiguration playbooks, each with a unique name matching its file', () => {
    expect(playbooks.length).toBeGreaterThanOrEqual(25);
    for (const e of playbooks) expect(`${e.name}.ts`).toBe(e.file);
    expect(new Set(library.map((e) => e.name)).size).toBe(library.length);
    expect(new Set(playbooks.map((e) => e.scenario.seed)).size).toBe(playbooks.length);
  });

  it('names only real rule ids in targets and gaps, never the same rule in both', () => {
    for (const e of playbooks) {
      for (const t of e.targets) expect(RULE_IDS.has(t), `${e.name}: target ${t}`).toBe(true);
      for (const g of e.gaps) {
        expect(RULE_IDS.has(g.rule), `${e.name}: gap ${g.rule}`).toBe(true);
        expect(e.targets).not.toContain(g.rule);
        expect(g.reason.length).toBeGreaterThan(20);
      }
      expect(e.description.length, e.name).toBeGreaterThan(20);
    }
  });
});

// Re-running a playbook to compare digests doubles this file's time; npm test re-runs every
// sixth playbook, npm run test:long (TRAILSIM_LONG=1) all of them.
const LONG = process.env.TRAILSIM_LONG === '1';

describe.each(playbooks.map((e, i) => [e.name, e, i] as const))('%s', (_name, e, index) => {
  it('fires every rule it targets', async () => {
    const o = await outcome(e);
    expect(e.targets.filter((t) => !o.fired.has(t))).toEqual([]);
  });

  it('fires no rule but its targets and the noisy hunting rule', async () => {
    const o = await outcome(e);
    const extra = [...o.fired.keys()].filter((k) => !e.targets.includes(k) && !NOISY.has(k)).map((k) => `${k} ${TITLE.get(k)}`);
    expect(extra).toEqual([]);
  });

  it('leaves its documented rule gaps silent', async () => {
    const o = await outcome(e);
    expect(e.gaps.filter((g) => o.fired.has(g.rule))).toEqual([]);
  });

  it('is mixed into benign background traffic', async () => {
    const o = await outcome(e);
    expect(o.background).toBeGreaterThan(300);
    expect(o.background / o.records).toBeGreaterThan(0.6);
  });

  it('writes only records CloudTrail could write', async () => {
    const o = await outcome(e);
    expect(o.invalid.slice(0, 10)).toEqual([]);
  });

  it.runIf(LONG || index % 6 === 0)('is deterministic: the same seed gives the same records', async () => {
    const o = await outcome(e);
    const again = await runScenario(e.scenario);
    expect(digest(again.sim.records())).toBe(o.digest);
  });
});

describe('background traffic alone', () => {
  it('fires no rule but the noisy hunting rule', () => {
    const sim = createSimulation({ seed: 77, start: '2026-03-02T00:00:00Z' });
    const mgmt = sim.addAccount({ name: 'management', regions: ['us-east-1', 'eu-west-1'] });
    sim.addAccount({ name: 'workloads', regions: ['us-east-1'] });
    sim.createOrganization(mgmt);
    sim.addTraffic({ rate: '150/h' });
    sim.advanceTo('2026-03-03T00:00:00Z');
    const records = sim.records();
    expect(records.length).toBeGreaterThan(8000);
    const fired = fire(records);
    expect([...fired.keys()].filter((k) => !NOISY.has(k))).toEqual([]);
    // The hunting rule is noisy indeed: it fires on most background calls.
    expect(fired.get('905d389b-b853-46d0-9d3d-dea0d3a3cd49') ?? 0).toBeGreaterThan(records.length / 2);
  });
});

describe('Sigma rule coverage', () => {
  it('makes at least 40 of the 57 rules fire, and documents why the others cannot', async () => {
    expect(RULES).toHaveLength(57);
    const byRule = new Map<string, string[]>();
    for (const e of playbooks) {
      const o = await outcome(e);
      for (const t of e.targets) if (o.fired.has(t)) byRule.set(t, [...(byRule.get(t) ?? []), e.name]);
    }
    const left = RULES.map((c) => c.rule.id).filter((id) => !byRule.has(id));
    const gaps = new Map<string, { reason: string; scenarios: string[] }>();
    for (const e of playbooks) for (const g of e.gaps) {
      const cur = gaps.get(g.rule);
      if (cur) cur.scenarios.push(e.name);
      else gaps.set(g.rule, { reason: g.reason, scenarios: [e.name] });
    }
    console.log(`Sigma coverage: ${byRule.size} of ${RULES.length} SigmaHQ CloudTrail rules fire on at least one shipped scenario; left out: ${left.map((id) => id.slice(0, 8)).join(', ') || 'none'}`);
    expect(byRule.size).toBeGreaterThanOrEqual(40);
    // Every rule left out is a documented rule gap of some playbook.
    expect(left.filter((id) => !gaps.has(id))).toEqual([]);

    const md = coverageMarkdown(byRule, left, gaps);
    const file = join(scenariosDir(), 'COVERAGE.md');
    if (process.env.TRAILSIM_UPDATE_COVERAGE === '1') writeFileSync(file, md);
    expect(existsSync(file), 'scenarios/COVERAGE.md is missing: run TRAILSIM_UPDATE_COVERAGE=1 npx vitest run test/scenarios').toBe(true);
    expect(readFileSync(file, 'utf8'), 'scenarios/COVERAGE.md is out of date: run TRAILSIM_UPDATE_COVERAGE=1 npx vitest run test/scenarios').toBe(md);
  });
});

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function coverageMarkdown(byRule: Map<string, string[]>, left: string[], gaps: Map<string, { reason: string; scenarios: string[] }>): string {
  const byTitle = (a: string, b: string) => (TITLE.get(a)! < TITLE.get(b)! ? -1 : TITLE.get(a)! > TITLE.get(b)! ? 1 : 0);
  const lines: string[] = [
    '# Sigma rule coverage of the scenario library',
    '',
    '<!-- Generated by test/scenarios/library.test.ts; do not edit. Regenerate with',
    '     TRAILSIM_UPDATE_COVERAGE=1 npx vitest run test/scenarios -->',
    '',
    `The ${RULES.length} SigmaHQ rules for \`product: aws, service: cloudtrail\` (rules/sigma-aws-cloudtrail)`,
    'are run over the records of every shipped playbook (`scenarios/attack-*.ts`, each an attack or',
    'misconfiguration mixed into benign background traffic). A rule is covered when a playbook',
    'targets it and it fires there.',
    '',
    `**${byRule.size} of ${RULES.length} rules fire on at least one shipped scenario.**`,
    '',
    `## Covered rules (${byRule.size})`,
    '',
    '| rule id | title | scenarios |',
    '| --- | --- | --- |',
    ...[...byRule.keys()].sort(byTitle).map((id) => `| \`${id}\` | ${cell(TITLE.get(id)!)} | ${byRule.get(id)!.map((n) => `\`${n}\``).join(', ')} |`),
    '',
    `## Rules left out (${left.length})`,
    '',
    'These rules do not fire on the records real CloudTrail writes for the activity they describe',
    '(rule flaws, see shared/reference/detection-scenarios.md, "Findings about the rules themselves").',
    'Each has a playbook that performs the attack in real CloudTrail shape and checks that the rule',
    'stays silent.',
    '',
    '| rule id | title | why it cannot fire | playbook |',
    '| --- | --- | --- | --- |',
    ...[...left].sort(byTitle).map((id) => `| \`${id}\` | ${cell(TITLE.get(id)!)} | ${cell(gaps.get(id)!.reason)} | ${gaps.get(id)!.scenarios.map((n) => `\`${n}\``).join(', ')} |`),
    '',
    '## Noisy hunting rule',
    '',
    '`905d389b-b853-46d0-9d3d-dea0d3a3cd49` (AWS STS AssumeRole Misuse) fires on every call by an',
    'assumed-role session, so it fires on the background traffic of every scenario; background traffic',
    'alone fires no other rule. `f305fd62-beca-47da-ad95-7690a0620084` (ListBuckets by a caller that is',
    'not an assumed role) is kept out of the background and targeted by the playbooks that enumerate',
    'buckets that way.',
    '',
    `## Playbooks (${playbooks.length})`,
    '',
    '| playbook | targets | documented rule gaps |',
    '| --- | --- | --- |',
    ...playbooks.map((e) => `| \`${e.name}\` | ${e.targets.map((t) => `\`${t.slice(0, 8)}\``).join(' ') || '-'} | ${e.gaps.map((g) => `\`${g.rule.slice(0, 8)}\``).join(' ') || '-'} |`),
    '',
  ];
  return lines.join('\n');
}
