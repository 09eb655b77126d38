import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from '@dyad/domain';
import type { MercuriusContext } from 'mercurius';
import type { Loaders } from '../graphql/loaders.js';

/** What every resolver can reach through the GraphQL context. */
export interface DyadGraphqlContext extends MercuriusContext {
  requestContext: RequestContext;
  loaders: Loaders;
}

export function requestContextOf(context: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(context).getContext<DyadGraphqlContext>().requestContext;
}

/** The caller's RequestContext, the first argument of every service call. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => requestContextOf(context));

/** This request's DataLoaders. */
export const Loader = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<DyadGraphqlContext>().loaders,
);
