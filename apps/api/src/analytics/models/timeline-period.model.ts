import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { TimelinePeriod } from '@dyad/analytics';
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
