/**
 * The operations generated from the API models (model-ops.ts) are built on first need, not
 * when the library loads: building them costs ~0.2 s of CPU in every process and worker
 * thread, and the hand-tuned traffic of `trailsim generate` never uses them. Building them
 * also records facts other modules read (the ARN service of a model type, a type's create
 * and delete operations), so those modules ask for the build here before reading.
 */
let loader: (() => void) | undefined;

/** @internal Set by model-ops.ts: builds the generated operations once. */
export function setModelLoader(load: () => void): void {
  loader = load;
}

/** Builds the generated operations if they are not built yet (nothing when the models are not loaded). */
export function loadModelOperations(): void {
  loader?.();
}
