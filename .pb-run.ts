import { runScenario } from './src/scenario/run.js';
import { asScenario } from './src/scenario/define.js';
import { compileSigmaRule, loadSigmaRules } from './src/sigma/index.js';
import { validateRecord } from './src/validate/index.js';
import { readdirSync } from 'node:fs';
const RULES = loadSigmaRules('rules/sigma-aws-cloudtrail').map(compileSigmaRule);
const dets: { id: string; match(r: unknown): boolean }[] = [];
for (const f of readdirSync('detections').filter((f) => f.endsWith('.ts'))) {
  const m = await import('./detections/' + f);
  const d = m.default;
  for (const x of Array.isArray(d) ? d : [d]) dets.push(x);
}
for (const file of process.argv.slice(2)) {
  const mod = await import('./' + file);
  const sc = asScenario(mod, file);
  const t0 = performance.now();
  const { sim } = await runScenario(sc);
  const recs = sim.records();
  const fired = new Map<string, number>();
  const dfired = new Map<string, number>();
  const invalid: string[] = [];
  const BG = new Set(['terraform-ci', 'AWSReservedSSO_DeveloperAccess_3f9a1c2b7d4e6a80', 'orders-api-task-role', 'AWSServiceRoleForConfig']);
  let bg = 0;
  for (const r of recs) {
    const u = r.userIdentity;
    const isBg = !!u && (u.type === 'AWSService' || (u.type === 'IAMUser' && u.userName === 'ops-admin') || BG.has(u.sessionContext?.sessionIssuer?.userName ?? ''));
    if (isBg) bg++;
    for (const c of RULES) if (c.matches(r) && c.rule.id !== '905d389b-b853-46d0-9d3d-dea0d3a3cd49') fired.set(c.rule.id.slice(0, 8) + ' ' + c.rule.title, (fired.get(c.rule.id.slice(0, 8) + ' ' + c.rule.title) ?? 0) + 1);
    for (const d of dets) if (d.match(r)) dfired.set(d.id + (isBg ? ' (BACKGROUND!)' : ''), (dfired.get(d.id + (isBg ? ' (BACKGROUND!)' : '')) ?? 0) + 1);
    const ii = r.userIdentity?.arn?.includes(':assumed-role/aws:ec2-instance/');
    for (const v of validateRecord(r)) if (v.severity === 'error' && !(ii && (v.rule === 'userIdentity.sessionIssuer.arn' || v.rule === 'userIdentity.AssumedRole.arn'))) invalid.push(`${r.eventName}: ${v.rule} ${v.message}`);
  }
  console.log(`== ${sc.name} (${(performance.now() - t0).toFixed(0)} ms) records ${recs.length} bg ${(bg / recs.length).toFixed(2)} targets [${(sc.targets ?? []).map((t) => t.slice(0, 8)).join(' ')}]`);
  console.log('  sigma:', [...fired].map(([k, v]) => `${k} x${v}`).join(' | ') || '-');
  console.log('  dets :', [...dfired].map(([k, v]) => `${k} x${v}`).join(' | ') || '-');
  if (invalid.length) console.log('  INVALID:', [...new Set(invalid)].slice(0, 8).join('\n    '));
}
