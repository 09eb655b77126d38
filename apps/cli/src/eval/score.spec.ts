import { describe, expect, it } from 'vitest';
import type { ExtractedEvent, ExtractionResult } from '@dyad/extraction';
import {
  aggregate, alignEvents, compareBags, formatReport, itemScore, locationsMatch, namesMatch, normalizeKey, prf, scoreItem,
} from './score.js';

function ev(over: Partial<ExtractedEvent> = {}): ExtractedEvent {
  return {
    type: 'MEETING', status: 'HELD', date: '2025-04-13', dateSource: 'PUBLISHED', countries: ['IR', 'KZ'],
    location: { name: 'Astana', country: 'KZ' }, sectors: ['CINEMA', 'CULTURE'],
    participants: [{ name: 'علی اکبر طالبی‌متین', title: null, organization: null, country: 'IR' }],
    proposals: [{ kind: 'MOU', status: 'AGREED', description: 'MoU', evidence: [] }],
    followUps: [{ description: 'sign', owners: ['IR', 'KZ'], horizon: 'NEAR_TERM', dueDate: null, evidence: [] }],
    evidence: [], confidence: 1, ...over,
  };
}
const doc = (events: ExtractedEvent[]): ExtractionResult => ({ language: 'fa', publishedAt: '2025-04-13', title: null, events });

describe('prf', () => {
  it.each([
    [{ tp: 0, fp: 0, fn: 0 }, 1, 1, 1],
    [{ tp: 1, fp: 1, fn: 0 }, 0.5, 1, 2 / 3],
    [{ tp: 0, fp: 0, fn: 2 }, 0, 0, 0],
    [{ tp: 0, fp: 3, fn: 0 }, 0, 0, 0],
    [{ tp: 3, fp: 1, fn: 1 }, 0.75, 0.75, 0.75],
  ])('%o → P %d R %d F1 %d', (c, p, r, f) => {
    const x = prf(c);
    expect(x.precision).toBeCloseTo(p);
    expect(x.recall).toBeCloseTo(r);
    expect(x.f1).toBeCloseTo(f);
  });
});

describe('names and keys', () => {
  it.each([
    ['طالبی‌متین', 'طالبیمتین', true], // ZWNJ stripped
    ['علی اکبر طالبیمتین', 'علی‌اکبر طالبی‌متین', true], // ZWNJ vs space
    ['هيأت', 'هیأت', true], // Arabic yeh
    ['كاظمی', 'کاظمی', true], // Arabic kaf
    ['Ali Bagheri Kani', 'Bagheri Kani', true],
    ['Abbas Araghchi', 'Araghchi', true],
    ['Аббасом Аракчи', 'Аббас Аракчи', true], // Russian case ending
    ['А.Ю.Руденко', 'Андрей Руденко', true], // initials ignored
    ['Ali Larijani', 'Ali Bagheri Kani', false],
    ['Сергей Лавров', 'Сергей Шойгу', false],
  ])('%s ~ %s → %s', (a, b, same) => expect(namesMatch(a, b)).toBe(same));

  it('normalises digits, case and punctuation', () => {
    expect(normalizeKey('۱۴۰۴/٠١/24 Astana!')).toBe('1404 01 24 astana');
  });

  it.each([
    [{ name: 'Astana', country: 'KZ' }, { name: 'astana', country: 'KZ' }, true],
    [{ name: 'Astana', country: 'KZ' }, { name: 'Astana', country: null }, true],
    [{ name: 'New Delhi', country: 'IN' }, { name: 'Delhi', country: 'IN' }, true],
    [{ name: 'Astana', country: 'KZ' }, { name: 'Tehran', country: 'IR' }, false],
  ])('location %o ~ %o → %s', (g, p, same) => expect(locationsMatch(g, p)).toBe(same));
});

describe('compareBags (multisets)', () => {
  it.each([
    [['EVENT', 'EVENT', 'MOU'], ['EVENT', 'MOU', 'MOU'], { tp: 2, fp: 1, fn: 1 }],
    [[], ['MOU'], { tp: 0, fp: 1, fn: 0 }],
    [['MOU'], [], { tp: 0, fp: 0, fn: 1 }],
  ])('%o vs %o', (g, p, c) => expect(compareBags(g, p)).toEqual(c));
});

