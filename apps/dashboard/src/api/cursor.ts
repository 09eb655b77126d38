// The API's connection cursors, as the dashboard needs to adjust them.

/** The API's cursor ("o:<offset>", base64url) moved by `delta` rows; null stays null (nothing more to load). */
export function shiftCursor(cursor: string | null, delta: number): string | null {
  if (!cursor) return null;
  let decoded: string;
  try {
    decoded = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return cursor;
  }
  const match = /^o:(\d+)$/.exec(decoded);
  if (!match) return cursor;
  const offset = Math.max(-1, Number(match[1]) + delta);
  // (below 0 only when every loaded row of a column left it: the rest then shows on a reload)
  if (offset < 0) return null;
  return btoa(`o:${offset}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
