import { type DocumentNode, type GraphQLError, type GraphQLSchema, Kind } from 'graphql';
import { costLimitError, QueryCost } from './query-cost.rule.js';
import { QUERY_LIMITS } from './query-limits.js';
import { fragmentsOf } from './selection-walk.js';

/**
 * Mercurius preExecution hook: the cost depends on the variables (`first: $n`), and mercurius caches
 * validation per query text, so the cost is checked here, on every request, after validation and
 * before any resolver (or SQL) runs. Mercurius reuses one document per query text: a document without
 * variables has one cost, remembered.
 */
export function costLimitHook(maxCost: number = QUERY_LIMITS.maxCost) {
  const fixed = new WeakMap<DocumentNode, GraphQLError | null>();
  return async (schema: GraphQLSchema, document: DocumentNode, _context: unknown, variables?: Record<string, unknown>) => {
    let error = fixed.get(document);
    if (error === undefined) {
      error = costError(schema, document, maxCost, variables);
      if (!usesVariables(document)) fixed.set(document, error);
    }
    if (error) throw error;
  };
}

/** The first operation over the limit (the executed one is not known here, so every one must fit). */
export function costError(
  schema: GraphQLSchema,
  document: DocumentNode,
  maxCost: number,
  variables?: Record<string, unknown> | null,
  defaultPageSize?: number,
) {
  const calculator = new QueryCost(schema, fragmentsOf(document), { variables, defaultPageSize });
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const cost = calculator.operationCost(definition);
    if (cost > maxCost) return costLimitError(cost, maxCost, definition);
  }
  return null;
}

const usesVariables = (document: DocumentNode) =>
  document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.variableDefinitions?.length);
