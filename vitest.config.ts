import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    // The AWS SDK v3 warns once per process that its 2027 releases need Node >= 22; the project
    // supports Node >= 20.19 (package.json engines). Its documented switch turns the notice off
    // in our own test runs (node_modules/@aws-sdk/core: emitWarningIfUnsupportedVersion).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'threads',
  },
});
