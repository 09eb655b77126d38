import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Actor } from '../actor/actor.entity.js';
import { Meeting } from './meeting.entity.js';
import { IdColumn } from '../shared/ids.js';

@Entity()
// an actor's meetings latest first, with their party sets, for meetings not rejected (migration ParticipantMeetingCopies)
@Index('meeting_participant_actor_date', { synchronize: false })
export class MeetingParticipant {
  @IdColumn()
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

  // Copies of the meeting's, what an actor's page reads; kept by database triggers (migration ParticipantMeetingCopies),
  // never written here.
  /** Its meeting's date. */
  @Column({ type: 'date', nullable: true, select: false, insert: false, update: false })
  meetingDate?: string | null;

  /** Whether an analyst rejected its meeting. */
  @Column({ type: 'boolean', default: false, select: false, insert: false, update: false })
  meetingRejected?: boolean;

  /** Its meeting's party set. */
  @Column({ type: 'char', length: 2, array: true, default: () => "'{}'", select: false, insert: false, update: false })
  meetingPartyCodes?: string[];
}
