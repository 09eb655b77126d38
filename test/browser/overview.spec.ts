import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { describeBrowser, ensureDashboardBuild, launchBrowser, openPage, screenshot, tableRows } from '../support/browser.js';
import { seedCooperation } from '../support/dashboard-data.js';

describeBrowser('dashboard: sign-in and overview', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    await ensureDashboardBuild();
    api = await startTestApi();
    await seedCooperation(api);
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const ready = () => page.waitForSelector('body[data-ready="overview"]', { timeout: 30_000 });

  it('signs in with the ?key= link and takes the key off the address bar', async () => {
    const response = await page.goto(`${api.url}/?key=${api.adminKey}`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response!.headers()['x-content-type-options']).toBe('nosniff');
    await ready();
    expect(page.url()).toBe(`${api.url}/`);
    expect(await page.locator('.badge[data-role="ADMIN"]').textContent()).toBe('admin');
    await screenshot(page, 'login-key-link');
    expect(problems).toEqual([]);
  });

  it('shows the key form without a key, and refuses a wrong one', async () => {
    const { page: fresh } = await openPage(browser);
    await fresh.goto(`${api.url}/`);
    await fresh.fill('input[name="key"]', 'not-a-real-key-000000');
    await fresh.click('button[type="submit"]');
    await expect.poll(() => fresh.locator('#login-error').textContent()).toMatch(/not accepted/);
    await fresh.fill('input[name="key"]', api.adminKey);
    await fresh.click('button[type="submit"]');
    await fresh.waitForSelector('body[data-ready="overview"]');
    await screenshot(fresh, 'login-form');
    await fresh.context().close();
  });

  it('opens with a kept key without waiting for { me }, and brings back the form once that key is revoked', async () => {
    const created = await api.graphql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      `mutation { createApiKey(role: ANALYST, label: "kept") { key apiKey { id } } }`,
    );
    const { key, apiKey } = created.data!.createApiKey;
    const { page: kept } = await openPage(browser);
    await kept.goto(`${api.url}/?key=${key}`);
    await kept.waitForSelector('body[data-ready="overview"]');
    // the next visit: `{ me }` answers only once the overview is drawn, which it is, with the key's role
    let releaseMe!: () => void;
    const meHeld = new Promise<void>((resolve) => (releaseMe = resolve));
    let meAnswered: Promise<void> | null = null;
    await kept.route('**/graphql', (route) => {
      if (!/\{\s*me\s*\{/.test(route.request().postData() ?? '')) return route.continue();
      meAnswered = meHeld.then(() => route.continue());
      return meAnswered;
    });
    await kept.reload();
    await kept.waitForSelector('body[data-ready="overview"]');
    expect(meAnswered).not.toBeNull();
    expect(await kept.locator('.badge[data-role="ANALYST"]').textContent()).toBe('analyst');
    releaseMe();
    await meAnswered;
    await kept.unroute('**/graphql');
    // a role kept wrong (edited by hand) is put right by `{ me }`
    await kept.evaluate(`localStorage.setItem('dyad.apiKeyRole', 'VIEWER')`);
    await kept.reload();
    await kept.waitForSelector('.badge[data-role="ANALYST"]');
    expect(await kept.evaluate(`localStorage.getItem('dyad.apiKeyRole')`)).toBe('ANALYST');
    // revoked: the next visit shows the form, and the key is forgotten
    await api.graphql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: apiKey.id });
    await kept.reload();
    await expect.poll(() => kept.locator('#login-error').textContent()).toMatch(/no longer accepted/);
    expect(await kept.evaluate(`[localStorage.getItem('dyad.apiKey'), localStorage.getItem('dyad.apiKeyRole')]`)).toEqual([null, null]);
    await kept.context().close();
  });

  it('draws the overview charts, and their table views match the API', async () => {
    await page.goto(`${api.url}/`);
    await ready();
    for (const chart of ['timeline', 'funnel', 'follow-ups', 'sectors', 'score-trend']) {
      expect(await page.getAttribute(`[data-chart="${chart}"]`, 'data-state'), chart).toBe('ready');
      expect(await page.getAttribute(`[data-chart="${chart}"]`, 'data-drawn'), chart).toBe('true');
    }
    const from = new URL(page.url()).searchParams.get('from');
    expect(from).toBeNull(); // the default period is not written into the URL

    // the timeline table: one row per month, totals as the API counts them
    await page.click('[data-chart="timeline"] [data-action="toggle-table"]');
    const rows = (await tableRows(page, '[data-chart="timeline"]')).map((row) => ({ key: row.key, total: row.values.at(-1) }));
    const today = new Date(Date.now() + 3.5 * 3_600_000);
    const yearAgo = new Date(today.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
    const api1 = await api.graphql<{ cooperationTimeline: { periods: { label: string; total: number }[] }; proposalFunnel: { steps: { status: string; reached: number }[] } }>(
      `query($f: MeetingFilterInput, $p: ProposalFilterInput) {
        cooperationTimeline(filter: $f, granularity: MONTH) { periods { label total } }
        proposalFunnel(filter: $p) { steps { status reached } } }`,
      { f: { from: yearAgo, to: today.toISOString().slice(0, 10) }, p: { from: yearAgo, to: today.toISOString().slice(0, 10) } },
    );
    expect(rows).toEqual(api1.data!.cooperationTimeline.periods.map((p) => ({ key: p.label, total: p.total })));
    expect(rows.reduce((sum, r) => sum + (r.total ?? 0), 0)).toBe(22);
    expect(await page.getAttribute('[data-tile="Meetings"] .tile-value', 'data-value')).toBe('22');

    await page.click('[data-chart="funnel"] [data-action="toggle-table"]');
    const reached = (await tableRows(page, '[data-chart="funnel"]')).map((row) => [row.key, row.values[1]]);
    for (const step of api1.data!.proposalFunnel.steps) expect(reached).toContainEqual([step.status, step.reached]);
    await screenshot(page, 'overview');
    expect(problems).toEqual([]);
  });

  it('lists upcoming meetings, and says how many undated meetings the timeline leaves out', async () => {
    await page.goto(`${api.url}/`);
    await ready();
    await page.waitForSelector('[data-list="upcoming"][data-state="ready"]');
    const upcoming = await tableRows(page, '[data-list="upcoming"]');
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0].cells[1]).toBe('Visit');
    expect(upcoming[0].cells[2]).toMatch(/Iran.*Kazakhstan|Kazakhstan.*Iran/);

    const note = page.locator('[data-chart="timeline"] .chart-note');
    expect(await note.textContent()).toMatch(/^1 meeting without a date is not in this chart\./);
    await note.locator('a').click();
    await page.waitForURL(/\/meetings\?.*undated=1/);
    await page.waitForSelector('.view[data-ready="true"]');
    const rows = await tableRows(page, '[data-list="meetings"]');
    expect(rows.map((row) => row.cells[0])).toEqual(['Date unknown']);
    expect(await page.isChecked('[data-filter="undated"] input')).toBe(true);
    await screenshot(page, 'meetings-date-unknown');

    // the status filter lives in the URL like the others
    await page.goto(`${api.url}/meetings?period=all&statuses=SCHEDULED`);
    await page.waitForSelector('.view[data-ready="true"]');
    const scheduled = await tableRows(page, '[data-list="meetings"]');
    expect(scheduled.map((row) => row.cells[2])).toEqual(['Scheduled']);
    expect(problems).toEqual([]);
  });

  it('puts a filter change into the URL and changes the data', async () => {
    await page.goto(`${api.url}/`);
    await ready();
    await page.fill('input[name="countries"]', 'IR, KZ');
    await page.press('input[name="countries"]', 'Enter');
    await page.waitForURL(/countries=IR,KZ/);
    await page.waitForSelector('body[data-ready="overview"]');
    await expect.poll(() => page.getAttribute('[data-tile="Meetings"] .tile-value', 'data-value')).toBe('9');
    await page.selectOption('select[name="period"]', 'all');
    await page.waitForURL(/period=all/);
    expect(new URL(page.url()).searchParams.get('countries')).toBe('IR,KZ');
    // the URL alone restores the view (shared or bookmarked)
    await page.goto(`${api.url}/?period=all&countries=IR,RU`);
    await ready();
    await expect.poll(() => page.getAttribute('[data-tile="Meetings"] .tile-value', 'data-value')).toBe('6');
    expect(await page.inputValue('input[name="countries"]')).toBe('IR, RU');
    await screenshot(page, 'overview-filtered');
    expect(problems).toEqual([]);
  });

  it('opens the follow-up board from the overdue tile: overdue first, by owner, with inline status updates', async () => {
    await page.goto(`${api.url}/`);
    await ready();
    await page.click('[data-tile="Overdue follow-ups"]');
    await page.waitForURL(/\/follow-ups\?.*overdue=1/);
    await page.waitForSelector('.view[data-ready="true"]');
    const open = page.locator('[data-status="OPEN"] article');
    expect(await open.count()).toBe(14);
    expect(await open.first().getAttribute('class')).toContain('overdue');
    await page.fill('input[name="owner"]', 'RU');
    await page.press('input[name="owner"]', 'Enter');
    await page.waitForURL(/owner=RU/);
    await page.waitForSelector('.view[data-ready="true"]');
    const ru = page.locator('[data-status="OPEN"] article');
    // owners are named ("Russia"), with their codes on hover and in data-owners
    const owners = await ru.locator('[data-owners]').evaluateAll((spans: any[]) => spans.map((span) => span.dataset.owners as string));
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.length).toBeLessThan(14);
    for (const codes of owners) expect(codes.split(' ')).toContain('RU');
    expect(await ru.first().locator('[data-owners] [data-country="RU"]').textContent()).toBe('Russia');
    const id = (await ru.first().getAttribute('data-follow-up'))!;
    await ru.first().locator('select[name="status"]').selectOption('DONE');
    await expect.poll(() => page.getAttribute(`article[data-follow-up="${id}"]`, 'data-status')).toBe('DONE');
    const saved = await api.graphql<{ followUp: { status: string } }>(`query($id: ID!) { followUp(id: $id) { status } }`, { id });
    expect(saved.data!.followUp.status).toBe('DONE');
    await screenshot(page, 'follow-ups-board');
    expect(problems).toEqual([]);
  });
});
