import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from './domain.error.js';

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
function subsets(codes: readonly string[]): string[][] {
  const sorted = sortedSet(codes).slice(0, 8);
  const sets: string[][] = [];
  for (let mask = 1; mask < 1 << sorted.length; mask++) sets.push(sorted.filter((_, i) => mask & (1 << i)));
  return sets;
}

/**
 * Locks on sets of countries (and, under keys of their own, on a new person's names: actorNameLocks), taken for
 * one transaction: exclusive ones win over shared ones on the same set.
 */
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

  /**
   * What linking takes for a meeting of these parties: their set exclusively (meetings are matched among those
   * of exactly these parties), every smaller set shared (a meeting closes follow-ups whose owners took part).
   */
  meeting(parties: readonly string[]): this {
    if (!parties.length) return this;
    this.exclusive(partySetKey(parties));
    for (const subset of subsetKeys(parties)) this.shared(subset);
    return this;
  }

  /** Whether these locks hold every lock of `other`, each in its mode or a stronger one. */
  covers(other: PartyLocks): boolean {
    return [...other.modes].every(([key, exclusive]) => this.modes.has(key) && (this.modes.get(key) || !exclusive));
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

/** Error codes of a transaction that lost a deadlock or a serialization race: run again, as ingestion does. */
const RETRIED_ERROR_CODES: ReadonlySet<string> = new Set(['40P01', '40001']);
const ATTEMPTS = 4;

class LocksMoved extends Error {}

/**
 * Runs an analyst's edit in a transaction that first takes the party-set locks linking takes (see linkingLocks in
 * libs/ingestion), so an edit and an ingest of the same sets run one after the other. `locksFor` names the locks
 * from what the edit touches: it is read before the transaction (without locks), the locks are taken, in one
 * statement and in the global order ingestion uses, and it is read again; when the sets moved meanwhile (another
 * edit changed a meeting's parties) the transaction is run again holding the new sets too. Every change of a set
 * takes the old one, so once held, what `locksFor` read cannot change until this transaction ends. A transaction
 * that still loses a deadlock is run again, as ingestion does.
 */
export async function withPartyLocks<T>(
  dataSource: DataSource,
  locksFor: (manager: EntityManager) => Promise<PartyLocks>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  let wanted = await locksFor(dataSource.manager);
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(async (manager) => {
        await wanted.acquire(manager);
        const now = await locksFor(manager);
        if (!wanted.covers(now)) {
          wanted = new PartyLocks().add(wanted).add(now);
          throw new LocksMoved();
        }
        return work(manager);
      });
    } catch (error) {
      const retried = error instanceof LocksMoved || RETRIED_ERROR_CODES.has((error as { code?: string }).code ?? '');
      if (retried && attempt < ATTEMPTS) continue;
      throw error instanceof LocksMoved ? DomainError.unavailable('the countries of what you edit are being changed by another edit; try again') : error;
    }
  }
}

// The first number of the two-number advisory locks these take ("dyad"); the second is the set's hash.
const LOCK_SPACE = 0x64796164;

function lockNumber(key: string): number {
  return createHash('sha1').update(key).digest().readInt32BE(0);
}
