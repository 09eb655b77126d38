import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'A news item to ingest: text, or html (the article is pulled out of the page).' })
export class IngestNewsItemInput {
  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => String, { nullable: true })
  html?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s); the same URL again is recognised as a duplicate.' })
  url?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; else read from the text.' })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO alpha-2 of the publisher: who "our country" is.' })
  publisherCountry?: string | null;

  @Field(() => String, { nullable: true, description: 'fa, en or ru; else detected.' })
  language?: string | null;
}

@InputType()
export class NewsItemFilterInput {
  @Field(() => [String], { nullable: true, description: 'fa, en, ru.' })
  languages?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Published from (YYYY-MM-DD).' })
  from?: string | null;

  @Field(() => String, { nullable: true })
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'Words to find; ZWNJ-, letter-variant- and case-insensitive.' })
  text?: string | null;

  @Field(() => String, { nullable: true })
  publisher?: string | null;
}
