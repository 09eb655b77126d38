import {
  addDays, currentProposalStatus, type EventStatus, type EventType, type FollowUpHorizon, type FollowUpStatus, type ProposalKind, type ProposalStatus,
  type ReviewStatus, type Sector,
} from '@dyad/domain';
import type { DataSource, EntityManager } from 'typeorm';

// Test data built with plain SQL, so a test states only what matters to it and the rest has a default.

export interface MeetingSeed {
  parties: string[];
  date?: string | null;
  type?: EventType;
  /** Default HELD. */
  status?: EventStatus;
  sectors?: Sector[];
  reviewStatus?: ReviewStatus;
  summary?: string | null;
}

export interface ProposalSeed {
  parties: string[];
  kind?: ProposalKind;
  title?: string;
  sectors?: Sector[];
  /** The status changes, in any order; the current status is the latest (as the domain derives it). */
  history?: { status: ProposalStatus; date: string }[];
  /** Without a history: the only status, dated `statusDate` (default 2025-01-01). */
  status?: ProposalStatus;
  statusDate?: string;
  originMeetingId?: string | null;
}

export interface FollowUpSeed {
  description?: string;
  meetingId?: string | null;
  proposalId?: string | null;
  owners?: string[];
  horizon?: FollowUpHorizon;
  dueDate?: string | null;
  status?: FollowUpStatus;
  /** Status changes; by default OPEN 60 days before the due date (or on 2025-01-01), then `status` on the due date. */
  history?: { status: FollowUpStatus; date: string }[];
}

export interface Factories {
  createMeeting(seed: MeetingSeed): Promise<{ id: string }>;
  createProposal(seed: ProposalSeed): Promise<{ id: string; status: ProposalStatus }>;
  createFollowUp(seed?: FollowUpSeed): Promise<{ id: string }>;
}

/** Factories inserting rows on `db` (a data source, or a transaction's manager). */
export function factories(db: DataSource | EntityManager): Factories {
  const one = async (sql: string, params: unknown[]) => ((await db.query(sql, params)) as { id: string }[])[0];

  return {
    async createMeeting({ parties, date = '2025-01-15', type = 'MEETING', status = 'HELD', sectors = [], reviewStatus = 'EXTRACTED', summary = null }) {
      const meeting = await one(
        `INSERT INTO meeting (type, status, date, date_source, sectors, review_status, summary, version)
         VALUES ($1, $2, $3, CASE WHEN $3::date IS NULL THEN NULL ELSE 'TEXT'::date_source END, $4::sector[], $5, $6, 1) RETURNING id`,
        [type, status, date, sectors, reviewStatus, summary],
      );
      await db.query(`INSERT INTO meeting_party (meeting_id, country_code) SELECT $1, unnest($2::char(2)[])`, [meeting.id, parties]);
      return meeting;
    },

    async createProposal({ parties, kind = 'MOU', title, sectors = [], history, status, statusDate, originMeetingId = null }) {
      const changes = history ?? [{ status: status ?? 'PROPOSED', date: statusDate ?? '2025-01-01' }];
      const current = currentProposalStatus(changes.map((change) => ({ status: change.status, effectiveDate: change.date })))!;
      const proposal = await one(
        `INSERT INTO proposal (kind, title, sectors, status, status_date, origin_meeting_id, search_key, version)
         VALUES ($1, $2, $3::sector[], $4, $5, $6, lower($2), 1) RETURNING id`,
        [kind, title ?? `${kind} between ${parties.join(' and ')}`, sectors, current.status, current.effectiveDate, originMeetingId],
      );
      await db.query(`INSERT INTO proposal_party (proposal_id, country_code) SELECT $1, unnest($2::char(2)[])`, [proposal.id, parties]);
      await db.query(
        `INSERT INTO proposal_status_change (proposal_id, status, effective_date)
         SELECT $1, s.status, s.date FROM unnest($2::proposal_status[], $3::date[]) AS s(status, date)`,
        [proposal.id, changes.map((c) => c.status), changes.map((c) => c.date)],
      );
      return { id: proposal.id, status: current.status };
    },

    async createFollowUp({
      description = 'sign the MoU in the near future', meetingId = null, proposalId = null, owners = [], horizon = 'NEAR_TERM',
      dueDate = null, status = 'OPEN', history,
    } = {}) {
      const followUp = await one(
        `INSERT INTO follow_up_action (description, meeting_id, proposal_id, horizon, due_date, status, version)
         VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
        [description, meetingId, proposalId, horizon, dueDate, status],
      );
      if (owners.length) {
        await db.query(`INSERT INTO follow_up_owner (follow_up_id, country_code) SELECT $1, unnest($2::char(2)[])`, [followUp.id, owners]);
      }
      const opened = dueDate ? addDays(dueDate, -60) : '2025-01-01';
      const changes = history ?? [
        { status: 'OPEN' as FollowUpStatus, date: opened },
        ...(status === 'OPEN' ? [] : [{ status, date: dueDate ?? opened }]),
      ];
      await db.query(
        `INSERT INTO follow_up_status_change (follow_up_id, status, effective_date)
         SELECT $1, s.status, s.date FROM unnest($2::follow_up_status[], $3::date[]) AS s(status, date)`,
        [followUp.id, changes.map((c) => c.status), changes.map((c) => c.date)],
      );
      return followUp;
    },
  };
}
