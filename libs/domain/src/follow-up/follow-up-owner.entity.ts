import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Country } from '../country/country.entity.js';
import { FollowUpAction } from './follow-up-action.entity.js';

@Entity()
@Index(['countryCode', 'followUpId'])
export class FollowUpOwner {
  @PrimaryColumn('uuid')
  followUpId: string;

  @PrimaryColumn({ type: 'char', length: 2 })
  countryCode: string;

  @ManyToOne(() => FollowUpAction, (followUp) => followUp.owners, { onDelete: 'CASCADE' })
  @JoinColumn()
  followUp: Relation<FollowUpAction>;

  @ManyToOne(() => Country)
  @JoinColumn()
  country: Relation<Country>;
}
