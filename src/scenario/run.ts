import { createSimulation, type SimulationOptions, type Simulation } from '../simulation.js';
import type { Seed } from '../core/random.js';
import type { ScenarioDefinition } from './define.js';

/** What running a scenario leaves. */
export interface ScenarioRun {
  readonly sim: Simulation;
  readonly answers: readonly { question: string; lines: readonly string[] }[];
}

/** Runs a scenario on a fresh simulation. `seed` overrides the scenario's own. */
export async function runScenario(
  def: ScenarioDefinition,
  opts: {
    seed?: Seed;
    log?: (line: string) => void;
    simulation?: Omit<SimulationOptions, 'seed' | 'start'>;
    /** Called with the fresh simulation before the scenario's run (the CLI hooks its progress line here). */
    onSimulation?: (sim: Simulation) => void;
  } = {},
): Promise<ScenarioRun> {
  const sim = createSimulation({ ...opts.simulation, seed: opts.seed ?? def.seed ?? 1, start: def.start ?? '2026-01-01T00:00:00Z' });
  opts.onSimulation?.(sim);
  const answers: { question: string; lines: readonly string[] }[] = [];
  const log = opts.log ?? (() => {});
  await def.run({
    sim,
    log,
    answer(question, lines) {
      const ls = typeof lines === 'string' ? [lines] : [...lines];
      answers.push({ question, lines: ls });
      log(`\n? ${question}`);
      for (const l of ls) log(`  ${l}`);
    },
  });
  return { sim, answers };
}
