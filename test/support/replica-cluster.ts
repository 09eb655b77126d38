import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, withClient } from '@dyad/database';

const run = promisify(execFile);

/** The newest PostgreSQL bin directory on the machine with pg_basebackup (Debian's layout), or null. */
export function machinePostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((version) => /^\d+$/.test(version)).sort((a, b) => Number(b) - Number(a));
  const found = versions.map((version) => join(root, version, 'bin')).find((bin) => existsSync(join(bin, 'pg_basebackup')));
  return found ?? null;
}

export interface Standby {
  /** postgres://…/dyad on this hot standby. */
  url: string;
  port: number;
  /** Stops it (fast shutdown: its connections are ended). */
  stop(): Promise<void>;
}

export interface ReplicatedCluster {
  /** postgres://…/dyad on the primary. */
  primaryUrl: string;
  standbys: Standby[];
  /** Stops them all and removes their directories. */
  destroy(): Promise<void>;
}

/**
 * A fresh primary (initdb, wal_level=replica, a replication entry in pg_hba, pg_stat_statements loaded) and
 * `standbys` streaming hot standbys made from it with `pg_basebackup -R`, all on free ports in a temporary
 * directory, with the machine's binaries. PostgreSQL refuses to run as root: as root they run as the `postgres` user.
 */
export async function startReplicatedCluster(bin: string, standbys: number): Promise<ReplicatedCluster> {
  const root = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'dyad-replicas-'));
  if (root) {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    await chown(dir, Number(uid.trim()), Number(gid.trim()));
  }
  const pg = (tool: string, args: string[]) =>
    root ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { cwd: dir }) : run(join(bin, tool), args, { cwd: dir });
  const primaryDir = join(dir, 'primary');
  const primaryPort = await freePort();
  const started: string[] = [];
  const stop = async (dataDir: string, mode: 'fast' | 'immediate') => {
    if (!started.includes(dataDir)) return;
    await pg('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']).catch(() => undefined);
    started.splice(started.indexOf(dataDir), 1);
  };
  const destroy = async () => {
    for (const dataDir of [...started].reverse()) await stop(dataDir, 'immediate');
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await pg('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    await appendFile(
      join(primaryDir, 'postgresql.conf'),
      [
        `port = ${primaryPort}`, `listen_addresses = '127.0.0.1'`, `unix_socket_directories = '${dir}'`, `wal_level = replica`,
        `max_wal_senders = 5`, `hot_standby = on`, `shared_preload_libraries = 'pg_stat_statements'`, `fsync = off`,
        `max_connections = 60`, `shared_buffers = 32MB`, '',
      ].join('\n'),
    );
    await appendFile(join(primaryDir, 'pg_hba.conf'), 'host replication postgres 127.0.0.1/32 trust\n');
    await pg('pg_ctl', ['-D', primaryDir, '-l', join(dir, 'primary.log'), '-w', 'start']);
    started.push(primaryDir);
    const admin = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    await withClient(admin, (client) => client.query('CREATE DATABASE dyad'));
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/dyad`;
    await withClient(primaryUrl, (client) => client.query('CREATE EXTENSION pg_stat_statements'));
    const made: Standby[] = [];
    for (let n = 1; n <= standbys; n++) {
      const standbyDir = join(dir, `standby-${n}`);
      await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standbyDir, '-R', '-X', 'stream', '-c', 'fast']);
      // the copy's postgresql.conf is the primary's: the last setting wins
      const port = await freePort();
      await appendFile(join(standbyDir, 'postgresql.conf'), `port = ${port}\n`);
      await pg('pg_ctl', ['-D', standbyDir, '-l', join(dir, `standby-${n}.log`), '-w', 'start']);
      started.push(standbyDir);
      made.push({ url: `postgres://postgres@127.0.0.1:${port}/dyad`, port, stop: () => stop(standbyDir, 'fast') });
    }
    return { primaryUrl, standbys: made, destroy };
  } catch (error) {
    await destroy();
    throw error;
  }
}
