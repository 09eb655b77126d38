import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { ensureBuilt, envWithout, runNode } from '../support/processes.js';

const dyad = (args: string[], env: NodeJS.ProcessEnv) => runNode(['bin/dyad.js', ...args], env);

describe('dyad keys', () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    ensureBuilt();
    database = await createTestDatabase();
    env = envWithout(['DYAD_ADMIN_KEY'], { DATABASE_URL: database.url });
  });
  afterAll(() => database.drop());

  it('creates a key, prints it once on stdout, lists it without the key, and revokes it', async () => {
    const created = await dyad(['keys', 'create', '--role', 'analyst', '--label', 'Desk officer'], env);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^dyad_[\w-]{20,}$/);

    const listed = await dyad(['keys', 'list', '--json'], env);
    const rows = JSON.parse(listed.stdout) as { id: string; role: string; label: string; hash?: string }[];
    const row = rows.find((r) => r.label === 'Desk officer')!;
    expect(row).toMatchObject({ role: 'ANALYST', revokedAt: null });
    expect(listed.stdout).not.toContain(key);
    expect(row.hash).toBeUndefined();

    const revoked = await dyad(['keys', 'revoke', row.id], env);
    expect(revoked).toMatchObject({ code: 0 });
    expect((await dyad(['keys', 'list'], env)).stdout).toMatch(new RegExp(`${row.id}.*revoked`));
  });

  it.each([
    [['keys', 'create', '--role', 'owner', '--label', 'x'], /expected one of viewer, analyst, admin/],
    [['keys', 'create', '--role', 'viewer'], /--label/],
    [['keys', 'revoke', 'not-an-id'], /expected a key id/],
    [['keys', 'revoke', '00000000-0000-4000-8000-000000000000'], /does not exist/],
  ])('refuses %j with a clear error and a non-zero exit', async (args, message) => {
    const result = await dyad(args, env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
