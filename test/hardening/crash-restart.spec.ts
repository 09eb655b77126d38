import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltServer, startBuiltServer } from '../support/built-server.js';
import { fixture } from '../support/ingestion.js';

// Finding 4: after `kill -9` of the server its embedded PostgreSQL lived on, and the next start on the same
// data directory refused. The fault test: both killed during a concurrent ingest loop, then a restart.

const postmasterPid = (dataDir: string) => Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
};

async function killHard(server: BuiltServer): Promise<void> {
  server.process.child.kill('SIGKILL');
  await server.process.exited;
}

/** A client on the embedded cluster of a data directory (what the server's lock file says). */
async function embeddedClient(dataDir: string): Promise<pg.Client> {
  const { port } = JSON.parse(readFileSync(join(dataDir, 'embedded.json'), 'utf8')) as { port: number };
  const password = readFileSync(join(dataDir, 'pg.password'), 'utf8').trim();
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'dyad', password, database: 'dyad' });
  await client.connect();
  return client;
}

describe('a crash of the server and of its embedded PostgreSQL (built server)', () => {
  let dataDir: string;
  const adminKey = `crash-admin-${Math.random().toString(36).slice(2)}-key`;
  const start = () => startBuiltServer({ database: 'embedded', dataDir, adminKey });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dyad-crash-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts again on the same data directory after kill -9 of the server, stopping the orphaned PostgreSQL', async () => {
    const first = await start();
    const orphan = postmasterPid(dataDir);
    await killHard(first);
    expect(alive(orphan)).toBe(true); // what the finding saw: the cluster outlives its server

    const second = await start();
    try {
      expect(second.process.stdout()).toMatch(new RegExp(`stopping the embedded PostgreSQL \\(pid ${orphan}\\) left running by Dyad server`));
      expect(alive(orphan)).toBe(false);
      expect(postmasterPid(dataDir)).not.toBe(orphan);
      expect((await second.graphql('{ countries(codes: ["IR"]) { code } }')).data).toEqual({ countries: [{ code: 'IR' }] });
    } finally {
      await second.close({ keep: true });
    }
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 240_000);

  it('keeps every acknowledged item, and no partial one, when the server and then PostgreSQL are killed mid-ingest', async () => {
    const server = await start();
    const article = fixture('news/en-001-iran-kazakhstan-will-sign-trade-mou.txt');
    const acknowledged = new Set<string>();
    let attempts = 0;
    let stop = false;
    // Four writers, each ingesting distinct items until the server is gone.
    const writer = async (w: number) => {
      for (let n = 0; !stop; n++) {
        attempts++;
        try {
          const answer = await server.graphql<{ ingestNewsItem: { status: string; newsItem: { id: string } } }>(
            'mutation($text: String!) { ingestNewsItem(input: {text: $text}) { status newsItem { id } } }',
            { text: `${article}\n\nDispatch ${w}-${n}.` },
          );
          if (answer.data?.ingestNewsItem.status === 'NEW') acknowledged.add(answer.data.ingestNewsItem.newsItem.id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await expect.poll(() => acknowledged.size, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(40);
    const cluster = postmasterPid(dataDir);
    await killHard(server);
    process.kill(cluster, 'SIGKILL');
    stop = true;
    await Promise.all(writers);
    await expect.poll(() => alive(cluster), { timeout: 10_000 }).toBe(false);

    const restarted = await start();
    const client = await embeddedClient(dataDir);
    try {
      const stored = new Set((await client.query<{ id: string }>('SELECT id FROM news_item')).rows.map((row) => row.id));
      const lost = [...acknowledged].filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      // An item is whole or absent: each stored one has its meeting link and its audit entry (written last).
      const partial = await client.query(
        `SELECT n.id FROM news_item n
         WHERE NOT EXISTS (SELECT 1 FROM meeting_source ms WHERE ms.news_item_id = n.id)
            OR NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.action = 'newsItem.ingest' AND a.entity_id = n.id::text)`,
      );
      expect(partial.rows).toEqual([]);
      process.stdout.write(`[fault] ${attempts} attempts, ${acknowledged.size} acknowledged, ${stored.size} stored, 0 lost, 0 partial\n`);
    } finally {
      await client.end();
      await restarted.close({ keep: true });
    }
  }, 300_000);

  it('starts again when the killed PostgreSQL is a zombie not yet reaped, which postgres takes for a live postmaster', async () => {
    await (await start()).close({ keep: true }); // a cluster in the data directory, stopped
    // A zombie: perl forks a child that exits at once and never waits for it. (A shell is no such parent: the
    // CI once saw `sh -c 'sleep 0 & …; exec sleep 30'` reap its child before the exec.)
    const parent = spawn('perl', ['-e', '$| = 1; my $pid = fork() // die; exit 0 unless $pid; print "$pid\\n"; sleep 30'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const zombie = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (chunk) => resolve(String(chunk).trim()))));
      await expect.poll(() => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(' ')[2], { timeout: 5_000 }).toBe('Z');
      process.kill(zombie, 0); // what postgres asks: the pid answers
      writeFileSync(join(dataDir, 'pg', 'postmaster.pid'), `${zombie}\n${join(dataDir, 'pg')}\n`);

      const restarted = await start();
      try {
        expect(restarted.process.stdout()).toMatch(new RegExp(`removing .*postmaster\\.pid: its postmaster \\(pid ${zombie}\\) was killed and is not yet reaped`));
        expect((await restarted.graphql('{ countries(codes: ["TR"]) { code } }')).data).toEqual({ countries: [{ code: 'TR' }] });
      } finally {
        await restarted.close({ keep: true });
      }
    } finally {
      parent.kill('SIGKILL');
    }
  }, 240_000);

  it('starts again when a backend of the killed PostgreSQL is still running, stopping it', async () => {
    const server = await start();
    const cluster = postmasterPid(dataDir);
    const client = await embeddedClient(dataDir);
    client.on('error', () => {});
    // A backend busy computing does not notice its postmaster's death until it next waits: it holds the old
    // shared memory, and PostgreSQL refuses to start beside it.
    const [{ pid: backend }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    const busy = client.query('SELECT count(*) FROM generate_series(1, 1e12)').catch(() => undefined);
    await killHard(server);
    process.kill(cluster, 'SIGKILL');
    await expect.poll(() => alive(cluster), { timeout: 10_000 }).toBe(false);
    expect(alive(backend)).toBe(true);

    const restarted = await start();
    try {
      expect(restarted.process.stdout()).toMatch(new RegExp(`stopping 1 PostgreSQL backend\\(s\\) \\(pids ${backend}\\) left by a postmaster that was killed`));
      expect(alive(backend)).toBe(false);
      expect((await restarted.graphql('{ countries(codes: ["KZ"]) { code } }')).data).toEqual({ countries: [{ code: 'KZ' }] });
    } finally {
      await restarted.close({ keep: true });
      await busy;
      await client.end().catch(() => undefined);
    }
  }, 240_000);
});
