import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import components from 'unplugin-vue-components/vite';
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.mts';

/** Specs that replace a module with vi.mock: isolated from the others (test.projects below). */
const MOCKING_SPECS = ['src/stores/session.spec.ts'];

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const adminPort = Number(process.env.ADMIN_PORT ?? 5173);
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;

/** The console calls the API on its own origin; in dev and preview Vite forwards these. */
const proxy = {
  '/api': { target: apiTarget, changeOrigin: false },
  '/health': { target: apiTarget, changeOrigin: false },
};

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    plugins: [
      vue(),
      // Element Plus on demand: each <el-…> a template uses, with its CSS, and nothing else
      // (docs/adr/0006). Our own components are imported by hand, so no folder is scanned.
      components({
        dirs: [],
        resolvers: [ElementPlusResolver({ importStyle: 'css' })],
        dts: 'src/components.d.ts',
      }),
    ],
    resolve: {
      // The workspace packages are CommonJS builds in dist/; the console bundles their
      // TypeScript sources instead, so dev and build need no CJS interop (see tsconfig paths).
      alias: [
        { find: /^@gcm\/domain$/, replacement: fromHere('../../packages/domain/src/index.ts') },
        {
          find: /^@gcm\/domain\/password-strength$/,
          replacement: fromHere('../../packages/domain/src/auth/password-strength.ts'),
        },
        {
          find: /^@gcm\/api-client$/,
          replacement: fromHere('../../packages/api-client/src/index.ts'),
        },
        { find: /^@\//, replacement: `${fromHere('./src')}/` },
      ],
    },
    define: {
      __VUE_I18N_FULL_INSTALL__: true,
      __VUE_I18N_LEGACY_API__: false,
      __INTLIFY_DROP_MESSAGE_COMPILER__: false,
      __INTLIFY_PROD_DEVTOOLS__: false,
    },
    server: { port: adminPort, strictPort: true, proxy },
    preview: { port: adminPort, strictPort: true, proxy },
    // The manifest lets scripts/bundle-sizes.mjs find the sign-in page's chunks.
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', manifest: true },
    test: {
      environment: 'node',
      // The navigation tests load the router and compile every view on first use; under a
      // busy CI (every package testing at once on 2 cores) that alone can pass 5 s.
      testTimeout: 20_000,
      // Element Plus's components import their CSS: Vite, not Node, must load them.
      server: { deps: { inline: ['element-plus'] } },
      projects: [
        // Most specs share their worker's loaded modules (Vue, Element Plus, the views): loading
        // them again for each file was two thirds of the run. Each spec makes its own Pinia,
        // router and app, so nothing carries over from one file to the next.
        {
          extends: true,
          test: {
            name: 'specs',
            include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
            exclude: [...configDefaults.exclude, ...MOCKING_SPECS],
            isolate: false,
          },
        },
        // Files that replace a module with vi.mock get modules of their own.
        { extends: true, test: { name: 'module mocks', include: MOCKING_SPECS } },
      ],
    },
  }),
);
