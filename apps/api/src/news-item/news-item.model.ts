import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { NewsItem } from '@dyad/domain';
import { Connection } from '../graphql/connection.js';
import { FIELD_COSTS } from '../graphql/limits/query-limits.js';

@ObjectType('NewsItem', { description: 'A news item as ingested; evidence offsets index into body.' })
export class NewsItemModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field({ description: 'The exact original text (up to 5 MB: it costs 1000 in the query cost).', complexity: FIELD_COSTS.body })
  body: string;

  @Field({ description: 'fa, en or ru.' })
  language: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  publishedAt: string | null;

  @Field(() => String, { nullable: true })
  publisher: string | null;

  publisherCountryCode: string | null;

  @Field()
  ingestedAt: Date;

  @Field()
  extractorVersion: string;
}

export const NewsItemConnection = Connection(NewsItemModel, 'NewsItem');

export const mapNewsItem = (item: NewsItem): NewsItemModel => ({
  id: item.id,
  url: item.url,
  title: item.title,
  body: item.body,
  language: item.language,
  publishedAt: item.publishedAt,
  publisher: item.publisher,
  publisherCountryCode: item.publisherCountryCode,
  ingestedAt: item.ingestedAt,
  extractorVersion: item.extractorVersion,
});
