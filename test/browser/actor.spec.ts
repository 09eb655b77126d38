import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { describeBrowser, ensureDashboardBuild, launchBrowser, openPage, screenshot } from '../support/browser.js';
import { fixture } from '../support/ingestion.js';

// One person named in Persian, English and Russian reports (test/fixtures/actors): the Persian and English
// reports are one meeting, the Russian one a later meeting. The actor page shows both, with the languages.
describeBrowser('dashboard: the actor page', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let firstMeetingId: string;

  beforeAll(async () => {
    await ensureDashboardBuild();
    api = await startTestApi();
    const items = [
      { text: fixture('actors/01-meeting-fa.txt'), publisher: 'ICRO' },
      { text: fixture('actors/02-meeting-en.txt'), publisher: 'Example Times', publishedAt: '2025-09-16' },
      { text: fixture('actors/03-meeting-ru.txt'), publisher: 'Example Vesti' },
    ];
    const meetingIds: string[] = [];
    for (const input of items) {
      const result = await api.graphql<{ ingestNewsItem: { newsItem: { meetings: { id: string }[] } } }>(
        `mutation($input: IngestNewsItemInput!) { ingestNewsItem(input: $input) { newsItem { meetings { id } } } }`,
        { input },
      );
      expect(result.errors).toBeUndefined();
      meetingIds.push(result.data!.ingestNewsItem.newsItem.meetings[0].id);
    }
    expect(meetingIds[1]).toBe(meetingIds[0]); // the English report joined the Persian one's meeting
    firstMeetingId = meetingIds[0];
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser));
    await page.goto(`${api.url}/?key=${api.adminKey}`);
    await page.waitForSelector('body[data-ready="overview"]');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('goes from a meeting participant to the person’s page: their meetings from Persian, English and Russian reports', async () => {
    await page.goto(`${api.url}/meetings/${firstMeetingId}`);
    await page.waitForSelector('.view[data-ready="true"]');
    await page.getByRole('link', { name: /طالبی‌متین|Talebi-Matin/ }).click();
    await page.waitForSelector('.view[data-ready="true"] h1[data-actor]');
    expect(page.url()).toMatch(/\/actors\/[0-9a-f-]{36}$/);

    const heading = page.locator('h1[data-actor]');
    expect(await heading.getAttribute('dir')).toBe('auto');
    const aliases = await page.locator('.aliases').textContent();
    for (const spelling of ['Ali Akbar Talebi-Matin', 'Али Акбар Талеби-Матин', 'علی‌اکبر طالبی‌متین']) {
      expect(`${await heading.textContent()} ${aliases}`).toContain(spelling);
    }

    const rows = page.locator('[data-list="actor-meetings"] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const languagesOf = async (row: number) => (await rows.nth(row).locator('[data-language]').allTextContents()).sort();
    expect(await languagesOf(0)).toEqual(['Russian']); // 2026-03-10, latest first
    expect(await languagesOf(1)).toEqual(['English', 'Persian']); // 2025-09-15
    expect(await rows.nth(1).locator('a').first().getAttribute('href')).toBe(`/meetings/${firstMeetingId}`);

    const titles = await page.locator('[data-list="actor-titles"] tbody tr').allTextContents();
    expect(titles[0]).toContain('رایزن فرهنگی');
    expect(titles.at(-1)).toContain('Заместитель министра культуры Ирана');
    expect(await page.locator('[data-list="actor-countries"] li').allTextContents()).toEqual([
      expect.stringMatching(/Iran.*2 meetings/),
      expect.stringMatching(/Kazakhstan.*2 meetings/),
    ]);
    await screenshot(page, 'actor');
    expect(problems).toEqual([]);
  });

  it('finds the person on the actors list by a Russian or Persian spelling', async () => {
    for (const q of ['Талеби', 'طالبی']) {
      await page.goto(`${api.url}/actors?q=${encodeURIComponent(q)}`);
      await page.waitForSelector('.view[data-ready="true"]');
      const names = await page.locator('[data-list="actors"] tbody tr td:first-child').allTextContents();
      expect(names).toEqual([expect.stringMatching(/Talebi-Matin|طالبی‌متین|Талеби-Матин/)]);
    }
    await screenshot(page, 'actors-search');
    expect(problems).toEqual([]);
  });

  it('lets an analyst split a meeting off as another person', async () => {
    await page.goto(`${api.url}/actors?q=Seitkali`);
    await page.waitForSelector('.view[data-ready="true"]');
    await page.locator('[data-list="actors"] tbody a').first().click();
    await page.waitForSelector('.view[data-ready="true"] h1[data-actor]');
    // Seitkali is in one meeting only: splitting it all off is refused, with the reason shown.
    await page.locator('input[name="split"]').first().check();
    await page.getByRole('button', { name: 'Split off as another person' }).click();
    await expect.poll(() => page.locator('[data-panel="actor-tools"] .form-message').textContent()).toMatch(/at least one participation/);
    await screenshot(page, 'actor-split-refused');
    expect(problems).toEqual([]);
  });
});
