import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, type OnModuleDestroy, Req, Res } from '@nestjs/common';
import { DyadEnvironment, pendingMigrations, ReadReplicas, type ReplicaStatus } from '@dyad/database';
import { ApiKeyService } from '@dyad/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { authenticateRequest } from '../auth/authenticate.js';
import { RequestLimits } from '../rate-limit/request-limits.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Unauthenticated: for load balancers and `npm start` users, 200 `ok` only when the database is usable,
 * else 503 `down`. The why (database, migrations, the error, each read replica) only for a caller with a valid key. It has a
 * connection of its own, so a server busy with heavy queries still answers at once.
 */
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly pool: pg.Pool;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: ApiKeyService,
    private readonly env: DyadEnvironment,
    private readonly limits: RequestLimits,
  ) {
    this.pool = new pg.Pool({
      connectionString: (dataSource.options as { url?: string }).url,
      max: 1,
      connectionTimeoutMillis: 2000,
      statement_timeout: 2000,
      application_name: 'dyad-health',
    });
    this.pool.on('error', () => undefined); // an idle connection dropped by a restarting database
  }

  @Get()
  async health(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    let detailed = false;
    try {
      detailed = request.headers.authorization ? await this.hasValidKey(request, reply) : false;
    } catch (error) {
      const refused = error as Error & { statusCode?: number };
      if (refused.statusCode !== 429) throw error;
      await reply.status(429).send({ status: 'rate limited', message: refused.message });
      return;
    }
    const report = await this.check();
    const ok = report.database === 'up' && report.migrations === 'current';
    await reply
      .status(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(detailed ? { status: ok ? 'ok' : 'down', ...report, ...(await this.replicas()) } : { status: ok ? 'ok' : 'down' });
  }

  // With DATABASE_REPLICA_URLS, each replica checked now. A replica down is not the server down: its reads go elsewhere.
  private async replicas(): Promise<{ replicas?: ReplicaStatus[] }> {
    const replicas = ReadReplicas.of(this.dataSource);
    return replicas ? { replicas: await replicas.check() } : {};
  }

  private async check(): Promise<{ database: 'up' | 'down'; migrations?: 'current' | { pending: string[] }; reason?: string }> {
    try {
      const applied = (await this.pool.query<{ name: string }>('SELECT name FROM migrations')).rows.map((row) => row.name);
      const pending = await pendingMigrations(this.dataSource, applied);
      return { database: 'up', migrations: pending.length ? { pending } : 'current' };
    } catch (error) {
      return { database: 'down', reason: (error as Error).message };
    }
  }

  // Under the same limits as /graphql. With the database down no key can be looked up: only DYAD_ADMIN_KEY
  // can still be recognised.
  private async hasValidKey(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    try {
      return 'context' in (await authenticateRequest(request, reply, this.keys, this.limits));
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 429) throw error;
      const given = BEARER.exec(request.headers.authorization ?? '')?.[1];
      return Boolean(given && this.env.adminKey && sameSecret(given, this.env.adminKey));
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
