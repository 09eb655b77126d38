import { describe, expect, it } from 'vitest';
import type { ProposalStatus } from '../../shared/vocabulary.js';
import {
  PROPOSAL_LIFECYCLE, checkProposalTransition, currentProposalStatus, proposalStatusRank, resolveProposalHistory,
} from '../proposal-lifecycle.js';

describe('proposal lifecycle', () => {
  it('orders the main line as DESIGN.md does', () => {
    expect(PROPOSAL_LIFECYCLE).toEqual(['PROPOSED', 'AGREED', 'NEGOTIATING', 'SIGNED', 'IMPLEMENTING', 'COMPLETED']);
    expect(proposalStatusRank('SIGNED')).toBeGreaterThan(proposalStatusRank('NEGOTIATING'));
  });

  const table: [ProposalStatus, ProposalStatus, boolean][] = [
    ['PROPOSED', 'AGREED', true],
    ['AGREED', 'NEGOTIATING', true],
    ['NEGOTIATING', 'SIGNED', true],
    ['PROPOSED', 'SIGNED', true], // a report may skip steps
    ['SIGNED', 'IMPLEMENTING', true],
    ['IMPLEMENTING', 'COMPLETED', true],
    ['SIGNED', 'STALLED', true],
    ['AGREED', 'WITHDRAWN', true],
    ['STALLED', 'IMPLEMENTING', true], // resumed
    ['STALLED', 'WITHDRAWN', true],
    ['SIGNED', 'AGREED', false], // backwards
    ['NEGOTIATING', 'PROPOSED', false],
    ['COMPLETED', 'STALLED', false],
    ['WITHDRAWN', 'PROPOSED', false],
    ['AGREED', 'AGREED', false],
  ];
  it.each(table)('%s → %s allowed: %s', (from, to, allowed) => {
    const verdict = checkProposalTransition(from, to);
    expect(verdict.allowed).toBe(allowed);
    if (!verdict.allowed) expect(verdict.reason).toMatch(/\w/);
  });

  it('takes the latest status by effective date, whatever order the reports came in', () => {
    const history = [
      { status: 'SIGNED' as const, effectiveDate: '2026-05-10' },
      { status: 'AGREED' as const, effectiveDate: '2025-04-13' },
      { status: 'NEGOTIATING' as const, effectiveDate: '2026-02-02' },
    ];
    expect(currentProposalStatus(history)?.status).toBe('SIGNED');
    expect(currentProposalStatus([...history].reverse())?.status).toBe('SIGNED');
  });

  it('breaks a same-day tie by lifecycle order', () => {
    const history = [
      { status: 'SIGNED' as const, effectiveDate: '2026-05-10' },
      { status: 'AGREED' as const, effectiveDate: '2026-05-10' },
    ];
    expect(currentProposalStatus(history)?.status).toBe('SIGNED');
    expect(currentProposalStatus([...history].reverse())?.status).toBe('SIGNED');
  });

  it('has no current status without history', () => {
    expect(currentProposalStatus([])).toBeNull();
  });
});

describe('resolveProposalHistory', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  const reading = (id: string, status: ProposalStatus, effectiveDate: string | null, byAnalyst = false) => ({
    id, status, effectiveDate, byAnalyst, recordedAt: at,
  });
  const statuses = (readings: ReturnType<typeof reading>[]) => {
    const { accepted, current } = resolveProposalHistory(readings);
    return { history: accepted.map((r) => `${r.status}@${r.effectiveDate}`), current: current?.status ?? null };
  };

  it('builds AGREED → NEGOTIATING → SIGNED from reports in any order, dropping repeats', () => {
    const readings = [
      reading('a', 'AGREED', '2025-04-13'),
      reading('b', 'AGREED', '2025-04-13'), // the same meeting, another outlet
      reading('c', 'NEGOTIATING', '2026-02-10'),
      reading('d', 'SIGNED', '2026-05-12'),
    ];
    const expected = { history: ['AGREED@2025-04-13', 'NEGOTIATING@2026-02-10', 'SIGNED@2026-05-12'], current: 'SIGNED' };
    expect(statuses(readings)).toEqual(expected);
    expect(statuses([...readings].reverse())).toEqual(expected);
    expect(statuses([readings[2], readings[0], readings[3], readings[1]])).toEqual(expected);
  });

  it('never moves backwards on a later report that mentions an earlier stage', () => {
    expect(statuses([reading('a', 'SIGNED', '2026-05-12'), reading('b', 'PROPOSED', '2026-06-01')])).toEqual({
      history: ['SIGNED@2026-05-12'],
      current: 'SIGNED',
    });
  });

  it('records STALLED and resumes from it', () => {
    expect(
      statuses([
        reading('a', 'SIGNED', '2024-01-10'),
        reading('b', 'STALLED', '2025-01-10'),
        reading('c', 'IMPLEMENTING', '2025-09-01'),
      ]).history,
    ).toEqual(['SIGNED@2024-01-10', 'STALLED@2025-01-10', 'IMPLEMENTING@2025-09-01']);
  });

  it('counts a reading with no date as older than every dated one, so it never overrides one', () => {
    const readings = [reading('a', 'STALLED', null), reading('b', 'SIGNED', '2026-05-12'), reading('c', 'AGREED', null)];
    const expected = { history: ['AGREED@null', 'STALLED@null', 'SIGNED@2026-05-12'], current: 'SIGNED' };
    expect(statuses(readings)).toEqual(expected);
    expect(statuses([...readings].reverse())).toEqual(expected);
  });

  it('lets the later of two same-day analyst decisions win', () => {
    const first = { ...reading('a', 'NEGOTIATING', '2026-05-20', true), recordedAt: new Date('2026-05-20T08:00:00Z') };
    const second = { ...reading('b', 'PROPOSED', '2026-05-20', true), recordedAt: new Date('2026-05-20T09:00:00Z') };
    expect(resolveProposalHistory([second, first]).current?.status).toBe('PROPOSED');
  });

  it('takes an analyst’s correction even against the rules', () => {
    expect(statuses([reading('a', 'SIGNED', '2026-05-12'), reading('b', 'AGREED', '2026-05-20', true)])).toEqual({
      history: ['SIGNED@2026-05-12', 'AGREED@2026-05-20'],
      current: 'AGREED',
    });
  });
});
