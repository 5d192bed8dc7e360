/**
 * `trailsim scenarios`: lists the scenarios that ship in the package's `scenarios/` folder
 * (attack and misconfiguration playbooks and worked audit examples), with the Sigma rules
 * each playbook makes fire and the rules it documents as unable to fire (rule gaps).
 * Exit code 0 after listing, 2 on a usage error or a folder that cannot be read.
 */
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { TrailsimError } from '../core/errors.js';
import { loadScenarioLibrary, scenariosDir, type LibraryEntry } from '../scenario/library.js';

export interface ScenariosIo {
  out(s: string): void;
  err(s: string): void;
}

export const SCENARIOS_HELP = `Usage: trailsim scenarios [--json] [--dir DIR]

Lists the scenarios that ship with trailsim: the attack and misconfiguration playbooks
(scenarios/attack-*.ts), each mixed into benign background traffic, with the Sigma rule ids
it makes fire and the rules it shows cannot fire on real CloudTrail records; and the worked
audit examples. Run one with 'trailsim run <file>'.

Options:
  --json       print one JSON document: { scenarios: [{ name, file, description, playbook, targets, gaps }] }
  --dir DIR    list the scenarios of another folder (default: the package's scenarios/)
  -h, --help   show this help

Examples:
  trailsim scenarios
  trailsim scenarios --json
  trailsim scenarios --dir my-scenarios/
  trailsim run scenarios/attack-cloudtrail-tampering.ts --out out/ct`;

function json(entries: readonly LibraryEntry[]): string {
  const scenarios = entries.map((e) => ({ name: e.name, file: e.file, description: e.description, playbook: e.playbook, targets: [...e.targets], gaps: e.gaps.map((g) => ({ rule: g.rule, reason: g.reason })) }));
  return JSON.stringify({ scenarios }, null, 2);
}

function text(entries: readonly LibraryEntry[], dir: string, io: ScenariosIo): void {
  const playbooks = entries.filter((e) => e.playbook).length;
  const shown = relative(process.cwd(), dir) || '.';
  io.out(`${entries.length} scenarios in ${shown}/ (${playbooks} attack and misconfiguration playbooks)`);
  const rules = new Set(entries.flatMap((e) => e.targets));
  io.out(`The playbooks target ${rules.size} distinct Sigma rules (scenarios/COVERAGE.md lists them, and the rules left out).`);
  for (const e of entries) {
    io.out('');
    io.out(`${e.name}  (${e.file})`);
    if (e.description) io.out(`  ${e.description}`);
    if (e.targets.length > 0) io.out(`  fires: ${e.targets.join(', ')}`);
    else if (e.playbook) io.out('  fires: none of the SigmaHQ rules');
    for (const g of e.gaps) io.out(`  gap:   ${g.rule} stays silent: ${g.reason}`);
  }
  io.out('');
  io.out(`Run one: trailsim run ${shown}/<file> --out out/<name>`);
}

/** Runs `trailsim scenarios ARGS`; returns the exit code. */
export async function scenariosCommand(args: string[], io: ScenariosIo): Promise<number> {
  let values: { json?: boolean; dir?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args, allowPositionals: false, options: { json: { type: 'boolean' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
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
  if (values.json) io.out(json(entries));
  else text(entries, dir, io);
  return 0;
}
