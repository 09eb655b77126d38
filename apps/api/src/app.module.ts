import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { DatabaseModule, type DyadEnvironment } from '@dyad/database';
import { ApiKeyService, DomainModule } from '@dyad/domain';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { ApiKeyResolver } from './api-key/api-key.resolver.js';
import { authenticate, requireCaller } from './auth/authenticate.js';
import { RoleGuard } from './auth/role.guard.js';
import { CountryResolver } from './country/country.resolver.js';
import { GraphqlExceptionFilter } from './errors/graphql-exception.filter.js';
import { HealthController } from './health/health.controller.js';
import { RootController } from './root.controller.js';

export interface AppModuleOptions {
  dataSource: DataSource;
  env: DyadEnvironment;
}

@Module({})
export class AppModule {
  static forRoot({ dataSource, env }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forDataSource(dataSource),
        DomainModule,
        AnalyticsModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [DomainModule],
          inject: [ApiKeyService],
          useFactory: (keys: ApiKeyService) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            graphiql: false,
            jit: 1,
            context: async (request: FastifyRequest) => {
              const outcome = await authenticate(request, keys);
              return 'context' in outcome ? { requestContext: outcome.context } : { authError: outcome.error };
            },
            hooks: { preParsing: requireCaller },
          }),
        }),
      ],
      controllers: [HealthController, RootController],
      providers: [
        CountryResolver,
        ApiKeyResolver,
        { provide: APP_GUARD, useClass: RoleGuard },
        { provide: APP_FILTER, useValue: new GraphqlExceptionFilter(!env.production) },
      ],
    };
  }
}
