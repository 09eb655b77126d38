import { routedQuery } from '@dyad/database';
import type { DataSource } from 'typeorm';
import { statementName } from './prepared-query.js';
/** Collects positional parameters for hand-written SQL: `sql.param(value)` returns `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];
  private readonly shared: string[] = [];

  /**
   * `share`: the statement these parameters go to starts with `withClause()`, so that an array subquery it
   * reads in several places (a list's count and its page) is computed once (see `arrayOnce`).
   */
  constructor(private readonly options: { share?: boolean } = {}) {}

  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /**
   * The array of what `subquery` selects (of `type`): inline, or, when the statement shares its subqueries, read
   * from a one-row `WITH` entry that PostgreSQL computes once however many times the statement reads it.
   */
  arrayOnce(subquery: string, type: string): string {
    if (!this.options.share) return `ARRAY(${subquery})`;
    const name = `shared_${this.shared.length + 1}`;
    this.shared.push(`${name} AS (SELECT ARRAY(${subquery}) AS v)`);
    return `(SELECT v FROM ${name})::${type}[]`;
  }

  /** The `WITH` clause of the shared subqueries (with a trailing space), or '' when there are none. */
  withClause(): string {
    return this.shared.length ? `WITH ${this.shared.join(', ')} ` : '';
  }
}

/** `LIKE` pattern for a literal substring. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Runs a hot read as a named prepared statement on the pool's connections: parsed and planned once per
 * connection (then PostgreSQL's plan cache decides between a generic and a custom plan), where TypeORM's
 * `query` sends an unnamed statement that is parsed and planned on every call. The name is a hash of the text,
 * so one text is one statement on each connection. It runs on the primary's pool, or on the request's read replica.
 */
export async function preparedQuery<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  // logged as TypeORM's own statements are (a query logger counts it)
  dataSource.logger.logQuery(text, values);
  const result = await routedQuery(dataSource, { name: statementName(text), text, values });
  return result.rows as T[];
}
