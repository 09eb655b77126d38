import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printAppSchema, repositoryRoot } from '../../apps/api/src/graphql/print-schema.js';
import { startTestApi, type TestApi } from '../support/api.js';

describe('schema.graphql', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('is the schema the server serves (sorted, printed)', async () => {
    const committed = await readFile(join(repositoryRoot(), 'schema.graphql'), 'utf8').catch(() => '(missing)');
    expect(printAppSchema(api.server.app), 'schema.graphql is out of date; run npm run schema and commit it').toBe(committed);
  });
});
