import { describe, expect, it } from 'vitest';
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

  it('gives the same result however often the rules run (no regex state carried between texts)', () => {
    const text = 'Iran and Armenia signed a memorandum of understanding on transport cooperation in Yerevan on 2 March 2026.';
    const first = extract(text, { publishedAt: '2026-03-03' });
    for (let i = 0; i < 5; i++) expect(extract(text, { publishedAt: '2026-03-03' })).toEqual(first);
  });
});
