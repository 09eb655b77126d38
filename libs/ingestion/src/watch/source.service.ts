import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  assertKnownCountries, AuditService, DomainError, DomainErrorCode, getEntityOrThrow, lockForEdit, type Page, type PageOf,
  type RequestContext, roleAllows, Source, SOURCE_KINDS, SOURCE_STATES, type SourceKind, type SourceState,
} from '@dyad/domain';
import { LANGUAGES } from '@dyad/extraction';
import { DataSource, type EntityManager } from 'typeorm';

/** Nest token for SourceOptions. */
export const SOURCE_OPTIONS = Symbol('SOURCE_OPTIONS');

export interface SourceOptions {
  /** Folders under which FOLDER sources may be (DYAD_SOURCE_FOLDERS); none: FOLDER sources are refused. */
  folderRoots?: readonly string[];
}

export interface NewSource {
  kind: SourceKind;
  location: string;
  publisher: string;
  language?: string | null;
  publisherCountry?: string | null;
  pollIntervalMinutes?: number | null;
}

export interface SourcePatch {
  location?: string | null;
  publisher?: string | null;
  language?: string | null;
  publisherCountry?: string | null;
  pollIntervalMinutes?: number | null;
}

export interface SourceFilter {
  states?: SourceState[] | null;
  kinds?: SourceKind[] | null;
}

/** What the last poll of a source did, derived from its entries. */
export interface PollStats {
  pollId: string;
  at: Date;
  fetched: number;
  new: number;
  duplicate: number;
  failed: number;
  /** Entries read but not yet ingested (their jobs are queued or running). */
  pending: number;
  notModified: boolean;
  error: string | null;
}

export interface FailedEntry {
  origin: string;
  error: string;
  seenAt: Date;
  pollId: string;
}

export const DEFAULT_POLL_INTERVAL_MINUTES = 60;
export const MAX_POLL_INTERVAL_MINUTES = 7 * 24 * 60;

