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

export interface ReplicatedCluster {
  /** postgres://…/dyad on the primary. */
  primaryUrl: string;
  /** postgres://…/dyad on the hot standby. */
  replicaUrl: string;
  replicaPort: number;
  /** Stops the standby (fast shutdown: its connections are ended). */
  stopReplica(): Promise<void>;
  /** Stops both and removes their directories. */
  destroy(): Promise<void>;
}

/**
 * A fresh primary (initdb, wal_level=replica, a replication entry in pg_hba, pg_stat_statements loaded) and a
 * streaming hot standby made from it with `pg_basebackup -R`, both on free ports in a temporary directory, with
 * the machine's binaries. PostgreSQL refuses to run as root: as root they run as the `postgres` user.
 */
export async function startReplicatedCluster(bin: string): Promise<ReplicatedCluster> {
  const root = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'dyad-replicas-'));
  if (root) {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    await chown(dir, Number(uid.trim()), Number(gid.trim()));
  }
  const pg = (tool: string, args: string[]) =>
    root ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { cwd: dir }) : run(join(bin, tool), args, { cwd: dir });
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stop = async (dataDir: string, mode: 'fast' | 'immediate') => {
    if (!started.includes(dataDir)) return;
    await pg('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']).catch(() => undefined);
    started.splice(started.indexOf(dataDir), 1);
  };
  const destroy = async () => {
    await stop(replicaDir, 'immediate');
    await stop(primaryDir, 'immediate');
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
    await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast']);
    // the copy's postgresql.conf is the primary's: the last setting wins
    await appendFile(join(replicaDir, 'postgresql.conf'), `port = ${replicaPort}\n`);
    await pg('pg_ctl', ['-D', replicaDir, '-l', join(dir, 'replica.log'), '-w', 'start']);
    started.push(replicaDir);
    return {
      primaryUrl,
      replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/dyad`,
      replicaPort,
      stopReplica: () => stop(replicaDir, 'fast'),
      destroy,
    };
  } catch (error) {
    await destroy();
    throw error;
  }
}
