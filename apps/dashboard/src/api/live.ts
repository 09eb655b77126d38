import { type Client, createClient } from 'graphql-ws';
import { session } from '../auth/session.js';
import { h } from '../components/dom.js';
import { onNavigate, render } from '../router.js';

// Live updates: one WebSocket to this origin's /graphql (graphql-transport-ws), opened while a view watches
// and kept a few seconds after, so a view's refresh does not reopen it. It reconnects when dropped; a view
// that watches is refreshed after a reconnection too, as changes made meanwhile were not sent.

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'refused';

/** Quiet time before a refresh, and the longest a stream of changes may hold one back. */
const QUIET_MS = 1500;
const MAX_WAIT_MS = 10_000;

const MEETING_CHANGED = `subscription LiveMeetings($countries: [String!]) { meetingChanged(countries: $countries) { created meeting { id } } }`;

let client: Client | null = null;
let clientKey: string | null = null;
let watching = 0;
let missed = false;
const badge = h('span', { class: 'badge badge-live', attrs: { role: 'status', 'aria-live': 'polite' } });
const afterReconnect = new Set<() => void>();

function setState(state: LiveState): void {
  badge.dataset.live = state;
  badge.textContent = { connecting: 'Connecting…', live: '● Live', reconnecting: 'Reconnecting…', refused: 'Not live' }[state];
  badge.title =
    state === 'live'
      ? 'This page refreshes when a meeting is added or changes.'
      : state === 'refused'
        ? 'The server refused live updates for this key.'
        : 'Live updates are reconnecting; the page refreshes once they are back.';
}
setState('connecting');

function liveClient(): Client {
  const key = session()?.key ?? null;
  if (client && clientKey === key) return client;
  void client?.dispose();
  clientKey = key;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  client = createClient({
    url: `${scheme}://${location.host}/graphql`,
    connectionParams: () => ({ authorization: `Bearer ${session()?.key ?? ''}` }),
    lazy: true,
    lazyCloseTimeout: 5000,
    retryAttempts: Infinity,
    // 4403: the key was refused; retrying will not change that.
    shouldRetry: (event) => (event as { code?: number })?.code !== 4403,
    on: {
      connecting: () => setState(missed ? 'reconnecting' : 'connecting'),
      connected: () => {
        setState('live');
        if (!missed) return;
        missed = false;
        for (const refresh of afterReconnect) refresh();
      },
      closed: (event) => {
        if ((event as { code?: number })?.code === 4403) return setState('refused');
        if (watching > 0) {
          missed = true;
          setState('reconnecting');
        }
      },
    },
  });
  return client;
}

/** Debounced: runs `action` after QUIET_MS without calls, or MAX_WAIT_MS after the first, whichever comes first. */
function debounced(action: () => void): { call(): void; cancel(): void } {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let longest: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(quiet);
    clearTimeout(longest);
    quiet = longest = undefined;
  };
  const run = () => {
    cancel();
    action();
  };
  return {
    call() {
      clearTimeout(quiet);
      quiet = setTimeout(run, QUIET_MS);
      longest ??= setTimeout(run, MAX_WAIT_MS);
    },
    cancel,
  };
}

// Re-renders the current view where the reader is.
async function refreshView(): Promise<void> {
  const { scrollX, scrollY } = window;
  await render();
  window.scrollTo(scrollX, scrollY);
}

let stopCurrent: (() => void) | null = null;
onNavigate(() => {
  stopCurrent?.();
  stopCurrent = null;
});

/**
 * For the current view (until the next navigation): refreshes it when a meeting of `countries` (all of them
 * parties; none: any meeting) is created or changes, and after a reconnection. Returns the live badge to show.
 */
export function refreshOnMeetingChanges(countries: string[] | null = null): HTMLElement {
  stopCurrent?.();
  const refresh = debounced(() => void refreshView());
  const unsubscribe = liveClient().subscribe(
    { query: MEETING_CHANGED, variables: { countries } },
    { next: () => refresh.call(), error: () => undefined, complete: () => undefined },
  );
  watching += 1;
  afterReconnect.add(refresh.call);
  stopCurrent = () => {
    watching -= 1;
    refresh.cancel();
    afterReconnect.delete(refresh.call);
    unsubscribe();
  };
  return badge;
}
