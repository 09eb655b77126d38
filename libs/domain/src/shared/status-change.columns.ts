import { Column, CreateDateColumn, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { ApiKey } from '../api-key/api-key.entity.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { NewsItem } from '../news-item/news-item.entity.js';
import { IdColumn } from './ids.js';

/** What every history row has: when the change took effect and where it came from. */
export abstract class StatusChangeColumns {
  @IdColumn()
  id: string;

  /**
   * The date the new status took effect (the report's event date), not when we learnt it; null when the
   * report gave no date and had none of its own (never the day it was ingested).
   */
  @Column({ type: 'date', nullable: true })
  effectiveDate: string | null;

  @Column({ type: 'uuid', nullable: true })
  newsItemId: string | null;

  @ManyToOne(() => NewsItem, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  newsItem: Relation<NewsItem> | null;

  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @ManyToOne(() => Meeting, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  meeting: Relation<Meeting> | null;

  /** Set when an analyst made the change. */
  @Column({ type: 'uuid', nullable: true })
  apiKeyId: string | null;

  @ManyToOne(() => ApiKey, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  apiKey: Relation<ApiKey> | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
