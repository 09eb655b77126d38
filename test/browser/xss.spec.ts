import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { describeBrowser, ensureDashboardBuild, launchBrowser, openPage, screenshot } from '../support/browser.js';

// A news item is untrusted text. Markup in it must reach the screen as characters, never as elements.
const IMG = '<img src=x onerror="window.__xss=(window.__xss||0)+1;alert(1)">';
const SCRIPT = '<script>window.__xss=(window.__xss||0)+1;alert(2)</script>';
const ITEM = `Tehran Times
March 12, 2024 - 18:42

Iran, Kazakhstan to sign trade facilitation MoU next month ${IMG}

TEHRAN – Iran and Kazakhstan will sign a memorandum of understanding on trade facilitation ${SCRIPT} next month, the head of Iran's Trade Promotion Organization (TPO) said after meeting Kazakhstan's deputy trade minister in Tehran on Sunday.

Alireza Peymanpak told reporters that the text of the MoU ${IMG} is ready and will be signed during the visit of an Iranian trade delegation to Astana.
`;

describeBrowser('dashboard: text from news items stays inert', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const dialogs: string[] = [];
  let meetingId: string;

  beforeAll(async () => {
    await ensureDashboardBuild();
    api = await startTestApi();
    const ingested = await api.graphql<{ ingestNewsItem: { newsItem: { title: string; meetings: { id: string }[] } } }>(
      `mutation($text: String!) { ingestNewsItem(input: {text: $text, url: "https://example.org/xss"}) { newsItem { title meetings { id } } } }`,
      { text: ITEM },
    );
    expect(ingested.errors).toBeUndefined();
    meetingId = ingested.data!.ingestNewsItem.newsItem.meetings[0].id;
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${api.url}/?key=${api.adminKey}`);
    await page.waitForSelector('body[data-ready="overview"]');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const assertInert = async () => {
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('img[src="x"], main script').count()).toBe(0);
  };

  for (const [name, path] of [
    ['meeting', () => `/meetings/${meetingId}`],
    ['pair', () => '/pairs/IR-KZ?period=all'],
    ['meetings list', () => '/meetings?period=all'],
    ['proposals list', () => '/proposals?period=all'],
    ['follow-ups board', () => '/follow-ups?period=all'],
  ] as const) {
    it(`renders the markup as text on the ${name} view`, async () => {
      await page.goto(`${api.url}${path()}`);
      await page.waitForSelector('.view[data-ready="true"]');
      await page.waitForTimeout(200); // an onerror would have fired by now
      await assertInert();
      if (name === 'meeting') {
        const text = await page.locator('.source-text').first().textContent();
        expect(text).toContain(IMG);
        expect(text).toContain(SCRIPT);
      }
      await screenshot(page, `xss-${name.replace(/ /g, '-')}`);
    });
  }

  it('keeps the ingest preview inert too', async () => {
    await page.goto(`${api.url}/ingest`);
    await page.fill('textarea[name="text"]', ITEM);
    await page.click('[data-action="preview"]');
    await page.waitForSelector('[data-preview]');
    await page.waitForTimeout(200);
    await assertInert();
    expect(await page.locator('[data-preview] .source-text').textContent()).toContain(IMG);
    await screenshot(page, 'xss-ingest-preview');
    expect(problems).toEqual([]);
  });
});
