import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany,
  type Relation, UpdateDateColumn, VersionColumn,
} from 'typeorm';
import { Country } from '../country/country.entity.js';
import {
  DATE_SOURCES, type DateSource, EVENT_STATUSES, type EventStatus, EVENT_TYPES, type EventType, MEETING_OUTCOMES, type MeetingOutcome, REVIEW_STATUSES,
  type ReviewStatus, SECTORS, type Sector,
} from '../shared/vocabulary.js';
import { MeetingParticipant } from './meeting-participant.entity.js';
import { MeetingParty } from './meeting-party.entity.js';
import { IdColumn } from '../shared/ids.js';

@Entity()
@Index('meeting_party_codes_date', { synchronize: false })
@Index('meeting_party_codes_gin', { synchronize: false })
@Index('meeting_date_desc_id', { synchronize: false })
@Index('meeting_held_in_person', { synchronize: false })
@Index('meeting_held_in_person_place', { synchronize: false })
@Index('meeting_scheduled_date', { synchronize: false })
@Index('meeting_summary_trgm', { synchronize: false })
export class Meeting {
  @IdColumn()
  id: string;

  @Column({ type: 'enum', enum: EVENT_TYPES, enumName: 'event_type' })
  type: EventType;

  /** HELD, SCHEDULED or CANCELLED, derived from the meeting's readings (see resolveMeetingStatus). */
  @Column({ type: 'enum', enum: EVENT_STATUSES, enumName: 'event_status', default: 'HELD' })
  status: EventStatus;

  /** The day it was held, or, until then, the day it is planned for; null when no report or analyst gave one. */
  @Index()
  @Column({ type: 'date', nullable: true })
  date: string | null;

  @Column({ type: 'enum', enum: DATE_SOURCES, enumName: 'date_source', nullable: true })
  dateSource: DateSource | null;

  @Column({ type: 'text', nullable: true })
  locationName: string | null;

  @ManyToOne(() => Country, { nullable: true })
  @JoinColumn()
  locationCountry: Relation<Country> | null;

  @Column({ type: 'char', length: 2, nullable: true })
  locationCountryCode: string | null;

  @Column({ type: 'enum', enum: SECTORS, enumName: 'sector', array: true, default: () => "'{}'" })
  sectors: Sector[];

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** Logged by an analyst. */
  @Column({ type: 'enum', enum: MEETING_OUTCOMES, enumName: 'meeting_outcome', nullable: true })
  outcome: MeetingOutcome | null;

  @Column({ type: 'text', nullable: true })
  outcomeNotes: string | null;

  @Column({ type: 'enum', enum: REVIEW_STATUSES, enumName: 'review_status', default: 'EXTRACTED' })
  reviewStatus: ReviewStatus;

  @Column({ type: 'real', nullable: true })
  confidence: number | null;

  @OneToMany(() => MeetingParty, (party) => party.meeting, { cascade: true })
  parties: Relation<MeetingParty>[];

  @OneToMany(() => MeetingParticipant, (participant) => participant.meeting, { cascade: true })
  participants: Relation<MeetingParticipant>[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** The parties' codes, sorted; kept by database triggers (migration PartySetsAndRollups), never written here. Indexed alone (GIN, for reads) and with the date (btree, for linking's exact-set lookups). */
  @Column({ type: 'char', length: 2, array: true, default: () => "'{}'", select: false, insert: false, update: false })
  partyCodes?: string[];
}
