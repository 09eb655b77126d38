import type { ExtractedEvent } from '@dyad/extraction';
import { describe, expect, it } from 'vitest';
import { linkingLocks } from '../linking-locks.js';

const event = (over: Partial<ExtractedEvent>): ExtractedEvent => ({
  type: 'MEETING', status: 'HELD', date: '2025-04-13', dateSource: 'TEXT', countries: ['IR', 'KZ'], location: null, sectors: [],
  participants: [], proposals: [], followUps: [], evidence: [], confidence: 0.9, ...over,
});

const KNOWN = new Set(['IR', 'KZ', 'RU', 'TR']);
const modes = (events: ExtractedEvent[]) => Object.fromEntries((linkingLocks(events, KNOWN) as unknown as { modes: Map<string, boolean> }).modes);

describe('linkingLocks', () => {
  it('takes a meeting’s party set exclusively and its smaller sets shared', () => {
    expect(modes([event({})])).toEqual({ 'IR,KZ': true, IR: false, KZ: false });
  });

  it('takes a follow-up’s owner set exclusively', () => {
    const followUp = { description: 'KZ will visit Tehran', owners: ['KZ'], horizon: 'NEAR_TERM', dueDate: null, evidence: [] } as unknown as ExtractedEvent['followUps'][number];
    expect(modes([event({ followUps: [followUp] })])).toEqual({ 'IR,KZ': true, IR: false, KZ: true });
  });

  it('takes no shared sets for a statement (no meeting), and nothing for one country or unknown ones', () => {
    expect(modes([event({ type: 'STATEMENT' })])).toEqual({ 'IR,KZ': true });
    expect(modes([event({ countries: ['IR', 'XX'] })])).toEqual({});
  });

  it('adds up the events of an item', () => {
    expect(Object.keys(modes([event({}), event({ countries: ['RU', 'TR'] })])).sort()).toEqual(['IR', 'IR,KZ', 'KZ', 'RU', 'RU,TR', 'TR']);
  });
});
