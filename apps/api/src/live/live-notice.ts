import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '@dyad/domain';

/** What a trigger announced on the live channel (migration LiveUpdates): a committed write, by id. */
export type LiveNotice =
  | { kind: 'newsItem'; id: string }
  | { kind: 'meeting'; id: string; created: boolean }
  | { kind: 'followUp'; id: string; from: FollowUpStatus; to: FollowUpStatus };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isStatus = (value: unknown): value is FollowUpStatus => (FOLLOW_UP_STATUSES as readonly unknown[]).includes(value);

/** A notification's payload as a notice; null for anything else (another writer on the channel, a newer format). */
export function parseLiveNotice(payload: string | undefined): LiveNotice | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(payload ?? '');
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || typeof value.id !== 'string' || !UUID.test(value.id)) return null;
  const id = value.id;
  if (value.kind === 'newsItem') return { kind: 'newsItem', id };
  if (value.kind === 'meeting' && typeof value.created === 'boolean') return { kind: 'meeting', id, created: value.created };
  if (value.kind === 'followUp' && isStatus(value.from) && isStatus(value.to)) return { kind: 'followUp', id, from: value.from, to: value.to };
  return null;
}

/**
 * One notice per row of what arrived together (one or more transactions): a meeting created and changed is
 * one `created` notice; a follow-up moved twice goes from its first status to its last (none if back where it was).
 */
export function coalesceLiveNotices(notices: readonly LiveNotice[]): LiveNotice[] {
  const byRow = new Map<string, LiveNotice>();
  for (const notice of notices) {
    const key = `${notice.kind}:${notice.id}`;
    const earlier = byRow.get(key);
    if (!earlier) byRow.set(key, notice);
    else if (earlier.kind === 'meeting' && notice.kind === 'meeting') byRow.set(key, { ...earlier, created: earlier.created || notice.created });
    else if (earlier.kind === 'followUp' && notice.kind === 'followUp') byRow.set(key, { ...earlier, to: notice.to });
  }
  return [...byRow.values()].filter((notice) => notice.kind !== 'followUp' || notice.from !== notice.to);
}
