import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { StatusChangeColumns } from '../shared/status-change.columns.js';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '../shared/vocabulary.js';
import { FollowUpAction } from './follow-up-action.entity.js';

@Entity()
@Index(['followUpId', 'effectiveDate'])
// the changes a meeting showed, those that have one (MeetingReferencesIndexed1800000000023): a merge moves them
@Index('follow_up_status_change_meeting', { synchronize: false })
export class FollowUpStatusChange extends StatusChangeColumns {
  @Column('uuid')
  followUpId: string;

  @ManyToOne(() => FollowUpAction, (followUp) => followUp.history, { onDelete: 'CASCADE' })
  @JoinColumn()
  followUp: Relation<FollowUpAction>;

  @Column({ type: 'enum', enum: FOLLOW_UP_STATUSES, enumName: 'follow_up_status' })
  status: FollowUpStatus;
}
