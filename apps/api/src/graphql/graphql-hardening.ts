import type { ApiKeyService } from '@dyad/domain';
import type { RequestLimits } from '../rate-limit/request-limits.js';
import { createGraphqlErrorFormatter } from '../errors/graphql-error.formatter.js';
import { graphqlRouteHooks } from './http/graphql-route.hooks.js';
import { maxAliasesRule } from './limits/max-aliases.rule.js';
import { maxDepthRule } from './limits/max-depth.rule.js';
import { QUERY_LIMITS } from './limits/query-limits.js';

export interface GraphqlHardeningOptions {
  keys: ApiKeyService;
  limits: RequestLimits;
  exposeInternals: boolean;
}

/**
 * The mercurius options that bound what one request may ask (depth, aliases, tokens, batch size) and
 * shape every error; spread into the driver config. The cost limit needs the variables, so it is the
 * `preExecution` hook `costLimitHook()`.
 */
export function graphqlHardening({ keys, limits, exposeInternals }: GraphqlHardeningOptions) {
  return {
    validationRules: [maxDepthRule(QUERY_LIMITS.maxDepth), maxAliasesRule(QUERY_LIMITS.maxAliases)],
    graphql: { parseOptions: { maxTokens: QUERY_LIMITS.maxTokens } },
    allowBatchedQueries: true,
    errorFormatter: createGraphqlErrorFormatter({ exposeInternals }),
    additionalRouteOptions: graphqlRouteHooks(keys, limits),
  };
}
