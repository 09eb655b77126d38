import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { NewsItem } from '../news-item/news-item.entity.js';
import { Meeting } from './meeting.entity.js';

/**
 * A news item reporting a meeting. The item's publication date and ingestion time are copied onto the row (by the
 * `meeting_source_order` trigger, from whatever statement adds it) so a meeting's sources are read in order, oldest
 * publication first, from one index (`meeting_source_listed`) without a lookup of each news item; its language and
 * publisher too, so the meetings list's filters by them read meeting_source alone.
 */
@Entity()
@Index('meeting_source_listed', { synchronize: false })
@Index('meeting_source_language', { synchronize: false })
@Index('meeting_source_publisher', { synchronize: false })
export class MeetingSource {
  // no index of its own: the primary key and meeting_source_listed begin with it
  @PrimaryColumn('uuid')
  meetingId: string;

  @PrimaryColumn('uuid')
  @Index()
  newsItemId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn()
  meeting: Relation<Meeting>;

  @ManyToOne(() => NewsItem, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn()
  newsItem: Relation<NewsItem>;

  /** The news item's publishedAt (kept equal by triggers). */
  @Column({ type: 'date', nullable: true })
  publishedAt: string | null;

  /** The news item's ingestedAt (kept equal by triggers). */
  @Column({ type: 'timestamptz' })
  ingestedAt: Date;

  /** The news item's language (kept equal by triggers). */
  @Column({ type: 'varchar', length: 2 })
  language: string;

  /** The news item's publisher (kept equal by triggers). */
  @Column({ type: 'text', nullable: true })
  publisher: string | null;
}
