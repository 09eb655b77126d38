import { describe, expect, it } from 'vitest';
import { defaultPoolSize, DyadEnvironment } from '../environment.js';

describe('DyadEnvironment', () => {
  it('has sane defaults', () => {
    const env = DyadEnvironment.from({});
    expect(env).toMatchObject({ databaseUrl: null, port: 3000, adminKey: null, host: '127.0.0.1', statementTimeoutMs: 15_000 });
    expect(env.dataDir).toMatch(/\.dyad$/);
  });

  it.each([
    ['PORT', 'abc', /PORT: must be a whole number from 1 to 65535/],
    ['PORT', '70000', /PORT/],
    ['PORT', '0', /PORT/],
    ['PORT', '30.5', /PORT/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL: is not a URL/],
    ['DATABASE_URL', 'mysql://root@localhost/db', /DATABASE_URL: must start with postgres:\/\//],
    ['DATABASE_URL', 'postgres://localhost', /DATABASE_URL: names no database/],
    ['DYAD_ADMIN_KEY', 'short', /DYAD_ADMIN_KEY/],
    ['DYAD_STATEMENT_TIMEOUT_MS', '5s', /DYAD_STATEMENT_TIMEOUT_MS: must be a whole number of milliseconds/],
    ['DYAD_STATEMENT_TIMEOUT_MS', '50', /DYAD_STATEMENT_TIMEOUT_MS/],
    ['DYAD_DATABASE_POOL_SIZE', '3', /DYAD_DATABASE_POOL_SIZE: must be a whole number of connections from 4 to 500/],
    ['DYAD_DATABASE_POOL_SIZE', 'many', /DYAD_DATABASE_POOL_SIZE/],
    ['DYAD_FETCH_ALLOW_PRIVATE', 'intranet', /DYAD_FETCH_ALLOW_PRIVATE: "intranet" is not an IP address or CIDR range/],
    ['DYAD_FETCH_ALLOW_PRIVATE', '10.0.0.0/33', /DYAD_FETCH_ALLOW_PRIVATE/],
    ['DYAD_RATE_LIMIT_PER_KEY', '-1', /DYAD_RATE_LIMIT_PER_KEY: must be a whole number of requests a minute/],
    ['DYAD_RATE_LIMIT_FAILED_AUTH', 'ten', /DYAD_RATE_LIMIT_FAILED_AUTH/],
    ['DYAD_EXTRACTION_TIMEOUT_MS', '1h', /DYAD_EXTRACTION_TIMEOUT_MS/],
    ['DYAD_TRUST_PROXY', 'proxy.local', /DYAD_TRUST_PROXY/],
    ['DYAD_SOURCE_FOLDERS', 'feeds', /DYAD_SOURCE_FOLDERS: "feeds" is not an absolute path/],
    ['DYAD_WORKER', 'maybe', /DYAD_WORKER: must be on or off/],
    ['DYAD_WORKER_CONCURRENCY', '0', /DYAD_WORKER_CONCURRENCY: must be a whole number of jobs from 1 to 64/],
    ['DYAD_WORKER_DEAD_AFTER_S', '1', /DYAD_WORKER_DEAD_AFTER_S/],
    ['DYAD_REPLICA_MAX_LAG_S', '30s', /DYAD_REPLICA_MAX_LAG_S: must be a whole number of seconds from 0 to 86400/],
    ['DYAD_READ_AFTER_WRITE_MS', '-5', /DYAD_READ_AFTER_WRITE_MS: must be a whole number of milliseconds/],
  ])('refuses %s=%s with a line naming the variable', (name, value, message) => {
    expect(() => DyadEnvironment.from({ [name]: value })).toThrow(message);
  });

  it('fetches only public addresses and limits rates by default; the settings change that', () => {
    expect(DyadEnvironment.from({})).toMatchObject({
      fetchAllowPrivate: 'none', extractionTimeoutMs: 60_000, rateLimits: { perAddress: 1200, perKey: 600, failedAuth: 10 }, trustProxy: [],
    });
    expect(DyadEnvironment.from({ DYAD_FETCH_ALLOW_PRIVATE: '1' }).fetchAllowPrivate).toBe('all');
    expect(DyadEnvironment.from({ DYAD_FETCH_ALLOW_PRIVATE: '0' }).fetchAllowPrivate).toBe('none');
    expect(DyadEnvironment.from({ DYAD_FETCH_ALLOW_PRIVATE: '10.20.0.0/16, 192.168.5.7,fd00::/8' }).fetchAllowPrivate).toEqual([
      '10.20.0.0/16', '192.168.5.7/32', 'fd00::/8',
    ]);
    expect(DyadEnvironment.from({ DYAD_RATE_LIMIT_PER_ADDRESS: '0' }).rateLimits.perAddress).toBe(0);
  });

  it('keeps two database connections per core and one more, at least 4, unless DYAD_DATABASE_POOL_SIZE says otherwise', () => {
    expect([1, 2, 8].map((cores) => defaultPoolSize(cores))).toEqual([4, 5, 17]);
    expect(DyadEnvironment.from({}).databasePoolSize).toBe(defaultPoolSize());
    expect(DyadEnvironment.from({ DYAD_DATABASE_POOL_SIZE: '12' }).databasePoolSize).toBe(12);
  });

  it('runs a worker in the server and allows no folder sources by default', () => {
    expect(DyadEnvironment.from({})).toMatchObject({ worker: true, workerConcurrency: 2, workerDeadAfterSeconds: 30, sourceFolders: [] });
    expect(DyadEnvironment.from({ DYAD_WORKER: 'off', DYAD_WORKER_CONCURRENCY: '8', DYAD_SOURCE_FOLDERS: '/srv/news/, /data/feeds' })).toMatchObject({
      worker: false, workerConcurrency: 8, sourceFolders: ['/srv/news', '/data/feeds'],
    });
  });

  it('reads replicas from DATABASE_REPLICA_URLS, each checked, and refuses a bad one naming the variable and the entry', () => {
    const primary = 'postgres://dyad@db-1:5432/dyad';
    expect(DyadEnvironment.from({ DATABASE_URL: primary })).toMatchObject({ replicaUrls: [], replicaMaxLagSeconds: 30, readAfterWriteMs: 5000 });
    expect(
      DyadEnvironment.from({
        DATABASE_URL: primary, DATABASE_REPLICA_URLS: ' postgres://dyad@db-2/dyad, postgresql://dyad:pw@db-3:5433/dyad ',
        DYAD_REPLICA_MAX_LAG_S: '0', DYAD_READ_AFTER_WRITE_MS: '0',
      }),
    ).toMatchObject({ replicaUrls: ['postgres://dyad@db-2/dyad', 'postgresql://dyad:pw@db-3:5433/dyad'], replicaMaxLagSeconds: 0, readAfterWriteMs: 0 });
    const refused = (value: string, env: Record<string, string> = { DATABASE_URL: primary }) => () =>
      DyadEnvironment.from({ ...env, DATABASE_REPLICA_URLS: value });
    expect(refused('postgres://dyad@db-2/dyad', {})).toThrow(/^DATABASE_REPLICA_URLS: needs DATABASE_URL/);
    expect(refused('postgres://dyad@db-2/dyad,mysql://x:secret@db-3/dyad')).toThrow(/^DATABASE_REPLICA_URLS: entry 2 must start with postgres:\/\//);
    expect(refused('postgres://dyad@db-2/dyad,mysql://x:secret@db-3/dyad')).not.toThrow(/secret/);
    expect(refused('db-2:5432')).toThrow(/^DATABASE_REPLICA_URLS: entry 1 /);
    expect(refused('postgres://dyad@db-2')).toThrow(/^DATABASE_REPLICA_URLS: entry 1 names no database/);
    expect(refused('postgres://dyad@db-2/dyad,,postgres://dyad@db-3/dyad')).toThrow(/^DATABASE_REPLICA_URLS: entry 2 is empty/);
    expect(refused('postgres://dyad@db-2/dyad,postgres://dyad@db-2/dyad')).toThrow(/^DATABASE_REPLICA_URLS: names the same URL twice/);
    expect(refused(primary)).toThrow(/^DATABASE_REPLICA_URLS: names DATABASE_URL itself/);
  });

  it('accepts a full configuration', () => {
    const env = DyadEnvironment.from({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test',
      PORT: '8080',
      DYAD_DATA_DIR: '/tmp/dyad-x',
      DYAD_ADMIN_KEY: 'a-long-enough-admin-key',
      DYAD_STATEMENT_TIMEOUT_MS: '2500',
    });
    expect(env).toMatchObject({ port: 8080, dataDir: '/tmp/dyad-x', adminKey: 'a-long-enough-admin-key', statementTimeoutMs: 2500 });
  });
});
