import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DomainError, DomainErrorCode } from './domain.error.js';
import { type Page } from './page.js';
import { preparedQuery, SqlParams } from './sql.js';
import { whereClause } from './filter-sql.js';

/** Loads a row to edit, locked for the transaction, refusing a stale `expectedVersion` with CONFLICT. */
export async function lockForEdit<T extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  label: string,
  id: string,
  expectedVersion: number,
): Promise<T> {
  const row = await manager.findOne(entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
  if (!row) throw DomainError.notFound(label, id);
  if (row.version !== expectedVersion) {
    throw new DomainError(
      DomainErrorCode.Conflict,
      `${label} ${id} was changed meanwhile (it is at version ${row.version}; you edited version ${expectedVersion}): reload it and apply your change again`,
      { currentVersion: row.version },
    );
  }
  return row;
}

export async function getEntityOrThrow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  label: string,
  id: string,
): Promise<T> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw DomainError.invalid(`${id} is not a valid ${label} id`, { field: 'id' });
  }
  const row = await manager.findOne(entity, { where: { id } as never });
  if (!row) throw DomainError.notFound(label, id);
  return row;
}

/**
 * One page of ids from `table alias` under `conditions`, in a stable order, and the total: one statement (a named
 * prepared one outside a transaction), whose two subqueries PostgreSQL plans apart: the count from the indexes
 * alone where it can, the page by walking the sort index or sorting only the matches.
 */
export async function pagedIds(
  manager: EntityManager,
  source: { table: string; alias: string; orderBy: string },
  conditions: string[],
  params: SqlParams,
  page: Page,
): Promise<{ ids: string[]; total: number }> {
  const where = whereClause(conditions);
  const limit = params.param(page.limit);
  const offset = params.param(page.offset);
  const from = `FROM ${source.table} ${source.alias} ${where}`;
  const sql = `SELECT (SELECT count(*)::int ${from}) AS total,
    ARRAY(SELECT ${source.alias}.id ${from} ORDER BY ${source.orderBy} LIMIT ${limit} OFFSET ${offset})::text[] AS ids`;
  const [row]: { total: number; ids: string[] }[] = manager.queryRunner
    ? await manager.query(sql, params.values)
    : await preparedQuery(manager.connection, sql, params.values);
  return { ids: row.ids, total: row.total };
}

/** Rows by id in the order of `ids`. */
export async function inOrder<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  ids: string[],
  /** Columns not read by default (`select: false`) to read too. */
  alsoSelect: string[] = [],
): Promise<T[]> {
  if (!ids.length) return [];
  const query = manager.getRepository(entity).createQueryBuilder('e').where('e.id IN (:...ids)', { ids });
  for (const column of alsoSelect) query.addSelect(`e.${column}`);
  const rows = await query.getMany();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is T => row !== undefined);
}
