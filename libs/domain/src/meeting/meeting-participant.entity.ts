import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Actor } from '../actor/actor.entity.js';
import { Meeting } from './meeting.entity.js';

@Entity()
export class MeetingParticipant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  meetingId: string;

  @ManyToOne(() => Meeting, (meeting) => meeting.participants, { onDelete: 'CASCADE' })
  @JoinColumn()
  meeting: Relation<Meeting>;

  @Index()
  @Column('uuid')
  actorId: string;

  @ManyToOne(() => Actor, { eager: false })
  @JoinColumn()
  actor: Relation<Actor>;

  /** The name as this meeting's first report gave it (the actor's name may be another spelling). */
  @Column({ type: 'text', default: '' })
  name: string;

  /** The title as reported at this meeting ("cultural counsellor of Iran in Kazakhstan"). */
  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  organization: string | null;

  /** e.g. host, guest, head of delegation. */
  @Column({ type: 'text', nullable: true })
  role: string | null;
}
