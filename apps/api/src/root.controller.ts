import { Controller, Get, Header } from '@nestjs/common';

// Until the dashboard is built, `/` (the URL the server prints) says where things are.
@Controller()
export class RootController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  index(): string {
    return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Dyad</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>Dyad</h1><p>The API is running. GraphQL: <code>POST /graphql</code> with <code>Authorization: Bearer &lt;key&gt;</code>.
Health: <a href="/health">/health</a>.</p></body></html>`;
  }
}
