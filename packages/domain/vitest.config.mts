import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.mts';

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      include: ['src/**/*.spec.ts'],
      // Test files share the worker's loaded modules: loading the word lists and the matcher
      // again for each of the 39 files was two thirds of the run (31 s against 10 s alone). The
      // module-level state is memo caches of pure functions, shared across requests in the API
      // as well; no spec mocks a module.
      isolate: false,
    },
  }),
);
