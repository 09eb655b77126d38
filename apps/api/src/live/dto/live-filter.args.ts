import { ArgsType, Field } from '@nestjs/graphql';

@ArgsType()
export class LiveCountriesArgs {
  @Field(() => [String], {
    nullable: true,
    description: 'ISO alpha-2 codes, e.g. ["IR","KZ"] for a pair; every one must be a party. None: all.',
  })
  countries?: string[] | null;
}
