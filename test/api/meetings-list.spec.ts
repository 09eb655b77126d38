import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCounter, startTestApi, type TestApi } from '../support/api.js';
import { factories } from '../support/factories.js';

// The meetings list reads its page, party sets, source ids and total in one statement, the total from the
// rollups when they hold it. These check that it answers what the base rows say, whichever way it is read.

interface Node {
  id: string;
  countries: { code: string }[];
  sources: { id: string }[];
}

describe('GraphQL: the meetings list', () => {
  let api: TestApi;
  const queries = new QueryCounter();

  beforeAll(async () => {
    api = await startTestApi({ queryCounter: queries });
    const db = await api.database.connect();
    const { createMeeting } = factories(db);
    const parties = [['IR', 'KZ'], ['IR', 'KZ', 'RU'], ['IR'], ['KZ', 'RU'], ['IR', 'KZ'], ['IR', 'RU']];
    const ids: string[] = [];
    for (const [k, set] of [...parties, ...parties, ...parties].entries()) {
      const meeting = await createMeeting({
        parties: set,
        date: k % 7 === 3 ? null : `2024-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 27)).padStart(2, '0')}`,
        status: k % 5 === 1 ? 'SCHEDULED' : 'HELD',
        type: k % 3 === 0 ? 'VISIT' : 'MEETING',
        reviewStatus: k % 8 === 5 ? 'REJECTED' : k % 4 === 0 ? 'CONFIRMED' : 'EXTRACTED',
        sectors: k % 2 ? ['ENERGY', 'TRADE'] : [],
        summary: k % 3 ? `Talks ${k}` : null,
      });
      ids.push(meeting.id);
    }
    // places: a name and a country, a name alone, a country alone
    await db.query(
      `UPDATE meeting m SET location_name = CASE WHEN x.n % 3 = 2 THEN NULL ELSE 'Place ' || x.n END,
                            location_country_code = CASE WHEN x.n % 3 = 1 THEN NULL ELSE 'KZ' END
       FROM unnest($1::uuid[]) WITH ORDINALITY x(id, n) WHERE m.id = x.id AND x.n % 2 = 0`,
      [ids],
    );
    // one or two sources each, published on different days (the list gives them oldest first)
    await db.query(
      `INSERT INTO news_item (url, title, body, search_key, language, published_at, content_hash, extractor_version)
       SELECT 'https://example.invalid/' || m.n || '/' || s, 'Report', 'Text', 'text', 'en', date '2024-01-01' + (m.n * 3 + (2 - s))::int,
              md5(m.n || '-' || s), 'test'
       FROM unnest($1::uuid[]) WITH ORDINALITY m(id, n) CROSS JOIN generate_series(1, 1 + (m.n % 2)::int) s`,
      [ids],
    );
    await db.query(
      `INSERT INTO meeting_source (meeting_id, news_item_id)
       SELECT m.id, n.id FROM unnest($1::uuid[]) WITH ORDINALITY m(id, ord) JOIN news_item n ON n.url LIKE 'https://example.invalid/' || m.ord || '/%'`,
      [ids],
    );
  }, 120_000);
  afterAll(() => api?.close());

  const list = async (filter: Record<string, unknown>, first = 50) => {
    const { data, errors } = await api.graphql<{ meetings: { totalCount: number; nodes: Node[] } }>(
      `query($f: MeetingFilterInput, $first: Int) { meetings(filter: $f, first: $first) { totalCount nodes { id countries { code } sources { id } } } }`,
      { f: filter, first },
    );
    expect(errors).toBeUndefined();
    return data!.meetings;
  };

  it('counts from the rollups what the base rows count, for every filter they can answer', async () => {
    const db = await api.database.connect();
    for (const filter of [
      {}, { countries: ['IR'] }, { countries: ['IR', 'KZ'] }, { countries: ['KZ', 'IR', 'KZ'] }, { countries: ['RU', 'KZ'] },
      { countries: ['IR', 'KZ'], statuses: ['HELD'] }, { countries: ['IR'], types: ['VISIT'], statuses: ['SCHEDULED'] }, { countries: ['DE'] },
    ]) {
      const fromRollups = await list(filter);
      // every review status but REJECTED: the same meetings, read from the base rows
      const exact = await list({ ...filter, reviewStatuses: ['EXTRACTED', 'CONFIRMED'] });
      const codes = [...new Set((filter as { countries?: string[] }).countries ?? [])];
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM meeting m WHERE m.review_status <> 'REJECTED'
           AND (SELECT count(DISTINCT p.country_code) FROM meeting_party p WHERE p.meeting_id = m.id AND p.country_code = ANY($1)) = cardinality($1::text[])
           AND ($2::text[] IS NULL OR m.status::text = ANY($2)) AND ($3::text[] IS NULL OR m.type::text = ANY($3))`,
        [codes, (filter as { statuses?: string[] }).statuses ?? null, (filter as { types?: string[] }).types ?? null],
      );
      expect(fromRollups.totalCount, JSON.stringify(filter)).toBe(count);
      expect(exact.totalCount, JSON.stringify(filter)).toBe(count);
      expect(fromRollups.nodes, JSON.stringify(filter)).toEqual(exact.nodes);
    }
    expect((await list({ countries: ['IR', 'KZ'] })).totalCount).toBeGreaterThan(3);
  });

  it('gives each meeting its parties and its sources oldest first, as reading the meeting alone does', async () => {
    const page = await list({ countries: ['IR', 'KZ'] }, 5);
    expect(page.nodes).toHaveLength(5);
    for (const node of page.nodes) {
      const { data } = await api.graphql<{ meeting: Node }>(`query($id: ID!) { meeting(id: $id) { id countries { code } sources { id } } }`, { id: node.id });
      expect(node).toEqual(data!.meeting);
      expect(node.countries.map((c) => c.code)).toEqual(expect.arrayContaining(['IR', 'KZ']));
      expect(node.sources.length).toBeGreaterThan(0);
    }
    const db = await api.database.connect();
    const two = page.nodes.find((node) => node.sources.length === 2)!;
    const dates: { published_at: Date }[] = await db.query(`SELECT published_at FROM news_item WHERE id = ANY($1) ORDER BY array_position($1, id)`, [
      two.sources.map((s) => s.id),
    ]);
    expect(dates[0].published_at.getTime()).toBeLessThan(dates[1].published_at.getTime());
  });

  it('answers countries and sources given with the page as their resolvers do, whatever the selection', async () => {
    // the general path: meetings read as a news item's relation, through the field resolvers
    type Full = { id: string; countries: { code: string; nameEn: string; alpha3: string }[]; sources: { id: string; title: string }[] };
    const general = async (id: string): Promise<Full> => {
      const { data, errors } = await api.graphql<{ meeting: { sources: { id: string }[] } }>(`query($id: ID!) { meeting(id: $id) { sources { id } } }`, { id });
      expect(errors).toBeUndefined();
      const reply = await api.graphql<{ newsItem: { meetings: Full[] } }>(
        `query($id: ID!) { newsItem(id: $id) { meetings { id countries { code nameEn alpha3 } sources { id title } } } }`,
        { id: data!.meeting.sources[0].id },
      );
      expect(reply.errors).toBeUndefined();
      return reply.data!.newsItem.meetings.find((meeting) => meeting.id === id)!;
    };
    const selections = [
      'nodes { id countries { code nameEn alpha3 } sources { id } }',
      'nodes { id countries { code nameEn alpha3 } sources { id title } }',
      'nodes { id countries { code nameEn alpha3 } sources { id } more: sources { id title } }',
      'nodes { id ...F } } } fragment F on Meeting { countries { code nameEn alpha3 } sources { id ... on NewsItem { title } }',
      'edges { node { id countries { code nameEn alpha3 } sources { id } } } nodes { id sources { __typename id } }',
    ];
    for (const selection of selections) {
      const { data, errors } = await api.graphql<{ meetings: { nodes?: Record<string, unknown>[]; edges?: { node: Record<string, unknown> }[] } }>(
        `{ meetings(filter: { countries: ["IR", "KZ"] }, first: 4) { ${selection} }${selection.includes('fragment') ? '' : ' }'}`,
      );
      expect(errors, selection).toBeUndefined();
      const rows = [...(data!.meetings.nodes ?? []), ...(data!.meetings.edges ?? []).map((edge) => edge.node)];
      expect(rows.length, selection).toBeGreaterThanOrEqual(4);
      for (const row of rows) {
        const expected = await general(row.id as string);
        if (row.countries) expect(row.countries, selection).toEqual(expected.countries);
        for (const key of ['sources', 'more']) {
          const sources = row[key] as { id: string; title?: string; __typename?: string }[] | undefined;
          if (!sources) continue;
          expect(sources.map((source) => source.id), selection).toEqual(expected.sources.map((source) => source.id));
          // a selection that asks for the title gets it (the ids alone would answer it with null)
          const wantsTitle = key === 'more' || /(?<!more: )sources \{ id (title|\.\.\. on NewsItem)/.test(selection);
          if (wantsTitle) expect(sources.map((source) => source.title), selection).toEqual(expected.sources.map((source) => source.title));
          for (const source of sources) if ('__typename' in source) expect(source.__typename).toBe('NewsItem');
        }
      }
    }
  });

  it('reads each group of optional columns only for a selection that shows one of its fields, with the answers of a meeting read alone', async () => {
    const all = 'id type status date dateSource location { name country { code } } sectors summary outcome outcomeNotes reviewStatus confidence version createdAt updatedAt';
    const selections = [
      `nodes { ${all} }`,
      `nodes { id type date }`,
      `nodes { id summary }`,
      `nodes { id status location { name country { code } } }`,
      `edges { node { id createdAt sectors } } nodes { id version }`,
      `nodes { id ...F } } } fragment F on Meeting { updatedAt ... on Meeting { outcomeNotes } }`,
    ];
    // the fields of each group of columns read together, and those columns
    const COLUMN_GROUPS: [string[], string[]][] = [
      [['status', 'dateSource', 'reviewStatus', 'version'], ['status', 'date_source', 'review_status', 'version']],
      [['location'], ['location_name', 'location_country_code']],
      [['summary', 'outcome', 'outcomeNotes', 'confidence'], ['summary', 'outcome', 'outcome_notes', 'confidence']],
      [['sectors'], ['sectors']],
      [['createdAt', 'updatedAt'], ['created_at', 'updated_at']],
    ];
    const located = new Set<string>();
    for (const filter of ['{ countries: ["IR", "KZ"] }', '{ countries: ["IR"] }', '{ reviewStatuses: [EXTRACTED, CONFIRMED, REJECTED] }']) {
      for (const selection of selections) {
        const before = queries.texts.length;
        const { data, errors } = await api.graphql<{ meetings: { nodes?: Record<string, unknown>[]; edges?: { node: Record<string, unknown> }[] } }>(
          `{ meetings(filter: ${filter}, first: 20) { ${selection}${selection.includes('fragment') ? '' : ' } }'}`,
        );
        expect(errors, selection).toBeUndefined();
        // what the page's statement read: the costlier columns exactly when the selection shows them
        const statement = queries.texts.slice(before).find((text) => text.includes('LEFT JOIN meeting e'))!;
        expect(statement).toBeDefined();
        for (const [fields, columns] of COLUMN_GROUPS) {
          const shown = fields.some((field) => new RegExp(`\\b${field}\\b`).test(selection));
          for (const column of columns) expect(statement.includes(`e."${column}"`), `${filter} ${selection}: ${column}`).toBe(shown);
        }
        for (const column of ['id', 'type', 'date', 'party_codes']) expect(statement).toContain(`e."${column}"`);
        const rows = [...(data!.meetings.nodes ?? []), ...(data!.meetings.edges ?? []).map((edge) => edge.node)];
        expect(rows.length).toBeGreaterThan(3);
        for (const row of rows) {
          const fields = Object.keys(row).map((key) => (key === 'location' ? 'location { name country { code } }' : key)).join(' ');
          const alone = await api.graphql<{ meeting: Record<string, unknown> }>(`query($id: ID!) { meeting(id: $id) { ${fields} } }`, { id: row.id });
          expect(row, `${filter} ${selection}`).toEqual(alone.data!.meeting);
          if ('location' in row) located.add(JSON.stringify(row.location));
        }
      }
    }
    // the places as stored, read alone and in the list alike: a country with no name is a place too
    const shapes = new Set([...located].map((text) => {
      const place = JSON.parse(text) as { name: string | null; country: { code: string } | null } | null;
      return place && `${place.name ? 'name' : '-'} ${place.country?.code ?? '-'}`;
    }));
    expect(shapes).toEqual(new Set(['- KZ', 'name KZ', 'name -', null]));
  });

  it('pages in a stable order across the two ways of counting', async () => {
    const all = await list({ countries: ['IR'] }, 100);
    const firstHalf = await list({ countries: ['IR'] }, 4);
    expect(firstHalf.nodes.map((n) => n.id)).toEqual(all.nodes.slice(0, 4).map((n) => n.id));
    expect(firstHalf.totalCount).toBe(all.totalCount);
  });

  it('sends one statement for a page with its parties and sources, and one for a meeting by id', async () => {
    await list({ countries: ['IR', 'KZ'] });
    const before = queries.count;
    await list({ countries: ['IR', 'KZ'] });
    expect(queries.count - before).toBeLessThanOrEqual(1);
    const { nodes } = await list({ countries: ['IR', 'KZ'] }, 1);
    const at = queries.count;
    const { errors } = await api.graphql(`query($id: ID!) { meeting(id: $id) { id countries { code nameEn } } }`, { id: nodes[0].id });
    expect(errors).toBeUndefined();
    expect(queries.count - at).toBeLessThanOrEqual(1);
  });

  it('answers a page past the end with the total, and an empty one with 0', async () => {
    const total = (await list({ countries: ['KZ', 'RU'] })).totalCount;
    const after = Buffer.from(`o:${total + 3}`).toString('base64url');
    const { data, errors } = await api.graphql<{ meetings: { totalCount: number; nodes: Node[]; pageInfo: { hasNextPage: boolean } } }>(
      `query($after: String) { meetings(filter: { countries: ["KZ", "RU"] }, first: 2, after: $after) { totalCount pageInfo { hasNextPage } nodes { id } } }`,
      { after },
    );
    expect(errors).toBeUndefined();
    expect(data!.meetings).toEqual({ totalCount: total, pageInfo: { hasNextPage: false }, nodes: [] });
    expect(await list({ countries: ['DE'] })).toEqual({ totalCount: 0, nodes: [] });
  });
});
