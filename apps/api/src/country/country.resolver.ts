import { COUNTRY_CODE_SHAPE as ISO_ALPHA2 } from '@dyad/vocabulary';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CountryService, DomainError, type RequestContext } from '@dyad/domain';
import { Ctx } from '../auth/graphql-context.js';
import { CountryModel, mapCountry } from './country.model.js';


@Resolver(() => CountryModel)
export class CountryResolver {
  constructor(private readonly countryService: CountryService) {}

  @Query(() => [CountryModel], { description: 'ISO 3166-1 countries, by code; all of them unless `codes` is given.' })
  async countries(
    @Ctx() ctx: RequestContext,
    @Args('codes', { type: () => [String], nullable: true, description: 'ISO alpha-2 codes, e.g. ["IR","KZ"].' })
    codes?: string[],
  ): Promise<CountryModel[]> {
    const bad = codes?.filter((code) => !ISO_ALPHA2.test(code));
    if (bad?.length) throw DomainError.invalid(`codes must be ISO 3166-1 alpha-2 in upper case: ${bad.join(', ')}`);
    return (await this.countryService.findAll(ctx, codes)).map(mapCountry);
  }
}
