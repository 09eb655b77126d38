import { withClient } from '@dyad/database';

// `dyad bench ingest --statements N`: where the database's time per item goes, statement by statement, from
// PostgreSQL's pg_stat_statements (a module the server must load at start: shared_preload_libraries). Each
// statement's time includes the triggers it fires, so the rows add up to the database's time per item.

/** One statement's share of the time of the items stored. */
export interface StatementCost {
  msPerItem: number;
  callsPerItem: number;
  /** Its text as pg_stat_statements keeps it (values as $n), on one line, cut at QUERY_CHARS. */
  query: string;
}

export interface StatementReport {
  /** Every statement of the database together, per item. */
  msPerItem: number;
  statements: number;
  /** The longest, longest first. */
  top: StatementCost[];
}

const QUERY_CHARS = 110;
// (pg_stat_statements counts per database: the bench database's own)
const THIS_DATABASE = `(SELECT oid FROM pg_database WHERE datname = current_database())`;

/** Why the server cannot count statements (it does not load pg_stat_statements), or null when it can. */
export async function statementsUnavailable(url: string): Promise<string | null> {
  const rows = await withClient(url, (client) => client.query<{ libraries: string }>(`SELECT current_setting('shared_preload_libraries') AS libraries`));
  const libraries = rows.rows[0].libraries;
  return libraries.split(',').some((name) => name.trim() === 'pg_stat_statements')
    ? null
    : `the server does not load pg_stat_statements (shared_preload_libraries = '${libraries}'): add it there and restart the server to see the time by statement`;
}

/**
 * Starts counting `url`'s database's statements: the extension is created there if missing and its counts for
 * that database reset. Returns how to read the `top` longest, per item, once `items` are stored.
 */
export async function statementMeter(url: string): Promise<(items: number, top: number) => Promise<StatementReport>> {
  await withClient(url, async (client) => {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query(`SELECT pg_stat_statements_reset(0, ${THIS_DATABASE}, 0)`);
  });
  return async (items, top) => {
    const rows = await withClient(url, (client) =>
      client.query<{ ms: number; calls: string; query: string }>(
        // top-level statements only: a trigger's statements are counted in the statement that fired it
        `SELECT s.total_exec_time AS ms, s.calls, s.query FROM pg_stat_statements s
         WHERE s.dbid = ${THIS_DATABASE} AND s.toplevel
         ORDER BY s.total_exec_time DESC`,
      ));
    const all = rows.rows.map((row) => ({
      msPerItem: row.ms / items,
      callsPerItem: Number(row.calls) / items,
      query: oneLine(row.query),
    }));
    return { msPerItem: all.reduce((sum, row) => sum + row.msPerItem, 0), statements: all.length, top: all.slice(0, top) };
  };
}

const oneLine = (query: string) => {
  const line = query.replace(/\s+/g, ' ').trim();
  return line.length > QUERY_CHARS ? `${line.slice(0, QUERY_CHARS - 1)}…` : line;
};

/** A report as lines: the total, then one line per statement (ms and calls per item, its text). */
export function formatStatements(report: StatementReport): string[] {
  return [
    `database time by statement (pg_stat_statements, each with the triggers it fires): ${report.msPerItem.toFixed(2)} ms per item ` +
      `in ${report.statements} statements; the ${report.top.length} longest, ms and calls per item:`,
    ...report.top.map((row) => `  ${row.msPerItem.toFixed(3).padStart(7)}  ${row.callsPerItem.toFixed(2).padStart(6)}  ${row.query}`),
  ];
}
