import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The dashboard's Content-Security-Policy: nothing inline, nothing from elsewhere. `img-src data: blob:`
 * is for chart PNG export (canvas.toBlob → object URL) and Chart.js's legend images. `ws: wss:` is for the
 * live updates' WebSocket to this origin (browsers that predate CSP 3 do not count it as 'self').
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self' ws: wss:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const DASHBOARD_HEADERS: Record<string, string> = {
  'Content-Security-Policy': DASHBOARD_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** dist/dashboard (vite's output), whether the server runs from dist/ or from source under vitest. */
export function dashboardDir(): string {
  if (process.env.DYAD_DASHBOARD_DIR) return resolve(process.env.DYAD_DASHBOARD_DIR);
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'dashboard');
}

/** The built index.html; null when the dashboard has not been built. Read per request (it is tiny), so a rebuild shows at once. */
export function dashboardIndex(): Promise<string | null> {
  return readFile(join(dashboardDir(), 'index.html'), 'utf8').catch(() => null);
}

/** Serves the hashed bundle files under /assets/ (decorateReply off: other plugins may register @fastify/static too). */
export async function registerDashboardAssets(app: NestFastifyApplication): Promise<void> {
  if (!existsSync(join(dashboardDir(), 'assets'))) return; // not built: `/` says how to build it
  await app.register(fastifyStatic, {
    root: join(dashboardDir(), 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    wildcard: true,
    index: false,
    immutable: true,
    maxAge: '365d',
    setHeaders: (reply) => {
      reply.headers(DASHBOARD_HEADERS);
    },
  });
}
