import { createServer as createHttpServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { freePort } from '@dyad/database';
import { FETCH_FAILED } from '@dyad/ingestion';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltServer, startBuiltServer } from '../support/built-server.js';

// Finding 1 (SSRF): an analyst's URL made the server fetch anything, loopback included, and its errors told
// closed ports from open ones. Every target here is on this machine: the "internal service" on 127.0.0.1,
// and a stand-in for an allowed intranet host on 127.0.0.2 (DYAD_FETCH_ALLOW_PRIVATE=127.0.0.2/32).
const SECRET = `internal-secret-${Math.random().toString(36).slice(2)}`;
const ARTICLE = `<!doctype html><html lang="en"><head><title>Iran, Armenia sign transport MoU</title></head><body><article>
  <h1>Iran, Armenia sign transport MoU</h1><p>YEREVAN, March 3, 2026 – Iran and Armenia signed a memorandum of understanding on
  transport cooperation in Yerevan on 2 March 2026.</p></article></body></html>`;

const listen = <T extends Server | TcpServer>(server: T, host: string) =>
  new Promise<number>((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));

describe('the outbound-request guard (built server)', () => {
  let api: BuiltServer;
  let internal: Server;
  let intranet: Server;
  let notHttp: TcpServer;
  let internalHits = 0;
  let internalPort: number;
  let intranetPort: number;
  let notHttpPort: number;
  let closedPort: number;

  beforeAll(async () => {
    internal = createHttpServer((_req, res) => {
      internalHits++;
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><p>${SECRET} ${ARTICLE}</p></body></html>`);
    });
    internalPort = await listen(internal, '127.0.0.1');
    intranet = createHttpServer((req, res) => {
      if (req.url === '/page') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
      if (req.url === '/to-loopback') return res.writeHead(302, { location: `http://127.0.0.1:${internalPort}/secret` }).end();
      if (req.url === '/to-localhost') return res.writeHead(307, { location: `http://localhost:${internalPort}/secret` }).end();
      const hop = /^\/hop\/(\d+)$/.exec(req.url ?? '');
      if (hop) return res.writeHead(302, { location: `/hop/${Number(hop[1]) + 1}` }).end();
      res.writeHead(404).end('not here');
    });
    intranetPort = await listen(intranet, '127.0.0.2');
    notHttp = createTcpServer((socket) => socket.end('SSH-2.0-OpenSSH_9.2\r\n'));
    notHttpPort = await listen(notHttp, '127.0.0.2');
    closedPort = await freePort();
    api = await startBuiltServer({ env: { DYAD_FETCH_ALLOW_PRIVATE: '127.0.0.2/32' } });
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    for (const server of [internal, intranet, notHttp]) server?.close();
  });

  const preview = (url: string) => api.graphql<{ previewExtraction: { text: string } }>(
    'query($url: String!) { previewExtraction(input: {url: $url}) { text } }',
    { url },
  );

  const loopbackForms = () => [
    `http://127.0.0.1:${internalPort}/`,
    `http://localhost:${internalPort}/`,
    `http://LOCALHOST.:${internalPort}/`,
    `http://[::1]:${internalPort}/`,
    `http://[::ffff:127.0.0.1]:${internalPort}/`,
    `http://2130706433:${internalPort}/`,
    `http://0x7f000001:${internalPort}/`,
    `http://017700000001:${internalPort}/`,
    `http://127.1:${internalPort}/`,
    `http://0.0.0.0:${internalPort}/`,
  ];

  it('refuses every form of a loopback address with the one message, and never connects', async () => {
    for (const url of loopbackForms()) {
      const answer = await preview(url);
      expect(answer.errors?.[0], url).toMatchObject({ message: FETCH_FAILED, extensions: { code: 'BAD_USER_INPUT' } });
      expect(JSON.stringify(answer)).not.toContain(SECRET);
    }
    expect(internalHits).toBe(0);
  });

  it('ingests nothing from a loopback URL, so no one can read it later', async () => {
    for (const url of loopbackForms()) {
      const answer = await api.graphql('mutation($url: String!) { ingestNewsItem(input: {url: $url}) { status } }', { url });
      expect(answer.errors?.[0].message, url).toBe(FETCH_FAILED);
    }
    const stored = await api.graphql<{ newsItems: { totalCount: number } }>('{ newsItems { totalCount } }');
    expect(stored.data!.newsItems.totalCount).toBe(0);
    expect(internalHits).toBe(0);
  });

  it('fetches an allowed intranet host (so the refusals above are the guard, not a broken fetch)', async () => {
    const answer = await preview(`http://127.0.0.2:${intranetPort}/page`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.previewExtraction.text).toMatch(/memorandum of understanding on\s+transport/);
  });

  it('checks every redirect: an allowed host redirecting into loopback is refused', async () => {
    for (const path of ['/to-loopback', '/to-localhost']) {
      const answer = await preview(`http://127.0.0.2:${intranetPort}${path}`);
      expect(answer.errors?.[0].message).toBe(FETCH_FAILED);
      expect(JSON.stringify(answer)).not.toContain(SECRET);
    }
    expect(internalHits).toBe(0);
  });

  it('says the same for a closed port, a non-HTTP listener, a 404, too many redirects and a refused address', async () => {
    const messages = await Promise.all(
      [
        `http://127.0.0.2:${closedPort}/`,
        `http://127.0.0.2:${notHttpPort}/`,
        `http://127.0.0.2:${intranetPort}/missing`,
        `http://127.0.0.2:${intranetPort}/hop/0`,
        `http://127.0.0.1:${notHttpPort}/`,
      ].map(async (url) => (await preview(url)).errors?.[0].message),
    );
    expect(new Set(messages)).toEqual(new Set([FETCH_FAILED]));
    expect(FETCH_FAILED).not.toMatch(/\d{2,}|ECONN|socket|refused|127\./i);
  });

  it('refuses a scheme other than http(s) before fetching', async () => {
    for (const url of ['file:///etc/passwd', 'gopher://127.0.0.2:70/', 'ftp://127.0.0.2/']) {
      const answer = await preview(url);
      expect(answer.errors?.[0]).toMatchObject({ message: 'url must be http or https', extensions: { code: 'BAD_USER_INPUT' } });
    }
  });
});
