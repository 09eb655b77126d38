import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe } from 'vitest';

// Browser tests drive Debian's chromium through playwright-core (never a downloaded browser). Without
// /usr/bin/chromium the suite is skipped and says why; it never passes silently.

export const CHROMIUM = process.env.DYAD_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve('test-output/screenshots');

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--lang=en-GB',
];

export const chromiumMissing = existsSync(CHROMIUM)
  ? null
  : `${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run installs it)`;

/** describe(), or describe.skip() with the reason printed when there is no Chromium. */
export function describeBrowser(name: string, suite: () => void): void {
  if (chromiumMissing) {
    process.stderr.write(`\n[browser tests] SKIPPED "${name}": ${chromiumMissing}\n`);
    describe.skip(`${name} [skipped: ${chromiumMissing}]`, suite);
  } else describe(name, suite);
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A page that fails the test on any console error, page error or CSP violation, collected in `problems`. */
export async function openPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Asia/Tehran', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.setDefaultTimeout(20_000);
  return { page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Points the server at a dashboard build that matches the sources: dist/dashboard when it is newer than
 * apps/dashboard, else a fresh vite build in a temporary folder (DYAD_DASHBOARD_DIR, read by the server).
 */
export async function ensureDashboardBuild(): Promise<string> {
  const built = resolve('dist/dashboard');
  const index = join(built, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(resolve('apps/dashboard'))) {
    process.env.DYAD_DASHBOARD_DIR = built;
    return built;
  }
  const outDir = await mkdtemp(join(tmpdir(), 'dyad-dashboard-'));
  const { build } = await import('vite');
  await build({ configFile: resolve('apps/dashboard/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  process.env.DYAD_DASHBOARD_DIR = outDir;
  return outDir;
}

export interface TableRow {
  /** data-key of the row (the raw label: 2025-04, PROPOSED, TRADE…). */
  key: string | null;
  /** Text of each cell. */
  cells: string[];
  /** data-value of each cell (the unformatted number), null where there is none. */
  values: (number | null)[];
}

/** The rows of a table view, read in the page (the server's tsconfig has no DOM types, hence `any`). */
export function tableRows(page: Page, selector: string): Promise<TableRow[]> {
  return page.$$eval(`${selector} tbody tr`, (trs: any[]) =>
    trs.map((tr) => ({
      key: tr.dataset.key ?? null,
      cells: [...tr.children].map((cell: any) => cell.textContent.trim()),
      values: [...tr.children].map((cell: any) => (cell.dataset.value === undefined ? null : Number(cell.dataset.value))),
    })),
  );
}
