import { describe, expect, it } from 'vitest';
import type { ProposalStatus } from '../../shared/vocabulary.js';
import {
  PROPOSAL_LIFECYCLE, checkProposalTransition, currentProposalStatus, proposalStatusRank, sortProposalHistory,
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
    expect(sortProposalHistory(history).map((h) => h.status)).toEqual(['AGREED', 'NEGOTIATING', 'SIGNED']);
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
