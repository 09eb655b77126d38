import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, type Relation, UpdateDateColumn, VersionColumn,
} from 'typeorm';
import { Country } from '../country/country.entity.js';
import { ACTOR_KINDS, type ActorKind } from '../shared/vocabulary.js';
import { IdColumn } from '../shared/ids.js';

/** A person or an organisation that takes part in meetings. */
@Entity()
// On the key with its spaces taken out (resolveActor looks it up): one for a name and its surnames, one
// reversed for a surname alone that ends fuller names (a suffix is a prefix of the reversed key).
// Expression indexes: created by the migration.
@Index('actor_match_compact', { synchronize: false })
@Index('actor_match_compact_reversed', { synchronize: false })
@Index(['nameKey', 'countryCode'])
export class Actor {
  @IdColumn()
  id: string;

  @Column({ type: 'enum', enum: ACTOR_KINDS, enumName: 'actor_kind' })
  kind: ActorKind;

  @Column({ type: 'text' })
  name: string;

  /** Other spellings and transliterations seen for the same actor. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  /** The name normalised for matching (letter variants, ZWNJ, case). */
  @Column({ type: 'text' })
  nameKey: string;

  @ManyToOne(() => Country, { nullable: true })
  @JoinColumn()
  country: Relation<Country> | null;

  @Column({ type: 'char', length: 2, nullable: true })
  countryCode: string | null;

  /**
   * The name's matching key across scripts (consonant skeletons of its words, space-separated; see
   * actorNameKey in @dyad/extraction): «طالبی‌متین», Talebi-Matin and Талеби-Матин all key `tlbmtn`.
   */
  @Column({ type: 'text', default: '' })
  matchKey: string;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
