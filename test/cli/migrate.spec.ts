import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { ensureBuilt, envWithout, runNode } from '../support/processes.js';

// `dyad migrate` says which migrations it applied, and then that there are none left to apply.

describe('dyad migrate', () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    ensureBuilt();
    database = await createTestDatabase({ empty: true });
    env = envWithout([], { DATABASE_URL: database.url });
  });
  afterAll(() => database.drop());

  it('names the migrations it applies, and applies none the second time', async () => {
    const first = await runNode(['bin/dyad.js', 'migrate'], env);
    expect(first.code).toBe(0);
    const applied = /applied (\d+) migrations: (.*)/.exec(first.stderr);
    expect(applied).not.toBeNull();
    expect(applied![2].split(', ')).toHaveLength(Number(applied![1]));
    expect(applied![2]).toContain('OverviewListIndexes1798800000000');
    expect(first.stdout).toMatch(/schema is current/);

    const second = await runNode(['bin/dyad.js', 'migrate'], env);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toMatch(/applied/);
    expect(second.stdout).toMatch(/schema is current/);
  });
});
