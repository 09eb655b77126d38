import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

const names = new Map<string, string>();

/**
 * How many statement texts get a name. Each named text is kept by every pool connection (parsed, with its plans) for
 * the connection's life; filter shapes and selections can make many texts, so past this many a new text runs unnamed
 * (parsed and planned on each call, as an ad hoc query is) and the memory stays bounded.
 */
export const MAX_NAMED_STATEMENTS = 1000;

/** The prepared statement's name for a text (a hash of it, computed once per text: one text, one statement per
 * connection), or undefined, to run it unnamed, once MAX_NAMED_STATEMENTS other texts have names. */
export function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_NAMED_STATEMENTS) names.set(text, (name = `dyad_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`));
  return name;
}

interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a statement as a named prepared statement on the transaction's connection, or outside a transaction on a
 * connection of the primary's pool: parsed once per connection instead of on every call, and planned once too
 * where the transaction asks for generic plans (the short statements of linking spend more time being planned than
 * run; ingestion's duplicate check, before its transaction, was planned anew for every item). Returns the rows (of
 * RETURNING, for writes).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function preparedQuery<T = any>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  const inTransaction = runner && !runner.isReleased && runner.isTransactionActive;
  const own = inTransaction ? null : manager.connection.createQueryRunner();
  // (logged as TypeORM logs its own statements outside a transaction: a query logger counts it)
  if (own) manager.connection.logger.logQuery(text, values);
  try {
    const client = (await (own ?? runner)!.connect()) as PgClient;
    return (await client.query({ name: statementName(text), text, values })).rows as T[];
  } finally {
    await own?.release();
  }
}
