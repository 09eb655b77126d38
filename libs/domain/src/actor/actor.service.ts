import { Injectable } from '@nestjs/common';
import { actorNameKey, normalizeForSearch } from '@dyad/extraction';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertKnownCountries } from '../country/country.service.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { MeetingParticipant } from '../meeting/meeting-participant.entity.js';
import { DomainError } from '../shared/domain.error.js';
import { getEntityOrThrow, lockForEdit, pagedRows } from '../shared/entity-helpers.js';
import { PartyLocks, withPartyLocks } from '../shared/party-locks.js';
import type { Page, PageOf } from '../shared/page.js';
import type { RequestContext } from '../shared/request-context.js';
import { containsPattern, SqlParams } from '../shared/sql.js';
import { Actor } from './actor.entity.js';

export interface ActorFilter {
  /** Any spelling, in any script: matched on the cross-script key as well as on the names as written. */
  search?: string | null;
  country?: string | null;
}

/** One title an actor was reported with, and when. */
export interface ActorTitle {
  title: string;
  organization: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  meetings: number;
}

export interface SplitActorInput {
  expectedVersion: number;
  /** The meeting participations (Participant ids) that are another person. */
  participantIds: string[];
  /** The other person's name; default: the name the first of those participations was reported under. */
  name?: string | null;
  /** The other person's country; default: this actor's. */
  country?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Actors one merge may fold in, and participations one split may move. */
export const MAX_ACTOR_ITEMS = 100;
const MAX_NAME = 300;
const MAX_SEARCH = 200;

/**
 * The actor's meetings (`actor`: its id's parameter) that are not rejected, latest first, undated last, each once (a
 * merge can leave an actor in one meeting twice), with `columns` of their participations: read from the
 * participations' copies of their meetings, in the order of their index (migration ParticipantMeetingCopies).
 */
const actorMeetings = (actor: string, columns: string) =>
  `SELECT DISTINCT ON (mp.meeting_date, mp.meeting_id) ${columns} FROM meeting_participant mp
   WHERE mp.actor_id = ${actor} AND NOT mp.meeting_rejected ORDER BY mp.meeting_date DESC NULLS LAST, mp.meeting_id`;

@Injectable()
export class ActorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Actors, those in the most meetings first. */
  async list(_ctx: RequestContext, filter: ActorFilter | null | undefined, page: Page): Promise<PageOf<Actor>> {
    const params = new SqlParams();
    const conditions: string[] = [];
    const search = filter?.search?.trim();
    if (filter?.search != null) {
      if (!search) throw DomainError.invalid('search must not be blank', { field: 'search' });
      if (search.length > MAX_SEARCH) throw DomainError.invalid(`search takes at most ${MAX_SEARCH} characters`, { field: 'search' });
      const written = params.param(containsPattern(normalizeForSearch(search)));
      const alternatives = [`a.name_key LIKE ${written}`, `EXISTS (SELECT 1 FROM unnest(a.aliases) AS alias WHERE lower(alias) LIKE ${written})`];
      // Two consonants or more: «طالبی», Talebi and Талеби all find Talebi-Matin.
      const key = actorNameKey(search).compact;
      if (key.length >= 2) alternatives.push(`replace(a.match_key, ' ', '') LIKE ${params.param(containsPattern(key))}`);
      conditions.push(`(${alternatives.join(' OR ')})`);
    }
    if (filter?.country != null) {
      if (!/^[A-Z]{2}$/.test(filter.country)) throw DomainError.invalid(`country must be an ISO alpha-2 code, not "${filter.country}"`, { field: 'country' });
      conditions.push(`a.country_code = ${params.param(filter.country)}`);
    }
    const { rows, total } = await pagedRows(
      this.dataSource.manager,
      Actor,
      // by meetingCount (rollup_actor: kept per shard by triggers), not by counting each actor's participations
      { alias: 'a', orderBy: '(SELECT coalesce(sum(r.meetings), 0) FROM rollup_actor r WHERE r.actor_id = a.id) DESC, a.name, a.id' },
      conditions,
      params,
      page,
    );
    return { nodes: rows.map((row) => row.entity), total };
  }

  async get(_ctx: RequestContext, id: string): Promise<Actor> {
    return getEntityOrThrow(this.dataSource.manager, Actor, 'actor', id);
  }

  /** The meetings the actor took part in (rejected ones left out), latest first, undated last. */
  async meetings(_ctx: RequestContext, actorId: string, page: Page): Promise<PageOf<Meeting>> {
    const params = new SqlParams();
    const actor = params.param(actorId);
    const { rows, total } = await pagedRows(
      this.dataSource.manager,
      Meeting,
      { alias: 'm', orderBy: 'm.date DESC NULLS LAST, m.id' },
      // (the count and the page's ids below say which meetings)
      [],
      params,
      page,
      {
        // these meetings' number is the actor's meetingCount
        count: `SELECT coalesce(sum(r.meetings), 0)::int FROM rollup_actor r WHERE r.actor_id = ${actor}`,
        pageIds: (limit, offset) => `${actorMeetings(actor, 'mp.meeting_id')} LIMIT ${limit} OFFSET ${offset}`,
      },
    );
    return { nodes: rows.map((row) => row.entity), total };
  }

