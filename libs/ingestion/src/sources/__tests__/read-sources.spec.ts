import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FETCH_FAILED } from '../fetch-url.js';
import { readSources } from '../read-sources.js';
import type { ReadSourcesOptions, SourceItem } from '../source-item.js';

const FIXTURES = 'test/fixtures/sources';
const fixture = (name: string) => join(FIXTURES, name);

// The test server listens on loopback, which only an explicit allowance lets the fetcher reach.
const LOCAL: ReadSourcesOptions = { allowPrivate: ['127.0.0.1/32'] };

async function collect(locations: string[], options?: ReadSourcesOptions): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(locations, options)) items.push(item);
  return items;
}

async function one(location: string, options?: ReadSourcesOptions): Promise<SourceItem> {
  const items = await collect([location], options);
  expect(items).toHaveLength(1);
  return items[0];
}

const inputOf = (item: SourceItem) => {
  if (!item.ok) throw new Error(`expected an item, got ${item.origin}: ${item.reason}`);
  return item.input;
};

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'dyad-sources-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('plain text files', () => {
  it('are one item each, the text kept exactly, the path as origin', async () => {
    const input = inputOf(await one(fixture('plain.txt')));
    expect(input.origin).toBe(fixture('plain.txt'));
    expect(input.text).toContain('تفاهم\u200cنامه');
    expect(input.text?.startsWith('\nدیدار')).toBe(true);
    expect(input.title ?? null).toBeNull();
  });

  it('take publishedAt and publisherCountry from the options', async () => {
    const input = inputOf(await one(fixture('plain.txt'), { publishedAt: '2025-04-13', publisherCountry: 'IR' }));
    expect(input).toMatchObject({ publishedAt: '2025-04-13', publisherCountry: 'IR' });
  });

  it('with an unknown extension are text too', async () => {
    const path = join(scratch, 'note.article');
    await writeFile(path, 'An item with an odd extension.');
    expect(inputOf(await one(path)).text).toBe('An item with an odd extension.');
  });

  it('holding a whole HTML page are read as HTML', async () => {
    const path = join(scratch, 'saved.txt');
    await writeFile(path, '<!DOCTYPE html><html><head><title>Saved</title></head><body><p>Saved page text.</p></body></html>');
    expect(inputOf(await one(path))).toMatchObject({ text: 'Saved page text.', title: 'Saved' });
  });
});

