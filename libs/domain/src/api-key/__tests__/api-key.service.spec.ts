import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/database.js';
import { AuditEntry } from '../../audit/audit-entry.entity.js';
import { AuditService } from '../../audit/audit.service.js';
import { DomainError } from '../../shared/domain.error.js';
import { RequestContext } from '../../shared/request-context.js';
import { ApiKey } from '../api-key.entity.js';
import { API_KEY_CACHE_MS, ApiKeyService, hashApiKey, roleAllows } from '../api-key.service.js';

describe('ApiKeyService', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let keys: ApiKeyService;
  const ctx = RequestContext.system();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await database.connect();
    keys = new ApiKeyService(dataSource, new AuditService(dataSource));
  });
  afterAll(() => database.drop());

  it('stores only the hash of a new key and authenticates with it', async () => {
    const { key, apiKey } = await keys.create(ctx, 'ANALYST', 'desk officer');
    const row = await dataSource.getRepository(ApiKey).findOneByOrFail({ id: apiKey.id });
    expect(row.hash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
    expect(await keys.authenticate(key)).toEqual({ keyId: apiKey.id, role: 'ANALYST' });
  });

  it('records when a key was last used', async () => {
    const { key, apiKey } = await keys.create(ctx, 'VIEWER', 'reader');
    await keys.authenticate(key);
    const row = await dataSource.getRepository(ApiKey).findOneByOrFail({ id: apiKey.id });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });

  it('rejects an unknown key and a revoked one', async () => {
    const { key, apiKey } = await keys.create(ctx, 'VIEWER', 'to revoke');
    expect(await keys.authenticate('dyad_nope')).toBeNull();
    await keys.revoke(ctx, apiKey.id);
    expect(await keys.authenticate(key)).toBeNull();
  });

  it('checks a key from its short-lived cache, and a revocation through the service clears it at once', async () => {
    const { key, apiKey } = await keys.create(ctx, 'ANALYST', 'cached');
    expect(await keys.authenticate(key)).toEqual({ keyId: apiKey.id, role: 'ANALYST' });
    // a change the service does not see (another process) is not read again within the cache time
    await dataSource.query(`UPDATE api_key SET role = 'VIEWER' WHERE id = $1`, [apiKey.id]);
    expect(await keys.authenticate(key)).toEqual({ keyId: apiKey.id, role: 'ANALYST' });
    await keys.revoke(ctx, apiKey.id);
    expect(await keys.authenticate(key)).toBeNull();
  });

  it('reads the database again once the cache time has passed', async () => {
    const { key, apiKey } = await keys.create(ctx, 'VIEWER', 'expiring');
    expect(await keys.authenticate(key)).not.toBeNull();
    await dataSource.query(`UPDATE api_key SET revoked_at = now() WHERE id = $1`, [apiKey.id]);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + API_KEY_CACHE_MS + 1);
      expect(await keys.authenticate(key)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses to revoke a key twice or a key that does not exist', async () => {
    const { apiKey } = await keys.create(ctx, 'VIEWER', 'twice');
    await keys.revoke(ctx, apiKey.id);
    await expect(keys.revoke(ctx, apiKey.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(keys.revoke(ctx, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an empty label and changes nothing', async () => {
    const before = await keys.count();
    await expect(keys.create(ctx, 'VIEWER', '   ')).rejects.toBeInstanceOf(DomainError);
    expect(await keys.count()).toBe(before);
  });

  it('ensures DYAD_ADMIN_KEY as an active admin key, idempotently, even after a revoke', async () => {
    const secret = 'ci-admin-key-0123456789';
    const first = await keys.ensureAdminKey(ctx, secret, 'DYAD_ADMIN_KEY');
    expect(await keys.ensureAdminKey(ctx, secret, 'DYAD_ADMIN_KEY')).toMatchObject({ id: first.id });
    await keys.revoke(ctx, first.id);
    await keys.ensureAdminKey(ctx, secret, 'DYAD_ADMIN_KEY');
    expect(await keys.authenticate(secret)).toEqual({ keyId: first.id, role: 'ADMIN' });
  });

  it('writes an audit entry for every change', async () => {
    const { apiKey } = await keys.create(ctx, 'VIEWER', 'audited');
    await keys.revoke(ctx, apiKey.id);
    const entries = await dataSource.getRepository(AuditEntry).find({ where: { entityId: apiKey.id }, order: { id: 'ASC' } });
    expect(entries.map((entry) => entry.action)).toEqual(['apiKey.create', 'apiKey.revoke']);
    expect(entries[1].before).toMatchObject({ revokedAt: null });
  });

  it.each([
    ['VIEWER', 'VIEWER', true],
    ['VIEWER', 'ANALYST', false],
    ['ANALYST', 'ANALYST', true],
    ['ANALYST', 'ADMIN', false],
    ['ADMIN', 'ANALYST', true],
  ] as const)('%s may act as %s: %s', (role, required, allowed) => {
    expect(roleAllows(role, required)).toBe(allowed);
  });
});
