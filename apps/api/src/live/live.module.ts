import { type DynamicModule, Module } from '@nestjs/common';
import { DomainModule } from '@dyad/domain';
import { LIVE_OPTIONS, LiveEvents, type LiveOptions } from './live-events.js';

/** Live updates: the LISTEN connection and the pubsub GraphQL subscriptions read from. */
@Module({})
export class LiveModule {
  static forRoot(options: LiveOptions): DynamicModule {
    return {
      module: LiveModule,
      global: true,
      imports: [DomainModule],
      providers: [{ provide: LIVE_OPTIONS, useValue: options }, LiveEvents],
      exports: [LiveEvents],
    };
  }
}
