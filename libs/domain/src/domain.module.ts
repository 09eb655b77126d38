import { Module } from '@nestjs/common';
import { ApiKeyService } from './api-key/api-key.service.js';
import { AuditService } from './audit/audit.service.js';
import { CountryService } from './country/country.service.js';

const SERVICES = [ApiKeyService, AuditService, CountryService];

/** The domain services; expects a TypeORM `DataSource` provider from the importing module. */
@Module({ providers: SERVICES, exports: SERVICES })
export class DomainModule {}
