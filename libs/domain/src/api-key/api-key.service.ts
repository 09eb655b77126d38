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

@Injectable()
export class ApiKeyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

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
      await this.audit.record(ctx, manager, { action: 'apiKey.revoke', entityType: 'ApiKey', entityId: id, before, after: describe(apiKey) });
      return apiKey;
    });
  }

  /** The caller a bearer key stands for, or null for an unknown or revoked key. */
  async authenticate(key: string): Promise<Caller | null> {
    const apiKey = await this.dataSource
      .getRepository(ApiKey)
      .findOne({ where: { hash: hashApiKey(key), revokedAt: IsNull() } });
    if (!apiKey) return null;
    const now = Date.now();
    if (!apiKey.lastUsedAt || now - apiKey.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.dataSource.getRepository(ApiKey).update(apiKey.id, { lastUsedAt: new Date(now) });
    }
    return { keyId: apiKey.id, role: apiKey.role };
  }
}

const describe = (apiKey: ApiKey) => ({
  id: apiKey.id,
  prefix: apiKey.prefix,
  role: apiKey.role,
  label: apiKey.label,
  revokedAt: apiKey.revokedAt,
});
