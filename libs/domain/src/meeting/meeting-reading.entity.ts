import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { ApiKey } from '../api-key/api-key.entity.js';
import { NewsItem } from '../news-item/news-item.entity.js';
import { DATE_SOURCES, type DateSource, EVENT_STATUSES, type EventStatus } from '../shared/vocabulary.js';
import { Meeting } from './meeting.entity.js';
import { IdColumn } from '../shared/ids.js';

/**
 * One report's reading of a meeting (or an analyst's): whether it was held, is scheduled or was cancelled,
 * and the date it gives. Every reading is kept; the meeting's status and date are derived from all of them
 * (see resolveMeetingStatus), so reports ingested in any order give the same meeting.
 */
@Entity()
export class MeetingReading {
  @IdColumn()
  id: string;

  @Index()
  @Column('uuid')
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn()
  meeting: Relation<Meeting>;

  @Column({ type: 'enum', enum: EVENT_STATUSES, enumName: 'event_status' })
  status: EventStatus;

  /** The meeting's date by this reading: the day it was held, or the day it is planned for; null when not given. */
  @Column({ type: 'date', nullable: true })
  date: string | null;

  @Column({ type: 'enum', enum: DATE_SOURCES, enumName: 'date_source', nullable: true })
  dateSource: DateSource | null;

  /** When it was said: the report's publication date (an analyst's: the day they said it); null when unknown. */
  @Column({ type: 'date', nullable: true })
  reportedOn: string | null;

  /** The report it came from; null for an analyst's reading. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  newsItemId: string | null;

  @ManyToOne(() => NewsItem, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn()
  newsItem: Relation<NewsItem> | null;

  @Column({ type: 'uuid', nullable: true })
  apiKeyId: string | null;

  @ManyToOne(() => ApiKey, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  apiKey: Relation<ApiKey> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
