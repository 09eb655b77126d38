import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '../shared/request-context.js';
import { preparedQuery } from '../shared/prepared-query.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the entry in the caller's transaction, so an undone change leaves no audit trace. */
  async record(ctx: RequestContext, manager: EntityManager, record: AuditRecord): Promise<void> {
    await preparedQuery(
      manager,
      `INSERT INTO audit_entry (api_key_id, action, entity_type, entity_id, before, after) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
      [
        ctx.caller?.keyId ?? null, record.action, record.entityType, record.entityId ?? null,
        record.before ? JSON.stringify(record.before) : null, record.after ? JSON.stringify(record.after) : null,
      ],
    );
  }

  /** Several entries of one caller in one statement (a batch of ingested items), in the caller's transaction. */
  async recordMany(ctx: RequestContext, manager: EntityManager, records: readonly AuditRecord[]): Promise<void> {
    if (records.length === 1) return this.record(ctx, manager, records[0]);
    if (!records.length) return;
    const json = (value: Record<string, unknown> | null | undefined) => (value ? JSON.stringify(value) : null);
    await preparedQuery(
      manager,
      `INSERT INTO audit_entry (api_key_id, action, entity_type, entity_id, before, after)
       SELECT $1::uuid, a, t, e, b::jsonb, f::jsonb FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS r(a, t, e, b, f, n)
       ORDER BY n`,
      [
        ctx.caller?.keyId ?? null, records.map((r) => r.action), records.map((r) => r.entityType), records.map((r) => r.entityId ?? null),
        records.map((r) => json(r.before)), records.map((r) => json(r.after)),
      ],
    );
  }

  list(_ctx: RequestContext, options: { limit: number; offset: number }): Promise<[AuditEntry[], number]> {
    return this.dataSource.getRepository(AuditEntry).findAndCount({
      order: { at: 'DESC', id: 'DESC' },
      take: options.limit,
      skip: options.offset,
    });
  }
}
