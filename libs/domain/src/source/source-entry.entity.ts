import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { NewsItem } from '../news-item/news-item.entity.js';
import { SOURCE_ENTRY_STATUSES, type SourceEntryStatus } from '../shared/vocabulary.js';
import { Source } from './source.entity.js';

/** One entry a source gave, once: a later poll that meets the same key skips it (nothing is ingested twice). */
@Entity()
@Index(['sourceId', 'pollId'])
@Index(['sourceId'], { where: `status = 'PENDING'` })
export class SourceEntry {
  @PrimaryColumn('uuid')
  sourceId: string;

  /** The entry's URL, else the hash of its normalised text (`hash:…`). */
  @PrimaryColumn({ type: 'text' })
  key: string;

  @ManyToOne(() => Source, { onDelete: 'CASCADE' })
  @JoinColumn()
  source: Relation<Source>;

  @Column({ type: 'uuid' })
  pollId: string;

  @Column({ type: 'enum', enum: SOURCE_ENTRY_STATUSES, enumName: 'source_entry_status' })
  status: SourceEntryStatus;

  @Index()
  @ManyToOne(() => NewsItem, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  newsItem: Relation<NewsItem> | null;

  @Column({ type: 'uuid', nullable: true })
  newsItemId: string | null;

  /** Where in the source (`url#3`, `path:12`), for messages. */
  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The item as read, kept while PENDING so a crash between reading and ingesting loses nothing. */
  @Column({ type: 'jsonb', nullable: true })
  input: Record<string, unknown> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  seenAt: Date;
}
