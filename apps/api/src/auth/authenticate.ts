import { isDatabaseUnavailable } from '@dyad/database';
import type { ApiKeyService } from '@dyad/domain';
import { RequestContext } from '@dyad/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MercuriusContext, preParsingHookHandler } from 'mercurius';
import { DATABASE_UNAVAILABLE, graphqlError } from '../errors/graphql-error.mapper.js';
import type { RequestLimits } from '../rate-limit/request-limits.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export type AuthOutcome = { context: RequestContext } | { error: string };

/** Resolves the `Authorization: Bearer <key>` header (or, on a WebSocket upgrade, `?key=`) to a caller. */
export async function authenticate(request: FastifyRequest, keys: ApiKeyService): Promise<AuthOutcome> {
  return authenticateCredential(credentialOf(request), keys);
}

/** Resolves `Bearer <key>`, from a header or a WebSocket's connection_init payload, to a caller. */
export async function authenticateCredential(credential: string | undefined, keys: ApiKeyService): Promise<AuthOutcome> {
  if (!credential) return { error: 'missing Authorization header; send Authorization: Bearer <key>' };
  const match = BEARER.exec(credential);
  if (!match) return { error: 'malformed Authorization header; expected Bearer <key>' };
  const caller = await keys.authenticate(match[1]);
  if (!caller) return { error: 'unknown or revoked API key' };
  return { context: new RequestContext(caller) };
}

// A browser's WebSocket cannot send headers, so its upgrade request may carry the key as ?key= instead.
function credentialOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header || !isWebSocketUpgrade(request)) return header;
  const key = (request.query as Record<string, unknown> | undefined)?.key;
  return typeof key === 'string' && key ? `Bearer ${key}` : undefined;
}

/** @fastify/websocket marks the upgrade requests it routes. */
export const isWebSocketUpgrade = (request: FastifyRequest): boolean => (request as FastifyRequest & { ws?: boolean }).ws === true;

/** Whether a request carries a key at all (a WebSocket upgrade may leave it to connection_init). */
export const hasCredential = (request: FastifyRequest): boolean => credentialOf(request) !== undefined;

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
