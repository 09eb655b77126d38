import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltServer, startBuiltServer } from '../support/built-server.js';

// Finding 8: 1,000 wrong keys at 130 requests/s, and never a 429; no nosniff on /graphql.
describe('rate limits (built server, small limits set for the test)', () => {
  let api: BuiltServer;

  beforeAll(async () => {
    api = await startBuiltServer({
      env: { DYAD_RATE_LIMIT_FAILED_AUTH: '5', DYAD_RATE_LIMIT_PER_KEY: '30', DYAD_RATE_LIMIT_PER_ADDRESS: '200' },
    });
  }, 180_000);
  afterAll(() => api?.close());

  const query = '{ countries(codes: ["IR"]) { code } }';

  it('a key makes at most DYAD_RATE_LIMIT_PER_KEY requests a minute, then 429 with Retry-After', async () => {
    const created = await api.graphql<{ createApiKey: { key: string } }>('mutation { createApiKey(role: VIEWER, label: "busy") { key } }');
    const key = created.data!.createApiKey.key;
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push(await api.graphql(query, {}, key));
    expect(answers.slice(0, 30).every((answer) => answer.status === 200)).toBe(true);
    const refused = answers[30];
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/too many requests with this API key/) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another key is not held back by this one.
    expect((await api.graphql(query)).status).toBe(200);
  });

  it('after DYAD_RATE_LIMIT_FAILED_AUTH wrong keys an address gets 429 for every request, a valid key too', async () => {
    for (let i = 0; i < 5; i++) {
      const wrong = await api.graphql(query, {}, `wrong-key-${i}`);
      expect(wrong.status).toBe(401);
      expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    for (const key of ['wrong-key-6', api.adminKey]) {
      const refused = await api.graphql(query, {}, key);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/too many failed authentications/) });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
    }
    const health = await fetch(`${api.url}/health`, { headers: { authorization: 'Bearer wrong-key-7' } });
    expect(health.status).toBe(429);
    expect(health.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('one address makes at most DYAD_RATE_LIMIT_PER_ADDRESS requests a minute on any route', async () => {
    let status = 200;
    let response: Response | undefined;
    for (let i = 0; i < 250 && status !== 429; i++) {
      response = await fetch(`${api.url}/health`);
      status = response.status;
    }
    expect(status).toBe(429);
    expect(Number(response!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(response!.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('X-Content-Type-Options: nosniff on every response (built server)', () => {
  let api: BuiltServer;
  beforeAll(async () => {
    api = await startBuiltServer();
  }, 180_000);
  afterAll(() => api?.close());

  it.each([
    ['a GraphQL answer', () => fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminKey}` }, body: '{"query":"{ countries(codes: [\\"IR\\"]) { code } }"}' })],
    ['a GraphQL error', () => fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ countries { code } }"}' })],
    ['a GraphQL GET', () => fetch(`${api.url}/graphql?query=%7B__typename%7D`, { headers: { authorization: `Bearer ${api.adminKey}` } })],
    ['/health', () => fetch(`${api.url}/health`)],
    ['the dashboard', () => fetch(`${api.url}/`)],
    ['GraphiQL', () => fetch(`${api.url}/graphiql`)],
    ['a 404', () => fetch(`${api.url}/no/such/page`)],
  ])('%s', async (_name, request) => {
    expect((await request()).headers.get('x-content-type-options')).toBe('nosniff');
  });
});
