import { Module } from '@nestjs/common';
import { AnalyticsService } from '@dyad/analytics';
import { DataSource } from 'typeorm';
import { AnalyticsResolver, DyadResolver } from './analytics.resolver.js';

/** Dashboard aggregates over GraphQL; the service is a plain class from @dyad/analytics. */
@Module({
  providers: [
    AnalyticsResolver,
    DyadResolver,
    { provide: AnalyticsService, useFactory: (dataSource: DataSource) => new AnalyticsService(dataSource), inject: [DataSource] },
  ],
})
export class AnalyticsModule {}