  /** Every meeting participation of the actor (what splitActor moves), latest meeting first. */
  async participations(_ctx: RequestContext, actorId: string): Promise<MeetingParticipant[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT mp.id FROM meeting_participant mp WHERE mp.actor_id = $1
       ORDER BY mp.meeting_date DESC NULLS LAST, mp.meeting_id, mp.id LIMIT 1000`,
      [actorId],
    );
    const found = await this.dataSource.getRepository(MeetingParticipant).find({ where: { id: In(rows.map((row) => row.id)) }, relations: { actor: true } });
    const byId = new Map(found.map((row) => [row.id, row]));
    return rows.map((row) => byId.get(row.id)!).filter(Boolean);
  }

  /** The titles the actor was reported with, in the order they were first seen. */
  async titles(_ctx: RequestContext, actorId: string): Promise<ActorTitle[]> {
    const rows: { title: string; organization: string | null; first_seen: string | null; last_seen: string | null; meetings: number }[] =
      await this.dataSource.query(
        `SELECT mp.title, min(mp.organization) AS organization, min(mp.meeting_date)::text AS first_seen, max(mp.meeting_date)::text AS last_seen,
                count(DISTINCT mp.meeting_id)::int AS meetings
         FROM meeting_participant mp
         WHERE mp.actor_id = $1 AND mp.title IS NOT NULL AND mp.title <> '' AND NOT mp.meeting_rejected
         GROUP BY mp.title ORDER BY min(mp.meeting_date) NULLS LAST, mp.title`,
        [actorId],
      );
    return rows.map((row) => ({ title: row.title, organization: row.organization, firstSeen: row.first_seen, lastSeen: row.last_seen, meetings: row.meetings }));
  }

  /**
   * The countries of the actor's meetings, with how many meetings each, most first: from the participations' copies
   * of their meetings' party sets (a set: each country once), which the index of the actor's meetings carries.
   */
  async countries(_ctx: RequestContext, actorId: string): Promise<{ code: string; meetings: number }[]> {
    const rows: { code: string; meetings: number }[] = await this.dataSource.query(
      `SELECT c.code::text AS code, count(*)::int AS meetings
       FROM (${actorMeetings('$1', 'mp.meeting_party_codes')}) x
       CROSS JOIN LATERAL unnest(x.meeting_party_codes) AS c(code)
       GROUP BY c.code ORDER BY meetings DESC, code`,
      [actorId],
    );
    return rows;
  }

  /**
   * Folds other actors into `targetId` (one person found under several names): their meetings, names and
   * spellings move over. Actors of two different countries are two people and are refused.
   */
  async merge(ctx: RequestContext, targetId: string, expectedVersion: number, duplicateIds: string[]): Promise<Actor> {
    assertIds(duplicateIds, 'duplicateIds');
    const duplicates = [...new Set(duplicateIds)].filter((id) => id !== targetId);
    if (!duplicates.length) throw DomainError.invalid('give at least one other actor to merge', { field: 'duplicateIds' });
    return this.edit(ctx, targetId, expectedVersion, 'actor.merge', async (manager, target) => {
      const found = await manager.query(`SELECT id, name, aliases, kind, country_code FROM actor WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [duplicates]);
      const missing = duplicates.filter((id) => !found.some((row: { id: string }) => row.id === id));
      if (missing.length) throw DomainError.notFound('actor', missing[0]);
      const rows = found as { id: string; name: string; aliases: string[]; kind: string; country_code: string | null }[];
      const countries = new Set([target.countryCode, ...rows.map((row) => row.country_code)].filter((code): code is string => !!code));
      if (countries.size > 1) {
        throw DomainError.invalid(`actors of different countries (${[...countries].sort().join(', ')}) are different people; they cannot be merged`, {
          field: 'duplicateIds',
        });
      }
      const kinds = new Set([target.kind, ...rows.map((row) => row.kind)]);
      if (kinds.size > 1) throw DomainError.invalid('a person and an organisation cannot be merged', { field: 'duplicateIds' });
      target.countryCode ??= rows.find((row) => row.country_code)?.country_code ?? null;
      target.aliases = [...new Set([...target.aliases, ...rows.flatMap((row) => [row.name, ...row.aliases])])].filter((name) => name !== target.name);
      await manager.query(`UPDATE meeting_participant SET actor_id = $1 WHERE actor_id = ANY($2)`, [targetId, duplicates]);
      // A meeting that had two of them has one participant now: the first report's.
      await manager.query(
        `DELETE FROM meeting_participant mp USING meeting_participant earlier
         WHERE mp.actor_id = $1 AND earlier.actor_id = $1 AND earlier.meeting_id = mp.meeting_id AND earlier.id < mp.id`,
        [targetId],
      );
      await manager.query(`DELETE FROM actor WHERE id = ANY($1)`, [duplicates]);
    });
  }

  /**
   * Moves some of an actor's meeting participations to a new actor (two people found under one name).
   * Answers the new actor; the old one moves to the next version.
   */
  async split(ctx: RequestContext, actorId: string, input: SplitActorInput): Promise<Actor> {
    assertIds(input.participantIds, 'participantIds');
    const participantIds = [...new Set(input.participantIds)];
    if (!participantIds.length) throw DomainError.invalid('give at least one participation to split off', { field: 'participantIds' });
    const name = input.name?.trim();
    if (input.name != null && !name) throw DomainError.invalid('name must not be blank', { field: 'name' });
    if (name && name.length > MAX_NAME) throw DomainError.invalid(`name takes at most ${MAX_NAME} characters`, { field: 'name' });
    if (input.country != null && !/^[A-Z]{2}$/.test(input.country)) {
      throw DomainError.invalid(`country must be an ISO alpha-2 code, not "${input.country}"`, { field: 'country' });
    }
    let createdId = '';
    await this.edit(ctx, actorId, input.expectedVersion, 'actor.split', async (manager, actor) => {
      if (input.country != null) await assertKnownCountries(manager, [input.country], 'country');
      const rows: { id: string; actor_id: string; name: string }[] = await manager.query(
        `SELECT id, actor_id, name FROM meeting_participant WHERE id = ANY($1) ORDER BY id`,
        [participantIds],
      );
      const foreign = participantIds.filter((id) => !rows.some((row) => row.id === id && row.actor_id === actorId));
      if (foreign.length) {
        throw DomainError.invalid(`participant ${foreign[0]} is not one of actor ${actorId}'s participations`, { field: 'participantIds' });
      }
      const [{ remaining }] = await manager.query(
        `SELECT count(*)::int AS remaining FROM meeting_participant WHERE actor_id = $1 AND NOT id = ANY($2)`,
        [actorId, participantIds],
      );
      if (remaining === 0) {
        throw DomainError.invalid('a split must leave the actor at least one participation; to rename it, merge instead', { field: 'participantIds' });
      }
      const newName = name || rows.find((row) => row.name.trim())?.name.trim() || actor.name;
      const key = actorNameKey(newName).tokens.join(' ');
      const [created] = await manager.query(
        `INSERT INTO actor (kind, name, name_key, match_key, country_code) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [actor.kind, newName, normalizeForSearch(newName), key, input.country ?? actor.countryCode],
      );
      createdId = created.id;
      await manager.query(`UPDATE meeting_participant SET actor_id = $1 WHERE id = ANY($2)`, [createdId, participantIds]);
      // Each keeps the spellings it was reported under.
      await manager.query(
        `UPDATE actor a SET aliases = coalesce((SELECT array_agg(DISTINCT mp.name ORDER BY mp.name) FROM meeting_participant mp
                                              WHERE mp.actor_id = a.id AND mp.name <> '' AND mp.name <> a.name), '{}')
         WHERE a.id = ANY($1)`,
        [[actorId, createdId]],
      );
      actor.aliases = (await manager.findOneByOrFail(Actor, { id: actorId })).aliases;
      await this.audit.record(ctx, manager, {
        action: 'actor.create',
        entityType: 'Actor',
        entityId: createdId,
        before: null,
        after: describe(await manager.findOneByOrFail(Actor, { id: createdId })),
      });
    });
    return this.dataSource.manager.findOneByOrFail(Actor, { id: createdId });
  }

  /** Locks the actor at `expectedVersion`, applies `change`, saves, moves the version and audits. */
  private edit(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    action: string,
    change: (manager: EntityManager, actor: Actor) => Promise<void>,
  ): Promise<Actor> {
    if (!UUID.test(id)) throw DomainError.invalid(`${id} is not a valid actor id`, { field: 'id' });
    if (!Number.isInteger(expectedVersion)) throw DomainError.invalid('expectedVersion must be an integer', { field: 'expectedVersion' });
    // No party set is locked (an actor is not one pair's), but a deadlock lost to an ingest locking the same
    // actors is retried as for the other edits.
    return withPartyLocks(this.dataSource, async () => new PartyLocks(), async (manager) => {
      const actor = await lockForEdit(manager, Actor, 'actor', id, expectedVersion);
      const before = describe(actor);
      await change(manager, actor);
      await manager.save(Actor, actor);
      if ((await manager.findOneByOrFail(Actor, { id })).version === expectedVersion) await manager.increment(Actor, { id }, 'version', 1);
      const saved = await manager.findOneByOrFail(Actor, { id });
      await this.audit.record(ctx, manager, { action, entityType: 'Actor', entityId: id, before, after: describe(saved) });
      return saved;
    });
  }
}

function assertIds(ids: string[], field: string): void {
  if (ids.length > MAX_ACTOR_ITEMS) throw DomainError.invalid(`${field} takes at most ${MAX_ACTOR_ITEMS} ids`, { field });
  const bad = ids.find((id) => !UUID.test(id));
  if (bad !== undefined) throw DomainError.invalid(`${bad} is not a valid id`, { field });
}

const describe = (actor: Actor) => ({
  kind: actor.kind,
  name: actor.name,
  aliases: actor.aliases,
  country: actor.countryCode,
  version: actor.version,
});


