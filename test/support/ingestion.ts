import { readFileSync } from 'node:fs';
import { AuditService } from '@dyad/domain';
import { IngestionService } from '@dyad/ingestion';
import type { DataSource } from 'typeorm';

export const ingestionServiceFor = (dataSource: DataSource) => new IngestionService(dataSource, new AuditService(dataSource));

export const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

/** Every ordering of `items`, for order-independence tests. */
export function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}
