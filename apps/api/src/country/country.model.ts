import { Field, ObjectType } from '@nestjs/graphql';
import type { Country } from '@dyad/domain';

@ObjectType('Country', { description: 'An ISO 3166-1 country.' })
export class CountryModel {
  @Field({ description: 'ISO 3166-1 alpha-2 code, upper case.' })
  code: string;

  @Field({ description: 'ISO 3166-1 alpha-3 code.' })
  alpha3: string;

  @Field({ description: 'English name.' })
  name: string;

  @Field()
  nameEn: string;

  @Field({ description: 'Persian name.' })
  nameFa: string;

  @Field({ description: 'Russian name.' })
  nameRu: string;

  @Field(() => [String], { description: 'Other names in English, Persian or Russian.' })
  aliases: string[];
}

export function mapCountry(country: Country): CountryModel {
  return {
    code: country.code,
    alpha3: country.alpha3,
    name: country.nameEn,
    nameEn: country.nameEn,
    nameFa: country.nameFa,
    nameRu: country.nameRu,
    aliases: country.aliases,
  };
}
