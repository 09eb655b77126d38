import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '@dyad/database';
import { MAX_NAMED_STATEMENTS, preparedQuery, statementName } from '../prepared-query.js';

// Outside a transaction too (ingestion's duplicate check, before the item's transaction), a statement is named on the
// connection it runs on: parsed once per connection, not on every call.
// (first: the test below uses up the names)
describe('preparedQuery outside a transaction', () => {
  const dataSource = createDataSource({ url: process.env.DATABASE_URL!, entities: [], poolSize: 1 });
  beforeAll(() => dataSource.initialize());
  afterAll(() => dataSource.destroy());

  it('runs a statement named on the pool connection, which keeps it for the next call', async () => {
    const text = 'SELECT $1::int * 2 AS n /* outside a transaction */';
    for (const n of [20, 21]) expect(await preparedQuery(dataSource.manager, text, [n])).toEqual([{ n: 2 * n }]);
    const kept = await dataSource.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [text]);
    expect(kept).toEqual([{ name: statementName(text) }]);
  });
});

// Every named statement text is kept, parsed, by each pool connection for its life: the names stop at
// MAX_NAMED_STATEMENTS and later texts run unnamed, so a client sending ever new filter shapes cannot grow the
// server's or PostgreSQL's memory without bound.
describe('prepared statement names', () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('names a text by its hash, the same name each time, up to the limit; later texts run unnamed and still answer', async () => {
    const first = statementName('SELECT $1::int + 1 AS n');
    expect(first).toMatch(/^dyad_[0-9a-f]{24}$/);
    expect(statementName('SELECT $1::int + 1 AS n')).toBe(first);
    for (let i = 0; statementName(`SELECT ${i}`) !== undefined; i++) expect(i).toBeLessThan(MAX_NAMED_STATEMENTS);
    // full: a new text has no name, a named one keeps its name
    expect(statementName('SELECT $1::int + 2 AS n')).toBeUndefined();
    expect(statementName('SELECT $1::int + 1 AS n')).toBe(first);
    for (const text of ['SELECT $1::int + 1 AS n', 'SELECT $1::int + 2 AS n']) {
      const { rows } = await client.query({ name: statementName(text), text, values: [40] });
      expect(rows[0].n).toBe(text.includes('+ 1') ? 41 : 42);
    }
    const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_prepared_statements');
    expect(rows[0].n).toBe(1);
  });
});
