import { isDatabaseUnavailable } from '@dyad/database';
import type { ApiKeyService } from '@dyad/domain';
import { RequestContext } from '@dyad/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MercuriusContext, preParsingHookHandler } from 'mercurius';
import { DATABASE_UNAVAILABLE, graphqlError } from '../errors/graphql-error.mapper.js';
import type { RequestLimits } from '../rate-limit/request-limits.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export type AuthOutcome = { context: RequestContext } | { error: string };

/** Resolves the `Authorization: Bearer <key>` header to a caller. */
export async function authenticate(request: FastifyRequest, keys: ApiKeyService): Promise<AuthOutcome> {
  const header = request.headers.authorization;
  if (!header) return { error: 'missing Authorization header; send Authorization: Bearer <key>' };
  const match = BEARER.exec(header);
  if (!match) return { error: 'malformed Authorization header; expected Bearer <key>' };
  const caller = await keys.authenticate(match[1]);
  if (!caller) return { error: 'unknown or revoked API key' };
  return { context: new RequestContext(caller) };
}

const OUTCOME = Symbol('dyad.auth');
type WithOutcome = FastifyRequest & { [OUTCOME]?: AuthOutcome };

/**
 * Authenticates a request once, under the rate limits (an address out of failed attempts is refused before
 * its key is looked up; a key over its budget is refused after), and keeps the outcome on the request.
 * An unreachable database is SERVICE_UNAVAILABLE (503), never the driver's message.
 */
export async function authenticateRequest(request: FastifyRequest, reply: FastifyReply, keys: ApiKeyService, limits: RequestLimits): Promise<AuthOutcome> {
  await limits.beforeAuthentication(request, reply);
  let outcome: AuthOutcome;
  try {
    outcome = await authenticate(request, keys);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw Object.assign(graphqlError('SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE), { statusCode: 503 });
    throw error;
  }
  if ('error' in outcome) await limits.failedAuthentication(request, reply);
  else await limits.authenticated(request, reply, outcome.context.caller!.keyId);
  (request as WithOutcome)[OUTCOME] = outcome;
  return outcome;
}

/** The outcome authenticateRequest kept, or a fresh one. */
export async function authOutcomeOf(request: FastifyRequest, keys: ApiKeyService): Promise<AuthOutcome> {
  return (request as WithOutcome)[OUTCOME] ?? authenticate(request, keys);
}

/** Every GraphQL request needs a key, introspection included: refused before parsing. */
export const requireCaller: preParsingHookHandler<MercuriusContext> = async (_schema, _source, context) => {
  const { authFailure } = context as MercuriusContext & { authFailure?: unknown };
  if (authFailure) throw authFailure;
  const failure = (context as MercuriusContext & { authError?: string }).authError;
  if (failure) {
    const error = graphqlError('UNAUTHENTICATED', failure);
    throw Object.assign(error, { statusCode: 401 });
  }
};
