import { AnalyticsService } from '@dyad/analytics';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } & unknown[];
}

const STACK_FRAME = /\bat .*[\w)]:\d+(:\d+)?/;

describe('GraphQL limits', () => {
  let api: TestApi;
  let dyads: ReturnType<typeof vi.spyOn>;

  async function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminKey}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), text, body: JSON.parse(text) };
  }

  // 2 + first × (nodes 2 + edges 3) per alias: 10 aliases at first 100 cost 5,020.
  const tenDyads = (first: string) =>
    Array.from({ length: 10 }, (_, i) => `d${i}: dyads(first: ${first}) { nodes { countries { code } } edges { node { countries { code } } } }`).join(' ');

  beforeAll(async () => {
    api = await startTestApi();
    dyads = vi.spyOn(api.server.app.get(AnalyticsService, { strict: false }), 'dyads');
  });
  afterEach(() => dyads.mockClear());
  afterAll(() => api.close());

  it('refuses a query deeper than 10 levels', async () => {
    const answer = await post({ query: '{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }' });
    expect(answer.body.errors?.[0]).toMatchObject({
      message: 'query depth 11 exceeds the limit of 10; ask for fewer nested levels',
      extensions: { code: 'BAD_USER_INPUT', limit: 'depth', depth: 11, maxDepth: 10 },
    });
  });

  it('refuses more than 30 aliases', async () => {
    const query = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect((await post({ query })).body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'aliases', aliases: 31 });
    expect((await post({ query: query.replace('a30: __typename', '') })).body.errors).toBeUndefined();
  });

  it('refuses a query over the cost limit before any resolver (or SQL) runs', async () => {
    const answer = await post({ query: `{ ${tenDyads('100')} }` });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: 'query cost 5020 exceeds the limit of 5000; ask for fewer items with `first` or fewer nested connections',
          extensions: { code: 'BAD_USER_INPUT', limit: 'cost', cost: 5020, maxCost: 5000 },
        }),
      ],
    });
    expect(dyads).not.toHaveBeenCalled();

    const cheaper = await post({ query: `{ ${tenDyads('99')} }` });
    expect(cheaper.body.errors).toBeUndefined();
    expect(dyads).toHaveBeenCalledTimes(10);
  });

  it('prices `first` from the variables, on every request of the same query text', async () => {
    const query = `query($n: Int) { ${tenDyads('$n')} }`;
    // Mercurius caches and JIT-compiles a query text after its first runs; the cost must still be checked.
    for (let round = 0; round < 3; round++) {
      expect((await post({ query, variables: { n: 10 } })).body.errors).toBeUndefined();
      expect((await post({ query, variables: { n: 100 } })).body.errors?.[0].extensions).toMatchObject({ limit: 'cost', cost: 5020 });
    }
    expect(dyads).toHaveBeenCalledTimes(30);
  });

  it('runs up to 10 batched operations and refuses 11 with one clear error', async () => {
    const ten = await post(Array.from({ length: 10 }, () => ({ query: '{ countries(codes: ["IR"]) { code } }' })));
    expect(ten.status).toBe(200);
    expect(ten.body).toHaveLength(10);
    expect(ten.body[9]).toEqual({ data: { countries: [{ code: 'IR' }] } });

    const eleven = await post(Array.from({ length: 11 }, () => ({ query: '{ __typename }' })));
    expect(eleven.status).toBe(400);
    expect(eleven.body.errors).toEqual([
      {
        message: 'the batch has 11 operations, over the limit of 10; send fewer per request',
        extensions: { code: 'BAD_USER_INPUT', limit: 'batch', operations: 11, maxBatchOperations: 10 },
      },
    ]);
    const anonymous = await post(Array.from({ length: 11 }, () => ({ query: '{ __typename }' })), { authorization: '' });
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('takes a 5 MB body and refuses one over 6 MB with a clear 413', async () => {
    const query = 'query($name: String!) { __type(name: $name) { name } }';
    const fiveMb = await post({ query, variables: { name: 'x'.repeat(5 * 1024 * 1024) } });
    expect(fiveMb.status).toBe(200);
    expect(fiveMb.body).toEqual({ data: { __type: null } });

    const sevenMb = await post({ query, variables: { name: 'x'.repeat(7 * 1024 * 1024) } });
    expect(sevenMb.status).toBe(413);
    expect(sevenMb.body.errors?.[0]).toEqual({
      message: 'request body is larger than the limit of 6 MB; send less (e.g. split a batch)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses a document of more than 20,000 tokens before validating it', async () => {
    const answer = await post({ query: `{ ${'__typename '.repeat(20_001)}}` });
    expect(answer.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/tokens/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it.each([
    ['malformed JSON', { body: '{"query": ', type: 'application/json' }, 400],
    ['an unsupported content type', { body: '<query/>', type: 'application/xml' }, 415],
    ['a text/plain body', { body: '{ __typename }', type: 'text/plain' }, 415],
    ['a query that is not a string', { body: JSON.stringify({ query: 42 }), type: 'application/json' }, 400],
    ['variables that are not an object', { body: JSON.stringify({ query: '{ __typename }', variables: [1] }), type: 'application/json' }, 400],
    ['a syntax error', { body: JSON.stringify({ query: '{ countries { code }' }), type: 'application/json' }, 200],
    ['an unknown field', { body: JSON.stringify({ query: '{ nope }' }), type: 'application/json' }, 200],
    ['a bad variable', { body: JSON.stringify({ query: 'query($c: [String!]) { countries(codes: $c) { code } }', variables: { c: 5 } }), type: 'application/json' }, 200],
  ])('answers %s with a coded GraphQL error and no stack', async (_name, { body, type }, status) => {
    const answer = await post(body, { 'content-type': type });
    expect(answer.status).toBe(status);
    expect(answer.body.errors?.length).toBeGreaterThan(0);
    for (const error of answer.body.errors ?? []) expect(error.extensions?.code).toEqual(expect.any(String));
    expect(answer.text).not.toMatch(STACK_FRAME);
    expect(answer.text).not.toMatch(/stack/i);
  });

  it('refuses a mutation over GET with 405 and a coded error', async () => {
    const query = encodeURIComponent('mutation { revokeApiKey(id: "00000000-0000-4000-8000-000000000000") { id } }');
    const response = await fetch(`${api.url}/graphql?query=${query}`, { headers: { authorization: `Bearer ${api.adminKey}` } });
    expect(response.status).toBe(405);
    expect(((await response.json()) as Answer['body']).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers an unknown path or method with a coded 404, not a 500', async () => {
    for (const [method, path] of [['GET', '/no-such-page'], ['PUT', '/graphql'], ['GET', '/graphql/x']]) {
      const response = await fetch(`${api.url}${path}`, { method, headers: { authorization: `Bearer ${api.adminKey}` } });
      const text = await response.text();
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(text).toContain('"NOT_FOUND"');
      expect(text).not.toMatch(STACK_FRAME);
    }
  });

  it('serves queries over GET', async () => {
    const query = encodeURIComponent('{ countries(codes: ["KZ"]) { code } }');
    const response = await fetch(`${api.url}/graphql?query=${query}`, { headers: { authorization: `Bearer ${api.adminKey}` } });
    expect(await response.json()).toEqual({ data: { countries: [{ code: 'KZ' }] } });
  });

  it('speaks application/graphql-response+json when asked: request errors are 400 without data', async () => {
    const accept = { accept: 'application/graphql-response+json, application/json;q=0.9' };
    const ok = await post({ query: '{ __typename }' }, accept);
    expect(ok.contentType).toMatch(/^application\/graphql-response\+json/);
    const invalid = await post({ query: '{ nope }' }, accept);
    expect(invalid.status).toBe(400);
    expect(invalid.body).not.toHaveProperty('data');
    expect(invalid.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
