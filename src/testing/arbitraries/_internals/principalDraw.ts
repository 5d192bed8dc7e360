import fc from 'fast-check';
import { createSimulation, type Simulation } from '../../../simulation.js';
import type { Account } from '../../../world/account.js';
import type { Principal } from '../../../world/principal.js';
import { buildPrincipal } from '../buildPrincipal.js';
import { principalDescription, type PrincipalDescription } from '../principalDescription.js';
import type { ProducibleIdentityType } from './identityTypes.js';
import { ACCOUNT_ALIASES } from './names.js';
import { BARE_WORLD } from './world.js';

/** The draws behind `principal` and `userIdentity`: a seed, an optional account alias, a description. */
export interface PrincipalDraw {
  readonly seed: number;
  readonly alias: string | undefined;
  readonly description: PrincipalDescription;
}

export function principalDraw(identityType: ProducibleIdentityType | readonly ProducibleIdentityType[] | undefined): fc.Arbitrary<PrincipalDraw> {
  return fc.record({
    seed: fc.nat(),
    alias: fc.option(fc.constantFrom(...ACCOUNT_ALIASES), { nil: undefined, freq: 4 }),
    description: principalDescription(identityType !== undefined ? { identityType } : {}),
  });
}

/** The principal a draw stands for, built at `at` in a fresh simulation with one bare account. */
export function buildDrawn(d: PrincipalDraw, at: number): { simulation: Simulation; account: Account; principal: Principal } {
  const simulation = createSimulation({ seed: d.seed, start: at });
  const account = simulation.addAccount({ name: 'generated', ...(d.alias ? { alias: d.alias } : {}) }, BARE_WORLD);
  return { simulation, account, principal: buildPrincipal(account, d.description, at) };
}
