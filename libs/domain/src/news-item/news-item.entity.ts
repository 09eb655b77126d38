import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Country } from '../country/country.entity.js';
import { IdColumn } from '../shared/ids.js';

@Entity()
// A trigram GIN index, made by a migration (TypeORM cannot declare the operator class).
@Index('news_item_search_key_trgm', { synchronize: false })
// The list's order, newest first, undated last (migration NewsItemList: TypeORM cannot declare NULLS LAST).
@Index('news_item_listed', { synchronize: false })
export class NewsItem {
  @IdColumn()
  id: string;

  @Index({ unique: true, where: 'url IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  /** The exact original text; evidence offsets index into it. */
  @Column({ type: 'text' })
  body: string;

  /** Title and body normalised for search (ZWNJ, letter variants, digits, case); trigram-indexed. */
  @Column({ type: 'text', select: false })
  searchKey: string;

  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ type: 'date', nullable: true })
  publishedAt: string | null;

  @Column({ type: 'text', nullable: true })
  publisher: string | null;

  @ManyToOne(() => Country, { nullable: true })
  @JoinColumn()
  publisherCountry: Relation<Country> | null;

  @Column({ type: 'char', length: 2, nullable: true })
  publisherCountryCode: string | null;

  /** SHA-256 over the normalised text, so the same story with other ZWNJs or digits is one item. */
  @Column({ type: 'char', length: 64, unique: true })
  contentHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  ingestedAt: Date;

  @Column({ type: 'text' })
  extractorVersion: string;
}
