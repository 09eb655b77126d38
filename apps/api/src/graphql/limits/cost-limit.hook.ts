import { type DocumentNode, type GraphQLSchema, validate } from 'graphql';
import { queryCostRule } from './query-cost.rule.js';
import { QUERY_LIMITS } from './query-limits.js';

/**
 * Mercurius preExecution hook: the cost depends on the variables (`first: $n`), and mercurius caches
 * validation per query text, so the cost is checked here, on every request, after validation and
 * before any resolver (or SQL) runs.
 */
export function costLimitHook(maxCost: number = QUERY_LIMITS.maxCost) {
  return async (schema: GraphQLSchema, document: DocumentNode, _context: unknown, variables?: Record<string, unknown>) => {
    const [error] = validate(schema, document, [queryCostRule({ maxCost, variables })]);
    if (error) throw error;
  };
}
