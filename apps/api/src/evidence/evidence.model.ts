import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Evidence } from '@dyad/domain';
import { NewsItemModel } from '../news-item/news-item.model.js';

@ObjectType('Evidence', { description: 'A quote from a news item: newsItem.body.slice(start, end) == quote.' })
export class EvidenceModel {
  @Field(() => ID)
  id: string;

  @Field(() => NewsItemModel)
  newsItem?: NewsItemModel;

  newsItemId: string;

  @Field(() => Int, { description: 'JavaScript string index into newsItem.body where the quote starts.' })
  start: number;

  @Field(() => Int, { description: 'Index just past the quote’s end.' })
  end: number;

  @Field()
  quote: string;
}

export const mapEvidence = (evidence: Evidence): EvidenceModel => ({
  id: evidence.id,
  newsItemId: evidence.newsItemId,
  start: evidence.start,
  end: evidence.end,
  quote: evidence.quote,
});
