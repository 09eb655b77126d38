import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NAMED_STATEMENTS, statementName } from '../prepared-query.js';

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
