import { currentReplica } from '@dyad/database';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` has the shape of a row id (a uuid); a query on another string would fail in the database. */
export const isUuid = (id: string) => UUID.test(id);

export async function getEntityOrThrow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  label: string,
  id: string,
  /** Columns not read by default (`select: false`) to read too. */
  alsoSelect: string[] = [],
): Promise<T> {
  if (!isUuid(id)) {
    throw DomainError.invalid(`${id} is not a valid ${label} id`, { field: 'id' });
  }
  const { select: expressions, hydrate } = entityColumns<T>(manager, entity, alsoSelect);
  const select = `SELECT ${expressions.join(', ')} FROM ${manager.connection.getMetadata(entity).tableName} e`;
  let row: Record<string, unknown> | undefined;
  if (manager.queryRunner) [row] = await manager.query(`${select} WHERE e.id = $1`, [id]);
  // on the primary, rows asked for by concurrent requests are read together; on a replica, alone (below)
  else if (!currentReplica()) row = await readByIdTogether(manager.connection, `${select} WHERE e.id = ANY($1::uuid[])`, id.toLowerCase());
  else [row] = await preparedQuery<Record<string, unknown>>(manager.connection, `${select} WHERE e.id = $1`, [id]);
  if (!row) throw DomainError.notFound(label, id);
  return hydrate(row);
}

type Waiter = { resolve: (row: Record<string, unknown> | undefined) => void; reject: (error: unknown) => void };
/** Per data source and statement, the ids asked for in this turn of the event loop and who waits for each. */
const pendingReads = new WeakMap<DataSource, Map<string, Map<string, Waiter[]>>>();

/**
 * A row by id, read in one statement (a named prepared one, `= ANY($1)`) with the rows other requests ask for in
 * the same turn of the event loop: the statement runs once that turn's I/O callbacks are done (setImmediate), so
 * concurrent requests for single rows share one round trip to PostgreSQL instead of one each. A read is never
 * older than the call (it runs after it); a failing statement fails each of its callers.
 */
function readByIdTogether(dataSource: DataSource, sql: string, id: string): Promise<Record<string, unknown> | undefined> {
  let statements = pendingReads.get(dataSource);
  if (!statements) pendingReads.set(dataSource, (statements = new Map()));
  let batch = statements.get(sql);
  if (!batch) {
    const ids = new Map<string, Waiter[]>();
    statements.set(sql, (batch = ids));
    setImmediate(() => {
      statements.delete(sql);
      preparedQuery<Record<string, unknown>>(dataSource, sql, [[...ids.keys()]]).then(
        (rows) => {
          const byId = new Map(rows.map((row) => [row.id as string, row]));
          for (const [key, waiters] of ids) for (const waiter of waiters) waiter.resolve(byId.get(key));
        },
        (error: unknown) => {
          for (const waiters of ids.values()) for (const waiter of waiters) waiter.reject(error);
        },
      );
    });
  }
  const waiters = batch.get(id) ?? [];
  batch.set(id, waiters);
  return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
}

// Column types whose value node-postgres already gives as the entity holds it (TypeORM's conversion would return it
// unchanged): read as they come, with no call per column and row.
const AS_READ = new Set([
  'uuid', 'text', 'varchar', 'character varying', 'char', 'character', 'boolean', 'bool', 'smallint', 'int2', 'int', 'integer', 'int4',
  'real', 'float4', 'double precision', 'float8', 'timestamptz', 'timestamp with time zone', 'timestamp', 'timestamp without time zone',
]);

/**
 * How a column is read into an entity: the select expression (over alias `e`) and whether the raw value is the
 * entity's value. A `date` is read as text and an enum array as `text[]` (what TypeORM would make of the value node-
 * postgres parses otherwise: a Date turned back into its day, a `{A,B}` string split); a column with a transformer,
 * or of another type, goes through the driver's conversion.
 */
function columnReading(column: ColumnMetadata): { select: string; asRead: boolean } {
  const name = `e."${column.databaseName}"`;
  if (column.transformer) return { select: name, asRead: false };
  const stringEnum = column.type === 'enum' && (column.enum ?? []).every((value) => typeof value === 'string');
  if (column.type === 'date' && !column.isArray) return { select: `${name}::text AS "${column.databaseName}"`, asRead: true };
  if (stringEnum) return { select: column.isArray ? `${name}::text[] AS "${column.databaseName}"` : name, asRead: true };
  return { select: name, asRead: typeof column.type === 'string' && AS_READ.has(column.type) };
}

/** The entity's plain columns (those read by default, and `alsoSelect`, less `skip`), their select expressions over
 * alias `e`, and how to make an entity of a raw row of them (a skipped property stays unset). */
function entityColumns<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, alsoSelect: string[], skip: readonly string[] = []) {
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter(
    // a relation's own key column is read when the entity declares it as a property (meeting.locationCountryCode,
    // followUp.meetingId…); a join column with no property of its own (virtual) is left to the relation
    (c) => !(c.relationMetadata && c.isVirtual) && (c.isSelect || alsoSelect.includes(c.propertyName)) && (c.isPrimary || !skip.includes(c.propertyName)),
  );
  const driver = manager.connection.driver;
  const readings = columns.map((column) => ({ column, property: column.propertyName, key: column.databaseName, ...columnReading(column) }));
  const hydrate = (row: Record<string, unknown>): T => {
    const hydrated = metadata.create() as Record<string, unknown>;
    // the driver's own conversions (enum arrays, numbers…) where a value is not as read, as TypeORM's find applies them
    for (const reading of readings) {
      const value = row[reading.key];
      hydrated[reading.property] = reading.asRead ? value : driver.prepareHydratedValue(value, reading.column);
    }
    return hydrated as T;
  };
  return { columns, select: readings.map((reading) => reading.select), hydrate };
}

/**
 * One page of `entity`'s rows under `conditions`, in a stable order, and the total, in one statement (a named prepared
 * one outside a transaction): the page's ids are found first (by the sort index, or by sorting only the matches),
 * then their rows are read by primary key. `count` replaces the exact count with a cheaper statement giving the
 * same number (a rollup's); `extra` adds computed columns per row (SQL over the row aliased `e`), returned beside
 * each entity.
 */
export async function pagedRows<T extends ObjectLiteral & { id: string }, X extends Record<string, unknown> = Record<string, never>>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  source: { alias: string; orderBy: string },
  conditions: string[],
  params: SqlParams,
  page: Page,
  options: {
    count?: string | null;
    /** The page's ids in order (SQL given the limit and offset parameters), when another index than the table's
     * finds them for these conditions: the same ids in the same order. */
    pageIds?: ((limit: string, offset: string) => string) | null;
    alsoSelect?: string[];
    /** Properties the caller does not need (left unset on each entity; the primary key is always read). */
    skip?: readonly string[];
    extra?: { [K in keyof X]: string };
  } = {},
): Promise<{ rows: { entity: T; extra: X }[]; total: number }> {
  const table = manager.connection.getMetadata(entity).tableName;
  const { select, hydrate } = entityColumns<T>(manager, entity, options.alsoSelect ?? [], options.skip);
  const alias = source.alias;
  const where = whereClause(conditions);
  const limit = params.param(page.limit);
  const offset = params.param(page.offset);
  const extra = Object.entries(options.extra ?? {}) as [string, string][];
  const sql = `${params.withClause()}SELECT t.total, ${[...select, ...extra.map(([name, expression]) => `${expression} AS "x_${name}"`)].join(', ')}
    FROM (SELECT (${options.count ?? `SELECT count(*)::int FROM ${table} ${alias} ${where}`}) AS total) t
    LEFT JOIN LATERAL unnest(ARRAY(${options.pageIds?.(limit, offset) ?? `SELECT ${alias}.id FROM ${table} ${alias} ${where} ORDER BY ${source.orderBy} LIMIT ${limit} OFFSET ${offset}`}))
      WITH ORDINALITY p(id, n) ON true
    LEFT JOIN ${table} e ON e.id = p.id
    ORDER BY p.n`;
  const raw: Record<string, unknown>[] = manager.queryRunner
    ? await manager.query(sql, params.values)
    : await preparedQuery(manager.connection, sql, params.values);
  const rows = raw
    .filter((row) => row.id != null)
    .map((row) => ({ entity: hydrate(row), extra: Object.fromEntries(extra.map(([name]) => [name, row[`x_${name}`]])) as X }));
  return { rows, total: (raw[0]?.total as number | undefined) ?? 0 };
}
