import { describe, expect, it } from 'vitest';
import { addMonths, isIsoDate, todayInTehran } from '../dates.js';

describe('dates', () => {
  it.each([
    ['2025-04-13', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-4-13', false],
    ['', false],
  ])('%s is a date: %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));

  it('adds months across a year end', () => expect(addMonths('2025-11-30', 3)).toBe('2026-02-28'));

  it('takes the date in Tehran, 3:30 ahead of UTC', () => {
    expect(todayInTehran(new Date('2026-03-20T20:29:00Z'))).toBe('2026-03-20');
    expect(todayInTehran(new Date('2026-03-20T20:31:00Z'))).toBe('2026-03-21');
  });
});
