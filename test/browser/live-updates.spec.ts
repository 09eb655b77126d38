import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { describeBrowser, ensureDashboardBuild, launchBrowser, openPage, screenshot } from '../support/browser.js';
import { ensureBuilt, envWithout, spawnNode } from '../support/processes.js';

// An open overview updates on its own when another process (`dyad ingest`) stores a meeting.
const FIXTURE = 'test/fixtures/news/en-001-iran-kazakhstan-will-sign-trade-mou.txt';

describeBrowser('dashboard: live updates', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    ensureBuilt();
    await ensureDashboardBuild();
    api = await startTestApi();
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const meetingsTile = () => page.getAttribute('[data-tile="Meetings"] .tile-value', 'data-value');

  it('refreshes the overview when another process ingests a meeting, and shows that it is live', async () => {
    await page.goto(`${api.url}/?period=all&key=${api.adminKey}`);
    await page.waitForSelector('body[data-ready="overview"]', { timeout: 30_000 });
    await page.waitForSelector('.badge-live[data-live="live"]');
    expect(await meetingsTile()).toBe('0');

    const ingest = spawnNode(['bin/dyad.js', 'ingest', FIXTURE], envWithout(['NODE_ENV'], { DATABASE_URL: api.database.url }));
    expect(await ingest.exited).toBe(0);

    await expect.poll(meetingsTile, { timeout: 20_000, interval: 250 }).toBe('1');
    await page.waitForSelector('body[data-ready="overview"]');
    expect(await page.getAttribute('.badge-live', 'data-live')).toBe('live');
    await screenshot(page, 'live-overview');
    expect(problems).toEqual([]);
  }, 120_000);
});
