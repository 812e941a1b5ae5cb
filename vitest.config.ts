import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import './test/edge/global-setup.ts';

// Two kinds of test: Node (shared maths, gpu-fn, end-to-end, browser) and the Worker itself,
// run inside workerd with real local KV and the Cache API.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/shared/**/*.test.ts', 'test/gpu-fn/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/web/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { GPU_FN_URL: inject('gpuFnUrl'), GPU_FN_SECRET: inject('gpuFnSecret') } },
          })),
        ],
        test: {
          name: 'edge',
          include: ['test/edge/**/*.test.ts'],
          globalSetup: ['test/edge/global-setup.ts'],
        },
      },
    ],
  },
});
