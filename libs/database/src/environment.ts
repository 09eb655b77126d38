import { resolve } from 'node:path';

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
  /** Demo data on a first start with an empty database: `full`, `off` (bundled corpus only) or `none`. */
  readonly demo: 'full' | 'off' | 'none';

  private constructor(env: NodeJS.ProcessEnv) {
    this.databaseUrl = parseDatabaseUrl(env.DATABASE_URL);
    this.dataDir = resolve(nonEmpty(env.DYAD_DATA_DIR) ?? '.dyad');
    this.port = parsePort(env.PORT);
    this.host = nonEmpty(env.HOST) ?? '127.0.0.1';
    this.adminKey = parseAdminKey(env.DYAD_ADMIN_KEY);
    this.production = env.NODE_ENV === 'production';
    this.statementTimeoutMs = parseStatementTimeout(env.DYAD_STATEMENT_TIMEOUT_MS);
    this.demo = parseDemo(env.DYAD_DEMO);
  }

  static from(env: NodeJS.ProcessEnv = process.env): DyadEnvironment {
    return new DyadEnvironment(env);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseDatabaseUrl(raw: string | undefined): string | null {
  const value = nonEmpty(raw);
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EnvironmentError('DATABASE_URL', 'is not a URL; expected postgres://user[:password]@host[:port]/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new EnvironmentError('DATABASE_URL', `must start with postgres:// or postgresql://, not ${url.protocol}//`);
  }
  if (!url.hostname) throw new EnvironmentError('DATABASE_URL', 'names no host');
  if (url.pathname.length <= 1) throw new EnvironmentError('DATABASE_URL', 'names no database (…/database at the end)');
  return value;
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

function parseStatementTimeout(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (!value) return 15_000;
  if (!/^\d+$/.test(value) || Number(value) < 100 || Number(value) > 3_600_000) {
    throw new EnvironmentError('DYAD_STATEMENT_TIMEOUT_MS', `must be a whole number of milliseconds from 100 to 3600000, not "${raw}"`);
  }
  return Number(value);
}
