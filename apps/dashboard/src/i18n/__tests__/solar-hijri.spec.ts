import { describe, expect, it } from 'vitest';
import { formatSolarHijriInput, fromSolarHijri, parseSolarHijriInput, toSolarHijri } from '../solar-hijri.js';

describe('Solar Hijri date inputs', () => {
  it.each([
    ['2025-04-13', [1404, 1, 24]],
    ['2025-03-21', [1404, 1, 1]],
    ['2025-03-20', [1403, 12, 30]], // 1403 is a leap year
    ['2024-03-20', [1403, 1, 1]],
    ['2026-03-20', [1404, 12, 29]],
    ['2000-01-01', [1378, 10, 11]],
  ])('%s is %j and back', (iso, jalali) => {
    expect(toSolarHijri(iso)).toEqual(jalali);
    expect(fromSolarHijri(...(jalali as [number, number, number]))).toBe(iso);
  });

  it.each([
    ['1404/01/24', '2025-04-13'],
    ['۱۴۰۴/۰۱/۲۴', '2025-04-13'],
    ['١٤٠٤-١-٢٤', '2025-04-13'],
    [' 1404.1.24 ', '2025-04-13'],
    ['1404/12/30', null], // 1404 is not a leap year
    ['1404/13/01', null],
    ['1404/07/31', null], // the second half-year has 30-day months
    ['2025-04-13', null], // a Gregorian day typed in a Solar Hijri field
    ['yesterday', null],
  ])('reads %j as %s', (text, iso) => {
    expect(parseSolarHijriInput(text)).toBe(iso);
  });

  it('shows a day with Persian digits', () => {
    expect(formatSolarHijriInput('2025-04-13')).toBe('۱۴۰۴/۰۱/۲۴');
  });
});
