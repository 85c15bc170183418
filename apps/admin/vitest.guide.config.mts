// The staff guide's screenshots (test/guide): `pnpm --filter @gcm/admin screenshots` after a
// build. Not a test run: it rewrites docs/guides/images/*.png.
import { defineConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default defineConfig({
  resolve: { alias: viteConfig.resolve?.alias },
  test: {
    include: ['test/guide/**/*.guide.ts'],
    environment: 'node',
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 300_000,
  },
});
