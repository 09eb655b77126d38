import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, type Relation,
  UpdateDateColumn, VersionColumn,
} from 'typeorm';
import { Meeting } from '../meeting/meeting.entity.js';
import { Proposal } from '../proposal/proposal.entity.js';
import {
  FOLLOW_UP_HORIZONS, FOLLOW_UP_STATUSES, type FollowUpHorizon, type FollowUpStatus, SECTORS, type Sector,
} from '../shared/vocabulary.js';
import { FollowUpOwner } from './follow-up-owner.entity.js';
import { FollowUpStatusChange } from './follow-up-status-change.entity.js';
import { IdColumn } from '../shared/ids.js';

@Entity()
@Index('follow_up_open_owner_origin', { synchronize: false })
@Index('follow_up_open_due', { synchronize: false })
@Index('follow_up_action_party_codes_gin', { synchronize: false })
@Index('follow_up_action_meeting_id', { synchronize: false })
@Index('follow_up_action_proposal_id', { synchronize: false })
@Index('follow_up_description_trgm', { synchronize: false })
@Index('follow_up_action_meeting_sectors_gin', { synchronize: false })
// a list of some statuses in a due-date range: counted from the index alone, paged in due-date order
@Index('follow_up_status_due', ['status', 'dueDate'])
export class FollowUpAction {
  @IdColumn()
  id: string;

  @Column({ type: 'text' })
  description: string;

  @OneToMany(() => FollowUpOwner, (owner) => owner.followUp, { cascade: true })
  owners: Relation<FollowUpOwner>[];

  @Column({ type: 'enum', enum: FOLLOW_UP_HORIZONS, enumName: 'follow_up_horizon' })
  horizon: FollowUpHorizon;

  @Index()
  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  /** True when the due date was derived from the horizon rather than stated in the text. */
  @Column({ type: 'boolean', default: false })
  dueDateEstimated: boolean;

  @Column({ type: 'enum', enum: FOLLOW_UP_STATUSES, enumName: 'follow_up_status', default: 'OPEN' })
  status: FollowUpStatus;

  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @ManyToOne(() => Meeting, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  meeting: Relation<Meeting> | null;

  @Column({ type: 'uuid', nullable: true })
  proposalId: string | null;

  @ManyToOne(() => Proposal, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  proposal: Relation<Proposal> | null;

  @OneToMany(() => FollowUpStatusChange, (change) => change.followUp)
  history: Relation<FollowUpStatusChange>[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Its parties' codes (its meeting's, else its proposal's, else statedPartyCodes, else its owners'), sorted; kept by database triggers (migrations PartySetsAndRollups, StatementFollowUpParties), never written here. */
  @Column({ type: 'char', length: 2, array: true, default: () => "'{}'", select: false, insert: false, update: false })
  partyCodes?: string[];

  /** The parties of the report that stated it when that report had no meeting (a statement's follow-up), sorted; none otherwise. Written once, by linking. */
  @Column({ type: 'char', length: 2, array: true, default: () => "'{}'", select: false, update: false })
  statedPartyCodes?: string[];

  /** Its owners' codes, sorted; kept by database triggers (migration PartySetKeysAsArrays), never written here. Indexed for open follow-ups, for linking's exact-set lookups. */
  @Column({ type: 'char', length: 2, array: true, default: () => "'{}'", select: false, insert: false, update: false })
  ownerCodes?: string[];

  /** The day it counts from (its meeting's once held with a date, else the first day it was recorded open); kept by database triggers (migration FollowUpOriginDate), never written here. Indexed with the owner set for open follow-ups. */
  @Column({ type: 'date', nullable: true, select: false, insert: false, update: false })
  originDate?: string | null;

  /** Its meeting's sectors (none without a meeting), what the lists' sector filter matches; kept by database triggers (migration FollowUpMeetingSectors), never written here. GIN-indexed. */
  @Column({ type: 'enum', enum: SECTORS, enumName: 'sector', array: true, default: () => "'{}'", select: false, insert: false, update: false })
  meetingSectors?: Sector[];
}
