import type { Loaders } from '../graphql/loaders.js';
import type { LiveAccessCheck } from './live-connection.js';
import type { LiveMessage } from './live-events.js';
import type { LiveNotice } from './live-notice.js';

/**
 * The `filter` and `resolve` of a @Subscription fed by the live channel. `load` reads the event's row through
 * the message's DataLoaders (as a query would; a row deleted meanwhile gives no event); `matches` applies the
 * subscription's arguments. The subscriber's field resolvers then use the same loaders. Each event first
 * checks that the connection's key is still valid.
 */
export function fromLiveChannel<N extends LiveNotice, E, A = Record<string, unknown>>(
  load: (message: LiveMessage<N>) => Promise<E | null>,
  matches?: (event: E, args: A, loaders: Loaders) => boolean | Promise<boolean>,
) {
  return {
    filter: async (message: LiveMessage<N>, args: A, context: { liveAccess?: LiveAccessCheck }) => {
      if (context.liveAccess && !(await context.liveAccess())) return false;
      const event = await load(message);
      return event !== null && (!matches || (await matches(event, args, message.loaders)));
    },
    resolve: async (message: LiveMessage<N>, _args: A, context: { loaders: Loaders }) => {
      context.loaders = message.loaders;
      return load(message);
    },
  };
}

/** Every one of `wanted` (none: any) is among `parties`. */
export const includesAll = (parties: readonly string[], wanted: readonly string[] | null | undefined): boolean =>
  !wanted?.length || wanted.every((code) => parties.includes(code));
