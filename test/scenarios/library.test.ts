/**
 * The scenario library (scenarios/attack-*.ts): every playbook makes the Sigma rules it
 * targets fire and no others but the noisy hunting rule, is caught by a Sigma rule or one of
 * the example detections (detections/), carries a valid ATT&CK mapping and references;
 * background traffic alone fires only the noisy rule and no example detection; every record
 * is one CloudTrail could write, and runs are deterministic. The coverage of the 57 SigmaHQ
 * CloudTrail rules is printed and written to scenarios/COVERAGE.md (checked to be up to
 * date; `TRAILSIM_UPDATE_COVERAGE=1` rewrites it).
 *
 * Each playbook is run once and every assertion shares that run; the second run that checks
 * determinism is made for every sixth playbook (all of them under TRAILSIM_LONG=1), which
 * keeps the file near 30 s for 100 playbooks on two cores.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioLibrary, scenariosDir, type LibraryEntry } from '../../src/scenario/library.js';
import { runScenario } from '../../src/scenario/run.js';
import { createSimulation, type Simulation } from '../../src/simulation.js';
import { compileSigmaRule, loadSigmaRules } from '../../src/sigma/index.js';
import { validateRecord } from '../../src/validate/index.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

const RULES_DIR = join(import.meta.dirname, '../../rules/sigma-aws-cloudtrail');
const DETECTIONS_DIR = join(import.meta.dirname, '../../detections');

/** An example detection, as detections/*.ts modules default-export them (alone or in arrays). */
interface Detection {
  id: string;
  title: string;
  description?: string;
  techniques?: string[];
  match(record: CloudTrailRecord): boolean;
}

