import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/setup/sequencer.js';

/** Files that need a module graph of their own (see the projects below). */
const ISOLATED = ['test/cli/help.test.ts', 'test/catalog/model-load.test.ts', 'test/export/fresh-file-fallback.test.ts'];

export default defineConfig({
  resolve: {
    // Scenarios import from 'trailsim'; in this repo that is the source, not a build.
    alias: [
      { find: /^trailsim$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^trailsim\/sigma$/, replacement: fileURLToPath(new URL('./src/sigma/index.ts', import.meta.url)) },
      { find: /^trailsim\/arbitraries$/, replacement: fileURLToPath(new URL('./src/testing/arbitraries/index.ts', import.meta.url)) },
      { find: /^trailsim\/vitest\/setup$/, replacement: fileURLToPath(new URL('./src/testing/vitest/setup.ts', import.meta.url)) },
      { find: /^trailsim\/vitest$/, replacement: fileURLToPath(new URL('./src/testing/vitest/index.ts', import.meta.url)) },
      { find: /^trailsim\/coverage$/, replacement: fileURLToPath(new URL('./src/coverage/index.ts', import.meta.url)) },
      { find: /^trailsim\/report$/, replacement: fileURLToPath(new URL('./src/report/index.ts', import.meta.url)) },
      { find: /^trailsim\/aws-sdk$/, replacement: fileURLToPath(new URL('./src/testing/aws-sdk/index.ts', import.meta.url)) },
    ],
  },
  test: {
    setupFiles: ['test/setup/fast-check.ts'],
    // The AWS SDK v3 warns once per process that its 2027 releases need Node >= 22; the project
    // supports Node >= 20.19 (package.json engines). Its documented switch turns the notice off
    // in our own test runs (node_modules/@aws-sdk/core: emitWarningIfUnsupportedVersion).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'threads',
    // vitest's default for `run` is one worker fewer than the cores: one worker on a 2-core
    // machine. The main process is mostly idle once files are transformed, so use them all.
    maxWorkers: availableParallelism(),
    // Longest files first (a fresh clone has no results cache to order by), then test/user.
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        // Test files share the modules they import within a worker instead of loading src/
        // afresh for each of the 100 files (about half a CPU-second per file). Test files
        // themselves are still evaluated anew, and none mutates a shared module.
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/user/**', ...ISOLATED], isolate: false },
      },
      {
        // vi.mock('node:util' / 'node:fs') must apply to modules loaded after it, and
        // model-load.test.ts watches a process-wide build happen on demand: a fresh module graph.
        extends: true,
        test: { name: 'isolated', include: [...ISOLATED], isolate: true },
      },
      {
        // The built package: `npm test` builds while the other files run (tools/test.mjs).
        extends: true,
        test: { name: 'user', include: ['test/user/**/*.test.ts'], isolate: false, setupFiles: ['test/setup/wait-for-build.ts'] },
      },
    ],
  },
});
