import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { describeBrowser, ensureDashboardBuild, launchBrowser, openPage, screenshot, tableRows } from '../support/browser.js';
import { seedCooperation } from '../support/dashboard-data.js';

// The dashboard as an analyst's daily tool: every row reachable, one naming of countries, search, the score
// explained, Solar Hijri date inputs and a board that updates at once.

const fixture = (name: string) => readFileSync(new URL(`../fixtures/news/${name}`, import.meta.url), 'utf8');
const BULK = 250; // IR–UZ meetings: past the API's largest page (100), twice

/** RFC 4180 rows (quoted cells may hold commas and line breaks), without the BOM. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

async function csvOf(download: Download): Promise<string[][]> {
  return parseCsv(readFileSync((await download.path())!, 'utf8'));
}

describeBrowser('dashboard: an analyst\'s daily tool', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    await ensureDashboardBuild();
    api = await startTestApi();
    await seedCooperation(api);
    const db = await api.database.connect();
    await db.query(
      `WITH m AS (
         INSERT INTO meeting (type, status, date, date_source, sectors, review_status, summary, version)
         SELECT 'MEETING', 'HELD', current_date - g, 'TEXT', '{TRADE}'::sector[], 'EXTRACTED', 'Trade talks, round ' || g, 1
         FROM generate_series(1, ${BULK}) AS g RETURNING id)
       INSERT INTO meeting_party (meeting_id, country_code) SELECT id, unnest(ARRAY['IR', 'UZ']) FROM m`,
    );
    await db.destroy();
    // real reports, through ingestion: Persian (Iran–Kazakhstan cinema) and Russian (consultations in Moscow)
    for (const [text, publisher] of [[fixture('fa-000-seed-iran-kazakhstan-cinema.txt'), 'ICRO'], [fixture('ru-001-mid-russia-iran-consultations-moscow.txt'), 'MID']]) {
      const result = await api.graphql(`mutation($text: String!, $p: String) { ingestNewsItem(input: { text: $text, publisher: $p }) { status } }`, { text, p: publisher });
      expect(result.errors).toBeUndefined();
    }
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser));
    await page.goto(`${api.url}/?key=${api.adminKey}`);
    await page.waitForSelector('body[data-ready="overview"]');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const view = async (path: string) => {
    await page.goto(`${api.url}${path}`);
    await page.waitForSelector('.view[data-ready="true"]');
  };

  it('pages past 100 rows with "Load more" and exports every matching row', async () => {
    await view('/meetings?period=all&countries=IR,UZ');
    const list = page.locator('[data-list="meetings"]');
    const rows = list.locator('tbody tr');
    expect(await rows.count()).toBe(100);
    expect(await list.locator('.panel-count').textContent()).toBe('(100 of 250)');
    await list.locator('[data-action="load-more"]').click();
    await expect.poll(() => rows.count()).toBe(200);
    await list.locator('[data-action="load-more"]').click();
    await expect.poll(() => rows.count()).toBe(BULK);
    expect(await list.locator('.panel-count').textContent()).toBe('(250)');
    expect(await list.locator('[data-action="load-more"]').isHidden()).toBe(true);
    await screenshot(page, 'meetings-all-loaded');

    // a fresh list (100 shown) still exports all 250, from the server
    await view('/meetings?period=all&countries=IR,UZ');
    expect(await rows.count()).toBe(100);
    const [download] = await Promise.all([page.waitForEvent('download'), list.locator('[data-action="export-csv"]').click()]);
    const csv = await csvOf(download);
    expect(csv[0]).toEqual(['Date', 'Type', 'Status', 'Countries', 'Country codes', 'Location', 'Evidence', 'Sources', 'Publishers', 'Review']);
    expect(csv.length - 1).toBe(BULK);
    expect(new Set(csv.slice(1).map((r) => r[0])).size).toBe(BULK); // 250 different days: no page twice
    expect(csv.slice(1).every((r) => r[3] === 'Iran – Uzbekistan' && r[4] === 'IR UZ')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('names countries the same way in a table, a chart legend and an export, with the ISO code on hover', async () => {
    await page.goto(`${api.url}/?period=all`);
    await page.waitForSelector('body[data-ready="overview"]');
    await page.waitForSelector('[data-list="pairs"][data-state="ready"]');
    const pairCell = page.locator('[data-list="pairs"] tbody tr').filter({ hasText: 'Uzbekistan' }).first().locator('td').first();
    expect(await pairCell.textContent()).toBe('Iran – Uzbekistan');
    expect(await pairCell.locator('[data-country="IR"]').getAttribute('title')).toBe('IR');
    // the legend of the score trend: its series labels, which the table view shows as column heads
    await page.waitForSelector('[data-chart="score-trend"][data-state="ready"]');
    await page.click('[data-chart="score-trend"] [data-action="toggle-table"]');
    const legend = await page.$$eval('[data-chart="score-trend"] .chart-table thead th', (ths: any[]) => ths.map((th) => th.textContent));
    expect(legend).toContain('Iran – Uzbekistan');
    expect(legend).toContain('Iran – Kazakhstan');
    expect(legend.join(' ')).not.toMatch(/\b[A-Z]{2}-[A-Z]{2}\b|Islamic Republic/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-list="pairs"] [data-action="export-csv"]').click()]);
    const csv = await csvOf(download);
    expect(csv.map((r) => r[0])).toContain('Iran – Uzbekistan');
    expect(csv.find((r) => r[0] === 'Iran – Uzbekistan')![1]).toBe('IR-UZ');
    // the overdue list says which pair and which meeting each follow-up came from
    const overdue = page.locator('[data-list="overdue"] tbody tr').first();
    expect(await overdue.locator('[data-context="follow-up"]').textContent()).toMatch(/^(Iran|Russia) – \w+ · from (Meeting|Visit|Call|Signing), /);
    await screenshot(page, 'overview-country-names');
    expect(problems).toEqual([]);
  });

  it('searches news, meetings and proposals in Persian, from the box in the header', async () => {
    await page.fill('form.app-search input[name="q"]', 'سینمایی');
    await page.press('form.app-search input[name="q"]', 'Enter');
    await page.waitForURL(/\/search\?q=/);
    await page.waitForSelector('.view[data-ready="true"]');
    const news = page.locator('[data-list="search-news"] tbody tr');
    expect(await news.count()).toBe(1);
    expect(await news.first().textContent()).toMatch(/تعاملات سینمایی/);
    expect(await page.locator('[data-list="search-meetings"] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-list="search-meetings"] tbody tr').first().textContent()).toMatch(/Iran – Kazakhstan/);
    await screenshot(page, 'search-persian');
    expect(problems).toEqual([]);
  });

  it('searches in Russian and narrows by language and publisher in the URL', async () => {
    await view(`/search?q=${encodeURIComponent('консульским')}`);
    const news = page.locator('[data-list="search-news"] tbody tr');
    expect(await news.count()).toBe(1);
    expect(await news.first().textContent()).toMatch(/Russian.*MID/);
    await screenshot(page, 'search-russian');
    // the same words in Persian sources only: nothing
    await page.locator('[data-filter="languages"] summary').click();
    await page.locator('[data-filter="languages"] input[value="fa"]').check();
    await page.waitForURL(/languages=fa/);
    await page.waitForSelector('.view[data-ready="true"]');
    expect(await page.locator('[data-list="search-news"]').getAttribute('data-state')).toBe('empty');
    // the meetings list takes the same filters
    await view('/meetings?period=all&publisher=ICRO');
    const meetings = page.locator('[data-list="meetings"] tbody tr');
    expect(await meetings.count()).toBe(1);
    expect(await meetings.first().textContent()).toMatch(/Iran – Kazakhstan.*ICRO/);
    await view('/meetings?period=all&countries=IR,UZ&review=CONFIRMED');
    expect(await page.locator('[data-list="meetings"]').getAttribute('data-state')).toBe('empty');
    expect(problems).toEqual([]);
  });

  it('moves a card to its new column and updates both counts at once, without a reload', async () => {
    await view('/follow-ups?period=all');
    await page.evaluate(() => ((globalThis as any).stillHere = true));
    const column = (status: string) => page.locator(`.board-column[data-status="${status}"]`);
    const count = async (status: string) => Number(await column(status).locator('.panel-count').getAttribute('data-total'));
    const [open, done] = [await count('OPEN'), await count('DONE')];
    const card = column('OPEN').locator('.board-card').first();
    const id = await card.getAttribute('data-follow-up');
    expect(await card.locator('[data-context="follow-up"]').textContent()).toMatch(/ – .* · from /);
    await card.locator('select[name="status"]').selectOption('DONE');
    await expect.poll(() => column('DONE').locator(`[data-follow-up="${id}"]`).count()).toBe(1);
    expect(await column('OPEN').locator(`[data-follow-up="${id}"]`).count()).toBe(0);
    expect(await count('OPEN')).toBe(open - 1);
    expect(await count('DONE')).toBe(done + 1);
    expect(await page.evaluate(() => (globalThis as any).stillHere)).toBe(true);
    const saved = await api.graphql<{ followUp: { status: string } }>(`query($id: ID!) { followUp(id: $id) { status } }`, { id });
    expect(saved.data!.followUp.status).toBe('DONE');
    await screenshot(page, 'follow-ups-board-moved');
    expect(problems).toEqual([]);
  });

  it('takes Solar Hijri dates in the date inputs when that calendar is on', async () => {
    await view('/meetings?period=all&countries=IR,UZ');
    await page.selectOption('select[name="calendar"]', 'persian');
    await page.waitForSelector('.view[data-ready="true"]');
    const from = page.locator('input[name="from"]');
    expect(await from.getAttribute('type')).toBe('text');
    await from.fill('۱۴۰۴/۰۱/۲۴');
    await from.press('Enter');
    await from.blur();
    await page.waitForURL(/from=2025-04-13/);
    await page.waitForSelector('.view[data-ready="true"]');
    // the field shows the day it filters on, in the Solar Hijri calendar
    expect(await page.inputValue('input[name="from"]')).toBe('۱۴۰۴/۰۱/۲۴');
    await screenshot(page, 'meetings-solar-hijri-from');
    // a day that does not exist is refused in place, and the filter is not changed
    await page.fill('input[name="to"]', '1404/12/30');
    await page.locator('input[name="to"]').blur();
    expect(await page.getAttribute('input[name="to"]', 'aria-invalid')).toBe('true');
    expect(new URL(page.url()).searchParams.get('to')).toBeNull();
    await page.selectOption('select[name="calendar"]', 'gregorian');
    await page.waitForSelector('.view[data-ready="true"]');
    expect(await page.getAttribute('input[name="from"]', 'type')).toBe('date');
    expect(await page.inputValue('input[name="from"]')).toBe('2025-04-13');
    expect(problems).toEqual([]);
  });

  it('explains the score of the pair shown: the formula and this pair\'s inputs', async () => {
    await view('/pairs/IR-KZ?period=all');
    const panel = page.locator('[data-panel="score-help"]');
    await panel.locator('summary').click();
    await page.waitForSelector('[data-panel="score-help"][data-state="ready"]');
    const breakdown = (await api.graphql<{ dyadScoreBreakdown: { score: number; meetings: number; raw: number } }>(`{ dyadScoreBreakdown(countries: ["IR", "KZ"]) { score meetings raw } }`)).data!.dyadScoreBreakdown;
    expect(Number(await panel.locator('[data-score]').getAttribute('data-score'))).toBe(breakdown.score);
    expect(breakdown.meetings).toBeGreaterThan(0);
    const terms = await tableRows(page, '[data-panel="score-help"] table');
    expect(terms.map((t) => t.cells[0])).toEqual([
      'Meetings held, recent ones weigh more', 'MoUs and agreements signed', 'Proposals that moved past "Proposed"', 'Follow-ups overdue (fell due, not done)', 'Raw total',
    ]);
    expect(terms.at(-1)!.values.at(-1)).toBeCloseTo(breakdown.raw, 6);
    expect(terms[0].cells[1]).toMatch(new RegExp(`^${breakdown.meetings} meetings`));
    expect(await panel.textContent()).toMatch(/Cooperation score, 0–100/);
    expect(await page.locator('h1 [data-country="KZ"]').getAttribute('title')).toBe('KZ');
    expect(await page.title()).toBe('Iran – Kazakhstan · Dyad');
    await screenshot(page, 'pair-score-explained');
    expect(problems).toEqual([]);
  });

  it('opens GraphiQL on an example query', async () => {
    const { page: graphiql } = await openPage(browser);
    const failed: string[] = [];
    graphiql.on('response', (response) => response.status() >= 400 && failed.push(new URL(response.url()).pathname));
    await graphiql.goto(`${api.url}/graphiql?key=${api.adminKey}`);
    await graphiql.waitForSelector('.graphiql-container .CodeMirror, .graphiql-container .cm-editor, .graphiql-query-editor', { timeout: 30_000 });
    await expect.poll(() => graphiql.locator('.graphiql-query-editor').textContent(), { timeout: 20_000 }).toMatch(/query Example/);
    await screenshot(graphiql, 'graphiql-example');
    expect(failed.filter((path) => path !== '/favicon.ico')).toEqual([]); // the browser's own favicon request aside
    await graphiql.context().close();
  });

  it('shows each proposal with its country pair and the meeting it came from', async () => {
    await view('/proposals?period=all&countries=IR,KZ');
    const row = page.locator('[data-list="proposals"] tbody tr').filter({ has: page.locator('a[href^="/meetings/"]') }).first();
    const cells = await row.locator('td').allTextContents();
    expect(cells[4]).toBe('Iran – Kazakhstan');
    expect(cells[5]).toMatch(/^(Meeting|Visit|Call|Signing), /);
    await view('/pairs/IR-KZ?period=all');
    expect(await page.locator('[data-context="proposal"]').first().textContent()).toMatch(/^Iran – Kazakhstan( · from (Meeting|Visit|Call|Signing), .+)?$/);
    expect(problems).toEqual([]);
  });

  it('takes a screenshot of every view', async () => {
    const meeting = (await api.graphql<{ meetings: { nodes: { id: string }[] } }>(`{ meetings(filter: { countries: ["IR", "KZ"], text: "سینما" }, first: 1) { nodes { id } } }`)).data!.meetings.nodes[0];
    for (const [name, path] of [
      ['view-overview', '/'], ['view-meetings', '/meetings?period=all'], ['view-proposals', '/proposals?period=all'], ['view-follow-ups', '/follow-ups'],
      ['view-pair', '/pairs/IR-KZ?period=all'], ['view-meeting', `/meetings/${meeting.id}`], ['view-search', `/search?q=${encodeURIComponent('Iran')}`], ['view-ingest', '/ingest'],
    ] as const) {
      await page.goto(`${api.url}${path}`);
      await page.waitForSelector(path === '/' ? 'body[data-ready="overview"]' : '.view[data-ready="true"], form.ingest, .view form', { timeout: 30_000 });
      await screenshot(page, name);
    }
    expect(problems).toEqual([]);
  });
});
