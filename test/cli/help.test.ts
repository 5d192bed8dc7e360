import { describe, expect, it, vi } from 'vitest';
import type { ParseArgsConfig } from 'node:util';

// Records the option table every command hands to parseArgs, so the test checks the options a
// command really accepts, not a list kept by hand.
const seen: NonNullable<ParseArgsConfig['options']>[] = [];
vi.mock('node:util', async (importOriginal) => {
  const util = await importOriginal<typeof import('node:util')>();
  return {
    ...util,
    parseArgs: (config: ParseArgsConfig) => {
      if (config.options) seen.push(config.options);
      return util.parseArgs(config);
    },
  };
});

const { COMMANDS, main } = await import('../../src/cli/main.js');

describe('every command documents every option it accepts', () => {
  it.each(Object.keys(COMMANDS))('%s --help lists each parseArgs option (long and short) and has an example', async (name) => {
    seen.length = 0;
    const out: string[] = [];
    const code = await main([name, '--help'], { out: (s) => void out.push(s), err: (s) => void out.push(s) });
    expect(code).toBe(0);
    const help = out.join('\n');
    expect(seen.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const options of seen) {
      for (const [long, o] of Object.entries(options)) {
        if (!new RegExp(`(^|[\\s,\\[(])--${long}\\b`, 'm').test(help)) missing.push(`--${long}`);
        if (o.short && !new RegExp(`(^|[\\s,\\[(])-${o.short}\\b`, 'm').test(help)) missing.push(`-${o.short}`);
      }
    }
    expect(missing).toEqual([]);
    expect(help).toMatch(/^Usage: trailsim /m);
    expect(help).toMatch(/^Examples?:\n {2}trailsim \S+/m);
  });

  // The commands of this helper's area show every option in use; generate is left out
  // because other work adds options to it (its options are still checked above).
  it.each(['run', 'validate', 'detect', 'scenarios'])('%s --help has an example using each of its options', async (name) => {
    seen.length = 0;
    const out: string[] = [];
    expect(await main([name, '--help'], { out: (s) => void out.push(s), err: () => {} })).toBe(0);
    const examples = out.join('\n').split(/^Examples?:$/m)[1] ?? '';
    const unused = seen.flatMap((o) => Object.keys(o)).filter((long) => long !== 'help' && !new RegExp(`--${long}\\b`).test(examples));
    expect(unused).toEqual([]);
  });

  it('the main help names every command', async () => {
    const out: string[] = [];
    expect(await main(['--help'], { out: (s) => void out.push(s), err: () => {} })).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(out.join('\n')).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });
});
