import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = process.env.DYAD_API_URL ?? 'http://localhost:3000';

// Built into dist/dashboard, which apps/api serves at `/`; `npm run dev:dashboard` proxies the API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  // The one vocabulary (enums and their groups) shared with the server.
  resolve: { alias: { '@dyad/vocabulary': fileURLToPath(new URL('../../libs/vocabulary/src/index.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Nothing inlined: the CSP allows no inline scripts or styles, and data: only for images.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: Number(process.env.DASHBOARD_PORT ?? 5173),
    proxy: {
      '/graphql': { target: api, changeOrigin: true, ws: true },
      '/health': { target: api, changeOrigin: true },
    },
  },
});
