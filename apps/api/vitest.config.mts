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
      // A first start with the demo data (units, plan, reports, 77 FAQs) takes 10–20 s alone and
      // several times that when every package tests at once on a loaded machine.
      hookTimeout: 180_000,
      pool: 'forks',
      // Test files share a worker's loaded modules (Nest, TypeORM, the matcher): each file starts
      // its own app and database, and nothing in the modules carries state from one to the next.
      // Halves the suite's time, most of which was loading the same modules again.
      isolate: false,
      maxWorkers: 2,
    },
  }),
);
