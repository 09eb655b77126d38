import { describe, expect, it } from 'vitest';
import { partySetKey, subsetKeys } from '../party-locks.js';

describe('party set keys', () => {
  it.each([
    [['KZ', 'IR'], 'IR,KZ'],
    [['IR', 'KZ', 'IR'], 'IR,KZ'],
    [['RU'], 'RU'],
    [['TR', 'AZ', 'IR'], 'AZ,IR,TR'],
  ])('%j is %s', (codes, key) => expect(partySetKey(codes)).toBe(key));

  it('lists every non-empty subset, the set included', () => {
    expect(subsetKeys(['KZ', 'IR']).sort()).toEqual(['IR', 'IR,KZ', 'KZ']);
    expect(subsetKeys(['RU', 'IR', 'TR'])).toHaveLength(7);
    expect(subsetKeys(['RU', 'IR', 'TR'])).toContain('IR,RU,TR');
  });
});
