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
} as const;

export type QueryLimit = 'depth' | 'aliases' | 'cost' | 'batch';

/** A limit broken: BAD_USER_INPUT, with `extensions.limit` naming which one. */
export function limitError(limit: QueryLimit, message: string, nodes?: ASTNode | readonly ASTNode[], details: Record<string, unknown> = {}) {
  return new GraphQLError(message, { nodes, extensions: { code: 'BAD_USER_INPUT', limit, ...details } });
}
