import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import mqemitter from 'mqemitter';
import { RelationReader } from '@dyad/domain';
import { createLoaders, type Loaders } from '../graphql/loaders.js';
import { LiveListener } from './live.listener.js';
import type { LiveNotice } from './live-notice.js';

export const LIVE_OPTIONS = Symbol('LIVE_OPTIONS');

export interface LiveOptions {
  /** The database whose live channel to listen on (the primary: NOTIFY is not sent to replicas' listeners). */
  url: string;
}

/** Mercurius pubsub topics, one per kind of notice. */
export const LIVE_TOPICS = { newsItem: 'live/newsItem', meeting: 'live/meeting', followUp: 'live/followUp' } as const;

/** What a subscriber's filter and resolve get: the notice, and DataLoaders shared by every subscriber to it. */
export interface LiveMessage<N extends LiveNotice = LiveNotice> {
  notice: N;
  loaders: Loaders;
}

/**
 * Fans the live channel out to this process's subscriptions: the listener's notices go, per topic, into the
 * emitter mercurius subscribes through. Each arrival gets one fresh set of DataLoaders (fresh: rows changed
 * since any earlier load), shared by all subscribers, so a hundred dashboards reading a new meeting's
 * countries cost one query, not a hundred.
 */
@Injectable()
export class LiveEvents implements OnApplicationBootstrap, OnModuleDestroy {
  readonly emitter = mqemitter();
  private readonly listener: LiveListener;

  constructor(
    private readonly reader: RelationReader,
    @Inject(LIVE_OPTIONS) options: LiveOptions,
  ) {
    this.listener = new LiveListener({ url: options.url, onNotices: (notices) => this.publish(notices) });
  }

  publish(notices: readonly LiveNotice[]): void {
    if (!notices.length) return;
    const loaders = createLoaders(this.reader);
    for (const notice of notices) {
      const payload: LiveMessage = { notice, loaders };
      this.emitter.emit({ topic: LIVE_TOPICS[notice.kind], payload });
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.stop();
  }
}
