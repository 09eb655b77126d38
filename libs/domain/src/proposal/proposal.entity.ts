import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, type Relation,
  UpdateDateColumn, VersionColumn,
} from 'typeorm';
import { Meeting } from '../meeting/meeting.entity.js';
import {
  PROPOSAL_KINDS, PROPOSAL_STATUSES, type ProposalKind, type ProposalStatus, SECTORS, type Sector,
} from '../shared/vocabulary.js';
import { ProposalParty } from './proposal-party.entity.js';
import { ProposalStatusChange } from './proposal-status-change.entity.js';
import { IdColumn } from '../shared/ids.js';

@Entity()
// A trigram GIN index, made by a migration (TypeORM cannot declare the operator class).
@Index('proposal_search_key_trgm', { synchronize: false })
@Index('proposal_party_codes_kind', { synchronize: false })
@Index('proposal_party_codes_gin', { synchronize: false })
@Index('proposal_status_date_desc_id', { synchronize: false })
// proposals by the meeting they came from, those that have one (MeetingReferencesIndexed1800000000023): a merge moves them
@Index('proposal_origin_meeting', { synchronize: false })
export class Proposal {
  @IdColumn()
  id: string;

  @Index()
  @Column({ type: 'enum', enum: PROPOSAL_KINDS, enumName: 'proposal_kind' })
  kind: ProposalKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Title and description normalised for search. */
  @Column({ type: 'text', default: '' })
  searchKey: string;

  @Column({ type: 'enum', enum: SECTORS, enumName: 'sector', array: true, default: () => "'{}'" })
  sectors: Sector[];

  /** The latest status by effective date (kept in step with the history). */
  @Index()
  @Column({ type: 'enum', enum: PROPOSAL_STATUSES, enumName: 'proposal_status' })
  status: ProposalStatus;

  @Column({ type: 'date', nullable: true })
  statusDate: string | null;

  @Column({ type: 'uuid', nullable: true })
  originMeetingId: string | null;

  @ManyToOne(() => Meeting, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  originMeeting: Relation<Meeting> | null;

  @OneToMany(() => ProposalParty, (party) => party.proposal, { cascade: true })
  parties: Relation<ProposalParty>[];

  @OneToMany(() => ProposalStatusChange, (change) => change.proposal)
  history: Relation<ProposalStatusChange>[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** The parties' codes, sorted; kept by database triggers (migration PartySetsAndRollups), never written here. Indexed alone (GIN, for reads) and with the kind and status date (btree, for linking's exact-set lookups). */
  @Column({ type: 'char', length: 2, array: true, default: () => "'{}'", select: false, insert: false, update: false })
  partyCodes?: string[];

  /** The furthest lifecycle step it ever reached (1 = PROPOSED), kept by database triggers from its history. */
  @Column({ type: 'smallint', default: 1, select: false, insert: false, update: false })
  funnelStep?: number;
}
