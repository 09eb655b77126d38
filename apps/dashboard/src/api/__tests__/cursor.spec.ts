import { describe, expect, it } from 'vitest';
import { shiftCursor } from '../cursor.js';

const cursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

describe('shiftCursor', () => {
  it('moves an offset cursor by whole rows, in the API encoding', () => {
    expect(shiftCursor(cursor(99), -1)).toBe(cursor(98));
    expect(shiftCursor(cursor(99), 1)).toBe(cursor(100));
    expect(shiftCursor(cursor(1234567), 1)).toBe(cursor(1234568));
  });

  it('keeps null (nothing more to load) and a cursor it cannot read', () => {
    expect(shiftCursor(null, 1)).toBeNull();
    expect(shiftCursor('not-ours', 1)).toBe('not-ours');
    expect(shiftCursor('%%%', 1)).toBe('%%%');
  });
});
