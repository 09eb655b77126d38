/**
 * `text` (SQL an earlier migration wrote, or the database holds) with `before` replaced by `after`, for a migration that
 * changes part of a function. Throws, naming `migration`, when `text` lacks `before`: the SQL it changes is not the
 * one it was written against.
 */
export function replaceChecked(migration: string, text: string, before: string, after: string): string {
  if (!text.includes(before)) throw new Error(`${migration}: the SQL it changes is not the one it was written against`);
  return text.replace(before, after);
}
