import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { RequestContext } from '@dyad/domain';
import type { MercuriusContext } from 'mercurius';
import type { Loaders } from '../graphql/loaders.js';

/** What every resolver can reach through the GraphQL context. */
export interface DyadGraphqlContext extends MercuriusContext {
  requestContext: RequestContext;
  loaders: Loaders;
}

/**
 * The GraphQL context of a resolver call, by argument position: `(root, args, context, info)`, or `(root, context,
 * info)` for a reference resolver. GqlExecutionContext.create finds it the same way but first tests the last
 * argument against every GraphQL type class, on every field of every row; this runs for each resolver call.
 */
function graphqlContextOf(context: ExecutionContext): DyadGraphqlContext {
  return context.getArgByIndex(context.getArgs().length === 3 ? 1 : 2);
}

export function requestContextOf(context: ExecutionContext): RequestContext {
  return graphqlContextOf(context).requestContext;
}

/** The caller's RequestContext, the first argument of every service call. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => requestContextOf(context));

/** This request's DataLoaders. */
export const Loader = createParamDecorator((_data: unknown, context: ExecutionContext) => graphqlContextOf(context).loaders);
