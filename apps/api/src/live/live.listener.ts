import { Logger } from '@nestjs/common';
import pg from 'pg';
import { LIVE_CHANNEL } from '@dyad/database';
import { coalesceLiveNotices, type LiveNotice, parseLiveNotice } from './live-notice.js';

export interface LiveListenerOptions {
  url: string;
  /** Called with what arrived together (coalesced), in arrival order. */
  onNotices(notices: LiveNotice[]): void;
  /** First reconnection delay; doubled per failure in a row up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * One dedicated connection (not from the pool: a pooled one would be handed to queries and lose its LISTEN)
 * that LISTENs on the live channel, and reconnects with backoff when it drops. Notifications that arrive in
 * one read (a transaction's are sent together) are coalesced and handed on in one call.
 */
export class LiveListener {
  private readonly logger = new Logger('Live');
  private client: pg.Client | null = null;
  private stopped = false;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;
  private pending: LiveNotice[] = [];
  private flushing = false;

  constructor(private readonly options: LiveListenerOptions) {}

  /** Resolves once it listens (the first attempt); later failures are retried in the background. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.options.url, application_name: 'dyad live' } as pg.ClientConfig);
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel !== LIVE_CHANNEL) return;
      const notice = parseLiveNotice(message.payload);
      if (notice) this.queue(notice);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    if (this.failures > 0) {
      this.logger.warn('listening for live updates again; changes made while disconnected were not announced');
    }
    this.failures = 0;
  }

  // Each attempt's client reports its loss once; a stale client's events are ignored.
  private lost(client: pg.Client, error: unknown): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    const delay = Math.min(this.options.maxDelayMs ?? 30_000, (this.options.minDelayMs ?? 500) * 2 ** this.failures);
    this.failures += 1;
    const reason = error instanceof Error ? error.message : 'connection closed';
    this.logger.warn(`live updates connection lost (${reason}); reconnecting in ${delay} ms`);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
  }

  private queue(notice: LiveNotice): void {
    this.pending.push(notice);
    if (this.flushing) return;
    this.flushing = true;
    // pg emits every notification of one read synchronously: the next turn has them all.
    setImmediate(() => {
      this.flushing = false;
      const notices = coalesceLiveNotices(this.pending);
      this.pending = [];
      try {
        this.options.onNotices(notices);
      } catch (error) {
        this.logger.error(`live updates could not be published: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }
}
