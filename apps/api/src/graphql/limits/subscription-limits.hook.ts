import { type DocumentNode, GraphQLError, type GraphQLSchema, specifiedRules, validate } from 'graphql';
import { costError } from './cost-limit.hook.js';
import { maxAliasesRule } from './max-aliases.rule.js';
import { maxDepthRule } from './max-depth.rule.js';
import { QUERY_LIMITS } from './query-limits.js';

const MAX_PAGE_SIZE = 100;

/**
 * Mercurius preSubscriptionExecution hook. Over WebSocket mercurius parses a subscription and runs it without
 * validating it, so the same rules as for a query are applied here, before anything is subscribed: the
 * GraphQL validation, depth and aliases, then the cost. Variables are not given to this hook, so every page
 * whose size is not written in the document is costed at the largest `first` allowed.
 */
export function subscriptionLimitsHook(maxCost: number = QUERY_LIMITS.maxCost) {
  const rules = [...specifiedRules, maxDepthRule(QUERY_LIMITS.maxDepth), maxAliasesRule(QUERY_LIMITS.maxAliases)];
  return async (schema: GraphQLSchema, document: DocumentNode) => {
    const [invalid] = validate(schema, document, rules);
    if (invalid) {
      throw new GraphQLError(invalid.message, { nodes: invalid.nodes, extensions: { code: 'BAD_USER_INPUT', ...invalid.extensions } });
    }
    const tooCostly = costError(schema, document, maxCost, null, MAX_PAGE_SIZE);
    if (tooCostly) throw tooCostly;
  };
}
