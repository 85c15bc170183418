import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.mts';

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
      testTimeout: 10_000,
      // A folder for the run's template database, which the end-to-end APIs start from a copy
      // of (apps/api/test/support/run-built-api.ts).
      globalSetup: ['../api/test/support/built-api-template-setup.ts'],
    },
  }),
);
