import type { ApiKeyService } from '@dyad/domain';
import { RequestContext } from '@dyad/domain';
import type { FastifyRequest } from 'fastify';
import type { MercuriusContext, preParsingHookHandler } from 'mercurius';
import { graphqlError } from '../errors/graphql-error.mapper.js';

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

/** Every GraphQL request needs a key, introspection included: refused before parsing. */
export const requireCaller: preParsingHookHandler<MercuriusContext> = async (_schema, _source, context) => {
  const failure = (context as MercuriusContext & { authError?: string }).authError;
  if (failure) {
    const error = graphqlError('UNAUTHENTICATED', failure);
    throw Object.assign(error, { statusCode: 401 });
  }
};
