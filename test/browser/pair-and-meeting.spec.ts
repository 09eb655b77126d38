import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { describeBrowser, ensureDashboardBuild, launchBrowser, openPage, screenshot } from '../support/browser.js';

const SEED = readFileSync(new URL('../fixtures/news/fa-000-seed-iran-kazakhstan-cinema.txt', import.meta.url), 'utf8');

interface MeetingState {
  id: string;
  version: number;
  outcome: string | null;
  summary: string | null;
  followUps: { description: string; owners: { code: string }[]; horizon: string }[];
}

describeBrowser('dashboard: pair view and meeting view', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let meetingId: string;

  const readMeeting = async () =>
    (await api.graphql<{ meeting: MeetingState }>(
      `query($id: ID!) { meeting(id: $id) { id version outcome summary followUps { description owners { code } horizon } } }`,
      { id: meetingId },
    )).data!.meeting;

  beforeAll(async () => {
    await ensureDashboardBuild();
    api = await startTestApi();
    // the real ingestion, through GraphQL, of the Persian seed (1404/01/24 = 2025-04-13)
    const ingested = await api.graphql<{ ingestNewsItem: { newsItem: { meetings: { id: string }[] } } }>(
      `mutation($text: String!) { ingestNewsItem(input: {text: $text, publisher: "ICRO"}) { newsItem { meetings { id } } } }`,
      { text: SEED },
    );
    expect(ingested.errors).toBeUndefined();
    meetingId = ingested.data!.ingestNewsItem.newsItem.meetings[0].id;
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser));
    await page.goto(`${api.url}/?key=${api.adminKey}`);
    await page.waitForSelector('body[data-ready="overview"]');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows the IR–KZ meeting as a card with its Persian evidence right-to-left, and the MoU with its lifecycle', async () => {
    await page.goto(`${api.url}/pairs/IR-KZ?period=all`);
    await page.waitForSelector('.view[data-ready="true"]');
    const card = page.locator(`[data-meeting="${meetingId}"]`);
    await expect.poll(() => card.count()).toBe(1);
    const quote = card.locator('blockquote.quote');
    expect(await quote.getAttribute('dir')).toBe('rtl');
    expect(await quote.getAttribute('lang')).toBe('fa');
    expect(await quote.evaluate((el: any) => (globalThis as any).getComputedStyle(el).direction)).toBe('rtl');
    expect(await quote.textContent()).toMatch(/[\u0600-\u06FF]/);
    expect(await card.textContent()).toMatch(/2025/);
    const mou = page.locator('[data-proposal][data-status]').filter({ hasText: 'MoU' }).first();
    expect(await mou.locator('.stepper li[aria-current="step"]').textContent()).toMatch(/Agreed/);
    expect(await page.getAttribute('[data-chart="pair-score"]', 'data-state')).toBe('ready');
    await screenshot(page, 'pair-ir-kz');

    // the Solar Hijri toggle shows the same day as 1404
    await page.selectOption('select[name="calendar"]', 'persian');
    await page.waitForSelector('.view[data-ready="true"]');
    expect(await page.locator(`[data-meeting="${meetingId}"] .card-meta strong`).textContent()).toMatch(/۱۴۰۴/);
    await screenshot(page, 'pair-ir-kz-solar-hijri');
    await page.selectOption('select[name="calendar"]', 'gregorian');
    expect(problems).toEqual([]);
  });

  it('shows the pair\'s upcoming meetings and its meetings with no date as "Date unknown"', async () => {
    for (const input of [
      '{ type: VISIT, status: SCHEDULED, countries: ["IR", "KZ"], summary: "Kazakh delegation to Tehran" }',
      '{ type: MEETING, countries: ["IR", "KZ"], summary: "Talks with no date reported" }',
    ]) {
      expect((await api.graphql(`mutation { createMeeting(input: ${input}) { id } }`)).errors).toBeUndefined();
    }
    await page.goto(`${api.url}/pairs/IR-KZ`); // the default period: the undated meeting is in none, and shown anyway
    await page.waitForSelector('.view[data-ready="true"]');
    await page.waitForSelector('[data-list="pair-upcoming"][data-state="ready"]');
    const upcoming = page.locator('[data-list="pair-upcoming"] tbody tr');
    expect(await upcoming.count()).toBe(1);
    expect(await upcoming.first().textContent()).toMatch(/Date unknown.*Visit/);
    const undated = page.locator('[data-list="pair-meetings"] article').filter({ hasText: 'Talks with no date reported' });
    expect(await undated.locator('.card-meta strong').textContent()).toBe('Date unknown');
    const scheduled = page.locator('[data-list="pair-meetings"] article').filter({ hasText: 'Kazakh delegation to Tehran' });
    expect(await scheduled.locator('[data-meeting-status]').textContent()).toBe('Scheduled');
    await screenshot(page, 'pair-upcoming-and-undated');
    expect(problems).toEqual([]);
  });

  it('highlights the evidence inside the Persian source text, right-to-left', async () => {
    await page.goto(`${api.url}/meetings/${meetingId}`);
    await page.waitForSelector('.view[data-ready="true"]');
    const source = page.locator('.source-text').first();
    expect(await source.getAttribute('dir')).toBe('rtl');
    expect(await source.locator('mark').count()).toBeGreaterThan(0);
    await page.locator('button.evidence-link').first().click();
    expect(await source.locator('mark.active').count()).toBe(1);
    await screenshot(page, 'meeting-evidence');
    expect(problems).toEqual([]);
  });

  it('shows a validation error inline and saves nothing', async () => {
    const before = await readMeeting();
    await page.goto(`${api.url}/meetings/${meetingId}`);
    await page.waitForSelector('form.log-outcome');
    // no outcome chosen: the form says so next to the field, without a round trip
    await page.click('form.log-outcome button[type="submit"]');
    expect(await page.textContent('[data-error-for="outcome"]')).toMatch(/Choose an outcome/);
    // a country the API does not know: its error lands next to that follow-up's owners
    await page.selectOption('select[name="outcome"]', 'PROGRESS');
    await page.click('[data-action="add-follow-up"]');
    await page.fill('input[name="followUps.0.description"]', 'Exchange film lists');
    await page.fill('input[name="followUps.0.owners"]', 'XX');
    await page.click('form.log-outcome button[type="submit"]');
    await expect.poll(() => page.textContent('[data-error-for="followUps.0.owners"]')).toMatch(/XX/);
    expect(await page.getAttribute('input[name="followUps.0.owners"]', 'aria-invalid')).toBe('true');
    await screenshot(page, 'meeting-validation-error');
    expect(await readMeeting()).toEqual(before);
  });

  it('logs an outcome that persists (checked through GraphQL)', async () => {
    await page.goto(`${api.url}/meetings/${meetingId}`);
    await page.waitForSelector('form.log-outcome');
    await page.selectOption('select[name="outcome"]', 'PROGRESS');
    await page.fill('textarea[name="summary"]', 'Both sides agreed on a film week; the MoU text is being drafted.');
    await page.click('[data-action="add-follow-up"]');
    await page.fill('input[name="followUps.0.description"]', 'Send the draft MoU to Astana');
    await page.fill('input[name="followUps.0.owners"]', 'IR');
    await page.selectOption('select[name="followUps.0.horizon"]', 'IMMEDIATE');
    await page.click('form.log-outcome button[type="submit"]');
    await page.waitForSelector('[data-saved="true"]');
    const after = await readMeeting();
    expect(after.outcome).toBe('PROGRESS');
    expect(after.summary).toBe('Both sides agreed on a film week; the MoU text is being drafted.');
    expect(after.followUps).toContainEqual({ description: 'Send the draft MoU to Astana', owners: [{ code: 'IR' }], horizon: 'IMMEDIATE' });
    expect(await page.locator('[data-outcome="PROGRESS"]').count()).toBe(1);
    await screenshot(page, 'meeting-outcome-logged');
    expect(problems).toEqual([]);
  });

  it('explains a version conflict instead of swallowing it', async () => {
    await page.goto(`${api.url}/meetings/${meetingId}`);
    await page.waitForSelector('form.log-outcome');
    const current = await readMeeting();
    // someone else confirms the meeting meanwhile
    const other = await api.graphql(`mutation($id: ID!, $v: Int!) { confirmMeeting(id: $id, expectedVersion: $v) { id } }`, { id: meetingId, v: current.version });
    expect(other.errors).toBeUndefined();
    await page.selectOption('select[name="outcome"]', 'AGREEMENT_REACHED');
    await page.click('form.log-outcome button[type="submit"]');
    await page.waitForSelector('[data-conflict="true"]');
    expect(await page.textContent('[data-conflict="true"] p')).toBe('Someone changed this meeting while you were editing. Reload to see their change; your text is kept below.');
    expect(await page.inputValue('select[name="outcome"]')).toBe('AGREEMENT_REACHED'); // what they chose stays
    await screenshot(page, 'meeting-conflict');
    expect((await readMeeting()).outcome).toBe('PROGRESS');
  });

  it('hides the write actions from a viewer key', async () => {
    const created = await api.graphql<{ createApiKey: { key: string } }>(`mutation { createApiKey(role: VIEWER, label: "viewer") { key } }`);
    const { page: viewer } = await openPage(browser);
    await viewer.goto(`${api.url}/meetings/${meetingId}?key=${created.data!.createApiKey.key}`);
    await viewer.waitForSelector('.view[data-ready="true"]');
    expect(new URL(viewer.url()).searchParams.get('key')).toBeNull();
    expect(await viewer.locator('form.log-outcome').count()).toBe(0);
    expect(await viewer.locator('[data-action="confirm"]').count()).toBe(0);
    expect(await viewer.locator('nav a[href="/ingest"]').count()).toBe(0);
    await screenshot(viewer, 'meeting-viewer');
    await viewer.context().close();
  });
});
