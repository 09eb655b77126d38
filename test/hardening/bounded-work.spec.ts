import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltServer, startBuiltServer } from '../support/built-server.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { fixture } from '../support/ingestion.js';

// Finding 2: 30 aliases over a huge date range, or bodies of 5 MB items, ran for seconds and answered tens
// of MB while /health stalled. Finding 3: a 4.9 MB text failed on PostgreSQL's parameter limit, and its
// extraction blocked every other request.
const PAIRS = [
  ['IR', 'KZ'], ['IR', 'RU'], ['IR', 'TR'], ['IR', 'IQ'], ['IR', 'CN'], ['IR', 'IN'], ['IR', 'AM'], ['IR', 'AZ'],
  ['KZ', 'RU'], ['KZ', 'CN'], ['RU', 'TR'], ['RU', 'CN'], ['TR', 'AZ'], ['AM', 'RU'], ['TJ', 'IR'], ['CN', 'IN'],
];

/** `count` aliases of `field(args)` with the pair of each alias filled in. */
const aliases = (count: number, field: (pair: string[]) => string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field(PAIRS[i % PAIRS.length])}`).join('\n')} }`;

/** Runs `work` while asking /health every 100 ms; returns its result and the slowest /health. */
async function whileWatchingHealth<T>(url: string, work: () => Promise<T>): Promise<{ result: T; slowestHealthMs: number; checks: number }> {
  let running = true;
  let slowest = 0;
  let checks = 0;
  const watcher = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${url}/health`);
      slowest = Math.max(slowest, performance.now() - started);
      checks++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    return { result: await work(), slowestHealthMs: slowest, checks };
  } finally {
    running = false;
    await watcher;
  }
}

// One real article and then ordinary prose: 4.9 MB that extracts in seconds (tens of thousands of evidence
// quotes take the extractor minutes; the batching of those is test/ingestion/evidence-batching.spec.ts).
const bigText = (bytes: number) => {
  const article = fixture('news/en-001-iran-kazakhstan-will-sign-trade-mou.txt');
  const paragraph = `${'The weather in the capital was mild and markets were calm during the week. '.repeat(20)}\n\n`;
  return `${article}\n\n${paragraph.repeat(Math.floor((bytes - Buffer.byteLength(article)) / Buffer.byteLength(paragraph)))}`;
};

describe('bounded work per request (built server)', () => {
  let database: TestDatabase;
  let api: BuiltServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = await database.connect();
    // 1,800 meetings over 35 years for 16 pairs, and one each at the ends of the accepted range.
    await db.query(`
      WITH pairs AS (SELECT ordinality - 1 AS n, p FROM unnest($1::text[]) WITH ORDINALITY AS p),
      made AS (
        INSERT INTO meeting (type, date, date_source, sectors, review_status, version)
        SELECT 'MEETING', date '1990-01-01' + g * 7, 'TEXT', '{TRADE}', 'EXTRACTED', 1 FROM generate_series(0, 1799) g
        RETURNING id, date
      ),
      numbered AS (SELECT id, (row_number() OVER (ORDER BY date)) % 16 AS n FROM made)
      INSERT INTO meeting_party (meeting_id, country_code)
      SELECT numbered.id, unnest(string_to_array(pairs.p, '-')) FROM numbered JOIN pairs USING (n)`,
      [PAIRS.map((pair) => pair.join('-'))],
    );
    // Five items of 5 MB, written directly (ingesting them is the 4.9 MB test below).
    await db.query(
      `INSERT INTO news_item (title, body, search_key, language, content_hash, extractor_version)
       SELECT 'big ' || g, repeat('Iran and Kazakhstan met. ', 200000), 'big', 'en', md5(g::text), 'test' FROM generate_series(1, 5) g`,
    );
    await db.destroy();
    api = await startBuiltServer({ database, env: { DYAD_EXTRACTION_TIMEOUT_MS: '200000' } });
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('refuses chart ranges outside 1900–2100 before any SQL', async () => {
    const query = aliases(30, ([a, b]) => `dyadScoreTrend(countries: ["${a}","${b}"], filter: {from: "1000-01-01", to: "9999-12-31"}) { points { period score } }`);
    const { result, slowestHealthMs } = await whileWatchingHealth(api.url, () => api.graphql(query));
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/between 1900-01-01 and 2100-12-31/) });
    expect(slowestHealthMs).toBeLessThan(1000);
  });

  it('refuses a series of more than 1,200 periods, with what to change', async () => {
    const query = aliases(30, ([a, b]) => `dyadScoreTrend(countries: ["${a}","${b}"], granularity: MONTH, filter: {from: "1900-01-01", to: "2100-12-31"}) { points { period score } }`);
    const { result, slowestHealthMs } = await whileWatchingHealth(api.url, () => api.graphql(query));
    expect(result.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', limit: 'periods' },
      message: expect.stringMatching(/more than 1200 periods by MONTH.*QUARTER, YEAR/),
    });
    expect(slowestHealthMs).toBeLessThan(1000);
  });

  it('answers the widest allowed series for 30 pairs in a few MB while /health stays under 1 s', async () => {
    const query = aliases(30, ([a, b]) => `dyadScoreTrend(countries: ["${a}","${b}"], granularity: QUARTER, filter: {from: "1900-01-01", to: "2100-12-31"}) { points { period label asOf score } }`);
    const started = performance.now();
    const { result, slowestHealthMs, checks } = await whileWatchingHealth(api.url, () =>
      fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminKey}` }, body: JSON.stringify({ query }) }).then((r) => r.text()),
    );
    const seconds = (performance.now() - started) / 1000;
    const answer = JSON.parse(result) as { data: Record<string, { points: unknown[] }>; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(Object.values(answer.data).every((series) => series.points.length === 804)).toBe(true);
    expect(Buffer.byteLength(result)).toBeLessThan(4 * 1024 * 1024);
    expect(slowestHealthMs).toBeLessThan(1000);
    process.stdout.write(`[bounded work] 30 × 804 quarters: ${seconds.toFixed(1)} s, ${(Buffer.byteLength(result) / 1024 / 1024).toFixed(1)} MB, slowest /health ${Math.round(slowestHealthMs)} ms of ${checks}\n`);
  }, 60_000);

  it('refuses a timeline of more than 1,200 periods once meetings span the whole range', async () => {
    for (const date of ['1900-01-01', '2100-12-31']) {
      const made = await api.graphql(`mutation { createMeeting(input: {type: MEETING, countries: ["IR","KZ"], date: "${date}"}) { id } }`);
      expect(made.errors).toBeUndefined();
    }
    const monthly = await api.graphql(aliases(30, () => 'cooperationTimeline(granularity: MONTH) { periods { period total } }'));
    expect(monthly.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'periods' } });
    const yearly = await api.graphql<{ a0: { periods: unknown[] } }>('{ a0: cooperationTimeline(granularity: YEAR) { periods { period total } } }');
    expect(yearly.data!.a0.periods).toHaveLength(201);
  });

  it('charges bodies in the query cost: 30 aliases of 100 bodies are refused before any SQL', async () => {
    const answer = await api.graphql(aliases(30, () => 'newsItems(first: 100) { nodes { body } }'));
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'cost' } });
    const one = await api.graphql<{ newsItems: { nodes: { body: string }[] } }>('{ newsItems(first: 1) { nodes { body } } }');
    expect(one.data!.newsItems.nodes[0].body).toHaveLength(5_000_000);
  });

  it('caps the answer: four 5 MB bodies in one answer are refused with the size', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminKey}` },
      body: JSON.stringify({ query: '{ newsItems(first: 4) { nodes { title body } } }' }),
    });
    const text = await response.text();
    expect(Buffer.byteLength(text)).toBeLessThan(4096);
    expect(JSON.parse(text).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'responseSize' }, message: expect.stringMatching(/over the limit of 16 MB/) });
  });

  it('ingests a 4.9 MB text, extracting off the event loop', async () => {
    const text = bigText(4.9 * 1024 * 1024);
    expect(Buffer.byteLength(text)).toBeGreaterThan(4.8 * 1024 * 1024);
    const { result, slowestHealthMs, checks } = await whileWatchingHealth(api.url, () =>
      api.graphql<{ ingestNewsItem: { status: string; meetingsCreated: number } }>(
        'mutation($text: String!) { ingestNewsItem(input: {text: $text, publishedAt: "2024-03-12"}) { status meetingsCreated } }',
        { text },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingestNewsItem).toEqual({ status: 'NEW', meetingsCreated: 1 });
    expect(checks).toBeGreaterThan(5);
    expect(slowestHealthMs).toBeLessThan(1000);
  }, 240_000);
});
