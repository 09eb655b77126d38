import { describe, expect, it } from 'vitest';
import {
  ACTIVE_PROPOSAL_STATUSES, AGREED_OR_LATER, FOLLOW_UP_STATUSES, isCountryCode, OPEN_FOLLOW_UP_STATUSES, PROPOSAL_LIFECYCLE,
  PROPOSAL_STATUSES, SIGNED_OR_LATER, sqlList,
} from '@dyad/vocabulary';
import * as extraction from '@dyad/extraction';

describe('the vocabulary', () => {
  it('keeps the lifecycle order, then the side states', () => {
    expect(PROPOSAL_STATUSES).toEqual(['PROPOSED', 'AGREED', 'NEGOTIATING', 'SIGNED', 'IMPLEMENTING', 'COMPLETED', 'STALLED', 'WITHDRAWN']);
  });

  it.each([
    ['SIGNED_OR_LATER', SIGNED_OR_LATER, PROPOSAL_LIFECYCLE.slice(3)],
    ['AGREED_OR_LATER', AGREED_OR_LATER, PROPOSAL_LIFECYCLE.slice(1)],
    ['ACTIVE_PROPOSAL_STATUSES', ACTIVE_PROPOSAL_STATUSES, PROPOSAL_LIFECYCLE.slice(0, 5)],
    ['OPEN_FOLLOW_UP_STATUSES', OPEN_FOLLOW_UP_STATUSES, FOLLOW_UP_STATUSES.slice(0, 2)],
  ])('%s is the expected slice of its vocabulary', (_name, group, expected) => {
    expect([...group]).toEqual([...expected]);
  });

  it.each([
    ['IR', true], ['KZ', true], ['XK', true], ['ir', false], ['XX', false], ['IRN', false], ['', false], [null, false], [42, false],
  ])('isCountryCode(%j) is %s', (value, expected) => {
    expect(isCountryCode(value)).toBe(expected);
  });

  it('renders a group for SQL IN and refuses anything but vocabulary values', () => {
    expect(sqlList(SIGNED_OR_LATER)).toBe(`('SIGNED', 'IMPLEMENTING', 'COMPLETED')`);
    expect(() => sqlList(["x'); DROP TABLE meeting; --"])).toThrow(/not a vocabulary value/);
  });

  it('is what @dyad/extraction exports under the same names', () => {
    expect(extraction.PROPOSAL_STATUSES).toBe(PROPOSAL_STATUSES);
    expect(extraction.isOneOf).toBeTypeOf('function');
    expect(extraction.LANGUAGES).toEqual(['fa', 'en', 'ru']);
  });
});
