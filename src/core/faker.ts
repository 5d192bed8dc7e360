import { Faker, base, en } from '@faker-js/faker';
import type { Random } from './random.js';

/**
 * A faker instance driven by a trailsim stream, with the virtual clock as its reference
 * date (faker's date helpers otherwise read the wall clock). Faker builds the world
 * (names, people, words) once; it is too slow for per-event use (~58 µs per hand-built
 * record, measured), so records draw from pools instead.
 */
export function createFaker(rng: Random, refDate: number): Faker {
  const f = new Faker({ locale: [en, base] });
  f.seed(rng.uint32());
  f.setDefaultRefDate(new Date(refDate));
  return f;
}
