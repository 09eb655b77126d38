import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const lib = (name: string) => fileURLToPath(new URL(`./libs/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    alias: {
      // One graphql for all: our sources would otherwise get its .mjs build while mercurius requires the
      // CommonJS one, and graphql-js refuses a schema from "another realm" (as under Node, use the CommonJS one).
      graphql: createRequire(import.meta.url).resolve('graphql'),
      '@dyad/database': lib('database'),
      '@dyad/domain': lib('domain'),
      '@dyad/extraction': lib('extraction'),
      '@dyad/ingestion': lib('ingestion'),
      '@dyad/analytics': lib('analytics'),
      '@dyad/vocabulary': lib('vocabulary'),
    },
  },
  test: {
    include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'test/**/*.spec.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