/** Registering, changing and listing watched sources; polling them is SourcePoller's. */
@Injectable()
export class SourceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Optional() @Inject(SOURCE_OPTIONS) private readonly options: SourceOptions = {},
  ) {}

  async list(_ctx: RequestContext, filter: SourceFilter | null | undefined, page: Page): Promise<PageOf<Source>> {
    const query = this.dataSource.getRepository(Source).createQueryBuilder('s');
    if (filter?.states?.length) {
      assertAll(filter.states, SOURCE_STATES, 'states');
      query.andWhere('s.state IN (:...states)', { states: filter.states });
    }
    if (filter?.kinds?.length) {
      assertAll(filter.kinds, SOURCE_KINDS, 'kinds');
      query.andWhere('s.kind IN (:...kinds)', { kinds: filter.kinds });
    }
    const [nodes, total] = await query.orderBy('s.publisher').addOrderBy('s.id').take(page.limit).skip(page.offset).getManyAndCount();
    return { nodes, total };
  }

  get(_ctx: RequestContext, id: string): Promise<Source> {
    return getEntityOrThrow(this.dataSource.manager, Source, 'source', id);
  }

  async add(ctx: RequestContext, input: NewSource): Promise<Source> {
    if (!(SOURCE_KINDS as readonly string[]).includes(input.kind)) {
      throw DomainError.invalid(`kind must be one of ${SOURCE_KINDS.join(', ')}`, { field: 'kind' });
    }
    this.assertMayManage(ctx, input.kind);
    const location = await this.validLocation(input.kind, input.location);
    const fields = {
      publisher: validPublisher(input.publisher),
      language: validLanguage(input.language),
      publisherCountryCode: input.publisherCountry?.trim() || null,
      pollIntervalMinutes: validInterval(input.pollIntervalMinutes ?? DEFAULT_POLL_INTERVAL_MINUTES),
    };
    return this.dataSource.transaction(async (manager) => {
      await this.assertCountry(manager, fields.publisherCountryCode);
      await this.assertLocationFree(manager, location, null);
      const source = await manager.save(
        manager.create(Source, { kind: input.kind, location, ...fields, state: 'ACTIVE', nextPollAt: new Date() }),
      );
      await this.audit.record(ctx, manager, { action: 'source.add', entityType: 'Source', entityId: source.id, after: describe(source) });
      return source;
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, patch: SourcePatch): Promise<Source> {
    const current = await this.get(ctx, id);
    this.assertMayManage(ctx, current.kind);
    const changes: Partial<Source> = {};
    if (patch.location != null) changes.location = await this.validLocation(current.kind, patch.location);
    if (patch.publisher != null) changes.publisher = validPublisher(patch.publisher);
    if (patch.language !== undefined) changes.language = validLanguage(patch.language);
    if (patch.publisherCountry !== undefined) changes.publisherCountryCode = patch.publisherCountry?.trim() || null;
    if (patch.pollIntervalMinutes != null) changes.pollIntervalMinutes = validInterval(patch.pollIntervalMinutes);
    return this.dataSource.transaction(async (manager) => {
      const source = await lockForEdit(manager, Source, 'source', id, expectedVersion);
      if (changes.publisherCountryCode !== undefined) await this.assertCountry(manager, changes.publisherCountryCode);
      if (changes.location !== undefined && changes.location !== source.location) {
        await this.assertLocationFree(manager, changes.location, id);
        // Another address: its validators mean nothing there.
        Object.assign(changes, { etag: null, lastModified: null, nextPollAt: new Date() });
      }
      const before = describe(source);
      Object.assign(source, changes);
      const saved = await manager.save(source);
      await this.audit.record(ctx, manager, { action: 'source.update', entityType: 'Source', entityId: id, before, after: describe(saved) });
      return saved;
    });
  }

  /** Stops (PAUSED) or restarts (ACTIVE) scheduled polling; a manual poll still works. */
  async setState(ctx: RequestContext, id: string, state: SourceState): Promise<Source> {
    const current = await this.get(ctx, id);
    this.assertMayManage(ctx, current.kind);
    return this.dataSource.transaction(async (manager) => {
      const source = await manager.findOneOrFail(Source, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (source.state === state) return source;
      source.state = state;
      // Resumed: due now, and failures before the pause no longer hold it back.
      if (state === 'ACTIVE') Object.assign(source, { nextPollAt: new Date(), consecutiveFailures: 0 });
      const saved = await manager.save(source);
      await this.audit.record(ctx, manager, {
        action: state === 'PAUSED' ? 'source.pause' : 'source.resume',
        entityType: 'Source',
        entityId: id,
        after: { state },
      });
      return saved;
    });
  }

  /** Deletes the source and its record of entries; the news items it delivered stay. */
  async remove(ctx: RequestContext, id: string): Promise<string> {
    const current = await this.get(ctx, id);
    this.assertMayManage(ctx, current.kind);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(Source, { id });
      await this.audit.record(ctx, manager, { action: 'source.remove', entityType: 'Source', entityId: id, before: describe(current) });
    });
    return id;
  }

  /** The last poll's figures, by source id (one query for a page of sources). */
  async lastPolls(sources: Source[]): Promise<Map<string, PollStats>> {
    const polled = sources.filter((s) => s.lastPollId && s.lastPolledAt);
    const result = new Map<string, PollStats>();
    if (!polled.length) return result;
    const rows: { source_id: string; status: string; count: number }[] = await this.dataSource.query(
      `SELECT source_id, status, count(*)::int AS count FROM source_entry
        WHERE (source_id, poll_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[])) GROUP BY source_id, status`,
      [polled.map((s) => s.id), polled.map((s) => s.lastPollId)],
    );
    for (const source of polled) {
      const count = (status: string) => rows.find((r) => r.source_id === source.id && r.status === status)?.count ?? 0;
      const [fresh, duplicate, failed] = [count('NEW'), count('DUPLICATE'), count('FAILED')];
      result.set(source.id, {
        pollId: source.lastPollId!,
        at: source.lastPolledAt!,
        fetched: source.lastFetched,
        new: fresh,
        duplicate: duplicate + source.lastSeenBefore,
        failed,
        pending: Math.max(0, source.lastFetched - source.lastSeenBefore - fresh - duplicate - failed),
        notModified: source.lastNotModified,
        error: source.lastError,
      });
    }
    return result;
  }

  /** Entries that could not be ingested, newest first, with why. */
  async failedEntries(_ctx: RequestContext, sourceId: string, limit: number): Promise<FailedEntry[]> {
    const rows: { origin: string; error: string; seen_at: Date; poll_id: string }[] = await this.dataSource.query(
      `SELECT origin, error, seen_at, poll_id FROM source_entry WHERE source_id = $1 AND status = 'FAILED'
        ORDER BY seen_at DESC, origin LIMIT $2`,
      [sourceId, limit],
    );
    return rows.map((row) => ({ origin: row.origin, error: row.error, seenAt: row.seen_at, pollId: row.poll_id }));
  }

  /** A manual poll: the same rule as a change (a FOLDER source is the ADMIN's). */
  async getToPoll(ctx: RequestContext, id: string): Promise<Source> {
    const source = await this.get(ctx, id);
    this.assertMayManage(ctx, source.kind);
    return source;
  }

  /** Folder sources read the server's disk: ADMIN only. The rest is the ANALYST's (checked by the API). */
  private assertMayManage(ctx: RequestContext, kind: SourceKind): void {
    if (kind === 'FOLDER' && ctx.caller && !roleAllows(ctx.caller.role, 'ADMIN')) {
      throw new DomainError(DomainErrorCode.Forbidden, `a FOLDER source reads the server's disk: this needs the ADMIN role; your key is ${ctx.caller.role}`);
    }
  }

  private async validLocation(kind: SourceKind, value: string): Promise<string> {
    const location = typeof value === 'string' ? value.trim() : '';
    if (!location) throw DomainError.invalid('location is empty: give the feed URL (or, for FOLDER, a folder path)', { field: 'location' });
    if (location.length > 2000) throw DomainError.invalid('location is longer than 2000 characters', { field: 'location' });
    if (/[\0\r\n]/.test(location)) throw DomainError.invalid('location contains a control character', { field: 'location' });
    return kind === 'FOLDER' ? this.validFolder(location) : validFeedUrl(location);
  }

  private async validFolder(path: string): Promise<string> {
    const roots = this.options.folderRoots ?? [];
    if (!roots.length) {
      throw DomainError.invalid('FOLDER sources are off on this server: the operator lists allowed folders in DYAD_SOURCE_FOLDERS', { field: 'location' });
    }
    if (!isAbsolute(path)) throw DomainError.invalid(`location must be an absolute folder path, not "${path}"`, { field: 'location' });
    let real: string;
    try {
      real = await realpath(path);
      if (!(await stat(real)).isDirectory()) throw new Error('not a directory');
    } catch {
      throw DomainError.invalid(`location ${path} is not a folder this server can read`, { field: 'location' });
    }
    // Judged by where it really is, so a symbolic link cannot lead out of the allowed folders.
    if (!(await isUnderAny(real, roots))) {
      throw DomainError.invalid(`location ${path} is outside the folders allowed by DYAD_SOURCE_FOLDERS`, { field: 'location' });
    }
    return real;
  }

  private async assertCountry(manager: EntityManager, code: string | null | undefined): Promise<void> {
    if (!code) return;
    if (!/^[A-Z]{2}$/.test(code)) {
      throw DomainError.invalid('publisherCountry must be an ISO 3166-1 alpha-2 code in upper case, e.g. "IR"', { field: 'publisherCountry' });
    }
    await assertKnownCountries(manager, [code], 'publisherCountry');
  }

  private async assertLocationFree(manager: EntityManager, location: string, exceptId: string | null): Promise<void> {
    const [row] = await manager.query(`SELECT id FROM source WHERE location = $1 AND ($2::uuid IS NULL OR id <> $2)`, [location, exceptId]);
    if (row) throw new DomainError(DomainErrorCode.Conflict, `source ${row.id} already watches ${location}`, { field: 'location', id: row.id });
  }
}

