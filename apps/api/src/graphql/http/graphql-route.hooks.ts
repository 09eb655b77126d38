import type { ApiKeyService } from '@dyad/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../../auth/authenticate.js';
import { graphqlError } from '../../errors/graphql-error.mapper.js';
import { QUERY_LIMITS } from '../limits/query-limits.js';
import { GRAPHQL_RESPONSE_JSON, prefersGraphqlResponseJson } from './media-type.js';

type Body = Record<string, unknown>;

const POST_TYPES = new Set(['application/json', 'application/graphql']);
const mediaType = (header: string | undefined) => (header ?? '').split(';')[0].trim().toLowerCase();

/**
 * Fastify hooks on the /graphql routes (mercurius `additionalRouteOptions`) for what mercurius leaves open:
 * `extensions: null`, a cap on batched operations, and the `application/graphql-response+json` media type.
 */
export function graphqlRouteHooks(keys: ApiKeyService, maxBatchOperations: number = QUERY_LIMITS.maxBatchOperations) {
  return {
    preValidation: async (request: FastifyRequest) => {
      if (request.method === 'POST' && !POST_TYPES.has(mediaType(request.headers['content-type']))) {
        const message = `unsupported Content-Type "${request.headers['content-type'] ?? ''}"; send application/json`;
        throw Object.assign(graphqlError('BAD_USER_INPUT', message), { statusCode: 415 });
      }
      const params = request.method === 'GET' ? [request.query] : Array.isArray(request.body) ? request.body : [request.body];
      for (const param of params) {
        if (!param || typeof param !== 'object') continue;
        // GraphQL over HTTP allows `"extensions": null`; mercurius' body schema wants an object.
        if ((param as Body).extensions === null) delete (param as Body).extensions;
        const problem = malformed(param as Body, request.method === 'GET');
        if (problem) throw Object.assign(graphqlError('BAD_USER_INPUT', problem), { statusCode: 400 });
      }
    },
    preHandler: async (request: FastifyRequest) => {
      if (!Array.isArray(request.body)) return;
      const count = request.body.length;
      if (count >= 1 && count <= maxBatchOperations) return;
      // A caller without a valid key learns only that.
      const outcome = await authenticate(request, keys);
      if ('error' in outcome) throw Object.assign(graphqlError('UNAUTHENTICATED', outcome.error), { statusCode: 401 });
      const message =
        count === 0
          ? 'the batch is empty; send one operation or an array of 1 to ' + maxBatchOperations
          : `the batch has ${count} operations, over the limit of ${maxBatchOperations}; send fewer per request`;
      throw Object.assign(graphqlError('BAD_USER_INPUT', message, { limit: 'batch', operations: count, maxBatchOperations }), {
        statusCode: 400,
      });
    },
    onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (prefersGraphqlResponseJson(request.headers.accept)) reply.header('content-type', `${GRAPHQL_RESPONSE_JSON}; charset=utf-8`);
      return payload;
    },
  };
}

// Mercurius would coerce a number or an array to a query string; GraphQL over HTTP says 400.
function malformed(param: Body, get: boolean): string | null {
  if (param.query !== undefined && typeof param.query !== 'string') return 'query must be a string holding a GraphQL document';
  if (param.operationName != null && typeof param.operationName !== 'string') return 'operationName must be a string or null';
  const variables = param.variables;
  if (!get && variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return 'variables must be an object (a map of variable names to values) or null';
  }
  return null;
}
