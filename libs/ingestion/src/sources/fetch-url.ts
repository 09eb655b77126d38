import { describeBytes } from './source-item.js';

export type Fetched =
  | { ok: true; url: string; contentType: string; charset: string | null; bytes: Buffer }
  | { ok: false; reason: string };

const USER_AGENT = 'Dyad/0.1 (news ingestion)';

/** GETs an http(s) URL with a time limit and a size limit; never throws. */
export async function fetchUrl(url: URL, limits: { maxBytes: number; timeoutMs: number }): Promise<Fetched> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `only http and https URLs are supported, not ${url.protocol}` };
  }
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const response = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: {
        'user-agent': USER_AGENT,
        accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5',
      },
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > limits.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `larger than ${describeBytes(limits.maxBytes)} (${describeBytes(declared)})` };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    if (response.body) {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        // Content-Length may be absent or wrong: count what actually arrives.
        if (size > limits.maxBytes) {
          await response.body.cancel().catch(() => undefined);
          return { ok: false, reason: `larger than ${describeBytes(limits.maxBytes)}` };
        }
        chunks.push(Buffer.from(chunk));
      }
    }
    const type = response.headers.get('content-type') ?? '';
    const [mime, ...params] = type.split(';').map((part) => part.trim());
    const charset = params.map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1]).find(Boolean) ?? null;
    return { ok: true, url: response.url || url.href, contentType: mime.toLowerCase(), charset, bytes: Buffer.concat(chunks) };
  } catch (error) {
    return { ok: false, reason: fetchFailure(error, limits.timeoutMs) };
  }
}

function fetchFailure(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`;
  const cause = e.cause?.code ?? e.cause?.message;
  return `cannot fetch: ${cause ? `${e.message} (${cause})` : e.message}`;
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
