import { defineConfig } from 'tsup';

// One build for every public entry point: ESM + CJS + types. Subpath entries are
// added here and in package.json "exports" together.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    sigma: 'src/sigma/index.ts',
    arbitraries: 'src/testing/arbitraries/index.ts',
    vitest: 'src/testing/vitest/index.ts',
    'vitest-setup': 'src/testing/vitest/setup.ts',
    'aws-sdk': 'src/testing/aws-sdk/index.ts',
    coverage: 'src/coverage/index.ts',
    report: 'src/report/index.ts',
    'cli/main': 'src/cli/main.ts',
    // Worker thread of `trailsim generate --workers` (loaded by path, so its own file).
    'cli/generate-worker': 'src/cli/generate-worker.ts',
    // Worker thread of exportS3TreeOnThreads (`trailsim run --format s3`).
    'export/s3-tree-worker': 'src/export/s3-tree-worker.ts',
  },
  format: ['esm', 'cjs'],
  dts: {
    entry: {
      index: 'src/index.ts',
      sigma: 'src/sigma/index.ts',
      arbitraries: 'src/testing/arbitraries/index.ts',
      vitest: 'src/testing/vitest/index.ts',
      'vitest-setup': 'src/testing/vitest/setup.ts',
      'aws-sdk': 'src/testing/aws-sdk/index.ts',
      coverage: 'src/coverage/index.ts',
      report: 'src/report/index.ts',
    },
  },
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
  // Optional, heavy or peer packages are loaded at run time, never bundled.
  external: ['@duckdb/node-api', 'fast-check', 'vitest', 'yaml', 'tsx', 'cli-progress', /^@aws-sdk\//],
});
