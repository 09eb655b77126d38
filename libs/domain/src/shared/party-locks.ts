import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** A set of countries as one sorted key ("IR,KZ"), the name of its lock. */
export function partySetKey(codes: readonly string[]): string {
  return sortedSet(codes).join(',');
}

/** A set of countries as stored (`party_codes`, `owner_codes`): each once, sorted. */
export function sortedSet(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort();
}

/** Every non-empty subset of `codes` (sorted keys), the set itself included; at most 2^8 − 1 of them. */
export function subsetKeys(codes: readonly string[]): string[] {
  return subsets(codes).map((set) => set.join(','));
}

/** Every non-empty subset of `codes`, each sorted, the set itself included; at most 2^8 − 1 of them. */
export function subsets(codes: readonly string[]): string[][] {
  const sorted = sortedSet(codes).slice(0, 8);
  const sets: string[][] = [];
  for (let mask = 1; mask < 1 << sorted.length; mask++) sets.push(sorted.filter((_, i) => mask & (1 << i)));
  return sets;
}

/** Locks on sets of countries, taken for one transaction: exclusive ones win over shared ones on the same set. */
export class PartyLocks {
  private readonly modes = new Map<string, boolean>();

  exclusive(key: string): this {
    this.modes.set(key, true);
    return this;
  }

  shared(key: string): this {
    if (!this.modes.has(key)) this.modes.set(key, false);
    return this;
  }

  add(other: PartyLocks): this {
    for (const [key, exclusive] of other.modes) if (exclusive) this.exclusive(key); else this.shared(key);
    return this;
  }

  get size(): number {
    return this.modes.size;
  }

  /** Whether a transaction holding these locks would make one taking `other`'s wait (a set both lock, not both shared). */
  conflictsWith(other: PartyLocks): boolean {
    const [small, large] = this.modes.size <= other.modes.size ? [this, other] : [other, this];
    for (const [key, exclusive] of small.modes) {
      const theirs = large.modes.get(key);
      if (theirs !== undefined && (exclusive || theirs)) return true;
    }
    return false;
  }

  /**
   * Takes every lock in one statement, in one global order (by lock number), so two transactions never wait
   * on each other in a circle; they are held until the transaction ends. `settings` are set for the
   * transaction by the same statement (set_config(name, value, true)), saving a round trip.
   */
  async acquire(manager: EntityManager, settings: Record<string, string> = {}): Promise<void> {
    const names = Object.keys(settings);
    const set = names.map((name, i) => `, set_config($${3 + 2 * i}, $${4 + 2 * i}, true)`).join('');
    const values = names.flatMap((name) => [name, settings[name]]);
    if (!this.modes.size && !names.length) return;
    const locks = [...this.modes].map(([key, exclusive]) => ({ id: lockNumber(key), exclusive }));
    // Two keys may hash alike: the exclusive mode wins, so that lock is taken once.
    const byId = new Map<number, boolean>();
    for (const { id, exclusive } of locks) byId.set(id, (byId.get(id) ?? false) || exclusive);
    const ids = [...byId.keys()].sort((a, b) => a - b);
    await manager.query(
      `SELECT count(CASE WHEN x THEN pg_advisory_xact_lock(${LOCK_SPACE}, k) ELSE pg_advisory_xact_lock_shared(${LOCK_SPACE}, k) END)${set}
       FROM (SELECT k, x FROM unnest($1::int[], $2::bool[]) AS t(k, x) ORDER BY k) ordered`,
      [ids, ids.map((id) => byId.get(id)!), ...values],
    );
  }
}

// The first number of the two-number advisory locks these take ("dyad"); the second is the set's hash.
const LOCK_SPACE = 0x64796164;

function lockNumber(key: string): number {
  return createHash('sha1').update(key).digest().readInt32BE(0);
}
