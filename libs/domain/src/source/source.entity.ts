import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn, VersionColumn } from 'typeorm';
import { SOURCE_KINDS, SOURCE_STATES, type SourceKind, type SourceState } from '../shared/vocabulary.js';
import { IdColumn } from '../shared/ids.js';

/** A feed, JSON Lines URL or server folder that is polled for news items. */
@Entity()
export class Source {
  @IdColumn()
  id: string;

  @Column({ type: 'enum', enum: SOURCE_KINDS, enumName: 'source_kind' })
  kind: SourceKind;

  /** The http(s) URL (FEED, JSON_LINES) or the absolute folder path (FOLDER). */
  @Index({ unique: true })
  @Column({ type: 'text' })
  location: string;

  /** Stored as every item's publisher. */
  @Column({ type: 'text' })
  publisher: string;

  /** For items that do not say (fa, en, ru); null: detected. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: string | null;

  /** Who "our country" is in items that do not say. */
  @Column({ type: 'char', length: 2, nullable: true })
  publisherCountryCode: string | null;

  @Column({ type: 'int' })
  pollIntervalMinutes: number;

  @Column({ type: 'enum', enum: SOURCE_STATES, enumName: 'source_state', default: 'ACTIVE' })
  state: SourceState;

  /** Validators of the last full answer, sent back as If-None-Match / If-Modified-Since. */
  @Column({ type: 'text', nullable: true })
  etag: string | null;

  @Column({ type: 'text', nullable: true })
  lastModified: string | null;

  /** Polls that failed in a row; the next poll is put off exponentially (see nextPollAfterFailure). */
  @Column({ type: 'int', default: 0 })
  consecutiveFailures: number;

  @Index()
  @Column({ type: 'timestamptz', nullable: true })
  nextPollAt: Date | null;

  /** The last poll: when, its id (its entries carry it), what it read, whether the server said 304. */
  @Column({ type: 'uuid', nullable: true })
  lastPollId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastPolledAt: Date | null;

  @Column({ type: 'int', default: 0 })
  lastFetched: number;

  /** Entries of the last poll skipped because an earlier poll had them. */
  @Column({ type: 'int', default: 0 })
  lastSeenBefore: number;

  @Column({ type: 'boolean', default: false })
  lastNotModified: boolean;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** When an item from it was last stored as new. */
  @Column({ type: 'timestamptz', nullable: true })
  lastDeliveredAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
