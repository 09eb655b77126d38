import { gql } from '../api/graphql-client.js';
import { errorMessage } from '../charts/chart-panel.js';
import { formatDay } from '../i18n/dates.js';
import { formatNumber } from '../i18n/numbers.js';
import { h, replace } from './dom.js';

// The cooperation score explained where it is shown: the formula, and this pair's inputs on the day it is taken.

interface Breakdown {
  asOf: string;
  windowFrom: string;
  meetings: number;
  meetingsWeight: number;
  signed: number;
  advanced: number;
  overdue: number;
  raw: number;
  score: number;
  signedWeight: number;
  advancedWeight: number;
  overdueWeight: number;
  scale: number;
  formula: string;
}

const BREAKDOWN = `query ScoreBreakdown($c: [String!]!, $f: CooperationFilterInput) {
  dyadScoreBreakdown(countries: $c, filter: $f) {
    asOf windowFrom meetings meetingsWeight signed advanced overdue raw score signedWeight advancedWeight overdueWeight scale formula
  }
}`;

const n = (value: number, digits = 2) => formatNumber(value, { maximumFractionDigits: digits });

/** A "How is this score made?" panel for a pair: loads the breakdown when first opened. */
export function scoreHelp(codes: string[], filter: Record<string, unknown>, pairTitle: string): HTMLElement {
  const body = h('div', { class: 'score-help-body' }, h('p', { class: 'muted' }, 'Loading…'));
  const panel = h('details', { class: 'score-help', data: { panel: 'score-help', state: 'closed' } }, h('summary', null, 'How is this score made?'), body);
  let loaded = false;
  panel.addEventListener('toggle', async () => {
    panel.dataset.state = panel.open ? 'open' : 'closed';
    if (!panel.open || loaded) return;
    loaded = true;
    try {
      const { dyadScoreBreakdown: b } = await gql<{ dyadScoreBreakdown: Breakdown }>(BREAKDOWN, { c: codes, f: filter });
      replace(body, ...explain(b, pairTitle));
      panel.dataset.state = 'ready';
    } catch (error) {
      loaded = false;
      replace(body, h('p', { class: 'error-text', attrs: { role: 'alert' } }, errorMessage(error)));
    }
  });
  return panel;
}

function explain(b: Breakdown, pairTitle: string): HTMLElement[] {
  const row = (term: string, inputs: string, value: number, sign: '+' | '−', key: string) =>
    h('tr', { data: { term: key } }, h('th', { attrs: { scope: 'row' } }, term), h('td', null, inputs), h('td', { class: 'num', data: { value: String(value) } }, `${sign} ${n(value)}`));
  return [
    h('p', null, `${pairTitle} scores `, h('strong', { data: { score: String(b.score) } }, n(b.score, 1)), ` of 100 on ${formatDay(b.asOf)}, from what happened between ${formatDay(b.windowFrom)} and then (24 months):`),
    h(
      'table',
      { class: 'data-table score-terms' },
      h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Term'), h('th', { attrs: { scope: 'col' } }, 'This pair'), h('th', { attrs: { scope: 'col' }, class: 'num' }, 'Adds'))),
      h(
        'tbody',
        null,
        row('Meetings held, recent ones weigh more', `${n(b.meetings, 0)} meetings, each × 0.5^(age in days ÷ 365)`, b.meetingsWeight, '+', 'meetings'),
        row('MoUs and agreements signed', `${n(b.signed, 0)} × ${n(b.signedWeight)}`, b.signed * b.signedWeight, '+', 'signed'),
        row('Proposals that moved past "Proposed"', `${n(b.advanced, 0)} × ${n(b.advancedWeight)}`, b.advanced * b.advancedWeight, '+', 'advanced'),
        row('Follow-ups overdue (fell due, not done)', `${n(b.overdue, 0)} × ${n(b.overdueWeight)}`, b.overdue * b.overdueWeight, '−', 'overdue'),
        h('tr', { data: { term: 'raw' } }, h('th', { attrs: { scope: 'row' } }, 'Raw total'), h('td'), h('td', { class: 'num', data: { value: String(b.raw) } }, n(b.raw))),
      ),
    ),
    h('p', null, `Score = 100 × (1 − e^(−raw ÷ ${n(b.scale)})) = 100 × (1 − e^(−${n(Math.max(b.raw, 0))} ÷ ${n(b.scale)})) = ${n(b.score, 1)}. `, `A raw total of ${n(b.scale, 0)} scores 63, ${n(2 * b.scale, 0)} scores 86: the score rises quickly at first, then levels off.`),
    h('p', { class: 'muted' }, b.formula),
  ];
}
