import type { QueryRunner } from 'typeorm';

/**
 * `text` (SQL an earlier migration wrote, or the database holds) with `before` replaced by `after`, for a migration that
 * changes part of a function. Throws, naming `migration`, when `text` lacks `before`: the SQL it changes is not the
 * one it was written against.
 */
export function replaceChecked(migration: string, text: string, before: string, after: string): string {
  if (!text.includes(before)) throw new Error(`${migration}: the SQL it changes is not the one it was written against`);
  return text.replace(before, after);
}

/**
 * Replaces `before` by `after` in the definition of function `fn` (a regprocedure: `name(argument types)`) as the
 * database has it, checked as replaceChecked does.
 */
export async function rewriteFunction(queryRunner: QueryRunner, migration: string, fn: string, before: string, after: string): Promise<void> {
  const [{ definition }] = await queryRunner.query(`SELECT pg_get_functiondef($1::regprocedure) AS definition`, [fn]);
  await queryRunner.query(replaceChecked(`${migration} (${fn})`, definition, before, after));
}
