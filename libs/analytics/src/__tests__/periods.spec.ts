import { describe, expect, it } from 'vitest';
import { periodLabel } from '../periods.js';

describe('periodLabel', () => {
  it.each([
    ['2025-04-01', 'MONTH', '2025-04'],
    ['2025-01-01', 'QUARTER', '2025-Q1'],
    ['2025-04-01', 'QUARTER', '2025-Q2'],
    ['2025-10-01', 'QUARTER', '2025-Q4'],
    ['2025-01-01', 'YEAR', '2025'],
  ] as const)('%s by %s is %s', (period, granularity, label) => {
    expect(periodLabel(period, granularity)).toBe(label);
  });
});