describe('HTML pages', () => {
  it('give the article text without the site chrome, in paragraphs', async () => {
    const { text } = inputOf(await one(fixture('page-with-chrome.html')));
    expect(text).toContain('ASTANA – Iran’s cultural counsellor');
    expect(text).toContain('cinema & film festivals.\n\nThe two sides proposed');
    for (const chrome of ['Politics', 'Share on', 'About Us', 'Most read', 'Something else', 'analytics', 'font-family']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('keep the title, canonical URL, publication day, publisher and language', async () => {
    const input = inputOf(await one(fixture('page-with-chrome.html')));
    expect(input).toMatchObject({
      title: 'Iran and Kazakhstan agree on joint film production',
      url: 'https://www.tehrantimes.com/news/1001/iran-kazakhstan-film',
      publishedAt: '2025-04-14',
      publisher: 'Tehran Times',
      language: 'en',
    });
  });

  it('do not take a default publishedAt over their own', async () => {
    const input = inputOf(await one(fixture('page-with-chrome.html'), { publishedAt: '2020-01-01' }));
    expect(input.publishedAt).toBe('2025-04-14');
  });

  it('fall back to <time datetime> and og:url', async () => {
    const path = join(scratch, 'time.html');
    await writeFile(
      path,
      '<html lang="ru"><head><meta property="og:url" content="https://tass.example/1"></head><body><article><time datetime="2025-06-01T10:00:00Z">1 июня</time><p>Текст статьи о переговорах.</p></article></body></html>',
    );
    expect(inputOf(await one(path))).toMatchObject({ url: 'https://tass.example/1', publishedAt: '2025-06-01', language: 'ru' });
  });

  it('leave the language unset when it is not fa, en or ru', async () => {
    const path = join(scratch, 'de.html');
    await writeFile(path, '<html lang="de"><body><p>Ein Text.</p></body></html>');
    expect(inputOf(await one(path)).language ?? null).toBeNull();
  });

  it('with no text are a failure', async () => {
    const path = join(scratch, 'empty.html');
    await writeFile(path, '<html><body><nav><a href="/">Home</a></nav></body></html>');
    expect(await one(path)).toEqual({ ok: false, origin: path, reason: 'no article text found in the HTML page' });
  });
});

describe('JSON Lines', () => {
  const lines = () => collect([fixture('items.jsonl')], { publishedAt: '2025-01-01', publisherCountry: 'IR' });

  it('give one item per line, numbered by line, blank lines skipped', async () => {
    const items = await lines();
    expect(items.map((item) => (item.ok ? item.input.origin : item.origin))).toEqual(
      [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => `${fixture('items.jsonl')}:${n}`),
    );
  });

  it('keep every field of a good line', async () => {
    expect(inputOf((await lines())[0])).toEqual({
      origin: `${fixture('items.jsonl')}:1`,
      url: 'https://en.example.com/a/1',
      title: 'Iran and Russia sign a transport MoU',
      text: 'Tehran and Moscow signed a memorandum on transport on Monday.',
      publishedAt: '2025-05-12',
      publisher: 'Example News',
      publisherCountry: 'GB',
      language: 'en',
    });
  });

  it('turn html into text when there is no text', async () => {
    const input = inputOf((await lines())[1]);
    expect(input.text).toContain('Iranian film days will open in Almaty & Astana next month.\n\nSecond paragraph.');
    expect(input.url).toBe('https://en.example.com/a/2');
  });

  it('report each bad line naming the field', async () => {
    const reasons = (await lines()).filter((item) => !item.ok).map((item) => (item.ok ? '' : item.reason));
    expect(reasons).toEqual([
      expect.stringMatching(/^publishedAt must be a real date.*"2025-02-30"/),
      expect.stringMatching(/^publisherCountry must be an ISO 3166-1 alpha-2 code.*"ir"/),
      expect.stringMatching(/^language must be one of fa, en, ru.*"de"/),
      expect.stringMatching(/^url must be an absolute http\(s\) URL.*"ftp:/),
      'text or html is required',
      expect.stringMatching(/^not valid JSON/),
      expect.stringMatching(/^unknown field "published_at"/),
      'title must be a string, got number',
    ]);
  });

  it('get the defaults only where a line has no value', async () => {
    const items = await lines();
    expect(inputOf(items[0])).toMatchObject({ publishedAt: '2025-05-12', publisherCountry: 'GB' });
    expect(inputOf(items[items.length - 1])).toMatchObject({ publishedAt: '2025-01-01', publisherCountry: 'IR' });
  });

  it('report an over-long line and go on with the next', async () => {
    const path = join(scratch, 'long.jsonl');
    await writeFile(path, `{"text":"${'x'.repeat(2000)}"}\n{"text":"short"}\n`);
    const items = await collect([path], { maxBytes: 1000 });
    expect(items[0]).toEqual({ ok: false, origin: `${path}:1`, reason: 'line is larger than 1000 bytes' });
    expect(inputOf(items[1]).text).toBe('short');
  });

  it('report a line that is not UTF-8', async () => {
    const path = join(scratch, 'latin1.jsonl');
    await writeFile(path, Buffer.concat([Buffer.from('{"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n{"text":"ok"}')]));
    const items = await collect([path]);
    expect(items[0]).toMatchObject({ ok: false, origin: `${path}:1`, reason: 'not valid UTF-8 text' });
    expect(inputOf(items[1]).text).toBe('ok');
  });
});

describe('RSS feeds', () => {
  const entries = () => collect([fixture('feed.rss')]);

  it('give one item per entry with link, title, day and the full content', async () => {
    expect(inputOf((await entries())[0])).toEqual({
      origin: `${fixture('feed.rss')}#1`,
      url: 'https://en.irna.ir/news/1',
      title: 'Iran, Kazakhstan to hold film week & workshops',
      publishedAt: '2025-04-13',
      text: 'Iran and Kazakhstan will hold a film week in Astana.\n\nWorkshops & master classes follow «soon».',
      language: 'en',
      publisher: 'IRNA English',
    });
  });

  it('read escaped HTML descriptions, dc:date, and keep a numeric title a string', async () => {
    expect(inputOf((await entries())[1])).toMatchObject({
      title: '2025',
      publishedAt: '2025-05-01',
      text: 'Escaped HTML in a description.\n\nSecond paragraph.',
    });
  });

  it('report an entry with no text', async () => {
    expect((await entries())[2]).toEqual({
      ok: false,
      origin: `${fixture('feed.rss')}#3`,
      reason: expect.stringMatching(/^feed entry has no text/),
    });
  });

  it('report malformed XML once for the feed', async () => {
    const path = join(scratch, 'broken.rss');
    await writeFile(path, '<rss version="2.0"><channel><item><title>x</title></channel></rss>');
    expect(await one(path)).toMatchObject({ ok: false, origin: path, reason: expect.stringMatching(/^malformed XML at line 1/) });
  });

  it('report XML that is not a feed', async () => {
    const path = join(scratch, 'sitemap.xml');
    await writeFile(path, '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
    expect(await one(path)).toEqual({ ok: false, origin: path, reason: 'XML but not an RSS or Atom feed' });
  });
});

describe('Atom feeds', () => {
  const entries = () => collect([fixture('feed.atom')]);

  it('take the alternate link, published day, html title and content', async () => {
    expect(inputOf((await entries())[0])).toEqual({
      origin: `${fixture('feed.atom')}#1`,
      url: 'https://tass.example/news/1',
      title: 'Россия и Иран «обсудили» энергетику',
      publishedAt: '2025-06-01',
      text: 'Министры энергетики России и Ирана провели переговоры в Москве.\n\nСтороны договорились подписать соглашение.',
      language: 'ru',
      publisher: 'ТАСС',
    });
  });

  it('fall back to updated and summary', async () => {
    expect(inputOf((await entries())[1])).toMatchObject({ publishedAt: '2025-06-02', text: 'Краткое содержание без разметки.' });
  });

  it('read xhtml content and an entry language', async () => {
    expect(inputOf((await entries())[2])).toMatchObject({ text: 'First paragraph.\n\nSecond paragraph.', language: 'en' });
  });
});

describe('directories', () => {
  it('are read recursively in name order, hidden files skipped, binaries reported', async () => {
    const items = await collect([fixture('tree')]);
    expect(items.map((item) => (item.ok ? ['ok', item.input.origin] : [item.reason, item.origin]))).toEqual([
      ['ok', fixture('tree/a.txt')],
      ['not a text, HTML, JSON Lines or feed file', fixture('tree/image.png')],
      ['ok', fixture('tree/sub/b.html')],
      ['not a text, HTML, JSON Lines or feed file', fixture('tree/sub/blob.dat')],
      ['ok', fixture('tree/sub/deeper/c.txt')],
    ]);
  });

  it('follow symlinks but not symlink loops', async () => {
    const root = join(scratch, 'loop');
    await mkdir(join(root, 'inner'), { recursive: true });
    await writeFile(join(root, 'inner', 'item.txt'), 'Loop item.');
    await symlink('..', join(root, 'inner', 'up'));
    await symlink('inner', join(root, 'same'));
    await symlink('missing.txt', join(root, 'broken.txt'));
    const items = await collect([root]);
    expect(items).toEqual([
      { ok: false, origin: join(root, 'broken.txt'), reason: 'broken symbolic link' },
      { ok: true, input: { origin: join(root, 'inner', 'item.txt'), text: 'Loop item.' } },
    ]);
  });
});

describe('bad locations', () => {
  it('a missing path is reported and the batch goes on', async () => {
    const items = await collect([join(scratch, 'nope.txt'), fixture('tree/a.txt')]);
    expect(items[0]).toEqual({ ok: false, origin: join(scratch, 'nope.txt'), reason: 'not found' });
    expect(items[1].ok).toBe(true);
  });

  it('an empty or whitespace-only file is reported', async () => {
    await writeFile(join(scratch, 'empty.txt'), '');
    await writeFile(join(scratch, 'blank.txt'), ' \n\t\n');
    expect(await one(join(scratch, 'empty.txt'))).toMatchObject({ ok: false, reason: 'empty file' });
    expect(await one(join(scratch, 'blank.txt'))).toMatchObject({ ok: false, reason: 'empty (whitespace only)' });
  });

  it('a binary file named explicitly is reported as binary', async () => {
    expect(await one(fixture('tree/sub/blob.dat'))).toMatchObject({ ok: false, reason: expect.stringMatching(/NUL bytes/) });
  });

  it('a file that is not UTF-8 is reported', async () => {
    const path = join(scratch, 'cp1256.txt');
    await writeFile(path, Buffer.from([0xe3, 0xc7, 0xe4, 0x20, 0x41]));
    expect(await one(path)).toEqual({ ok: false, origin: path, reason: 'not valid UTF-8 text' });
  });

  it('a file over the size limit is reported without being read', async () => {
    const path = join(scratch, 'big.txt');
    await writeFile(path, 'x'.repeat(2048));
    expect(await one(path, { maxBytes: 1024 })).toMatchObject({ ok: false, reason: expect.stringMatching(/^larger than 1024 bytes/) });
  });

  it('an unreadable file is reported', async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const path = join(scratch, 'secret.txt');
    await writeFile(path, 'secret');
    await chmod(path, 0o000);
    expect(await one(path)).toMatchObject({ ok: false, reason: 'permission denied' });
  });

  it('a URL scheme other than http(s) is refused', async () => {
    expect(await one('ftp://example.com/feed.xml')).toMatchObject({ ok: false, reason: expect.stringMatching(/only http and https/) });
  });
});

describe('URLs', () => {
  let server: Server;
  let base: string;
  const routes: Record<string, (res: import('node:http').ServerResponse) => void> = {
    '/page': (res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<html lang="fa"><head><title>خبر</title></head><body><nav><a href="/">خانه</a></nav><article><p>متن خبر.</p></article></body></html>');
    },
    '/feed': (res) => {
      res.setHeader('content-type', 'application/rss+xml');
      res.end('<rss version="2.0"><channel><title>F</title><item><title>T</title><link>/items/1</link><description>Body.</description></item></channel></rss>');
    },
    '/plain': (res) => {
      res.setHeader('content-type', 'text/plain');
      res.end('Plain text from a server.');
    },
    '/cp1256': (res) => {
      res.setHeader('content-type', 'text/plain; charset=windows-1256');
      res.end(Buffer.from([0xe3, 0xc7, 0xe4]));
    },
    '/image': (res) => {
      res.setHeader('content-type', 'image/png');
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    },
    '/big': (res) => {
      res.setHeader('content-type', 'text/plain');
      res.write('x'.repeat(1500));
      res.end('y'.repeat(1500));
    },
    '/slow': (res) => {
      res.setHeader('content-type', 'text/plain');
      res.write('starting…');
      setTimeout(() => res.end('done'), 2000).unref();
    },
    '/redirect': (res) => {
      res.statusCode = 302;
      res.setHeader('location', '/plain');
      res.end();
    },
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const route = routes[req.url ?? ''];
      if (route) return route(res);
      res.statusCode = 404;
      res.end('not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('an HTML page is read as a page, its URL kept', async () => {
    expect(inputOf(await one(`${base}/page`, LOCAL))).toEqual({
      origin: `${base}/page`,
      url: `${base}/page`,
      title: 'خبر',
      text: 'متن خبر.',
      language: 'fa',
    });
  });

  it('a feed gives its entries, relative links resolved against the feed URL', async () => {
    expect(inputOf(await one(`${base}/feed`, LOCAL))).toMatchObject({ origin: `${base}/feed#1`, url: `${base}/items/1`, text: 'Body.', publisher: 'F' });
  });

  it('text/plain is one text item, after redirects', async () => {
    expect(inputOf(await one(`${base}/redirect`, LOCAL))).toEqual({ origin: `${base}/redirect`, url: `${base}/plain`, text: 'Plain text from a server.' });
  });

  it('the declared charset is honoured', async () => {
    expect(inputOf(await one(`${base}/cp1256`, LOCAL)).text).toBe('مان');
  });

  it('an HTTP error, an oversized body and a timeout say only that the URL could not be fetched; the cause is the detail', async () => {
    const items = await collect([`${base}/missing`, `${base}/big`, `${base}/slow`], { ...LOCAL, maxBytes: 2000, timeoutMs: 300 });
    expect(items.map((item) => !item.ok && item.reason)).toEqual([FETCH_FAILED, FETCH_FAILED, FETCH_FAILED]);
    expect(items.map((item) => !item.ok && item.detail)).toEqual([
      'HTTP 404',
      'larger than 2000 bytes',
      'timed out after 300 ms',
    ]);
  });

  it('a binary type is reported as such', async () => {
    expect(await one(`${base}/image`, LOCAL)).toMatchObject({ ok: false, reason: 'not a text, HTML, JSON Lines or feed page (image/png)' });
  });

  it('a refused connection says the same as a refused address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await one(`http://127.0.0.1:${port}/x`, LOCAL)).toMatchObject({ ok: false, reason: FETCH_FAILED, detail: expect.stringMatching(/ECONNREFUSED/) });
    expect(await one(`${base}/page`)).toMatchObject({ ok: false, reason: FETCH_FAILED, detail: expect.stringMatching(/not a public address/) });
  });
});
