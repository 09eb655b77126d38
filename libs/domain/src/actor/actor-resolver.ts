import { actorNameKey, MIN_SURNAME_KEY, normalizeForSearch, sameActorName, storedActorKey, type ActorNameKey } from '@dyad/extraction';
import type { EntityManager } from 'typeorm';
import { PartyLocks } from '../shared/party-locks.js';

/** A person as one report names them. */
export interface ReportedActor {
  name: string;
  /** Known ISO code, or null when the report does not say. */
  country: string | null;
}

interface Row {
  id: string;
  name: string;
  aliases: string[];
  match_key: string;
  country_code: string | null;
}

/**
 * The actor a reported name is, found across scripts and spellings, or a new one. Countries must agree
 * where both are known. A name keyed exactly like known actors is the one of the same country, then the
 * one already spelled this way; a surname alone ("Zarif") or a fuller name is an actor only when exactly
 * one known actor fits, never a guess between two. The spelling is added to the actor's aliases, a missing
 * country filled in, and a surname-only actor takes the fuller name when one is reported.
 */
export async function resolveActor(manager: EntityManager, reported: ReportedActor): Promise<string> {
  const name = reported.name.trim();
  const key = actorNameKey(name);
  const stored = key.tokens.join(' ');
  const spelled = normalizeForSearch(name);
  let found = await findActor(manager, key, spelled, reported.country);
  if (!found && key.compact) {
    // A new person: the names that could be theirs are locked, and looked up again, so two reports naming
    // them at the same time make one actor (the second waits for the first to commit, then finds it).
    await actorNameLocks(key).acquire(manager);
    found = await findActor(manager, key, spelled, reported.country);
  }
  if (!found) {
    const [created] = await manager.query(
      `INSERT INTO actor (kind, name, name_key, match_key, country_code) VALUES ('PERSON', $1, $2, $3, $4) RETURNING id`,
      [name, spelled, stored, reported.country],
    );
    return created.id;
  }
  const fuller = storedActorKey(found.match_key).tokens.length === 1 && key.tokens.length > 1;
  await manager.query(
    `UPDATE actor SET
       aliases = CASE WHEN $2 = ANY(aliases || name) OR $5 THEN aliases ELSE aliases || $2 END
                 || CASE WHEN $5 AND NOT name = ANY(aliases) THEN ARRAY[name] ELSE '{}'::text[] END,
       name = CASE WHEN $5 THEN $2 ELSE name END,
       name_key = CASE WHEN $5 THEN $3 ELSE name_key END,
       match_key = CASE WHEN $5 THEN $4 ELSE match_key END,
       country_code = coalesce(country_code, $6)
     WHERE id = $1 AND ($5 OR NOT $2 = ANY(aliases || name) OR (country_code IS NULL AND $6::char(2) IS NOT NULL))`,
    [found.id, name, spelled, stored, fuller, reported.country],
  );
  return found.id;
}

/**
 * The whole name and the surnames ending it (token-boundary suffixes of at least MIN_SURNAME_KEY consonants),
 * spaces left out: two names are one person's (sameActorName) only when they share one of these.
 */
function nameSuffixes(key: ActorNameKey): string[] {
  const suffixes = [key.compact];
  for (let i = key.tokens.length - 1, suffix = ''; i > 0; i--) {
    suffix = key.tokens[i] + suffix;
    if (suffix.length >= MIN_SURNAME_KEY) suffixes.push(suffix);
  }
  return suffixes;
}

/**
 * Locks on the names a person may be known by (see nameSuffixes), taken before creating an actor: any two
 * names of one person share one. Same helper and order as the party-set locks, under keys of their own.
 */
export function actorNameLocks(key: ActorNameKey): PartyLocks {
  const locks = new PartyLocks();
  for (const suffix of nameSuffixes(key)) locks.exclusive(`actor:${suffix}`);
  return locks;
}

/** The known actor a name is (see resolveActor), or null. */
async function findActor(manager: EntityManager, key: ActorNameKey, spelled: string, country: string | null): Promise<Row | null> {
  if (!key.compact) return null;
  // Candidates through the indexes on replace(match_key, ' ', ''): the whole name or a surname ending it
  // (its token-boundary suffixes), or, for a surname alone, a fuller name ending with it. They are locked
  // against deletion (FOR KEY SHARE, what the participant's foreign key takes anyway): one being merged away
  // by an analyst is waited for and then not found, instead of being used and failing on its key.
  const single = key.tokens.length === 1 && key.compact.length >= MIN_SURNAME_KEY;
  const rows: Row[] = await manager.query(
    `SELECT id, name, aliases, match_key, country_code FROM actor
     WHERE kind = 'PERSON' AND ($2::char(2) IS NULL OR country_code IS NULL OR country_code = $2) AND match_key <> ''
       AND (replace(match_key, ' ', '') = ANY($1::text[]) OR ($3 AND reverse(replace(match_key, ' ', '')) LIKE $4))
     FOR KEY SHARE`,
    [nameSuffixes(key), country, single, `${[...key.compact].reverse().join('')}%`],
  );
  const matching = rows.filter((row) => sameActorName(key, storedActorKey(row.match_key)));
  const exact = matching.filter((row) => storedActorKey(row.match_key).compact === key.compact);
  const rank = (row: Row) =>
    (row.country_code?.trim() === country ? 2 : 0) + ([row.name, ...row.aliases].some((n) => normalizeForSearch(n) === spelled) ? 1 : 0);
  return exact.length ? [...exact].sort((a, b) => rank(b) - rank(a) || a.id.localeCompare(b.id))[0] : matching.length === 1 ? matching[0] : null;
}
