import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loader } from '../auth/graphql-context.js';
import type { Loaders } from '../graphql/loaders.js';
import { mapNewsItem, NewsItemModel } from '../news-item/news-item.model.js';
import { EvidenceModel } from './evidence.model.js';

@Resolver(() => EvidenceModel)
export class EvidenceResolver {
  @ResolveField(() => NewsItemModel)
  async newsItem(@Parent() evidence: EvidenceModel, @Loader() loaders: Loaders): Promise<NewsItemModel> {
    return mapNewsItem((await loaders.newsItem.load(evidence.newsItemId))!);
  }
}
