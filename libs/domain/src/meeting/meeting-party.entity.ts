import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Country } from '../country/country.entity.js';
import { Meeting } from './meeting.entity.js';

/** A country taking part in a meeting; a meeting of three parties counts for each of its dyads. */
@Entity()
@Index(['countryCode', 'meetingId'])
export class MeetingParty {
  @PrimaryColumn('uuid')
  meetingId: string;

  @PrimaryColumn({ type: 'char', length: 2 })
  countryCode: string;

  @ManyToOne(() => Meeting, (meeting) => meeting.parties, { onDelete: 'CASCADE' })
  @JoinColumn()
  meeting: Relation<Meeting>;

  @ManyToOne(() => Country)
  @JoinColumn()
  country: Relation<Country>;
}
