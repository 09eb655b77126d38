import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

// The GraphQL-over-HTTP conformance audits of the graphql-http package, against the real server. Every
// request needs a key here, so the audits' fetch adds the admin key.
describe('GraphQL over HTTP conformance (graphql-http serverAudits)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const withKey: typeof fetch = (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${api.adminKey}`);
    return fetch(input, { ...init, headers });
  };

  for (const audit of serverAudits({ url: () => `${api.url}/graphql`, fetchFn: withKey })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      // MUST audits fail as "error"; SHOULD and MAY ones only warn or notice, which we print.
      if (result.status !== 'ok') console.warn(`graphql-http audit ${result.status}: ${result.id} ${result.name}: ${result.reason}`);
      expect(result.status, result.status === 'error' ? result.reason : undefined).not.toBe('error');
    });
  }
});
