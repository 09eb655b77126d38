import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

const names = new Map<string, string>();

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a statement as a named prepared statement on the transaction's connection: parsed and planned once
 * per connection instead of on every call (the short statements of linking spend more time being planned
 * than run). Outside a transaction it runs as a plain query. Returns the rows (of RETURNING, for writes).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function preparedQuery<T = any>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner || runner.isReleased || !runner.isTransactionActive) {
    const own = manager.connection.createQueryRunner();
    try {
      return (await own.query(text, values, true)).records as T[];
    } finally {
      await own.release();
    }
  }
  const client = (await runner.connect()) as PgClient;
  let name = names.get(text);
  if (!name) names.set(text, (name = `dyad_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
  return (await client.query({ name, text, values })).rows as T[];
}