describe('alignEvents', () => {
  it('pairs by party set first, regardless of type', () => {
    const gold = [ev({ countries: ['IR', 'KZ'] }), ev({ countries: ['IR', 'RU'], date: '2025-04-12' })];
    const pred = [ev({ countries: ['IR', 'RU'], type: 'CALL', date: '2025-04-12' }), ev({ countries: ['IR', 'KZ'], type: 'VISIT' })];
    expect(alignEvents(gold, pred)).toEqual([[0, 1], [1, 0]]);
  });

  it('accepts a partial party set and refuses disjoint ones', () => {
    expect(alignEvents([ev()], [ev({ countries: ['IR'] })])).toEqual([[0, 0]]);
    expect(alignEvents([ev()], [ev({ countries: ['RU', 'TR'] })])).toEqual([]);
    // one shared country of three is not enough without the same date
    expect(alignEvents([ev()], [ev({ countries: ['IR', 'RU', 'TR'], date: '2020-01-01' })])).toEqual([]);
  });
});

describe('scoreItem', () => {
  it('a perfect prediction scores only true positives', () => {
    const c = scoreItem(doc([ev()]), doc([ev()]));
    for (const f of Object.values(c)) expect(f.fp + f.fn).toBe(0);
    expect(c.events).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(c.sectors).toEqual({ tp: 2, fp: 0, fn: 0 });
  });

  it('CINEMA implies CULTURE on both sides', () => {
    const c = scoreItem(doc([ev({ sectors: ['CINEMA'] })]), doc([ev({ sectors: ['CINEMA', 'CULTURE'] })]));
    expect(c.sectors).toEqual({ tp: 2, fp: 0, fn: 0 });
  });

  it('"will sign" predicted as SIGNED is a kind hit but a status miss', () => {
    const pred = ev({ proposals: [{ kind: 'MOU', status: 'SIGNED', description: '', evidence: [] }] });
    const c = scoreItem(doc([ev()]), doc([pred]));
    expect(c.proposalKind).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(c.proposalStatus).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('a wrong type, date and location cost one FP and one FN each', () => {
    const c = scoreItem(doc([ev()]), doc([ev({ type: 'CALL', date: '2025-04-12', location: { name: 'Tehran', country: 'IR' } })]));
    expect(c.type).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(c.date).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(c.location).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(c.parties).toEqual({ tp: 2, fp: 0, fn: 0 });
  });

  it('a missed event counts every gold value as FN; a spurious one every value as FP', () => {
    const missed = scoreItem(doc([ev()]), doc([]));
    expect(missed.events).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(missed.parties).toEqual({ tp: 0, fp: 0, fn: 2 });
    const spurious = scoreItem(doc([]), doc([ev()]));
    expect(spurious.events).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(spurious.followUpHorizon).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  it('participants match across ZWNJ and spelling variants', () => {
    const pred = ev({ participants: [{ name: 'علی‌اكبر طالبيمتين', title: null, organization: null, country: 'IR' }] });
    expect(scoreItem(doc([ev()]), doc([pred])).participants).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
});

describe('aggregate', () => {
  it('reports fields, languages, negatives and the worst items', () => {
    const scores = [
      itemScore('fa-001-a', 'fa', doc([ev()]), doc([ev()])),
      itemScore('fa-002-neg', 'fa', doc([]), doc([ev()])),
      itemScore('en-001-b', 'en', doc([ev()]), doc([]), 'boom'),
    ];
    const r = aggregate(scores);
    expect(r.items).toBe(3);
    expect(r.fields.events).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(r.negatives).toEqual({ items: 1, itemsWithFalsePositives: 1, falsePositiveEvents: 1 });
    expect(r.perLanguage.fa.items).toBe(2);
    expect(r.perLanguage.en.overall.recall).toBe(0);
    expect(r.errors).toEqual([{ id: 'en-001-b', error: 'boom' }]);
    expect(r.worst.map((w) => w.id)).toEqual(['en-001-b', 'fa-002-neg', 'fa-001-a']);
    const text = formatReport(r);
    expect(text).toContain('event detection');
    expect(text).toContain('overall (micro)');
    expect(text).toContain('Negatives: 1 items, 1 with false positives');
  });
});
