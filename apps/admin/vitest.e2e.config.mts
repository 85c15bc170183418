// The console's browser tests (test/e2e): the built console and API in headless Chromium.
// Run after a build with `pnpm --filter @gcm/admin test:e2e`; `test` runs them after the unit
// specs. One file, one API and one browser: no parallel files, generous start-up time.
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.mts';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    // The same aliases as the console (@/… and the workspace packages' sources).
    resolve: { alias: viteConfig.resolve?.alias },
    test: {
      include: ['test/e2e/**/*.e2e-spec.ts'],
      environment: 'node',
      fileParallelism: false,
      hookTimeout: 120_000,
      // A guard against a hang, not a speed target: under CI, with the bot's load tests beside it
      // on two cores, the longest flows (a whole reporting round) took up to a minute.
      testTimeout: 120_000,
      // What the page shows after a click may take seconds when CI runs the bot's and the API's
      // suites beside this one on two cores: expect.poll waits up to 10 s, not 1 s.
      expect: { poll: { timeout: 10_000 } },
      // A folder for the run's template database: every spec's API starts on a copy of the one
      // the first spec's API made (apps/api/test/support/run-built-api.ts).
      globalSetup: ['../api/test/support/built-api-template-setup.ts'],
      // A report of its own, beside the unit specs' one (scripts/ci-summary.mjs adds them up).
      outputFile: { json: 'test-results/vitest-e2e.json' },
    },
  }),
);