/** True when `path` (a real path) is one of `roots` or inside one. */
export async function isUnderAny(path: string, roots: readonly string[]): Promise<boolean> {
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => null);
    if (!realRoot) continue;
    const rel = relative(realRoot, path);
    if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))) return true;
  }
  return false;
}

function validFeedUrl(location: string): string {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw DomainError.invalid(`location is not a URL: "${location}"`, { field: 'location' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw DomainError.invalid(`location must be an http or https URL, not ${url.protocol}`, { field: 'location' });
  }
  // A password in a stored URL would be shown to every VIEWER.
  if (url.username || url.password) throw DomainError.invalid('location must not carry a user name or password', { field: 'location' });
  url.hash = '';
  return url.href;
}

function validPublisher(value: string): string {
  const publisher = typeof value === 'string' ? value.trim() : '';
  if (!publisher) throw DomainError.invalid('publisher is empty: name who publishes the source (e.g. "IRNA")', { field: 'publisher' });
  if (publisher.length > 300) throw DomainError.invalid('publisher is longer than 300 characters', { field: 'publisher' });
  if (publisher.includes('\0')) throw DomainError.invalid('publisher contains a NUL character', { field: 'publisher' });
  return publisher;
}

function validLanguage(value: string | null | undefined): string | null {
  if (value == null || value === '') return null;
  if (!(LANGUAGES as readonly string[]).includes(value)) {
    throw DomainError.invalid(`language must be one of ${LANGUAGES.join(', ')} (or null to detect it per item)`, { field: 'language' });
  }
  return value;
}

function validInterval(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_POLL_INTERVAL_MINUTES) {
    throw DomainError.invalid(`pollIntervalMinutes must be a whole number from 1 to ${MAX_POLL_INTERVAL_MINUTES} (a week)`, { field: 'pollIntervalMinutes' });
  }
  return value;
}

function assertAll(values: readonly string[], allowed: readonly string[], field: string): void {
  const bad = values.filter((v) => !allowed.includes(v));
  if (bad.length) throw DomainError.invalid(`${field} are ${allowed.join(', ')}, not ${bad.join(', ')}`, { field });
}

const describe = (s: Source) => ({
  kind: s.kind, location: s.location, publisher: s.publisher, language: s.language, publisherCountry: s.publisherCountryCode,
  pollIntervalMinutes: s.pollIntervalMinutes, state: s.state,
});
