import { describe, expect, it } from 'vitest';
import { coalesceLiveNotices, type LiveNotice, parseLiveNotice } from '../live-notice.js';

const A = '6e7d1659-5399-4bc5-846e-281435561e6e';
const B = '907d7c3c-249d-4c4d-8065-3125c6ecc70c';

describe('parseLiveNotice', () => {
  it.each([
    [`{"kind":"newsItem","id":"${A}"}`, { kind: 'newsItem', id: A }],
    [`{"kind":"meeting","id":"${A}","created":false}`, { kind: 'meeting', id: A, created: false }],
    [`{"kind":"followUp","id":"${A}","from":"OPEN","to":"DONE"}`, { kind: 'followUp', id: A, from: 'OPEN', to: 'DONE' }],
    ['not json', null],
    [`{"kind":"meeting","id":"${A}"}`, null],
    [`{"kind":"meeting","id":"1; DROP TABLE meeting","created":true}`, null],
    [`{"kind":"followUp","id":"${A}","from":"OPEN","to":"FINISHED"}`, null],
    [`{"kind":"proposal","id":"${A}"}`, null],
    ['null', null],
  ])('%s', (payload, expected) => {
    expect(parseLiveNotice(payload)).toEqual(expected);
  });
});

describe('coalesceLiveNotices', () => {
  it('keeps one notice per row: created wins, a follow-up goes from its first status to its last', () => {
    const notices: LiveNotice[] = [
      { kind: 'meeting', id: A, created: false },
      { kind: 'newsItem', id: A },
      { kind: 'meeting', id: A, created: true },
      { kind: 'followUp', id: B, from: 'OPEN', to: 'IN_PROGRESS' },
      { kind: 'followUp', id: B, from: 'IN_PROGRESS', to: 'DONE' },
      { kind: 'meeting', id: B, created: false },
    ];
    expect(coalesceLiveNotices(notices)).toEqual([
      { kind: 'meeting', id: A, created: true },
      { kind: 'newsItem', id: A },
      { kind: 'followUp', id: B, from: 'OPEN', to: 'DONE' },
      { kind: 'meeting', id: B, created: false },
    ]);
  });

  it('drops a follow-up moved back to where it was', () => {
    expect(
      coalesceLiveNotices([
        { kind: 'followUp', id: B, from: 'OPEN', to: 'DONE' },
        { kind: 'followUp', id: B, from: 'DONE', to: 'OPEN' },
      ]),
    ).toEqual([]);
  });
});
