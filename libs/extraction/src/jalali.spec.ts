import { describe, expect, it } from 'vitest';
import { addMonths, gregorianToJalali, isValidIsoDate, isJalaliLeapYear, jalaliToGregorian } from './jalali.js';

describe('Solar Hijri ↔ Gregorian', () => {
  it.each([
    [1404, 1, 24, '2025-04-13'],
    [1404, 1, 1, '2025-03-21'],
    [1403, 12, 30, '2025-03-20'],
    [1399, 12, 30, '2021-03-20'],
    [1403, 1, 1, '2024-03-20'],
    [1402, 10, 11, '2024-01-01'],
    [1398, 1, 1, '2019-03-21'],
    [1404, 2, 16, '2025-05-06'],
    [1404, 7, 15, '2025-10-07'],
    [1367, 6, 31, '1988-09-22'],
  ])('%i/%i/%i = %s', (y, m, d, iso) => {
    expect(jalaliToGregorian(y, m, d)).toBe(iso);
    expect(gregorianToJalali(iso)).toEqual({ jy: y, jm: m, jd: d });
  });

  it.each([
    [1404, 12, 30],
    [1404, 13, 1],
    [1404, 7, 31],
    [1404, 0, 10],
  ])('rejects %i/%i/%i', (y, m, d) => {
    expect(jalaliToGregorian(y, m, d)).toBeNull();
  });

  it('knows the leap years', () => {
    expect([1399, 1403, 1408].map(isJalaliLeapYear)).toEqual([true, true, true]);
    expect([1400, 1401, 1402, 1404].map(isJalaliLeapYear)).toEqual([false, false, false, false]);
  });

  it('validates ISO dates and adds months with clamping', () => {
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2025-13-40')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-06-29', 3)).toBe('2025-09-29');
  });
});
