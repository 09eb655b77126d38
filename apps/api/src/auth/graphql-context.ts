import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from '@dyad/domain';
import type { MercuriusContext } from 'mercurius';

/** What every resolver can reach through the GraphQL context. */
export interface DyadGraphqlContext extends MercuriusContext {
  requestContext: RequestContext;
}

export function requestContextOf(context: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(context).getContext<DyadGraphqlContext>().requestContext;
}

/** The caller's RequestContext, the first argument of every service call. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => requestContextOf(context));
