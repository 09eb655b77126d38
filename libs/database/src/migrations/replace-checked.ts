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

/** A change to SQL text: the text it had, and what takes its place. */
export type TextChange = readonly [before: string, after: string];

/**
 * Replaces, in the definition of function `fn` (a regprocedure: `name(argument types)`) as the database has it, each
 * change's text by its replacement, in order, each checked as replaceChecked does; then defines the function again.
 */
export async function rewriteFunction(queryRunner: QueryRunner, migration: string, fn: string, changes: readonly TextChange[]): Promise<void> {
  const [{ definition }] = await queryRunner.query(`SELECT pg_get_functiondef($1::regprocedure) AS definition`, [fn]);
  await queryRunner.query(changes.reduce((text: string, [before, after]) => replaceChecked(`${migration} (${fn})`, text, before, after), definition));
}

/** The changes that undo `changes` (made in order): each one back, last first. */
export function undoing(changes: readonly TextChange[]): TextChange[] {
  return changes.map(([before, after]): TextChange => [after, before]).reverse();
}
