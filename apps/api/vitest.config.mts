import swc from 'unplugin-swc';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.mts';

// SWC compiles the decorators and their metadata, which Nest's dependency injection needs.
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    plugins: [swc.vite({ module: { type: 'es6' } })],
    test: {
      include: ['src/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
      // Integration tests start databases; on CI every package tests at once on 2 cores.
      testTimeout: 60_000,
      hookTimeout: 60_000,
      pool: 'forks',
      maxWorkers: 2,
    },
  }),
);
