import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import ipaddr from 'ipaddr.js';

export class EnvironmentError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'EnvironmentError';
  }
}

/**
 * The validated process environment. Built once at start-up; a bad value stops start-up with one
 * line naming the variable.
 */
export class DyadEnvironment {
  /** Unset: use the embedded PostgreSQL in `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly adminKey: string | null;
  readonly production: boolean;
  /** PostgreSQL cancels any one statement running longer (a runaway query cannot hold a connection). */
  readonly statementTimeoutMs: number;
  /** Connections the server keeps to the database (and to each read replica): see defaultPoolSize. */
  readonly databasePoolSize: number;
  /** Demo data on a first start with an empty database: `full`, `off` (bundled corpus only) or `none`. */
  readonly demo: 'full' | 'off' | 'none';
  /** Non-public addresses the server may fetch news from: none (default), all, or these ranges (CIDR). */
  readonly fetchAllowPrivate: FetchAllowPrivate;
  /** Time the extraction of one news item may take. */
  readonly extractionTimeoutMs: number;
  /** Requests per minute: per client address (every route), per API key (/graphql); 0 turns a limit off. */
  readonly rateLimits: RateLimits;
  /** Addresses of reverse proxies whose X-Forwarded-For names the client (for the per-address limits). */
  readonly trustProxy: string[];
  /** Folders under which an ADMIN may register FOLDER sources; empty: none may be. */
  readonly sourceFolders: string[];
  /** Whether the server runs a job worker in its own process (DYAD_WORKER=off: an API-only replica). */
  readonly worker: boolean;
  /** Jobs one worker process runs at once. */
  readonly workerConcurrency: number;
  /** A worker silent this long is taken for dead and its jobs released to the others. */
  readonly workerDeadAfterSeconds: number;
  /** Streaming replicas of `databaseUrl` that serve read-only GraphQL queries; empty: every statement on the primary. */
  readonly replicaUrls: string[];
  /** A replica further behind the primary than this is skipped (its reads go elsewhere) until it catches up. */
  readonly replicaMaxLagSeconds: number;
  /** After a mutation, the same API key's queries read the primary this long (they see their own writes). */
  readonly readAfterWriteMs: number;

  private constructor(env: NodeJS.ProcessEnv) {
    this.databaseUrl = parseDatabaseUrl(env.DATABASE_URL);
    this.dataDir = resolve(nonEmpty(env.DYAD_DATA_DIR) ?? '.dyad');
    this.port = parsePort(env.PORT);
    this.host = nonEmpty(env.HOST) ?? '127.0.0.1';
    this.adminKey = parseAdminKey(env.DYAD_ADMIN_KEY);
    this.production = env.NODE_ENV === 'production';
    this.statementTimeoutMs = parseStatementTimeout(env.DYAD_STATEMENT_TIMEOUT_MS);
    this.databasePoolSize = parseWhole('DYAD_DATABASE_POOL_SIZE', env.DYAD_DATABASE_POOL_SIZE, defaultPoolSize(), 4, 500, 'connections');
    this.demo = parseDemo(env.DYAD_DEMO);
    this.fetchAllowPrivate = parseAllowPrivate(env.DYAD_FETCH_ALLOW_PRIVATE);
    this.extractionTimeoutMs = parseWhole('DYAD_EXTRACTION_TIMEOUT_MS', env.DYAD_EXTRACTION_TIMEOUT_MS, 60_000, 100, 600_000, 'milliseconds');
    this.rateLimits = {
      perAddress: parseWhole('DYAD_RATE_LIMIT_PER_ADDRESS', env.DYAD_RATE_LIMIT_PER_ADDRESS, 1200, 0, 1_000_000, 'requests a minute'),
      perKey: parseWhole('DYAD_RATE_LIMIT_PER_KEY', env.DYAD_RATE_LIMIT_PER_KEY, 600, 0, 1_000_000, 'requests a minute'),
      failedAuth: parseWhole('DYAD_RATE_LIMIT_FAILED_AUTH', env.DYAD_RATE_LIMIT_FAILED_AUTH, 10, 0, 1_000_000, 'failed authentications in 15 minutes'),
    };
    this.trustProxy = parseAddressList('DYAD_TRUST_PROXY', env.DYAD_TRUST_PROXY) ?? [];
    this.sourceFolders = parseFolders(env.DYAD_SOURCE_FOLDERS);
    this.worker = parseOnOff('DYAD_WORKER', env.DYAD_WORKER, true);
    this.workerConcurrency = parseWhole('DYAD_WORKER_CONCURRENCY', env.DYAD_WORKER_CONCURRENCY, 2, 1, 64, 'jobs');
    this.workerDeadAfterSeconds = parseWhole('DYAD_WORKER_DEAD_AFTER_S', env.DYAD_WORKER_DEAD_AFTER_S, 30, 3, 3600, 'seconds');
    this.replicaUrls = parseReplicaUrls(env.DATABASE_REPLICA_URLS, this.databaseUrl);
    this.replicaMaxLagSeconds = parseWhole('DYAD_REPLICA_MAX_LAG_S', env.DYAD_REPLICA_MAX_LAG_S, 30, 0, 86_400, 'seconds');
    this.readAfterWriteMs = parseWhole('DYAD_READ_AFTER_WRITE_MS', env.DYAD_READ_AFTER_WRITE_MS, 5000, 0, 600_000, 'milliseconds');
  }

