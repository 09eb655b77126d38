import pg from 'pg';
import type { DataSource } from 'typeorm';
import { connectRouted, currentReadScope, type ReplicaTarget } from './read-scope.js';

/** How often each replica's reachability and lag are checked (also on every detailed /health). */
export const REPLICA_CHECK_INTERVAL_MS = 2000;

/** One replica as `/health` reports it. */
export interface ReplicaStatus {
  /** DATABASE_REPLICA_URLS' entry without its password. */
  url: string;
  reachable: boolean;
  /** How far its data may be behind the primary's, in seconds (0: it had replayed all the primary's WAL); null: unknown. */
  lagSeconds: number | null;
  /** Bytes of the primary's WAL it had not replayed at the last check; null: unknown. */
  lagBytes: number | null;
  /** Whether read-only queries go to it now. */
  inUse: boolean;
  /** Why it is skipped. */
  reason?: string;
  /** When it was last checked (ISO 8601). */
  checkedAt: string | null;
}

export interface ReadReplicaOptions {
  /** A replica further behind than this is skipped. */
  maxLagSeconds: number;
  checkIntervalMs?: number;
  /** Where a replica going in or out of use is reported. */
  log?: (line: string) => void;
}

type Connection = [pg.PoolClient, (error?: Error) => void];
interface PostgresDriverInternals {
  master: pg.Pool;
  obtainMasterConnection(): Promise<Connection>;
  disconnect(): Promise<void>;
}

const registry = new WeakMap<DataSource, ReadReplicas>();

/**
 * Streaming replicas serving a data source's reads. `attach` makes the data source's driver send the statements
 * of a request that `ReadScope` routed to a replica (a read-only GraphQL query) there: its query runners, so
 * repositories, query builders, `query()` and transactions, and the pooled prepared statements (`routedQuery`).
 * Everything else, and all of it outside a routed request, runs on the primary as before. Replicas are taken in
 * turn; one that is down, is not a standby or lags more than `maxLagSeconds` is skipped until a check finds it
 * healthy again, and a request whose replica fails to connect continues on the primary.
 */
export class ReadReplicas {
  private turn = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<ReplicaStatus[]> | undefined;
  private readonly monitor: pg.Pool;

  private constructor(
    private readonly replicas: Replica[],
    primaryUrl: string,
    private readonly options: ReadReplicaOptions,
  ) {
    this.monitor = monitorPool(primaryUrl, 'dyad-replica-check');
  }

  /** Routes `dataSource` (initialised, on the primary) through replicas at `urls`; checks them once before it returns. */
  static async attach(dataSource: DataSource, urls: string[], options: ReadReplicaOptions): Promise<ReadReplicas> {
    if (registry.has(dataSource)) throw new Error('read replicas are already attached to this data source');
    const { url, extra } = dataSource.options as { url: string; extra?: pg.PoolConfig };
    const replicas = new ReadReplicas(
      urls.map((replicaUrl, index) => new Replica(index, replicaUrl, { ...extra, connectionString: replicaUrl }, options.log)),
      url,
      options,
    );
    const driver = dataSource.driver as unknown as PostgresDriverInternals;
    const primary = driver.obtainMasterConnection.bind(driver);
    const disconnect = driver.disconnect.bind(driver);
    driver.obtainMasterConnection = () => {
      const scope = currentReadScope();
      const replica = scope?.replica;
      if (!scope || !replica) return primary();
      return connectRouted(scope, replica, primary, async (pool) => {
        const client = await pool.connect();
        return [client, (error?: Error) => client.release(error)] as Connection;
      });
    };
    driver.disconnect = async () => {
      await replicas.close();
      await disconnect();
    };
    registry.set(dataSource, replicas);
    await replicas.check();
    replicas.timer = setInterval(() => void replicas.check(), options.checkIntervalMs ?? REPLICA_CHECK_INTERVAL_MS);
    replicas.timer.unref();
    return replicas;
  }

  /** The replicas attached to `dataSource`, if any. */
  static of(dataSource: DataSource): ReadReplicas | undefined {
    return registry.get(dataSource);
  }

  /** The next replica in use (round-robin), or null when none is. */
  next(): ReplicaTarget | null {
    const usable = this.replicas.filter((replica) => replica.inUse);
    if (!usable.length) return null;
    this.turn = (this.turn + 1) % usable.length;
    return usable[this.turn];
  }

  /** Each replica as of the last check. */
  status(): ReplicaStatus[] {
    return this.replicas.map((replica) => replica.status());
  }

  /**
   * Checks every replica now (one check at a time; a caller during one shares it): reachable, a standby, and how
   * far behind the primary. Lag is 0 when it had replayed the primary's WAL position read just before; otherwise
   * the smaller of the time since its last replayed commit and the time since it was last seen caught up.
   */
  check(): Promise<ReplicaStatus[]> {
    return (this.checking ??= this.checkAll().finally(() => (this.checking = undefined)));
  }

  private async checkAll(): Promise<ReplicaStatus[]> {
    const readAt = Date.now();
    const primaryLsn = await this.monitor
      .query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
      .then((result) => result.rows[0].lsn)
      .catch(() => null);
    await Promise.all(this.replicas.map((replica) => replica.check(primaryLsn, readAt, this.options.maxLagSeconds)));
    return this.status();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.checking?.catch(() => undefined);
    await Promise.all([this.monitor.end(), ...this.replicas.map((replica) => replica.close())]);
  }
}

