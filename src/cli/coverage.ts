/**
 * `trailsim coverage`: runs the attack playbooks and a benign baseline, evaluates Sigma rules
 * and JavaScript/TypeScript detections, prints a summary and writes coverage.json and a
 * self-contained coverage.html.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TrailsimInputError } from '../core/errors.js';
import { coverage, type CoverageRule, type ScenarioFilter } from '../coverage/coverage.js';
import { bundledDetectionsDir, loadDetections, loadSigmaDetections } from '../coverage/load.js';
import { checkCoverage } from '../coverage/check.js';
import { bundledSigmaRulesDir } from '../sigma/index.js';
import { coverageHtml } from '../report/build.js';
import type { CommandIO } from './io.js';
import { readRecordsFile } from './detect.js';

export const COVERAGE_HELP = `Usage: trailsim coverage [options]

Runs every attack playbook (scenarios/attack-*.ts, or the ones chosen) and a benign
baseline of generated background traffic, evaluates detections over both, and writes
DIR/coverage.json and DIR/coverage.html: per detection, the playbooks it caught and
missed and its false positives per 10k benign records and per day; per playbook, the
detections that caught it; an ATT&CK matrix coloured by coverage. A detection catches a
playbook when it fires on the playbook's own activity, not on the background traffic
mixed into it.

Detections:
  --rules DIR            Sigma rules (*.yml, *.yaml) under DIR, repeatable (default: the
                         57 SigmaHQ CloudTrail rules that ship with trailsim)
  --no-sigma             evaluate no Sigma rules
  --detections PATH      JavaScript/TypeScript detection modules: a file, or every .ts/.js
                         module under a folder, repeatable (default: the example detections
                         in the package's detections/ folder, when it has one). A module
                         default-exports { id, title, description?, techniques?, playbooks?,
                         match(record) } or an array of them
  --no-detections        load no detection modules

Playbooks (default: every attack-* playbook):
  --scenarios A,B        these scenarios, by name
  --tactic T             playbooks with this ATT&CK tactic (defense-evasion)
  --technique T          playbooks with this technique or its sub-techniques (T1562)

Baseline (generated like 'trailsim generate': account-1 is the organization's management account):
  --baseline-days N      days of benign traffic (default 1; 0 for no baseline; with
                         --baseline-records, the days they span instead of their UTC days)
  --baseline-accounts N  accounts (default 1)
  --baseline-regions R   comma-separated regions (default us-east-1)
  --baseline-rate R      calls per hour per account and region (default 1000/h)
  --seed N               baseline seed (default 1)
  --baseline-records F   use these benign records instead (JSONL or CloudTrail JSON files, gzip
                         too; repeatable): e.g. a reviewed day of your own logs

Output and checks:
  --out DIR              output folder (default out/coverage)
  --json                 print coverage.json to standard output instead of the summary
  --check                exit 1 when a detection misses a playbook that expects it (the
                         playbook's targets, or the detection's playbooks)
  --max-fp-per-10k N     with --check, also exit 1 when a detection has more false positives
                         per 10k benign records (noisy rules can be named with --noisy)
  --noisy ID,...         detection ids exempt from --max-fp-per-10k
  -h, --help             show this help

Exit code 0 after a run (1 when --check fails), 2 on a usage error.

Examples:
  trailsim coverage
  trailsim coverage --tactic defense-evasion --out out/cov
  trailsim coverage --no-sigma --detections detections/ --scenarios attack-cloudtrail-tampering,attack-guardduty-disruption
  trailsim coverage --baseline-records out/gen/records.jsonl --tactic impact
  trailsim coverage --rules my-sigma/ --baseline-days 3 --baseline-accounts 2 --check --max-fp-per-10k 5`;

class CoverageUsageError extends TrailsimInputError {
  override name = 'UsageError';
}

function whole(v: string | undefined, name: string, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new CoverageUsageError(`${name} must be a whole number of at least ${min}; got '${v}'.`);
  return Number(v);
}

export async function coverageCommand(args: string[], io: CommandIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      strict: true,
      options: {
        rules: { type: 'string', multiple: true },
        'no-sigma': { type: 'boolean' },
        detections: { type: 'string', multiple: true },
        'no-detections': { type: 'boolean' },
        scenarios: { type: 'string' },
        tactic: { type: 'string' },
        technique: { type: 'string' },
        'baseline-days': { type: 'string' },
        'baseline-accounts': { type: 'string' },
        'baseline-regions': { type: 'string' },
        'baseline-rate': { type: 'string' },
        seed: { type: 'string' },
        'baseline-records': { type: 'string', multiple: true },
        out: { type: 'string' },
        json: { type: 'boolean' },
        check: { type: 'boolean' },
        'max-fp-per-10k': { type: 'string' },
        noisy: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`trailsim coverage: ${(e as Error).message}\n\n${COVERAGE_HELP}`);
    return 2;
  }
  const v = parsed.values;
  if (v.help) return io.out(COVERAGE_HELP), 0;
  try {
    if (v['no-sigma'] && v.rules) throw new CoverageUsageError('--rules and --no-sigma contradict each other.');
    if (v['no-detections'] && v.detections) throw new CoverageUsageError('--detections and --no-detections contradict each other.');
    const rules: CoverageRule[] = [];
    if (!v['no-sigma']) for (const dir of v.rules ?? [bundledSigmaRulesDir()]) rules.push(...loadSigmaDetections(dir));
    if (!v['no-detections']) {
      const paths = v.detections ?? [bundledDetectionsDir()].filter((d): d is string => d !== undefined);
      for (const p of paths) rules.push(...(await loadDetections(p)));
    }
    if (rules.length === 0) throw new CoverageUsageError('no detections to evaluate: give --rules or --detections.');
    const filter: ScenarioFilter = {
      ...(v.scenarios ? { names: v.scenarios.split(',').map((s) => s.trim()).filter((s) => s !== '') } : {}),
      ...(v.tactic ? { tactic: v.tactic } : {}),
      ...(v.technique ? { technique: v.technique } : {}),
    };
    const days = whole(v['baseline-days'], '--baseline-days', 0) ?? 1;
    const seed = v.seed === undefined ? undefined : /^-?\d+$/.test(v.seed) ? Number(v.seed) : v.seed;
    const maxFp = v['max-fp-per-10k'] === undefined ? undefined : Number(v['max-fp-per-10k']);
    if (maxFp !== undefined && !(maxFp >= 0)) throw new CoverageUsageError(`--max-fp-per-10k must be a number of at least 0; got '${v['max-fp-per-10k']}'.`);
    if (v['baseline-records'] && (v['baseline-accounts'] || v['baseline-regions'] || v['baseline-rate'] || v.seed)) throw new CoverageUsageError('--baseline-records replaces the generated baseline: drop --baseline-accounts/-regions/-rate/--seed.');
    const given = v['baseline-records'] ? (await Promise.all(v['baseline-records'].map((f) => readRecordsFile(f)))).flat() : undefined;
    const result = await coverage({
      rules,
      scenarios: filter,
      baseline: given
        ? { records: given, ...(v['baseline-days'] ? { days: Math.max(1, days) } : {}) }
        : days === 0
          ? false
          : {
              days,
              ...(v['baseline-accounts'] ? { accounts: whole(v['baseline-accounts'], '--baseline-accounts', 1) } : {}),
              ...(v['baseline-regions'] ? { regions: v['baseline-regions'].split(',').map((s) => s.trim()) } : {}),
              ...(v['baseline-rate'] ? { rate: v['baseline-rate'] } : {}),
              ...(seed !== undefined ? { seed } : {}),
            },
      onProgress: v.json ? undefined : (p) => {
        if (p.phase === 'baseline') io.err(`baseline done`);
        else if (p.done === p.total || p.done % 10 === 0) io.err(`playbooks: ${p.done}/${p.total}`);
      },
    });
    const out = v.out ?? join('out', 'coverage');
    mkdirSync(out, { recursive: true });
    const json = JSON.stringify(result, null, 2) + '\n';
    writeFileSync(join(out, 'coverage.json'), json);
    writeFileSync(join(out, 'coverage.html'), coverageHtml(result));
    if (v.json) io.out(json.trimEnd());
    else {
      const t = result.totals;
      io.out(`playbooks: ${t.playbooks} run, ${t.caught} caught by at least one detection`);
      io.out(`detections: ${t.detections} (${t.evaluated} evaluated), ${t.firing} caught at least one playbook; expected catches missed: ${t.missed}`);
      io.out(`ATT&CK techniques: ${t.techniques}, every playbook caught for ${t.techniquesCovered}`);
      io.out(`baseline: ${result.baseline.records} benign records over ${result.baseline.days} day(s)`);
      const uncaught = result.playbooks.filter((p) => p.caughtBy.length === 0);
      if (uncaught.length > 0) io.out(`not caught: ${uncaught.map((p) => p.name).join(', ')}`);
      for (const d of result.detections) if (d.missed.length > 0) io.out(`missed: ${d.id} (${d.title}) stays silent on ${d.missed.join(', ')}`);
      const noisy = result.detections.filter((d) => d.falsePositives.hits > 0).sort((a, b) => b.falsePositives.per10k - a.falsePositives.per10k);
      for (const d of noisy.slice(0, 10)) io.out(`noisy: ${d.id} (${d.title}) ${d.falsePositives.per10k} per 10k benign records, ${d.falsePositives.perDay} per day`);
      for (const d of result.detections) if (d.errors) io.out(`error: ${d.id} threw on ${d.errors.count} record(s): ${d.errors.first}`);
      io.out(`wrote ${join(out, 'coverage.json')} and ${join(out, 'coverage.html')}`);
    }
    if (v.check) {
      const failures = checkCoverage(result, {
        ...(maxFp !== undefined ? { maxFalsePositivesPer10k: maxFp } : {}),
        ...(v.noisy ? { noisy: v.noisy.split(',').map((s) => s.trim()) } : {}),
      });
      for (const f of failures) io.err(`check failed: ${f}`);
      if (failures.length > 0) return 1;
    }
    return 0;
  } catch (e) {
    if (e instanceof CoverageUsageError) {
      io.err(`trailsim coverage: ${e.message}\n\n${COVERAGE_HELP}`);
      return 2;
    }
    throw e;
  }
}
