import { createDataSource, withClient } from '@dyad/database';
import { ENTITIES } from '@dyad/domain';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStringArray, TYPE_PARSERS } from '../../libs/database/src/type-parsers.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// The data source splits string arrays without node-postgres' walk per character: every array PostgreSQL prints must
// come out as node-postgres' own parser makes it (quoted, NULL, empty, nested, with bounds, in every string type).
const ARRAYS = [
  `ARRAY[]::text[]`,
  `ARRAY['a']::text[]`,
  `ARRAY['IR', 'KZ']::char(2)[]`,
  `ARRAY['IR', NULL, 'KZ']::char(2)[]`,
  `ARRAY['A ', 'B']::char(2)[]`,
  `ARRAY['x', 'NULL', 'null', 'Null', NULL]::text[]`,
  `ARRAY['', 'a,b', 'say "hi"', 'back\\slash', '{brace}', 'two words', ' lead', E'tab\\there', 'ünï', 'é,']::text[]`,
  `ARRAY['plain', 'text']::varchar[]`,
  `ARRAY['6f1c7b5e-8a5b-4c3e-9c1a-1b2c3d4e5f60', '0B6E2C4A-1D3F-4E5A-8B7C-9D0E1F2A3B4C']::uuid[]`,
  `ARRAY[]::uuid[]`,
  `ARRAY[NULL]::uuid[]`,
  `ARRAY[ARRAY['a', 'b'], ARRAY['c', 'd']]::text[]`,
  `'[0:1]={a,b}'::text[]`,
  `ARRAY[1, 2]::int[]`,
  `ARRAY['2024-01-01']::date[]`,
  `NULL::text[]`,
];

describe('string arrays read by the data source', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    db = createDataSource({ url: database.url, entities: ENTITIES, poolSize: 1 });
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('parses every array as node-postgres does', async () => {
    const sql = `SELECT ${ARRAYS.map((array, i) => `${array} AS a${i}`).join(', ')}`;
    const expected = await withClient(database.url, async (client) => (await client.query(sql)).rows[0]);
    const [actual] = await db.query(sql);
    expect(actual).toEqual(expected);
    // the values are arrays (not strings): the cases above do reach the array parsers
    expect(actual.a3).toEqual(['IR', null, 'KZ']);
    expect(actual.a6).toEqual(['', 'a,b', 'say "hi"', 'back\\slash', '{brace}', 'two words', ' lead', 'tab\there', 'ünï', 'é,']);
  });

  it('is what the data source parses string arrays with', () => {
    for (const oid of [1009, 1014, 1015, 2951]) expect((db.options.extra as { types: typeof TYPE_PARSERS }).types.getTypeParser(oid, 'text')).toBe(parseStringArray);
  });

  it('gives the same as the full parser for any array text', () => {
    const full = pg.types.getTypeParser(1009 as never, 'text') as (text: string) => unknown;
    const texts = ['{}', '{a}', '{a,b,c}', '{NULL}', '{a,NULL,b}', '{"NULL",null}', '{"a,b",c}', '{{a,b},{c,d}}', '[0:1]={a,b}', '{"",x}',
      '{a\\,b}', '{6f1c7b5e-8a5b-4c3e-9c1a-1b2c3d4e5f60,0b6e2c4a-1d3f-4e5a-8b7c-9d0e1f2a3b4c}', ''];
    for (const text of texts) expect(parseStringArray(text), text).toEqual(full(text));
  });
});