/**
 * Runs a pooled statement (the named prepared statements of the read path) where the current request reads:
 * its replica, else the data source's own pool on the primary (the only path without replicas).
 */
export async function routedQuery<R extends pg.QueryResultRow>(dataSource: DataSource, config: pg.QueryConfig): Promise<pg.QueryResult<R>> {
  const primary = (dataSource.driver as unknown as PostgresDriverInternals).master;
  const scope = currentReadScope();
  const replica = scope?.replica;
  if (!scope || !replica) return primary.query<R>(config);
  const client = await connectRouted(scope, replica, () => primary.connect(), (pool) => pool.connect());
  try {
    const result = await client.query<R>(config);
    client.release();
    return result;
  } catch (error) {
    const broken = brokenConnection(error);
    client.release(broken ? (error as Error) : undefined);
    if (broken && scope.replica === replica) {
      replica.failed(error);
      scope.replica = null;
    }
    throw error;
  }
}

/** A key that differs between the primary and each replica: shared in-flight work must not cross them. */
export function readTargetKey(): string {
  const replica = currentReadScope()?.replica;
  return replica ? `replica ${replica.index}` : '';
}

class Replica implements ReplicaTarget {
  readonly pool: pg.Pool;
  private readonly monitor: pg.Pool;
  private reachable = false;
  private lagSeconds: number | null = null;
  private lagBytes: number | null = null;
  private reason: string | undefined = 'not checked yet';
  private checkedAt: number | null = null;
  private caughtUpAt: number | null = null;
  inUse = false;

  constructor(
    readonly index: number,
    private readonly url: string,
    config: pg.PoolConfig,
    private readonly log?: (line: string) => void,
  ) {
    this.pool = new pg.Pool(config);
    // an idle connection dropped: the replica stopped or restarted; skip it until a check finds it up
    this.pool.on('error', (error) => this.failed(error));
    this.monitor = monitorPool(url, 'dyad-replica-check');
  }

  failed(error: unknown): void {
    this.reachable = false;
    this.use(false, `unreachable: ${(error as Error).message}`);
  }

  async check(primaryLsn: string | null, primaryReadAt: number, maxLagSeconds: number): Promise<void> {
    let row: { standby: boolean; behind_bytes: number | null; since_replay: number | null };
    try {
      ({ rows: [row] } = await this.monitor.query(
        `SELECT pg_is_in_recovery() AS standby,
                CASE WHEN pg_is_in_recovery() THEN pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn()) END::float8 AS behind_bytes,
                extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS since_replay`,
        [primaryLsn],
      ));
    } catch (error) {
      this.checkedAt = Date.now();
      this.lagSeconds = this.lagBytes = null;
      this.failed(error);
      return;
    }
    this.checkedAt = Date.now();
    this.reachable = true;
    if (!row.standby) {
      this.lagSeconds = this.lagBytes = null;
      this.use(false, 'not a standby (pg_is_in_recovery() is false): a promoted or unrelated server');
      return;
    }
    this.lagBytes = row.behind_bytes === null ? null : Math.max(0, row.behind_bytes);
    if (row.behind_bytes !== null && row.behind_bytes <= 0) this.caughtUpAt = primaryReadAt;
    const bounds = [
      row.behind_bytes !== null && row.behind_bytes <= 0 ? 0 : null,
      row.since_replay,
      this.caughtUpAt === null ? null : (this.checkedAt - this.caughtUpAt) / 1000,
    ].filter((bound): bound is number => bound !== null);
    this.lagSeconds = bounds.length ? Math.round(Math.max(0, Math.min(...bounds)) * 1000) / 1000 : null;
    if (this.lagSeconds === null) this.use(false, 'lag unknown (the primary could not be read and no transaction was replayed yet)');
    else if (this.lagSeconds > maxLagSeconds) this.use(false, `lag ${this.lagSeconds} s is over DYAD_REPLICA_MAX_LAG_S (${maxLagSeconds} s)`);
    else this.use(true);
  }

  private use(inUse: boolean, reason?: string): void {
    if (inUse !== this.inUse) this.log?.(`read replica ${withoutPassword(this.url)}: ${inUse ? 'in use' : `skipped, ${reason}`}`);
    this.inUse = inUse;
    this.reason = inUse ? undefined : reason;
  }

  status(): ReplicaStatus {
    return {
      url: withoutPassword(this.url),
      reachable: this.reachable,
      lagSeconds: this.lagSeconds,
      lagBytes: this.lagBytes,
      inUse: this.inUse,
      ...(this.reason ? { reason: this.reason } : {}),
      checkedAt: this.checkedAt === null ? null : new Date(this.checkedAt).toISOString(),
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.monitor.end()]);
  }
}

// One short-lived connection for checks: a replica busy serving reads still answers them at once.
function monitorPool(url: string, applicationName: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url, max: 1, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 2000, statement_timeout: 2000, application_name: applicationName,
  });
  pool.on('error', () => undefined); // a dropped idle connection; the next check reconnects
  return pool;
}

/** The URL with no password (user info and `?password=`), for reports and logs. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.searchParams.delete('password');
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

// A connection error or the server ending the session: the client cannot be reused.
function brokenConnection(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return !(error instanceof pg.DatabaseError) || (typeof code === 'string' && (code.startsWith('08') || code.startsWith('57P')));
}
