import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.mts';

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
      testTimeout: 10_000,
      // The end-to-end files mostly wait on real time (one message a second per chat, retry_after,
      // a crash or an outage timed in seconds), not on the CPU: two files at a time, where the
      // default on 2 cores is one.
      maxWorkers: 2,
      // A folder for the run's template database, which the end-to-end APIs start from a copy
      // of (apps/api/test/support/run-built-api.ts).
      globalSetup: ['../api/test/support/built-api-template-setup.ts'],
    },
  }),
);
