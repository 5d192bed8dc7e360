import fc from 'fast-check';

/**
 * Makes a generated value that holds mutable state (a Simulation, a Principal) safe for
 * fast-check: `fc.cloneMethod` rebuilds it from its description each time fast-check hands
 * it to a predicate (so a property that advances the clock or records calls cannot change
 * what a replay or a shrink sees), and `fc.toStringMethod` prints the description (which
 * the matching `build*` function turns back into the value) instead of the whole world.
 * Both are non-enumerable, so `toEqual` on two generated values compares their data only.
 */
export function cloneable<T extends object>(value: T, rebuild: () => T, show: () => string): T {
  Object.defineProperty(value, fc.cloneMethod, { value: rebuild, enumerable: false });
  Object.defineProperty(value, fc.toStringMethod, { value: show, enumerable: false });
  return value;
}
