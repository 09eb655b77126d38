import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DASHBOARD_HEADERS, dashboardIndex } from './dashboard/dashboard-assets.js';

// The dashboard's client routes all get index.html (the app routes in the browser), so a shared or
// bookmarked URL opens the same view.
const CLIENT_ROUTES = ['', 'overview', 'pairs/*', 'meetings', 'meetings/*', 'proposals', 'follow-ups', 'ingest', 'search', 'sources', 'login', 'actors', 'actors/*'];

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Dyad</title>
<body><h1>Dyad</h1><p>The API is running, but the dashboard has not been built: run <code>npm run build</code>
(or <code>npm run dev:dashboard</code> for the dev server). GraphQL: <code>POST /graphql</code> with
<code>Authorization: Bearer &lt;key&gt;</code>. Health: <a href="/health">/health</a>.</p></body></html>`;

@Controller()
export class RootController {
  @Get(CLIENT_ROUTES)
  async index(@Res() reply: FastifyReply): Promise<void> {
    const html = await dashboardIndex();
    await reply
      .headers({ ...DASHBOARD_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
      .send(html ?? NOT_BUILT);
  }
}
