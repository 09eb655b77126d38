import { lookup } from 'node:dns/promises';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { type AllowPrivate, mayConnectTo } from './address-policy.js';
import { describeBytes } from './source-item.js';

export type Fetched =
  | {
      ok: true;
      url: string;
      contentType: string;
      charset: string | null;
      bytes: Buffer;
      /** 304 only when the request was conditional (`ifNoneMatch` / `ifModifiedSince`): then `bytes` is empty. */
      status: number;
      /** The validators to send next time (ETag, Last-Modified), when the server gave them. */
      etag: string | null;
      lastModified: string | null;
    }
  | { ok: false; reason: string; detail: string };

export interface FetchOptions {
  maxBytes: number;
  timeoutMs: number;
  /** Non-public addresses the operator allows (DYAD_FETCH_ALLOW_PRIVATE); none by default. */
  allowPrivate?: AllowPrivate;
  /** A conditional GET (watched sources): the validators of the last answer; a 304 is then a success. */
  ifNoneMatch?: string | null;
  ifModifiedSince?: string | null;
}

export const MAX_REDIRECTS = 5;

/**
 * What every refused or failed download says, whatever the cause: a caller must not tell a closed port from
 * an open one, or a private address from an unreachable one. The cause goes to the operator (`detail`).
 */
export const FETCH_FAILED =
  'the URL could not be fetched: it must be a public http or https address that answers with a page in time, within the size limit and after at most 5 redirects';

const USER_AGENT = 'Dyad/0.1 (news ingestion)';
const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class Refused extends Error {}

/**
 * GETs an http(s) URL for the server, never throws. The host is resolved once and every address it resolves
 * to must be public (or allowed); the connection goes to the address that was checked (no second lookup a
 * DNS answer could change), and every redirect is checked the same way. Time and size limits hold throughout.
 */
export async function fetchUrl(url: URL, options: FetchOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      const address = await checkedAddress(current, options.allowPrivate ?? 'none');
      const response = await get(current, address, signal, conditionalHeaders(options));
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy();
        if (redirects >= MAX_REDIRECTS) throw new Refused(`more than ${MAX_REDIRECTS} redirects`);
        current = new URL(location, current);
        continue;
      }
      const status = response.statusCode ?? 0;
      const etag = headerValue(response.headers.etag);
      const lastModified = headerValue(response.headers['last-modified']);
      if (status === 304 && (options.ifNoneMatch || options.ifModifiedSince)) {
        response.destroy();
        return { ok: true, url: current.href, contentType: '', charset: null, bytes: Buffer.alloc(0), status, etag, lastModified };
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw new Refused(`HTTP ${status}`);
      }
      const bytes = await readBody(response, options.maxBytes);
      const [mime, ...params] = (response.headers['content-type'] ?? '').split(';').map((part) => part.trim());
      const charset = params.map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1]).find(Boolean) ?? null;
      return { ok: true, url: current.href, contentType: mime.toLowerCase(), charset, bytes, status, etag, lastModified };
    }
  } catch (error) {
    const where = current.href === url.href ? '' : ` (at ${current.href}, after redirects)`;
    const cause = signal.aborted ? `timed out after ${options.timeoutMs} ms` : describe(error);
    return { ok: false, reason: FETCH_FAILED, detail: `${cause}${where}` };
  }
}

/** The address to connect to, once every address the host resolves to has passed the policy. */
async function checkedAddress(url: URL, allow: AllowPrivate): Promise<{ address: string; family: number }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Refused(`${url.protocol} is not http or https`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // The URL parser has already turned 2130706433, 0x7f000001 and 127.1 into 127.0.0.1.
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  if (!addresses.length) throw new Refused(`${host} resolves to no address`);
  const refused = addresses.find(({ address }) => !mayConnectTo(address, allow));
  if (refused) throw new Refused(`${host} resolves to ${refused.address}, which is not a public address`);
  return addresses[0];
}

// Validators are echoed back as the server sent them, but never with line breaks (no header injection).
function conditionalHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const clean = (value: string | null | undefined) => (value && !/[\r\n\0]/.test(value) && value.length <= 1000 ? value : null);
  const etag = clean(options.ifNoneMatch);
  const since = clean(options.ifModifiedSince);
  if (etag) headers['if-none-match'] = etag;
  if (since) headers['if-modified-since'] = since;
  return headers;
}

const headerValue = (value: string | string[] | undefined): string | null => {
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.length <= 1000 ? text : null;
};

function get(
  url: URL,
  { address, family }: { address: string; family: number },
  signal: AbortSignal,
  extraHeaders: Record<string, string> = {},
): Promise<IncomingMessage> {
  // Whatever asks (Node's happy-eyeballs asks for all), the answer is the checked address.
  const pinned = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
    options.all ? callback(null, [{ address, family }]) : callback(null, address, family)) as unknown as LookupFunction;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      agent: false,
      lookup: pinned,
      signal,
      headers: { 'user-agent': USER_AGENT, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br', ...extraHeaders },
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' && Number(response.headers['content-length']) > maxBytes) {
    response.destroy();
    throw new Refused(`larger than ${describeBytes(maxBytes)}`);
  }
  const decoders: Record<string, () => Transform> = { gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress };
  if (encoding !== 'identity' && !decoders[encoding]) throw new Refused(`content-encoding ${encoding}`);
  let body: AsyncIterable<Buffer> = response;
  if (encoding !== 'identity') {
    const decoder = decoders[encoding]();
    response.on('error', (error) => decoder.destroy(error));
    body = response.pipe(decoder) as AsyncIterable<Buffer>;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      // Content-Length may be absent or wrong, and a compressed body can expand: count what arrives.
      size += chunk.length;
      if (size > maxBytes) throw new Refused(`larger than ${describeBytes(maxBytes)}`);
      chunks.push(chunk);
    }
  } finally {
    response.destroy();
  }
  return Buffer.concat(chunks);
}

function describe(error: unknown): string {
  const e = error as Error & { code?: string };
  return e.code ? `${e.message} (${e.code})` : e.message;
}

/** The charset a page or feed declares in its first bytes (`<meta charset>`, http-equiv, `<?xml encoding>`). */
export function sniffDeclaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return (
    /<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ??
    null
  );
}
