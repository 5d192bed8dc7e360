#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { TrailsimError } from '../core/errors.js';
import { VERSION } from '../version.js';
import type { CommandIO } from './io.js';
import { processIO, safeWrite } from './stdio.js';

// Each command's module is imported when the command runs: a command loads only what it
// uses, so `trailsim run` (and `npm start`) prints its first line sooner.
const runCommand: Command['run'] = async (a, io) => (await import('./run.js')).runCommand(a, io);
const generateCommand: Command['run'] = async (a, io) => (await import('./generate-command.js')).generateCommand(a, io);
const validateCommand: Command['run'] = async (a, io) => (await import('./validate.js')).validateCommand(a, io);
const detectCommand: Command['run'] = async (a, io) => (await import('./detect.js')).detectCommand(a, io);
const scenariosCommand: Command['run'] = async (a, io) => (await import('./scenarios.js')).scenariosCommand(a, io);
const queryCommand: Command['run'] = async (a, io) => (await import('./query.js')).queryCommand(a, io);
const exportCommand: Command['run'] = async (a, io) => (await import('./export.js')).exportCommand(a, io);
const coverageCommand: Command['run'] = async (a, io) => (await import('./coverage.js')).coverageCommand(a, io);
const reportCommand: Command['run'] = async (a, io) => (await import('./report.js')).reportCommand(a, io);

/** One `trailsim` command: its one-line summary for the main help, and its entry point. */
export interface Command {
  /** `name <args>` as the main help shows it. */
  readonly usage: string;
  readonly summary: string;
  /** Runs the command with its own arguments (it prints its own `--help`); returns the exit code. */
  readonly run: (args: string[], io: CommandIO) => Promise<number>;
}

// Each command lives in its own module with its own help text and options; this table is
// the only place that lists them.
export const COMMANDS: Record<string, Command> = {
  run: { usage: 'run <scenario.ts>', summary: 'run a scenario script and write its records', run: runCommand },
  generate: { usage: 'generate', summary: 'generate background traffic for N accounts, regions and days', run: generateCommand },
  validate: { usage: 'validate <file...>', summary: 'check CloudTrail records (JSONL or {"Records":[...]} files, .gz too)', run: validateCommand },
  detect: { usage: 'detect', summary: 'run Sigma rules for CloudTrail over records', run: detectCommand },
  scenarios: { usage: 'scenarios', summary: 'list the scenarios that ship with trailsim', run: scenariosCommand },
  query: { usage: 'query', summary: 'SQL over an exported S3 log tree (table cloudtrail_logs, DuckDB)', run: queryCommand },
  export: { usage: 'export', summary: 'write records as Parquet', run: exportCommand },
  coverage: { usage: 'coverage', summary: 'which detections catch which attack playbooks, and their false positives on benign traffic', run: coverageCommand },
  report: { usage: 'report <dir>', summary: 'one self-contained HTML report (charts) of an output folder', run: reportCommand },
};

function mainHelp(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length)) + 2;
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}${c.summary}`);
  return `trailsim ${VERSION}: deterministic CloudTrail and EventBridge simulator

Usage: trailsim <command> [options]

Commands:
${lines.join('\n')}

Run 'trailsim <command> --help' for a command's options and examples.`;
}


/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: CommandIO = processIO()): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(mainHelp());
        return cmd === undefined ? 2 : 0;
      case '--version':
      case '-v':
        io.out(VERSION);
        return 0;
    }
    const command = Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
    if (!command) {
      io.err(`trailsim: unknown command '${cmd}'.\n\n${mainHelp()}`);
      return 2;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (TrailsimError.is(e) || (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (e as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      io.err(`trailsim ${cmd}: ${(e as Error).name === 'TypeError' ? '' : (e as Error).name + ': '}${(e as Error).message}`);
      return 2;
    }
    // A file the command cannot read or write (--out under a file, no permission, disk full):
    // the system's one-line reason names the path; the stack only with --verbose.
    const sys = e as NodeJS.ErrnoException;
    if (typeof sys?.code === 'string' && typeof sys.syscall === 'string') {
      io.err(`trailsim ${cmd}: ${sys.message}`);
      if (rest.includes('--verbose') && sys.stack) io.err(sys.stack);
      return 2;
    }
    throw e;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      safeWrite(process.stderr, `trailsim: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
