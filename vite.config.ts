import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./wall'),
  // The wall runs on intranets: every asset is bundled, nothing is fetched from a CDN.
  base: './',
  plugins: [svelte()],
  build: {
    outDir: here('./dist/wall'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
  test: {
    root: here('.'),
    projects: [
      {
        extends: true,
        // Unit tests are quick on an idle machine; the few that start a CLI or a relay in process
        // need more than vitest's 5 s when CI shares the cores with a broker and Chromium.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/infra/kafkaGlobalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // Browser tests drive the wall through a relay fed from a real broker.
          globalSetup: ['test/infra/kafkaGlobalSetup.ts', 'test/infra/wallGlobalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // The fault and abuse suite: a separate command (npm run test:faults), also run by CI.
        extends: true,
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          globalSetup: ['test/infra/kafkaGlobalSetup.ts', 'test/infra/wallGlobalSetup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
