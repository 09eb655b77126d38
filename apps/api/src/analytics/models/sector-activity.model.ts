import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { SectorActivity } from '@dyad/analytics';
import type { Sector } from '@dyad/domain';
import { SectorEnum } from '../../graphql/enums.js';

@ObjectType('SectorActivity', { description: 'HELD meetings and proposals that list a sector.' })
export class SectorActivityModel {
  @Field(() => SectorEnum)
  sector: Sector;

  @Field(() => Int)
  meetings: number;

  @Field(() => Int)
  proposals: number;

  @Field(() => Int, { description: 'Proposals SIGNED, IMPLEMENTING or COMPLETED.' })
  signed: number;
}

export const mapSectorActivity = (activity: SectorActivity): SectorActivityModel => ({ ...activity });
