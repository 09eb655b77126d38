import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { GRAPHIQL_CSS, GRAPHIQL_HTML, GRAPHIQL_JS } from './graphiql-page.js';

/** Only 'self' (data: for the fonts and icons inlined in GraphiQL's CSS); no inline script, no CDN. */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

// The exact files served: prebuilt UMD bundles from node_modules (users are offline: no CDN).
const VENDOR: Record<string, { file: () => string; type: string }> = {
  'graphiql.min.js': { file: () => join(packageDir('graphiql'), 'graphiql.min.js'), type: JS },
  'graphiql.min.css': { file: () => join(packageDir('graphiql'), 'graphiql.min.css'), type: CSS },
  'react.production.min.js': { file: () => join(packageDir('react'), 'umd', 'react.production.min.js'), type: JS },
  'react-dom.production.min.js': { file: () => join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'), type: JS },
};

const OWN: Record<string, { body: string; type: string }> = {
  'page.js': { body: GRAPHIQL_JS, type: JS },
  'page.css': { body: GRAPHIQL_CSS, type: CSS },
};

const cache = new Map<string, Promise<Buffer>>();

/** GraphiQL at /graphiql, from our own bundle; the page asks for an API key and sends it as a Bearer token. */
@Controller('graphiql')
export class GraphiqlController {
  @Get()
  async page(@Res() reply: FastifyReply): Promise<void> {
    await this.send(reply, 'text/html; charset=utf-8', GRAPHIQL_HTML, 'no-cache');
  }

  @Get(':asset')
  async asset(@Param('asset') asset: string, @Res() reply: FastifyReply): Promise<void> {
    const own = Object.hasOwn(OWN, asset) ? OWN[asset] : undefined;
    if (own) return this.send(reply, own.type, own.body, 'no-cache');
    const vendor = Object.hasOwn(VENDOR, asset) ? VENDOR[asset] : undefined;
    if (!vendor) {
      await reply.code(404).headers({ 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).send('Not found');
      return;
    }
    let body = cache.get(asset);
    if (!body) {
      body = readFile(vendor.file());
      cache.set(asset, body);
      body.catch(() => cache.delete(asset));
    }
    await this.send(reply, vendor.type, await body, 'public, max-age=86400');
  }

  private async send(reply: FastifyReply, type: string, body: string | Buffer, cacheControl: string): Promise<void> {
    await reply
      .headers({
        'Content-Type': type,
        'Cache-Control': cacheControl,
        'Content-Security-Policy': GRAPHIQL_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .send(body);
  }
}
