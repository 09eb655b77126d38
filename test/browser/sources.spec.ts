import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { describeBrowser, ensureDashboardBuild, launchBrowser, openPage, screenshot } from '../support/browser.js';
import { type FeedServer, newsItem, rss, startFeedServer } from '../support/feed-server.js';

// The sources page: an analyst adds a feed, polls it, pauses it; a viewer only sees; the overview says when
// each source last delivered. The server runs its own worker, which ingests what a poll reads.
describeBrowser('dashboard: watched sources', () => {
  let api: TestApi;
  let feeds: FeedServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let analystKey: string;
  let viewerKey: string;

  beforeAll(async () => {
    await ensureDashboardBuild();
    feeds = await startFeedServer('127.0.0.1');
    feeds.routes.set('/feed.xml', { body: () => ({ type: 'application/rss+xml', body: rss([newsItem(1, 'ui'), newsItem(2, 'ui')]) }) });
    feeds.routes.set('/down.xml', { body: () => 500 });
    // No polls on the worker's schedule: a new source is due at once, and a minute turning between an add and the
    // analyst's poll below would make the first poll the worker's (test/sources/in-process-worker.spec covers those)
    api = await startTestApi({ env: { DYAD_WORKER: 'on', DYAD_FETCH_ALLOW_PRIVATE: '127.0.0.1/32' }, workerSchedule: false });
    const key = async (role: string) =>
      (await api.graphql<{ createApiKey: { key: string } }>(`mutation { createApiKey(role: ${role}, label: "ui") { key } }`)).data!.createApiKey.key;
    analystKey = await key('ANALYST');
    viewerKey = await key('VIEWER');
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await feeds?.close();
  });

  const row = (publisher: string) => page.locator('tr[data-source]', { hasText: publisher });

  it('lets an analyst add, poll and pause sources, and shows their health', async () => {
    await page.goto(`${api.url}/sources?key=${analystKey}`);
    await page.waitForSelector('form[data-form="add-source"]');

    // A bad entry is refused next to its field, and nothing is added.
    await page.fill('input[name="location"]', 'https://example.org/feed');
    await page.fill('input[name="publisher"]', 'Bad country');
    await page.fill('input[name="publisherCountry"]', 'QQ');
    await page.click('form[data-form="add-source"] button[type="submit"]');
    await expect.poll(() => page.textContent('[data-error-for="publisherCountry"]')).toMatch(/not ISO 3166-1 countries: QQ/);
    expect(await page.locator('tr[data-source]').count()).toBe(0);

    for (const [path, publisher] of [['/feed.xml', 'UI Agency'], ['/down.xml', 'Down Agency']]) {
      await page.fill('input[name="location"]', `${feeds.url}${path}`);
      await page.fill('input[name="publisher"]', publisher);
      await page.fill('input[name="publisherCountry"]', '');
      await page.click('form[data-form="add-source"] button[type="submit"]');
      await row(publisher).waitFor();
    }
    expect(await row('UI Agency').getAttribute('data-health')).toBe('NEW');

    await row('UI Agency').locator('button[data-action="poll"]').click();
    await expect.poll(() => page.textContent('[role="status"]')).toMatch(/UI Agency: polled/);
    await row('Down Agency').locator('button[data-action="poll"]').click();
    await expect.poll(() => row('Down Agency').getAttribute('data-health')).toBe('FAILING');
    expect(await row('Down Agency').textContent()).toMatch(/could not be fetched/);
    // The worker ingests what the poll read; the page shows it once reloaded.
    await expect
      .poll(async () => {
        await page.reload();
        await row('UI Agency').waitFor();
        return row('UI Agency').textContent();
      }, { timeout: 30_000, interval: 1000 })
      .toMatch(/2 read: 2 new, 0 known, 0 failed/);
    expect(await row('UI Agency').getAttribute('data-health')).toBe('OK');

    await row('UI Agency').locator('button[data-action="pause"]').click();
    await expect.poll(() => row('UI Agency').getAttribute('data-health')).toBe('PAUSED');
    await row('UI Agency').locator('button[data-action="resume"]').waitFor();
    await screenshot(page, 'sources');
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows a viewer the sources without any action, and the overview when each last delivered', async () => {
    const viewer = await openPage(browser);
    await viewer.page.goto(`${api.url}/sources?key=${viewerKey}`);
    await viewer.page.locator('tr[data-source]', { hasText: 'UI Agency' }).waitFor();
    expect(await viewer.page.locator('form[data-form="add-source"]').count()).toBe(0);
    expect(await viewer.page.locator('tr[data-source] button').count()).toBe(0);

    await viewer.page.goto(`${api.url}/`);
    const panel = viewer.page.locator('[data-panel="source-delivery"]');
    await panel.locator('tr[data-source]', { hasText: 'UI Agency' }).waitFor();
    expect(await panel.locator('tr[data-source]', { hasText: 'UI Agency' }).textContent()).toMatch(/just now|min ago/);
    expect(await panel.locator('tr[data-source]', { hasText: 'Down Agency' }).textContent()).toMatch(/failing.*never/);
    // Failing sources first.
    expect(await panel.locator('tbody tr').first().textContent()).toMatch(/Down Agency/);
    expect(viewer.problems).toEqual([]);
  }, 60_000);
});
