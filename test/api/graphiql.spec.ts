import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLE_QUERY } from '../../apps/api/src/graphiql/graphiql-page.js';
import { startTestApi, type TestApi } from '../support/api.js';

describe('GraphiQL at /graphiql, from our own bundle', () => {
  let api: TestApi;
  let html: string;
  let pageHeaders: Headers;

  beforeAll(async () => {
    api = await startTestApi();
    const response = await fetch(`${api.url}/graphiql`);
    expect(response.status).toBe(200);
    pageHeaders = response.headers;
    html = await response.text();
  });
  afterAll(() => api.close());

  const assetUrls = () => [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);

  it('serves an HTML page whose CSP allows only this origin and no inline script', () => {
    expect(pageHeaders.get('content-type')).toMatch(/^text\/html/);
    const csp = pageHeaders.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/); // every script has a src and no body
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('references only same-origin assets (no CDN)', () => {
    const urls = assetUrls();
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const url of urls) expect(url).toMatch(/^\/graphiql\//);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves every asset it references with a JavaScript or CSS content type', async () => {
    for (const url of assetUrls()) {
      const response = await fetch(`${api.url}${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await response.arrayBuffer()).byteLength, url).toBeGreaterThan(100);
    }
  });

  it('ships the GraphiQL, React and ReactDOM UMD builds, and a page script that sends the key as a Bearer token', async () => {
    const text = (path: string) => fetch(`${api.url}/graphiql/${path}`).then((response) => response.text());
    expect(await text('graphiql.min.js')).toMatch(/GraphiQL/);
    expect(await text('react.production.min.js')).toMatch(/react\.production\.min\.js/);
    expect(await text('react-dom.production.min.js')).toMatch(/react-dom\.production\.min\.js/);
    const page = await text('page.js');
    expect(page).toContain("'Bearer ' + key");
    expect(page).toContain("params.get('key')");
    expect(page).toContain('localStorage');
  });

  it('opens on an example query that the API answers', async () => {
    const page = await fetch(`${api.url}/graphiql/page.js`).then((response) => response.text());
    expect(page).toContain(`defaultQuery: ${JSON.stringify(GRAPHIQL_EXAMPLE_QUERY)}`);
    const answer = await api.graphql<{ meetings: { totalCount: number } }>(GRAPHIQL_EXAMPLE_QUERY);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.meetings.totalCount).toBeTypeOf('number');
  });

  it('serves nothing else from node_modules', async () => {
    for (const path of ['package.json', '..%2Fpackage.json', 'graphiql.min.js.map', 'react.development.js']) {
      expect((await fetch(`${api.url}/graphiql/${path}`)).status, path).toBe(404);
    }
  });
});
