import { type ASTNode, GraphQLError } from 'graphql';

/** The limits every GraphQL request is held to; README "GraphQL limits" explains them. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 30,
  maxCost: 5_000,
  /** `first` when a connection field is asked without it (PageArgs' default). */
  defaultPageSize: 20,
  maxBatchOperations: 10,
  /** Parsing stops past this many tokens, before any rule runs. */
  maxTokens: 20_000,
  /** Largest answer sent (serialised JSON); bigger ones are replaced by an error. */
  maxResponseBytes: 16 * 1024 * 1024,
} as const;

/**
 * Costs of fields that are more than a column read (`@Field({ complexity })`): a news item's body (up to
 * 5 MB), fetching and extracting an item, a chart series of up to MAX_PERIODS points.
 */
export const FIELD_COSTS = { body: 1000, extraction: 1000, series: 100 } as const;

export type QueryLimit = 'depth' | 'aliases' | 'cost' | 'batch' | 'responseSize';

/** A limit broken: BAD_USER_INPUT, with `extensions.limit` naming which one. */
export function limitError(limit: QueryLimit, message: string, nodes?: ASTNode | readonly ASTNode[], details: Record<string, unknown> = {}) {
  return new GraphQLError(message, { nodes, extensions: { code: 'BAD_USER_INPUT', limit, ...details } });
}
