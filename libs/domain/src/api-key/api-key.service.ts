import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, DomainErrorCode } from '../shared/domain.error.js';
import type { Caller, RequestContext } from '../shared/request-context.js';
import { API_KEY_ROLES, type ApiKeyRole } from '../shared/vocabulary.js';
import { ApiKey } from './api-key.entity.js';

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

const ROLE_LEVEL: Record<ApiKeyRole, number> = { VIEWER: 0, ANALYST: 1, ADMIN: 2 };

/** VIEWER reads, ANALYST also writes, ADMIN also manages keys and reads the audit log. */
export function roleAllows(role: ApiKeyRole, required: ApiKeyRole): boolean {
  return ROLE_LEVEL[role] >= ROLE_LEVEL[required];
}

// Keys are used as often as requests arrive; `last_used_at` needs minute precision, not a write per request.
const LAST_USED_RESOLUTION_MS = 60_000;
/**
 * How long a checked key is trusted without asking the database again. Revoking a key through this server clears
 * it at once; a revocation made by another process (`dyad keys revoke`) takes effect within this time.
 */
export const API_KEY_CACHE_MS = 10_000;
const API_KEY_CACHE_MAX = 10_000;

interface CachedKey {
  caller: Caller;
  lastUsedAt: number;
  until: number;
}

@Injectable()
export class ApiKeyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // hash → a key checked less than API_KEY_CACHE_MS ago: one SQL statement less on every request
  private readonly cache = new Map<string, CachedKey>();

  // moves on at every revocation: a lookup that started before one does not cache what it read
  private generation = 0;

  private forget(keyId: string): void {
    this.generation++;
    for (const [hash, entry] of this.cache) if (entry.caller.keyId === keyId) this.cache.delete(hash);
  }

  /** Creates a key and returns it in clear text, the only time it is ever shown. */
  async create(ctx: RequestContext, role: ApiKeyRole, label: string): Promise<{ key: string; apiKey: ApiKey }> {
    if (!API_KEY_ROLES.includes(role)) throw DomainError.invalid(`role must be one of ${API_KEY_ROLES.join(', ')}`);
    const trimmed = label.trim();
    if (!trimmed || trimmed.length > 200) throw DomainError.invalid('label must be 1 to 200 characters');
    const key = `dyad_${randomBytes(24).toString('base64url')}`;
    return this.dataSource.transaction(async (manager) => {
      const apiKey = await manager.save(
        manager.create(ApiKey, { hash: hashApiKey(key), prefix: key.slice(0, 12), role, label: trimmed }),
      );
      await this.audit.record(ctx, manager, { action: 'apiKey.create', entityType: 'ApiKey', entityId: apiKey.id, after: describe(apiKey) });
      return { key, apiKey };
    });
  }

  /** Makes sure `key` exists as an active admin key (DYAD_ADMIN_KEY for scripts and CI). */
  async ensureAdminKey(ctx: RequestContext, key: string, label: string): Promise<ApiKey> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(ApiKey, { where: { hash: hashApiKey(key) } });
      if (existing && !existing.revokedAt && existing.role === 'ADMIN') return existing;
      const before = existing ? describe(existing) : null;
      const apiKey = existing ?? manager.create(ApiKey, { hash: hashApiKey(key), prefix: key.slice(0, 12), label });
      Object.assign(apiKey, { role: 'ADMIN', revokedAt: null });
      await manager.save(apiKey);
      this.forget(apiKey.id);
      await this.audit.record(ctx, manager, { action: 'apiKey.ensureAdmin', entityType: 'ApiKey', entityId: apiKey.id, before, after: describe(apiKey) });
      return apiKey;
    });
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(ApiKey).count();
  }

  list(_ctx: RequestContext): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiKey> {
    return this.dataSource.transaction(async (manager) => {
      const apiKey = await manager.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!apiKey) throw DomainError.notFound('API key', id);
      if (apiKey.revokedAt) throw new DomainError(DomainErrorCode.Conflict, `API key ${id} is already revoked`);
      const before = describe(apiKey);
      apiKey.revokedAt = new Date();
      await manager.save(apiKey);
      // before the commit too: no request may pass on the cached key once the revocation is acknowledged
      this.forget(id);
      await this.audit.record(ctx, manager, { action: 'apiKey.revoke', entityType: 'ApiKey', entityId: id, before, after: describe(apiKey) });
      return apiKey;
    }).finally(() => this.forget(id));
  }

  /** The caller a bearer key stands for, or null for an unknown or revoked key. */
  async authenticate(key: string): Promise<Caller | null> {
    const hash = hashApiKey(key);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) {
      await this.touch(cached, now);
      return cached.caller;
    }
    this.cache.delete(hash);
    const generation = this.generation;
    const apiKey = await this.dataSource.getRepository(ApiKey).findOne({ where: { hash, revokedAt: IsNull() } });
    if (!apiKey) return null;
    const entry: CachedKey = { caller: { keyId: apiKey.id, role: apiKey.role }, lastUsedAt: apiKey.lastUsedAt?.getTime() ?? 0, until: now + API_KEY_CACHE_MS };
    if (this.cache.size >= API_KEY_CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
    if (generation === this.generation) this.cache.set(hash, entry);
    await this.touch(entry, now);
    return entry.caller;
  }

  private async touch(entry: CachedKey, now: number): Promise<void> {
    if (now - entry.lastUsedAt <= LAST_USED_RESOLUTION_MS) return;
    entry.lastUsedAt = now;
    await this.dataSource.getRepository(ApiKey).update(entry.caller.keyId, { lastUsedAt: new Date(now) });
  }
}

const describe = (apiKey: ApiKey) => ({
  id: apiKey.id,
  prefix: apiKey.prefix,
  role: apiKey.role,
  label: apiKey.label,
  revokedAt: apiKey.revokedAt,
});
