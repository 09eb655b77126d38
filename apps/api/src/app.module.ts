import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { DatabaseModule, DyadEnvironment } from '@dyad/database';
import { ApiKeyService, DomainModule, RelationReader } from '@dyad/domain';
import { INGESTION_OPTIONS, IngestionService, JobQueue, POLLER_OPTIONS, SOURCE_OPTIONS, SourcePoller, SourceService } from '@dyad/ingestion';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { ActorCountryResolver, ActorResolver } from './actor/actor.resolver.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { ApiKeyResolver } from './api-key/api-key.resolver.js';
import { authOutcomeOf, requireCaller } from './auth/authenticate.js';
import { MeResolver } from './auth/me.resolver.js';
import { RoleGuard } from './auth/role.guard.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { CountryResolver } from './country/country.resolver.js';
import { EvidenceResolver } from './evidence/evidence.resolver.js';
import { FollowUpResolver, FollowUpStatusChangeResolver } from './follow-up/follow-up.resolver.js';
import { createLoaders } from './graphql/loaders.js';
import { LocationResolver, MeetingResolver, ParticipantResolver } from './meeting/meeting.resolver.js';
import { IngestResultResolver, NewsItemResolver } from './news-item/news-item.resolver.js';
import { ProposalResolver, ProposalStatusChangeResolver } from './proposal/proposal.resolver.js';
import { SourceResolver } from './source/source.resolver.js';
import { JobResolver } from './job/job.resolver.js';
import { GraphqlExceptionFilter } from './errors/graphql-exception.filter.js';
import { graphqlHardening } from './graphql/graphql-hardening.js';
import { answerPresetFields } from './graphql/preset-fields.js';
import { readPropertiesInline } from './graphql/property-fields.js';
import { costLimitHook } from './graphql/limits/cost-limit.hook.js';
import { rejectNulCharacters } from './graphql/nul-characters.hook.js';
import { GraphiqlController } from './graphiql/graphiql.controller.js';
import { HealthController } from './health/health.controller.js';
import { RootController } from './root.controller.js';
import { RequestLimits } from './rate-limit/request-limits.js';
import { subscriptionLimitsHook } from './graphql/limits/subscription-limits.hook.js';
import { LiveEvents } from './live/live-events.js';
import { LiveModule } from './live/live.module.js';
import { liveSubscriptionOptions } from './live/live-subscription.options.js';

export interface AppModuleOptions {
  dataSource: DataSource;
  env: DyadEnvironment;
  queue: JobQueue;
  /** The primary's URL: live updates LISTEN there. */
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot({ dataSource, env, queue, databaseUrl }: AppModuleOptions): DynamicModule {
    const limits = new RequestLimits(env.rateLimits);
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forDataSource(dataSource),
        DomainModule,
        AnalyticsModule,
        LiveModule.forRoot({ url: databaseUrl }),
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [DomainModule],
          inject: [ApiKeyService, RelationReader, LiveEvents],
          useFactory: (keys: ApiKeyService, reader: RelationReader, live: LiveEvents) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            // plain properties are read inline (no resolver call per row); fields whose answer a parent resolver already
            // has (a list page's countries) skip their resolver
            transformSchema: (schema) => answerPresetFields(readPropertiesInline(schema)),
            graphiql: false,
            jit: 1,
            // Never throws: mercurius also builds the context while formatting an error (the database may be down).
            context: async (request: FastifyRequest) => {
              const outcome = await authOutcomeOf(request, keys).catch((error: unknown) => ({ failure: error }));
              if ('failure' in outcome) return { authFailure: outcome.failure };
              return 'context' in outcome
                ? { requestContext: outcome.context, loaders: createLoaders(reader) }
                : { authError: outcome.error };
            },
            hooks: {
              preParsing: requireCaller,
              preExecution: [costLimitHook(), rejectNulCharacters],
              preSubscriptionExecution: subscriptionLimitsHook(),
            },
            subscription: liveSubscriptionOptions({ keys, limits, reader, events: live }),
            ...graphqlHardening({ keys, limits, exposeInternals: !env.production }),
          }),
        }),
      ],
      controllers: [HealthController, GraphiqlController, RootController],
      providers: [
        ActorResolver,
        ActorCountryResolver,
        CountryResolver,
        ApiKeyResolver,
        MeResolver,
        AuditResolver,
        EvidenceResolver,
        FollowUpResolver,
        FollowUpStatusChangeResolver,
        LocationResolver,
        MeetingResolver,
        NewsItemResolver,
        IngestResultResolver,
        ParticipantResolver,
        ProposalResolver,
        ProposalStatusChangeResolver,
        SourceResolver,
        JobResolver,
        { provide: JobQueue, useValue: queue },
        IngestionService,
        SourceService,
        SourcePoller,
        { provide: INGESTION_OPTIONS, useValue: { allowPrivate: env.fetchAllowPrivate } },
        { provide: POLLER_OPTIONS, useValue: { allowPrivate: env.fetchAllowPrivate } },
        { provide: SOURCE_OPTIONS, useValue: { folderRoots: env.sourceFolders } },
        { provide: DyadEnvironment, useValue: env },
        { provide: RequestLimits, useValue: limits },
        { provide: APP_GUARD, useClass: RoleGuard },
        { provide: APP_FILTER, useValue: new GraphqlExceptionFilter(!env.production) },
      ],
    };
  }
}
