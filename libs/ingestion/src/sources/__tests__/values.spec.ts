import { describe, expect, it } from 'vitest';
import { isRealIsoDate, toIsoDate, toLanguage } from '../values.js';

describe('toIsoDate', () => {
  it.each([
    ['2025-04-13', '2025-04-13'],
    ['2025-04-14T01:15:00+03:30', '2025-04-14'], // the publisher's day, not UTC's
    ['2025-06-02T08:00:00Z', '2025-06-02'],
    ['Sun, 13 Apr 2025 22:40:00 +0330', '2025-04-13'],
    ['13 Apr 2025 10:00 GMT', '2025-04-13'],
    ['Mon, 5 May 25 10:00:00 GMT', '2025-05-05'],
    ['2025-02-30', null],
    ['Fri, 31 Feb 2025 10:00:00 GMT', null],
    ['yesterday', null],
    ['', null],
    [null, null],
  ])('%s → %s', (value, expected) => {
    expect(toIsoDate(value)).toBe(expected);
  });
});

describe('isRealIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-4-13', false],
    ['2025-04-13T00:00', false],
  ])('%s → %s', (value, expected) => {
    expect(isRealIsoDate(value)).toBe(expected);
  });
});

describe('toLanguage', () => {
  it.each([
    ['fa-IR', 'fa'],
    ['EN', 'en'],
    ['ru_RU', 'ru'],
    ['de', null],
    ['', null],
  ])('%s → %s', (value, expected) => {
    expect(toLanguage(value)).toBe(expected);
  });
});
