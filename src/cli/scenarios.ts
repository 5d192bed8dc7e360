/**
 * `trailsim scenarios`: lists the scenarios that ship in the package's `scenarios/` folder
 * (attack and misconfiguration playbooks and worked audit examples), with their titles, their
 * MITRE ATT&CK tactics and techniques, the Sigma rules each playbook makes fire (by title,
 * from the bundled SigmaHQ rules) and the rules it documents as unable to fire (rule gaps).
 * `--tactic` and `--technique` keep the playbooks of an ATT&CK tactic or technique.
 * Exit code 0 after listing, 2 on a usage error or a folder that cannot be read.
 */
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { TrailsimError } from '../core/errors.js';
import { filterLibrary, loadScenarioLibrary, scenariosDir, type LibraryEntry } from '../scenario/library.js';
import { bundledSigmaRulesDir, loadSigmaRules } from '../sigma/index.js';

export interface ScenariosIo {
  out(s: string): void;
  err(s: string): void;
}

export const SCENARIOS_HELP = `Usage: trailsim scenarios [--tactic NAME]... [--technique ID]... [--json] [--dir DIR]

Lists the scenarios that ship with trailsim: the attack and misconfiguration playbooks
(scenarios/attack-*.ts), each mixed into benign background traffic, with its title, its
MITRE ATT&CK tactics and techniques, the Sigma rules it makes fire (by title) and the rules
it shows cannot fire on real CloudTrail records; and the worked audit examples. Run one
with 'trailsim run <file>'.

Options:
  --tactic NAME    keep the playbooks of an ATT&CK tactic: persistence, defense-evasion,
                   "Defense Evasion" (any case); repeat for any of several
  --technique ID   keep the playbooks of an ATT&CK technique: T1098 (with its
                   sub-techniques) or T1098.001; repeat for any of several. Given with
                   --tactic, a playbook must match both
  --json           print one JSON document: { scenarios: [{ name, file, title, description,
                   playbook, attack: { techniques, tactics }, references, targets, gaps }] }
  --dir DIR        list the scenarios of another folder (default: the package's scenarios/)
  -h, --help       show this help

Examples:
  trailsim scenarios
  trailsim scenarios --tactic exfiltration
  trailsim scenarios --technique T1098 --technique T1136.003
  trailsim scenarios --tactic impact --json
  trailsim scenarios --dir ./my-scenarios
  trailsim run scenarios/attack-cloudtrail-tampering.ts --out out/ct`;

function json(entries: readonly LibraryEntry[]): string {
  const scenarios = entries.map((e) => {
    const o: Record<string, unknown> = { name: e.name, file: e.file };
    if (e.title) o.title = e.title;
    o.description = e.description;
    o.playbook = e.playbook;
    if (e.attack.techniques.length > 0 || e.attack.tactics.length > 0) o.attack = { techniques: [...e.attack.techniques], tactics: [...e.attack.tactics] };
    if (e.references.length > 0) o.references = [...e.references];
    o.targets = [...e.targets];
    o.gaps = e.gaps.map((g) => ({ rule: g.rule, reason: g.reason }));
    return o;
  });
  return JSON.stringify({ scenarios }, null, 2);
}

/** Sigma rule titles by id, from the rules bundled with the package (none when they cannot be read). */
function ruleTitles(): Map<string, string> {
  try {
    return new Map(loadSigmaRules(bundledSigmaRulesDir()).map((r) => [r.id, r.title]));
  } catch {
    return new Map();
  }
}

function text(entries: readonly LibraryEntry[], total: number, filtered: boolean, dir: string, io: ScenariosIo): void {
  const playbooks = entries.filter((e) => e.playbook).length;
  const shown = relative(process.cwd(), dir) || '.';
  if (filtered) io.out(`${entries.length} of ${total} scenarios in ${shown}/ match (${playbooks} attack and misconfiguration playbooks)`);
  else io.out(`${entries.length} scenarios in ${shown}/ (${playbooks} attack and misconfiguration playbooks)`);
  const rules = new Set(entries.flatMap((e) => e.targets));
  io.out(`The playbooks target ${rules.size} distinct Sigma rules (scenarios/COVERAGE.md lists them, and the rules left out).`);
  const titles = ruleTitles();
  const rule = (id: string) => (titles.has(id) ? `${id} ${titles.get(id)}` : id);
  for (const e of entries) {
    io.out('');
    io.out(`${e.name}  (${e.file})`);
    if (e.title) io.out(`  ${e.title}`);
    if (e.description) io.out(`  ${e.description}`);
    if (e.attack.techniques.length > 0 || e.attack.tactics.length > 0) io.out(`  ATT&CK: ${e.attack.techniques.join(', ')}${e.attack.tactics.length > 0 ? ` (${e.attack.tactics.join(', ')})` : ''}`);
    if (e.targets.length > 0) for (const t of e.targets) io.out(`  fires: ${rule(t)}`);
    else if (e.playbook) io.out('  fires: none of the SigmaHQ rules (see detections/ for an example detection)');
    for (const g of e.gaps) io.out(`  gap:   ${rule(g.rule)} stays silent: ${g.reason}`);
  }
  io.out('');
  io.out(`Run one: trailsim run ${shown}/<file> --out out/<name>`);
}

/** Runs `trailsim scenarios ARGS`; returns the exit code. */
export async function scenariosCommand(args: string[], io: ScenariosIo): Promise<number> {
  let values: { json?: boolean; dir?: string; help?: boolean; tactic?: string[]; technique?: string[] };
  try {
    ({ values } = parseArgs({ args, allowPositionals: false, options: { json: { type: 'boolean' }, dir: { type: 'string' }, tactic: { type: 'string', multiple: true }, technique: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    io.err(`trailsim scenarios: ${(e as Error).message}\n\n${SCENARIOS_HELP}`);
    return 2;
  }
  if (values.help) {
    io.out(SCENARIOS_HELP);
    return 0;
  }
  let dir: string;
  let entries: LibraryEntry[];
  try {
    dir = values.dir ?? scenariosDir();
    entries = await loadScenarioLibrary(dir);
  } catch (e) {
    if (!TrailsimError.is(e) && (e as NodeJS.ErrnoException).code === undefined) throw e;
    io.err(`trailsim scenarios: ${(e as Error).message}`);
    return 2;
  }
  const filtered = values.tactic !== undefined || values.technique !== undefined;
  let shown: LibraryEntry[];
  try {
    shown = filterLibrary(entries, { tactics: values.tactic, techniques: values.technique });
  } catch (e) {
    if (!TrailsimError.is(e)) throw e;
    io.err(`trailsim scenarios: ${(e as Error).message}\n\n${SCENARIOS_HELP}`);
    return 2;
  }
  if (values.json) io.out(json(shown));
  else text(shown, entries.length, filtered, dir, io);
  return 0;
}