  static from(env: NodeJS.ProcessEnv = process.env): DyadEnvironment {
    return new DyadEnvironment(env);
  }
}

/** `all`, `none`, or CIDR ranges such as `10.20.0.0/16` (a bare address is its own /32 or /128). */
export type FetchAllowPrivate = 'all' | 'none' | string[];

export interface RateLimits {
  /** Requests a minute from one client address, on every route. */
  perAddress: number;
  /** GraphQL requests a minute with one API key. */
  perKey: number;
  /** Failed authentications from one address in 15 minutes; past it every request from there gets 429. */
  failedAuth: number;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseDatabaseUrl(raw: string | undefined): string | null {
  const value = nonEmpty(raw);
  return value ? checkPostgresUrl('DATABASE_URL', '', value) : null;
}

// `what` names an entry of a list ("entry 2 "); the value itself is never repeated (it may hold a password).
function checkPostgresUrl(name: string, what: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EnvironmentError(name, `${what}is not a URL; expected postgres://user[:password]@host[:port]/database`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new EnvironmentError(name, `${what}must start with postgres:// or postgresql://, not ${url.protocol}//`);
  }
  if (!url.hostname) throw new EnvironmentError(name, `${what}names no host`);
  if (url.pathname.length <= 1) throw new EnvironmentError(name, `${what}names no database (…/database at the end)`);
  return value;
}

// Comma-separated; each a streaming replica of the primary, which must be DATABASE_URL (not the embedded one).
function parseReplicaUrls(raw: string | undefined, primary: string | null): string[] {
  const value = nonEmpty(raw);
  if (!value) return [];
  if (!primary) throw new EnvironmentError('DATABASE_REPLICA_URLS', 'needs DATABASE_URL (the primary they replicate); the embedded PostgreSQL has no replicas');
  const urls = value.split(',').map((part, index) => {
    const entry = part.trim();
    if (!entry) throw new EnvironmentError('DATABASE_REPLICA_URLS', `entry ${index + 1} is empty; list URLs as postgres://…/db,postgres://…/db`);
    return checkPostgresUrl('DATABASE_REPLICA_URLS', `entry ${index + 1} `, entry);
  });
  if (new Set(urls).size !== urls.length) throw new EnvironmentError('DATABASE_REPLICA_URLS', 'names the same URL twice');
  if (urls.includes(primary)) throw new EnvironmentError('DATABASE_REPLICA_URLS', 'names DATABASE_URL itself; list the replicas only');
  return urls;
}

function parsePort(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (!value) return 3000;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535) {
    throw new EnvironmentError('PORT', `must be a whole number from 1 to 65535, not "${raw}"`);
  }
  return Number(value);
}

