import type { ApiKeyService, RelationReader } from '@dyad/domain';
import type { RequestLimits } from '../rate-limit/request-limits.js';
import { authenticateConnection } from './live-connection.js';
import type { LiveEvents } from './live-events.js';

export interface LiveSubscriptionDeps {
  keys: ApiKeyService;
  limits: RequestLimits;
  reader: RelationReader;
  events: LiveEvents;
}

/**
 * Mercurius' `subscription` option: GraphQL subscriptions over WebSocket at /graphql (graphql-transport-ws, or
 * the older graphql-ws), authenticated at connection_init, fed by the live channel's emitter. The pings keep
 * idle sockets open through proxies that drop silent ones.
 */
export function liveSubscriptionOptions({ keys, limits, reader, events }: LiveSubscriptionDeps) {
  return {
    emitter: events.emitter,
    onConnect: authenticateConnection(keys, limits, reader),
    keepAlive: 30_000,
  };
}
