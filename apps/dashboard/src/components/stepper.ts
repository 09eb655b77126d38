import { PROPOSAL_LIFECYCLE } from '@dyad/vocabulary';
import { label } from '../i18n/labels.js';
import { formatDay } from '../i18n/dates.js';
import { h } from './dom.js';

/** The lifecycle PROPOSED → COMPLETED with the steps reached (from the history) and the current one; side states shown after. */
export function lifecycleStepper(status: string, history: { status: string; date: string }[]): HTMLElement {
  const reachedAt = new Map<string, string>();
  for (const change of history) if (!reachedAt.has(change.status)) reachedAt.set(change.status, change.date);
  const currentIndex = PROPOSAL_LIFECYCLE.indexOf(status as (typeof PROPOSAL_LIFECYCLE)[number]);
  const furthest = Math.max(currentIndex, ...history.map((c) => PROPOSAL_LIFECYCLE.indexOf(c.status as (typeof PROPOSAL_LIFECYCLE)[number])));
  const side = currentIndex < 0;
  return h(
    'ol',
    { class: 'stepper', attrs: { 'aria-label': `Lifecycle: ${label(status)}` } },
    PROPOSAL_LIFECYCLE.map((step, i) =>
      h(
        'li',
        { class: step === status ? 'current done' : i <= furthest ? 'done' : undefined, attrs: { 'aria-current': step === status ? 'step' : null } },
        label(step),
        reachedAt.has(step) ? h('br') : null,
        reachedAt.has(step) ? formatDay(reachedAt.get(step)) : null,
      ),
    ),
    side ? h('li', { class: 'current side', attrs: { 'aria-current': 'step' } }, label(status), h('br'), formatDay(reachedAt.get(status))) : null,
  );
}

export function historyList(history: { status: string; date: string; note?: string | null; byAnalyst?: boolean }[]): HTMLElement {
  return h(
    'ul',
    { class: 'history' },
    history.map((c) => h('li', null, formatDay(c.date), ': ', label(c.status), c.byAnalyst ? ' (by an analyst)' : null, c.note ? h('span', { dir: 'auto' }, ` — ${c.note}`) : null)),
  );
}
