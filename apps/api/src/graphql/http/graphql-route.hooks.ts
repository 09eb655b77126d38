import type { ApiKeyService } from '@dyad/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateRequest, authOutcomeOf, hasCredential, isWebSocketUpgrade } from '../../auth/authenticate.js';
import type { RequestLimits } from '../../rate-limit/request-limits.js';
import { graphqlError } from '../../errors/graphql-error.mapper.js';
import { QUERY_LIMITS } from '../limits/query-limits.js';
import { GRAPHQL_RESPONSE_JSON, prefersGraphqlResponseJson } from './media-type.js';

type Body = Record<string, unknown>;

const POST_TYPES = new Set(['application/json', 'application/graphql']);
const mediaType = (header: string | undefined) => (header ?? '').split(';')[0].trim().toLowerCase();

/**
 * Fastify hooks on the /graphql routes (mercurius `additionalRouteOptions`) for what mercurius leaves open:
 * the key checked once under the rate limits (before the body is even read), `extensions: null`, a cap on
 * batched operations, the `application/graphql-response+json` media type, and a cap on the answer's size.
 */
export function graphqlRouteHooks(keys: ApiKeyService, limits: RequestLimits, maxBatchOperations: number = QUERY_LIMITS.maxBatchOperations) {
  return {
    // (mercurius keeps onRequest for itself; preParsing still runs before the body is read)
    preParsing: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (!isWebSocketUpgrade(request)) {
        await authenticateRequest(request, reply, keys, limits);
        return payload;
      }
      // A subscription's upgrade: a key given here is checked now (a bad one gets 401, no socket); without
      // one, the key must come in connection_init (checked by the live subscription options).
      if (!hasCredential(request)) {
        await limits.beforeAuthentication(request, reply);
        return payload;
      }
      const outcome = await authenticateRequest(request, reply, keys, limits);
      if ('error' in outcome) throw Object.assign(graphqlError('UNAUTHENTICATED', outcome.error), { statusCode: 401 });
      return payload;
    },
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
      const outcome = await authOutcomeOf(request, keys);
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
      const graphqlResponse = prefersGraphqlResponseJson(request.headers.accept);
      if (graphqlResponse) reply.header('content-type', `${GRAPHQL_RESPONSE_JSON}; charset=utf-8`);
      return typeof payload === 'string' ? capped(payload, reply, graphqlResponse) : payload;
    },
  };
}

// The answer-size cap: the cost limit bounds what a query asks for, this bounds what it gets (a few huge texts).
function capped(payload: string, reply: FastifyReply, graphqlResponse: boolean, maxBytes: number = QUERY_LIMITS.maxResponseBytes): string {
  const bytes = Buffer.byteLength(payload);
  if (bytes <= maxBytes) return payload;
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  const error = graphqlError('BAD_USER_INPUT', `the answer is ${mb(bytes)}, over the limit of ${mb(maxBytes)}; ask for fewer items or leave out body`, {
    limit: 'responseSize',
    bytes,
    maxResponseBytes: maxBytes,
  });
  reply.code(graphqlResponse ? 400 : 200);
  return JSON.stringify(graphqlResponse ? { errors: [error.toJSON()] } : { data: null, errors: [error.toJSON()] });
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
