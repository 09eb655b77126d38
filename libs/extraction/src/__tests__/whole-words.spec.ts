import { describe, expect, it } from 'vitest';
import { NOT_DONE_BEFORE } from '../cues.js';
import { extract } from '../extract.js';

// Negations and "to" cues are whole words: a city whose name ends in one («آستانه» ends in «نه»,
// «Тегеране» in «не») must not turn a signing into a denied one.
describe('cues match whole words only', () => {
  it.each([
    [
      'fa',
      'تفاهمنامه همکاری سینمایی میان ایران و قزاقستان روز گذشته در آستانه به امضا رسید.',
      { type: 'SIGNING', date: '2026-05-11', dateSource: 'RELATIVE', location: { name: 'Astana', country: 'KZ' } },
    ],
    [
      'ru',
      'Россия и Иран вчера в Тегеране подписали меморандум о сотрудничестве в области образования.',
      { type: 'SIGNING', date: '2026-05-11', dateSource: 'RELATIVE', location: { name: 'Tehran', country: 'IR' } },
    ],
  ])('%s: a signing in a city ending in a negation is a signing', (_lang, text, expected) => {
    const [event] = extract(text, { publishedAt: '2026-05-12' }).events;
    expect(event).toMatchObject(expected);
    expect(event.proposals.find((p) => p.kind === 'MOU')?.status).toBe('SIGNED');
  });

  it.each([
    ['fa', 'قرار است این سند ', 'قرار است تفاهمنامه '],
    ['en', 'the MoU will be ', 'the agreement is expected to be '],
    ['ru', 'меморандум будет ', 'соглашение не '],
  ] as const)('%s: a negation cue answers the same for every text it is tested on (no regex state)', (lang, first, second) => {
    const cue = NOT_DONE_BEFORE[lang];
    expect([cue.test(first), cue.test(second), cue.test(first)]).toEqual([true, true, true]);
    expect(cue.test('در آستانه ')).toBe(false);
  });
});
