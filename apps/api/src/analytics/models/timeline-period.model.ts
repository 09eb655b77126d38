import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { CooperationTimeline, TimelinePeriod } from '@dyad/analytics';
import type { EventType } from '@dyad/domain';
import { EventTypeEnum } from '../../graphql/enums.js';

@ObjectType('EventTypeCount')
export class EventTypeCountModel {
  @Field(() => EventTypeEnum)
  type: EventType;

  @Field(() => Int)
  count: number;
}

@ObjectType('TimelinePeriod', { description: 'Meetings in one period, by event type (for stacked bars).' })
export class TimelinePeriodModel {
  @Field({ description: 'First day of the period, YYYY-MM-DD.' })
  period: string;

  @Field({ description: '2025-04, 2025-Q2 or 2025.' })
  label: string;

  @Field(() => Int)
  total: number;

  @Field(() => [EventTypeCountModel], { description: 'Every event type in vocabulary order, zeros included.' })
  byType: EventTypeCountModel[];
}

export const mapTimelinePeriod = (period: TimelinePeriod): TimelinePeriodModel => ({
  period: period.period,
  label: period.label,
  total: period.total,
  byType: period.byType.map((count) => ({ ...count })),
});

@ObjectType('CooperationTimeline')
export class CooperationTimelineModel {
  @Field(() => [TimelinePeriodModel], {
    description: 'HELD meetings (or the filter\'s statuses) per period, from the first period with a dated meeting to the last, empty periods included.',
  })
  periods: TimelinePeriodModel[];

  @Field(() => Int, {
    description: 'Meetings the filter matches, bar its dates, that have no known date: they are in no period (the meetings list with undated: true shows them).',
  })
  undatedMeetings: number;
}

export const mapCooperationTimeline = (timeline: CooperationTimeline): CooperationTimelineModel => ({
  periods: timeline.periods.map(mapTimelinePeriod),
  undatedMeetings: timeline.undatedMeetings,
});