function parseAdminKey(raw: string | undefined): string | null {
  const value = nonEmpty(raw);
  if (!value) return null;
  if (value.length < 16 || /\s/.test(value)) {
    throw new EnvironmentError('DYAD_ADMIN_KEY', 'must be at least 16 characters with no spaces');
  }
  return value;
}

function parseDemo(raw: string | undefined): 'full' | 'off' | 'none' {
  const value = nonEmpty(raw)?.toLowerCase() ?? 'full';
  if (value === 'on') return 'full';
  if (value !== 'full' && value !== 'off' && value !== 'none') {
    throw new EnvironmentError('DYAD_DEMO', `must be full (or on), off (bundled sample corpus only) or none, not "${raw}"`);
  }
  return value;
}

/**
 * PostgreSQL's own rule of thumb, two connections per core and one more: more connections than that do not
 * answer more queries, they only share the cores among more backends, and each request waits longer (at 100,000
 * meetings, 10 connections of load on 2 cores: 10 connections to the database gave p99 25–27 ms, 4 or 5 gave
 * 18–22 ms and a fifth more requests a second). Counted on this machine's cores: the database is usually on it.
 */
export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.max(4, 2 * cores + 1);
}

function parseStatementTimeout(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (!value) return 15_000;
  if (!/^\d+$/.test(value) || Number(value) < 100 || Number(value) > 3_600_000) {
    throw new EnvironmentError('DYAD_STATEMENT_TIMEOUT_MS', `must be a whole number of milliseconds from 100 to 3600000, not "${raw}"`);
  }
  return Number(value);
}

function parseWhole(name: string, raw: string | undefined, fallback: number, min: number, max: number, unit: string): number {
  const value = nonEmpty(raw);
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new EnvironmentError(name, `must be a whole number of ${unit} from ${min} to ${max}, not "${raw}"`);
  }
  return Number(value);
}

function parseOnOff(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = nonEmpty(raw)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new EnvironmentError(name, `must be on or off, not "${raw}"`);
}

function parseFolders(raw: string | undefined): string[] {
  const value = nonEmpty(raw);
  if (!value) return [];
  return value.split(',').map((part) => {
    const folder = part.trim();
    if (!isAbsolute(folder)) throw new EnvironmentError('DYAD_SOURCE_FOLDERS', `"${folder}" is not an absolute path; list folders as /srv/news,/data/feeds`);
    return resolve(folder);
  });
}

function parseAllowPrivate(raw: string | undefined): FetchAllowPrivate {
  const value = nonEmpty(raw)?.toLowerCase();
  if (!value || ['0', 'false', 'no', 'off'].includes(value)) return 'none';
  if (['1', 'true', 'yes', 'on', 'all'].includes(value)) return 'all';
  return parseAddressList('DYAD_FETCH_ALLOW_PRIVATE', raw)!;
}

// Comma-separated addresses or CIDR ranges, each checked; normalised to CIDR.
function parseAddressList(name: string, raw: string | undefined): string[] | null {
  const value = nonEmpty(raw);
  if (!value) return null;
  return value.split(',').map((part) => {
    const entry = part.trim();
    try {
      if (ipaddr.isValidCIDR(entry)) {
        const [address, bits] = ipaddr.parseCIDR(entry);
        return `${address.toString()}/${bits}`;
      }
      const address = ipaddr.parse(entry);
      return `${address.toString()}/${address.kind() === 'ipv4' ? 32 : 128}`;
    } catch {
      throw new EnvironmentError(name, `"${entry}" is not an IP address or CIDR range (e.g. 10.20.0.0/16); use 1 to allow every private address`);
    }
  });
}
