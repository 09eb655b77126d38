import { describe, expect, it } from 'vitest';
import { PartyLocks, partySetKey, subsetKeys } from '../party-locks.js';

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

describe('PartyLocks', () => {
  const modes = (locks: PartyLocks) => Object.fromEntries((locks as unknown as { modes: Map<string, boolean> }).modes);

  it('takes a meeting’s set exclusively and its smaller sets shared, as linking does', () => {
    expect(modes(new PartyLocks().meeting(['KZ', 'IR']))).toEqual({ 'IR,KZ': true, IR: false, KZ: false });
    expect(modes(new PartyLocks().meeting([]))).toEqual({});
  });

  it('covers locks it holds in the same or a stronger mode only', () => {
    const held = new PartyLocks().meeting(['IR', 'KZ']);
    expect(held.covers(new PartyLocks().shared('IR'))).toBe(true);
    expect(held.covers(new PartyLocks().exclusive('IR,KZ'))).toBe(true);
    expect(held.covers(new PartyLocks().exclusive('IR'))).toBe(false);
    expect(held.covers(new PartyLocks().meeting(['IR', 'KZ', 'RU']))).toBe(false);
  });
});

describe('PartyLocks.conflictsWith', () => {
  it('conflicts on a set both lock unless both share it', () => {
    const irKz = new PartyLocks().exclusive('IR,KZ').shared('IR').shared('KZ');
    const irRu = new PartyLocks().exclusive('IR,RU').shared('IR').shared('RU');
    expect(irKz.conflictsWith(irRu)).toBe(false);
    expect(irKz.conflictsWith(new PartyLocks().exclusive('IR,KZ'))).toBe(true);
    expect(irRu.conflictsWith(new PartyLocks().exclusive('IR'))).toBe(true);
    expect(new PartyLocks().exclusive('IR').conflictsWith(irRu)).toBe(true);
    expect(irKz.conflictsWith(new PartyLocks())).toBe(false);
  });
});
