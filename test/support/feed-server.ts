import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local HTTP server serving feeds for watched-source tests: each path answers what its handler says,
// with ETag / Last-Modified and 304s when asked, and every request is recorded.

export interface FeedItem {
  id: string;
  title: string;
  text: string;
  /** YYYY-MM-DD */
  date: string;
  url?: string | null;
}

const COUNTRIES = [
  ['Kazakhstan', 'Astana'], ['Armenia', 'Yerevan'], ['Turkey', 'Ankara'], ['Russia', 'Moscow'], ['China', 'Beijing'],
  ['India', 'New Delhi'], ['Iraq', 'Baghdad'], ['Serbia', 'Belgrade'], ['Brazil', 'Brasilia'], ['Oman', 'Muscat'],
] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SECTORS = ['cinema', 'trade', 'energy', 'education', 'tourism', 'agriculture', 'health', 'transport'];

/** A news item whose text names Iran, a partner and the day, different for every `n` (and `seed`). */
export function newsItem(n: number, seed = 'f'): FeedItem {
  const [country, city] = COUNTRIES[n % COUNTRIES.length];
  const sector = SECTORS[Math.floor(n / COUNTRIES.length) % SECTORS.length];
  const day = (n % 28) + 1;
  const month = Math.floor(n / 28) % 12;
  const year = 2020 + (Math.floor(n / 336) % 6);
  const date = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return {
    id: `${seed}-${n}`,
    title: `Iran and ${country} discuss ${sector} cooperation (${seed} ${n})`,
    date,
    url: `https://news.example.org/${seed}/${n}`,
    text:
      `${city.toUpperCase()}, ${MONTHS[month]} ${day}, ${year} – The foreign ministers of Iran and ${country} met in ${city} on ${day} ${MONTHS[month]} ${year} ` +
      `to discuss ${sector} cooperation, report number ${seed}-${n}. They agreed to sign a memorandum of understanding on ${sector} in the near future.`,
  };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rfc822 = (date: string) => new Date(`${date}T09:00:00Z`).toUTCString();

export function rss(items: FeedItem[], extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test Agency</title><language>en</language>${extra}
${items
  .map(
    (i) => `<item><title>${escape(i.title)}</title>${i.url ? `<link>${i.url}</link>` : ''}<guid isPermaLink="false">${i.id}</guid>` +
      `<pubDate>${rfc822(i.date)}</pubDate><description>${escape(i.text)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export function atom(items: FeedItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Atom Agency</title>
${items
  .map((i) => `<entry><title>${escape(i.title)}</title>${i.url ? `<link rel="alternate" href="${i.url}"/>` : ''}<id>${i.id}</id>` +
    `<published>${i.date}T08:00:00+03:30</published><content type="text">${escape(i.text)}</content></entry>`)
  .join('\n')}
</feed>`;
}

export function jsonFeed(items: FeedItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'JSON Agency',
    language: 'en',
    items: items.map((i) => ({ id: i.id, url: i.url ?? undefined, title: i.title, content_text: i.text, date_published: `${i.date}T10:00:00Z` })),
  });
}

export function jsonLines(items: FeedItem[]): string {
  return items.map((i) => JSON.stringify({ url: i.url ?? null, title: i.title, text: i.text, publishedAt: i.date })).join('\n') + '\n';
}

export interface Route {
  /** The body and type to serve now; a number answers that HTTP status instead. */
  body: () => { type: string; body: string } | number;
  /** Send an ETag (a hash of the body) and answer If-None-Match with 304. */
  etag?: boolean;
  /** Send Last-Modified (fixed per body) and answer If-Modified-Since with 304. */
  lastModified?: boolean;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
}

export interface FeedServer {
  /** http://127.0.0.1:port */
  url: string;
  routes: Map<string, Route>;
  requests: { path: string; headers: IncomingHttpHeaders; status: number }[];
  close(): Promise<void>;
}

export async function startFeedServer(host = '127.0.0.1'): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: FeedServer['requests'] = [];
  const modified = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const route = routes.get(path);
    const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
      requests.push({ path, headers: req.headers, status });
      res.writeHead(status, headers).end(body);
    };
    const respond = () => {
      if (!route) return answer(404, {}, 'not here');
      const served = route.body();
      if (typeof served === 'number') return answer(served, {}, 'failing on purpose');
      const headers: Record<string, string> = { 'content-type': served.type };
      const hash = createHash('sha256').update(served.body).digest('hex').slice(0, 16);
      if (route.etag) {
        headers.etag = `"${hash}"`;
        if (req.headers['if-none-match'] === headers.etag) return answer(304, headers);
      }
      if (route.lastModified) {
        if (!modified.has(hash)) modified.set(hash, new Date(Date.now() - 1000 * (1000 - modified.size)).toUTCString());
        headers['last-modified'] = modified.get(hash)!;
        if (req.headers['if-modified-since'] === headers['last-modified']) return answer(304, headers);
      }
      answer(200, headers, served.body);
    };
    if (route?.delayMs) setTimeout(respond, route.delayMs);
    else respond();
  });
  const port = await new Promise<number>((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));
  return {
    url: `http://${host}:${port}`,
    routes,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
