import { Module } from '@nestjs/common';
import { ActorService } from './actor/actor.service.js';
import { ApiKeyService } from './api-key/api-key.service.js';
import { AuditService } from './audit/audit.service.js';
import { CountryService } from './country/country.service.js';
import { FollowUpService } from './follow-up/follow-up.service.js';
import { MeetingService } from './meeting/meeting.service.js';
import { NewsItemService } from './news-item/news-item.service.js';
import { ProposalService } from './proposal/proposal.service.js';
import { RelationReader } from './shared/relation.reader.js';

const SERVICES = [
  ActorService, ApiKeyService, AuditService, CountryService, FollowUpService, MeetingService, NewsItemService, ProposalService,
  RelationReader,
];

/** The domain services; expects a TypeORM `DataSource` provider from the importing module. */
@Module({ providers: SERVICES, exports: SERVICES })
export class DomainModule {}
