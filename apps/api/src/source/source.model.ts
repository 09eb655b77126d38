import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Source, SourceKind, SourceState } from '@dyad/domain';
import type { FailedEntry, PollStats } from '@dyad/ingestion';
import { Connection } from '../graphql/connection.js';
import { type SourceHealth, SourceHealthEnum, SourceKindEnum, SourceStateEnum } from '../graphql/enums.js';

@ObjectType('SourcePoll', { description: 'What one poll of a source did.' })
export class SourcePollModel {
  @Field({ description: 'When it started.' })
  at: Date;

  @Field(() => Int, { description: 'Entries in the answer (0 for a 304 Not Modified or a failure).' })
  fetched: number;

  @Field(() => Int, { description: 'Stored as new news items.' })
  new: number;

  @Field(() => Int, { description: 'Seen in an earlier poll, or already known to Dyad (same URL or same text).' })
  duplicate: number;

  @Field(() => Int, { description: 'Entries that could not be ingested: see failedEntries.' })
  failed: number;

  @Field(() => Int, { description: 'Read and waiting to be ingested (queued jobs).' })
  pending: number;

  @Field({ description: 'The server answered 304: nothing changed since the last poll (ETag / Last-Modified).' })
  notModified: boolean;

  @Field(() => String, { nullable: true, description: 'Why the whole poll failed (download, or not a feed).' })
  error: string | null;
}

@ObjectType('SourceFailedEntry', { description: 'An entry of a source that could not be ingested.' })
export class SourceFailedEntryModel {
  @Field({ description: 'Where: the feed URL with #N (Nth entry), or file:line.' })
  origin: string;

  @Field()
  error: string;

  @Field()
  seenAt: Date;
}

@ObjectType('Source', { description: 'A watched feed, JSON Lines URL or server folder, polled for news items.' })
export class SourceModel {
  @Field(() => ID)
  id: string;

  @Field(() => SourceKindEnum)
  kind: SourceKind;

  @Field({ description: 'URL, or folder path for FOLDER.' })
  location: string;

  @Field()
  publisher: string;

  @Field(() => String, { nullable: true, description: 'fa, en or ru for items that do not say; null: detected.' })
  language: string | null;

  @Field(() => String, { nullable: true, description: 'ISO alpha-2 of the publisher for items that do not say.' })
  publisherCountry: string | null;

  @Field(() => Int)
  pollIntervalMinutes: number;

  @Field(() => SourceStateEnum)
  state: SourceState;

  @Field(() => SourceHealthEnum)
  health: SourceHealth;

  @Field(() => Int, { description: 'Polls failed in a row; each one doubles the wait before the next (at most a day).' })
  consecutiveFailures: number;

  @Field(() => Date, { nullable: true, description: 'When it is next due (null while PAUSED).' })
  nextPollAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it last delivered a new news item.' })
  lastDeliveredAt: Date | null;

  @Field(() => SourcePollModel, { nullable: true, description: 'Its last poll; null before the first.' })
  lastPoll: SourcePollModel | null;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

export const SourceConnection = Connection(SourceModel, 'Source');

export function mapSource(source: Source, stats: PollStats | undefined): SourceModel {
  const health: SourceHealth =
    source.state === 'PAUSED' ? 'PAUSED' : !source.lastPolledAt ? 'NEW' : source.lastError ? 'FAILING' : 'OK';
  return {
    id: source.id,
    kind: source.kind,
    location: source.location,
    publisher: source.publisher,
    language: source.language,
    publisherCountry: source.publisherCountryCode,
    pollIntervalMinutes: source.pollIntervalMinutes,
    state: source.state,
    health,
    consecutiveFailures: source.consecutiveFailures,
    nextPollAt: source.state === 'PAUSED' ? null : source.nextPollAt,
    lastDeliveredAt: source.lastDeliveredAt,
    lastPoll: stats ?? null,
    version: source.version,
    createdAt: source.createdAt,
  };
}

export const mapFailedEntry = (entry: FailedEntry): SourceFailedEntryModel => ({ origin: entry.origin, error: entry.error, seenAt: entry.seenAt });
