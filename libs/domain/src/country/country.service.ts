import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DomainError } from '../shared/domain.error.js';
import type { RequestContext } from '../shared/request-context.js';
import { Country } from './country.entity.js';

@Injectable()
export class CountryService {
  constructor(private readonly dataSource: DataSource) {}

  findAll(_ctx: RequestContext, codes?: readonly string[]): Promise<Country[]> {
    return this.dataSource.getRepository(Country).find({
      where: codes ? { code: In([...codes]) } : {},
      order: { code: 'ASC' },
    });
  }
}

/** Refuses codes that are not ISO 3166-1 countries we know, naming them and the input field. */
export async function assertKnownCountries(manager: EntityManager, codes: readonly string[], field: string): Promise<void> {
  if (!codes.length) return;
  const rows: { code: string }[] = await manager.query(`SELECT code FROM country WHERE code = ANY($1)`, [codes]);
  const known = new Set(rows.map((row) => row.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length) throw DomainError.invalid(`not ISO 3166-1 countries: ${unknown.join(', ')}`, { field });
}
