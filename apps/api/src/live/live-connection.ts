import type { ApiKeyService, RelationReader } from '@dyad/domain';
import type { FastifyRequest } from 'fastify';
import { type AuthOutcome, authenticate, authenticateCredential, authOutcomeOf, hasCredential } from '../auth/authenticate.js';
import { toGraphqlError } from '../errors/graphql-error.mapper.js';
import { createLoaders } from '../graphql/loaders.js';
import type { RequestLimits } from '../rate-limit/request-limits.js';

const MISSING = 'missing API key; send {"authorization":"Bearer <key>"} in connection_init';

// Close codes of graphql-transport-ws (4403 Forbidden) and, by analogy, HTTP's for the others.
const CLOSE_CODE: Record<string, number> = { UNAUTHENTICATED: 4403, RATE_LIMITED: 4429, SERVICE_UNAVAILABLE: 4503 };

/** In a subscription's context: whether its key is still valid (closes the socket when it is not). */
export type LiveAccessCheck = () => Promise<boolean>;

/** What mercurius calls onConnect on: its connection (the socket and the upgrade request). */
interface Connection {
  socket?: { close(code: number, reason: string): void };
  context?: { request?: FastifyRequest };
}

/**
 * Mercurius' `onConnect` for subscriptions: the key comes in the connection_init payload
 * (`{"authorization": "Bearer <key>"}`, or under `headers`), else from the upgrade request (checked there, see
 * the /graphql route hooks). Checked by the same code and under the same failed-authentication limit as every
 * HTTP request. Refused: the socket is closed with 4403 (4429, 4503) and the reason, which clients show.
 */
export function authenticateConnection(keys: ApiKeyService, limits: RequestLimits, reader: RelationReader) {
  // Not an arrow function: mercurius calls it as its connection's method, which holds the socket to close.
  return async function onConnect(this: Connection | undefined, message: { payload?: unknown }) {
    const request = this?.context?.request;
    const socket = this?.socket;
    const close = (code: string, reason: string) => socket?.close(CLOSE_CODE[code] ?? 4500, Buffer.from(reason).subarray(0, 123).toString());
    try {
      const credential = credentialIn(message.payload);
      const outcome = await connectionOutcome(credential, request, keys, limits);
      if ('error' in outcome) {
        close('UNAUTHENTICATED', outcome.error);
        return false;
      }
      // A key revoked later ends the connection at its next event (the key lookup is cached for a short while).
      const liveAccess: LiveAccessCheck = async () => {
        const now = credential !== undefined ? await authenticateCredential(credential, keys) : request ? await authenticate(request, keys) : outcome;
        if ('context' in now) return true;
        close('UNAUTHENTICATED', now.error);
        return false;
      };
      return { requestContext: outcome.context, loaders: createLoaders(reader), liveAccess };
    } catch (error) {
      const graphqlError = toGraphqlError(error, false);
      close(String(graphqlError.extensions.code), graphqlError.message);
      return false;
    }
  };
}

async function connectionOutcome(
  credential: string | undefined,
  request: FastifyRequest | undefined,
  keys: ApiKeyService,
  limits: RequestLimits,
): Promise<AuthOutcome> {
  if (credential === undefined) {
    if (request && hasCredential(request)) return authOutcomeOf(request, keys);
    return { error: MISSING };
  }
  if (request) await limits.beforeAuthentication(request);
  const outcome = await authenticateCredential(credential, keys);
  if (request && 'error' in outcome) await limits.failedAuthentication(request);
  if (request && 'context' in outcome) await limits.authenticated(request, undefined, outcome.context.caller!.keyId);
  return outcome;
}

function credentialIn(payload: unknown): string | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const record = payload as Record<string, unknown>;
  const headers = record.headers && typeof record.headers === 'object' ? (record.headers as Record<string, unknown>) : {};
  const value = record.authorization ?? record.Authorization ?? headers.authorization ?? headers.Authorization;
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
