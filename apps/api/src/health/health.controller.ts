import { Controller, Get, Res } from '@nestjs/common';
import { pendingMigrations } from '@dyad/database';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

/** Unauthenticated: for load balancers and `npm start` users. 200 only when the database is usable. */
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async health(@Res() reply: FastifyReply): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
      const pending = await pendingMigrations(this.dataSource);
      const ok = pending.length === 0;
      await reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'error',
        database: 'up',
        migrations: ok ? 'current' : { pending },
      });
    } catch (error) {
      await reply.status(503).send({ status: 'error', database: 'down', reason: (error as Error).message });
    }
  }
}
