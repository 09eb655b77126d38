import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn, VersionColumn,
} from 'typeorm';
import { Country } from '../country/country.entity.js';
import { ACTOR_KINDS, type ActorKind } from '../shared/vocabulary.js';

/** A person or an organisation that takes part in meetings. */
@Entity()
@Index(['nameKey', 'countryCode'])
export class Actor {
  @PrimaryGeneratedColumn('uuid')
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
  @Index()
  @Column({ type: 'text', default: '' })
  matchKey: string;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
