import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
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

  /** The codes among `codes` that are not ISO 3166-1 alpha-2 countries we know. */
  async unknownCodes(codes: readonly string[]): Promise<string[]> {
    const known = await this.dataSource.getRepository(Country).find({ select: { code: true }, where: { code: In([...codes]) } });
    const knownSet = new Set(known.map((country) => country.code));
    return codes.filter((code) => !knownSet.has(code));
  }
}
