import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

describe('GraphQL over HTTP: keys and roles', () => {
  let api: TestApi;
  let viewerKey: string;

  beforeAll(async () => {
    api = await startTestApi();
    const created = await api.graphql<{ createApiKey: { key: string } }>(
      `mutation { createApiKey(role: VIEWER, label: "reader") { key apiKey { role } } }`,
    );
    viewerKey = created.data!.createApiKey.key;
  });
  afterAll(() => api.close());

  it('refuses a request without a key as UNAUTHENTICATED, introspection included', async () => {
    for (const query of ['{ countries { code } }', '{ __schema { queryType { name } } }']) {
      const response = await api.graphql(query, undefined, null);
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses an unknown key and a malformed header', async () => {
    expect((await api.graphql('{ countries { code } }', undefined, 'dyad_unknown')).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ countries { code } }' }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(body.errors[0].message).toMatch(/Bearer/);
  });

  it('serves countries with names in English, Persian and Russian to a viewer', async () => {
    const response = await api.graphql<{ countries: Record<string, string>[] }>(
      `{ countries(codes: ["IR", "KZ"]) { code alpha3 name nameFa nameRu } }`,
      undefined,
      viewerKey,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.countries).toEqual([
      expect.objectContaining({ code: 'IR', alpha3: 'IRN', nameFa: 'ایران', nameRu: 'Иран' }),
      expect.objectContaining({ code: 'KZ', name: 'Kazakhstan', nameFa: 'قزاقستان', nameRu: 'Казахстан' }),
    ]);
    const all = await api.graphql<{ countries: unknown[] }>('{ countries { code } }', undefined, viewerKey);
    expect(all.data!.countries.length).toBeGreaterThanOrEqual(249);
  });

  it('answers a bad argument with BAD_USER_INPUT and a message naming it', async () => {
    const response = await api.graphql('{ countries(codes: ["iran"]) { code } }');
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('iran');
  });

  it('gives a viewer FORBIDDEN on admin operations, and changes nothing', async () => {
    const list = await api.graphql('{ apiKeys { id } }', undefined, viewerKey);
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const create = await api.graphql('mutation { createApiKey(role: ADMIN, label: "sneaky") { key } }', undefined, viewerKey);
    expect(create.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const keys = await api.graphql<{ apiKeys: { label: string }[] }>('{ apiKeys { label } }');
    expect(keys.data!.apiKeys.map((key) => key.label)).not.toContain('sneaky');
  });

  it('lets an admin revoke a key, which stops working at once', async () => {
    const created = await api.graphql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      'mutation { createApiKey(role: ANALYST, label: "temp") { key apiKey { id } } }',
    );
    const { key, apiKey } = created.data!.createApiKey;
    expect((await api.graphql('{ countries(codes: ["IR"]) { code } }', undefined, key)).errors).toBeUndefined();
    await api.graphql('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id });
    expect((await api.graphql('{ countries { code } }', undefined, key)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never sends a stack trace', async () => {
    const response = await api.graphql('mutation { revokeApiKey(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(response)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('reports health: only ok to anyone, and database up, migrations current to a caller with a key', async () => {
    const anonymous = await fetch(`${api.url}/health`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ status: 'ok' });
    const withKey = await fetch(`${api.url}/health`, { headers: { authorization: `Bearer ${api.adminKey}` } });
    expect(await withKey.json()).toEqual({ status: 'ok', database: 'up', migrations: 'current' });
  });
});
