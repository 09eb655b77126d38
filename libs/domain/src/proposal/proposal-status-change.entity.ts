import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { StatusChangeColumns } from '../shared/status-change.columns.js';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../shared/vocabulary.js';
import { Proposal } from './proposal.entity.js';

@Entity()
@Index(['proposalId', 'effectiveDate'])
// the accepted readings by proposal and day (migration ProposalHistoryIndex1800000000018): a history's readings
@Index('proposal_status_change_accepted', { synchronize: false })
// the readings of a meeting, those that have one (MeetingReferencesIndexed1800000000023): a merge moves them
@Index('proposal_status_change_meeting', { synchronize: false })
export class ProposalStatusChange extends StatusChangeColumns {
  @Column('uuid')
  proposalId: string;

  @ManyToOne(() => Proposal, (proposal) => proposal.history, { onDelete: 'CASCADE' })
  @JoinColumn()
  proposal: Relation<Proposal>;

  @Column({ type: 'enum', enum: PROPOSAL_STATUSES, enumName: 'proposal_status' })
  status: ProposalStatus;

  /**
   * Every report's reading of the status is kept; `accepted` marks those that form the history (see
   * resolveProposalHistory), so reports ingested in any order give the same history.
   */
  @Column({ type: 'boolean', default: true })
  accepted: boolean;

  /** An analyst's change the lifecycle rules refused, made anyway with this reason. */
  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;
}
