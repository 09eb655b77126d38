import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { FollowUpAction } from '../follow-up/follow-up-action.entity.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { NewsItem } from '../news-item/news-item.entity.js';
import { Proposal } from '../proposal/proposal.entity.js';
import { IdColumn } from '../shared/ids.js';

/** A quote from a news item: `newsItem.body.slice(start, end) === quote`. Attached to exactly one fact. */
@Entity()
@Check('evidence_one_subject', 'num_nonnulls(meeting_id, proposal_id, follow_up_id) = 1')
@Check('evidence_span', '"start" >= 0 AND "end" > "start"')
export class Evidence {
  @IdColumn()
  id: string;

  @Column('uuid')
  newsItemId: string;

  @ManyToOne(() => NewsItem, { onDelete: 'CASCADE' })
  @JoinColumn()
  newsItem: Relation<NewsItem>;

  @Column('int')
  start: number;

  @Column('int')
  end: number;

  @Column('text')
  quote: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @ManyToOne(() => Meeting, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn()
  meeting: Relation<Meeting> | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  proposalId: string | null;

  @ManyToOne(() => Proposal, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn()
  proposal: Relation<Proposal> | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  followUpId: string | null;

  @ManyToOne(() => FollowUpAction, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn()
  followUp: Relation<FollowUpAction> | null;
}
