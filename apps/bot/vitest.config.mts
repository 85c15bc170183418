import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.mts';

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
      testTimeout: 10_000,
      // A folder for the run's template database, which the end-to-end APIs start from a copy
      // of (test/support/api-template.ts).
      globalSetup: ['test/support/api-template-setup.ts'],
    },
  }),
);