async function loadDetections(): Promise<{ file: string; detection: Detection }[]> {
  const out: { file: string; detection: Detection }[] = [];
  for (const file of readdirSync(DETECTIONS_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = (await import(join(DETECTIONS_DIR, file))) as { default: unknown };
    for (const d of Array.isArray(mod.default) ? mod.default : [mod.default]) out.push({ file, detection: d as Detection });
  }
  return out;
}

const DETECTIONS = await loadDetections();

/** ATT&CK Enterprise tactics (the short names ATT&CK uses in URLs and STIX kill-chain phases). */
const TACTICS = new Set([
  'reconnaissance', 'resource-development', 'initial-access', 'execution', 'persistence', 'privilege-escalation',
  'defense-evasion', 'credential-access', 'discovery', 'lateral-movement', 'collection', 'command-and-control',
  'exfiltration', 'impact',
]);

/** The public rules the library makes fire, at least (4 of the 57 cannot fire on real-shaped records; see COVERAGE.md). */
const MIN_SIGMA_COVERED = 53;
const RULES = loadSigmaRules(RULES_DIR).map(compileSigmaRule);
const RULE_IDS = new Set(RULES.map((c) => c.rule.id));
const TITLE = new Map(RULES.map((c) => [c.rule.id, c.rule.title]));

/**
 * The hunting rule detection-scenarios.md marks as firing on benign traffic: any call by an
 * assumed-role session (905d389b). Any scenario may fire it. (The other noisy one, f305fd62
 * ListBuckets by a non-role caller, is avoided by the background personas and listed in a
 * playbook's targets when the playbook enumerates buckets that way.)
 * Two more fire on any estate that uses Identity Center or its root user, as a real one
 * does: f43f5d2f on every AssumeRoleWithSAML (Identity Center writes one in the member
 * account for each role session it hands out, and the estate writes the issuing record of
 * every `AWSReservedSSO_*` session a playbook uses), and 8ad1600d on any root call (the
 * management account's root user signs in now and then).
 */
const NOISY = new Set(['905d389b-b853-46d0-9d3d-dea0d3a3cd49', 'f43f5d2f-3f2a-4cc8-b1af-81fde7dbaf0e', '8ad1600d-e9dc-4251-b0ee-a65268f29add']);


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
  /** Example detections that fired on the playbook's own (non-background) records. */
  detected: Set<string>;
  /** Example detections that fired on background records (must stay empty). */
  noisy: string[];
  invalid: string[];
  /** Digest of the records, kept only for the playbooks whose determinism is checked. */
  digest?: string;
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


// Re-running a playbook to compare digests doubles this file's time; npm test re-runs every
// sixth playbook, npm run test:long (TRAILSIM_LONG=1) all of them.
const LONG = process.env.TRAILSIM_LONG === '1';
const checksDeterminism = (index: number): boolean => LONG || index % 6 === 0;

const outcomes = new Map<string, Promise<Outcome>>();

/** Runs a playbook once; every test of it shares the result. */
function outcome(e: LibraryEntry): Promise<Outcome> {
  const index = playbooks.indexOf(e);
  let p = outcomes.get(e.file);
  if (!p) {
    // Background records are the ones the traffic driver builds (Simulation.buildIntent, its
    // only way to make records), tagged as they are built: a playbook's own typeless service
    // event (CreateAccountResult) is not background just because it has no userIdentity.type.
    const generated = new WeakSet<CloudTrailRecord>();
    const tag = (sim: Simulation) => {
      const build = sim.buildIntent.bind(sim);
      sim.buildIntent = (it, region, rng) => {
        const out = build(it, region, rng);
        for (const r of out) generated.add(r);
        return out;
      };
    };
    p = runScenario(e.scenario, { onSimulation: tag }).then(({ sim }) => {
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
      const detected = new Set<string>();
      const noisy: string[] = [];
      let background = 0;
      for (const r of records) {
        const bg = generated.has(r);
        if (bg) background++;
        for (const { detection } of DETECTIONS) {
          if (!detection.match(r)) continue;
          if (bg) noisy.push(`${detection.id} on ${r.eventName}`);
          else detected.add(detection.id);
        }
      }
      return { records: records.length, background, fired: fire(records), detected, noisy, invalid, ...(checksDeterminism(index) ? { digest: digest(records) } : {}) };
    });
    outcomes.set(e.file, p);
  }
  return p;
}

describe('scenario library', () => {
  it('ships at least 90 attack and misconfiguration playbooks, each with a unique name matching its file', () => {
    expect(playbooks.length).toBeGreaterThanOrEqual(90);
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

  it('maps every playbook to ATT&CK and gives it a title and public references', () => {
    for (const e of playbooks) {
      const s = e.scenario;
      expect(s.title?.trim().length ?? 0, `${e.name}: title`).toBeGreaterThan(10);
      expect(s.attack?.techniques.length ?? 0, `${e.name}: techniques`).toBeGreaterThan(0);
      for (const t of s.attack?.techniques ?? []) expect(t, e.name).toMatch(/^T1\d{3}(\.\d{3})?$/);
      expect(s.attack?.tactics.length ?? 0, `${e.name}: tactics`).toBeGreaterThan(0);
      for (const t of s.attack?.tactics ?? []) expect(TACTICS.has(t), `${e.name}: tactic ${t}`).toBe(true);
      expect(s.references?.length ?? 0, `${e.name}: references`).toBeGreaterThan(0);
      for (const u of s.references ?? []) expect(u, e.name).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
    }
    expect(new Set(playbooks.map((e) => e.scenario.title)).size).toBe(playbooks.length);
  });

  it('ships example detections of the shape coverage loads, with unique ids and ATT&CK techniques', () => {
    expect(DETECTIONS.length).toBeGreaterThan(40);
    const ids = new Set<string>();
    for (const { file, detection: d } of DETECTIONS) {
      expect(typeof d.id, file).toBe('string');
      expect(d.id, file).toMatch(/^aws-[a-z0-9-]+$/);
      expect(ids.has(d.id), `${file}: duplicate id ${d.id}`).toBe(false);
      ids.add(d.id);
      expect(d.title.length, d.id).toBeGreaterThan(10);
      expect(typeof d.match, d.id).toBe('function');
      for (const t of d.techniques ?? []) expect(t, d.id).toMatch(/^T1\d{3}(\.\d{3})?$/);
    }
  });
});


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

  it('is caught by a public Sigma rule or an example detection, and no detection fires on its background', async () => {
    const o = await outcome(e);
    const sigma = [...o.fired.keys()].filter((k) => !NOISY.has(k));
    expect(sigma.length + o.detected.size, 'nothing catches this playbook').toBeGreaterThan(0);
    expect(o.noisy.slice(0, 5)).toEqual([]);
  });

  it.runIf(checksDeterminism(index))('is deterministic: the same seed gives the same records', async () => {
    const o = await outcome(e);
    const again = await runScenario(e.scenario);
    expect(o.digest).toBeDefined();
    expect(digest(again.sim.records())).toBe(o.digest);
  });
});

describe('background traffic alone', () => {
  it('fires no rule but the noisy ones', () => {
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
    // The example detections stay quiet on a day of benign traffic.
    expect(DETECTIONS.filter(({ detection }) => records.some((r) => detection.match(r))).map(({ detection }) => detection.id)).toEqual([]);
    // The hunting rule is noisy indeed: it fires on most background calls.
    expect(fired.get('905d389b-b853-46d0-9d3d-dea0d3a3cd49') ?? 0).toBeGreaterThan(records.length / 2);
  });
});

describe('Sigma rule coverage', () => {
  it(`makes at least ${MIN_SIGMA_COVERED} of the 57 rules fire, and documents why the others cannot`, async () => {
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
    expect(byRule.size).toBeGreaterThanOrEqual(MIN_SIGMA_COVERED);
    // Every rule left out is a documented rule gap of some playbook.
    expect(left.filter((id) => !gaps.has(id))).toEqual([]);

    const detectedBy = new Map<string, string[]>();
    for (const e of playbooks) detectedBy.set(e.name, [...(await outcome(e)).detected].sort());
    const md = coverageMarkdown(byRule, left, gaps, detectedBy);
    const file = join(scenariosDir(), 'COVERAGE.md');
    if (process.env.TRAILSIM_UPDATE_COVERAGE === '1') writeFileSync(file, md);
    expect(existsSync(file), 'scenarios/COVERAGE.md is missing: run TRAILSIM_UPDATE_COVERAGE=1 npx vitest run test/scenarios').toBe(true);
    expect(readFileSync(file, 'utf8'), 'scenarios/COVERAGE.md is out of date: run TRAILSIM_UPDATE_COVERAGE=1 npx vitest run test/scenarios').toBe(md);
  });
});

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function coverageMarkdown(byRule: Map<string, string[]>, left: string[], gaps: Map<string, { reason: string; scenarios: string[] }>, detectedBy: Map<string, string[]>): string {
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
    '## Noisy rules',
    '',
    '`905d389b-b853-46d0-9d3d-dea0d3a3cd49` (AWS STS AssumeRole Misuse) fires on every call by an',
    'assumed-role session, so it fires on the background traffic of every scenario. On an estate in an',
    'organization, `f43f5d2f-3f2a-4cc8-b1af-81fde7dbaf0e` (AWS Suspicious SAML Activity) fires on every',
    'Identity Center role session (each is an AssumeRoleWithSAML) and `8ad1600d-e9dc-4251-b0ee-a65268f29add`',
    '(AWS Root Credentials) on the management account\'s rare root sign-ins; background traffic fires no',
    'other rule. `f305fd62-beca-47da-ad95-7690a0620084` (ListBuckets by a caller that is not an assumed',
    'role) is kept out of the background and targeted by the playbooks that enumerate buckets that way.',
    '',
    `## Playbooks (${playbooks.length})`,
    '',
    'Each playbook is caught by at least one SigmaHQ rule (its targets, besides the noisy hunting',
    'rule) or one of the example detections in `detections/` (fired on its own records; none fires',
    'on background traffic).',
    '',
    '| playbook | ATT&CK | Sigma targets | documented rule gaps | example detections |',
    '| --- | --- | --- | --- | --- |',
    ...playbooks.map((e) => `| \`${e.name}\` | ${(e.scenario.attack?.techniques ?? []).join(' ')} | ${e.targets.map((t) => `\`${t.slice(0, 8)}\``).join(' ') || '-'} | ${e.gaps.map((g) => `\`${g.rule.slice(0, 8)}\``).join(' ') || '-'} | ${(detectedBy.get(e.name) ?? []).map((d) => `\`${d}\``).join(' ') || '-'} |`),
    '',
    `## ATT&CK techniques (${techniqueCount()})`,
    '',
    '| technique | playbooks |',
    '| --- | --- |',
    ...techniqueRows(),
    '',
  ];
  return lines.join('\n');
}

function techniqueMap(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const e of playbooks) for (const t of e.scenario.attack?.techniques ?? []) m.set(t, [...(m.get(t) ?? []), e.name]);
  return m;
}

function techniqueCount(): number {
  return techniqueMap().size;
}

function techniqueRows(): string[] {
  const m = techniqueMap();
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...m.keys()].sort(order).map((t) => `| [${t}](https://attack.mitre.org/techniques/${t.replace('.', '/')}/) | ${m.get(t)!.map((n) => `\`${n}\``).join(', ')} |`);
}
