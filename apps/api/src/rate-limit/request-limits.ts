import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RateLimits } from '@dyad/database';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { graphqlError } from '../errors/graphql-error.mapper.js';

const MINUTE = 60_000;
const FAILED_AUTH_WINDOW = 15 * MINUTE;

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Registers @fastify/rate-limit: every route is limited per client address (DYAD_RATE_LIMIT_PER_ADDRESS a
 * minute; behind a proxy the address is X-Forwarded-For's when DYAD_TRUST_PROXY names the proxy). The
 * per-key and failed-authentication limits are applied where keys are checked, through RequestLimits.
 */
export async function registerRateLimits(app: NestFastifyApplication, limits: RateLimits): Promise<void> {
  await app.register(fastifyRateLimit as never, {
    global: limits.perAddress > 0,
    max: limits.perAddress,
    timeWindow: MINUTE,
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      Object.assign(new Error(`too many requests from this address; retry in ${context.after}`), { statusCode: 429 }),
  });
}

/**
 * The limits on keys: requests per API key, and failed authentications per address. An address past its
 * failed-authentication limit gets 429 for every request until the window ends, a valid key or not, so
 * keys cannot be tried faster than the limit allows. Built on the stores of @fastify/rate-limit.
 */
export class RequestLimits {
  private limiters?: { failedAuth: Limiter; perKey: Limiter };

  constructor(private readonly limits: RateLimits) {}

  /** Before a key is looked up: refused when the address has used up its failed authentications. */
  async beforeAuthentication(request: FastifyRequest, reply?: FastifyReply): Promise<void> {
    if (!this.limits.failedAuth) return;
    const state = await this.of(request).failedAuth(request, { increment: false });
    if (!state.isAllowed && state.remaining === 0) this.refuse(reply, state.ttlInSeconds, 'too many failed authentications from this address');
  }

  /** After a failed authentication: counted, and refused once over the limit. */
  async failedAuthentication(request: FastifyRequest, reply?: FastifyReply): Promise<void> {
    if (!this.limits.failedAuth) return;
    const state = await this.of(request).failedAuth(request);
    if (!state.isAllowed && state.isExceeded) this.refuse(reply, state.ttlInSeconds, 'too many failed authentications from this address');
  }

  /** After a successful authentication: the key's own request budget. */
  async authenticated(request: FastifyRequest, reply: FastifyReply | undefined, keyId: string): Promise<void> {
    if (!this.limits.perKey) return;
    (request as FastifyRequest & { dyadKeyId?: string }).dyadKeyId = keyId;
    const state = await this.of(request).perKey(request);
    if (!state.isAllowed && state.isExceeded) this.refuse(reply, state.ttlInSeconds, 'too many requests with this API key');
  }

  // The limiters need the plugin's decorator, there from the first request on.
  private of(request: FastifyRequest) {
    return (this.limiters ??= {
      failedAuth: request.server.createRateLimit({ max: this.limits.failedAuth, timeWindow: FAILED_AUTH_WINDOW }),
      perKey: request.server.createRateLimit({
        max: this.limits.perKey,
        timeWindow: MINUTE,
        keyGenerator: (req) => `key:${(req as FastifyRequest & { dyadKeyId?: string }).dyadKeyId}`,
      }),
    });
  }

  // Without a reply (a WebSocket's connection_init, after the upgrade) the error alone says when to retry.
  private refuse(reply: FastifyReply | undefined, retryAfterSeconds: number, message: string): never {
    const seconds = Math.max(1, retryAfterSeconds);
    reply?.header('retry-after', String(seconds));
    throw Object.assign(graphqlError('RATE_LIMITED', `${message}; retry in ${seconds} s`, { retryAfter: seconds }), { statusCode: 429 });
  }
}
