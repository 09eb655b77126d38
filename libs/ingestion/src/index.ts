export * from './news-item-input.js';
export {
  IngestionService, contentHash, EXTRACTOR_VERSION, INGESTION_OPTIONS, type IngestionOptions, type ExtractionPreview, type PreparedItem,
  type BatchItemOutcome,
} from './ingestion.service.js';
export { validateNewsItemInput, MAX_TEXT_BYTES } from './ingest-input.js';
export { readNewsItem, withArticleText } from './read-news-item.js';
export {
  ExtractionPool, extractionPool, configureExtractionPool, closeExtractionPool, type ExtractionPoolOptions,
} from './extraction/extraction-pool.js';
export { mayConnectTo, type AllowPrivate } from './sources/address-policy.js';
export { fetchUrl, FETCH_FAILED, MAX_REDIRECTS } from './sources/fetch-url.js';
export { readSources } from './sources/read-sources.js';
export type { ReadSourcesOptions, SourceItem } from './sources/source-item.js';
export { articleFromHtml } from './sources/html-page.js';
export { htmlToText } from './sources/html-to-text.js';
export { loadDemoData, removeSyntheticData, bundledCorpus, type DemoMode } from './demo/demo-data.js';
export { syntheticHistory, SYNTHETIC_PUBLISHER } from './demo/synthetic-history.js';
export { readWatchedUrl, type WatchedUrlRead } from './sources/read-sources.js';
export { parseJsonFeed } from './sources/json-feed.js';
export {
  SourceService, SOURCE_OPTIONS, DEFAULT_POLL_INTERVAL_MINUTES, MAX_POLL_INTERVAL_MINUTES,
  type SourceOptions, type NewSource, type SourcePatch, type SourceFilter, type PollStats, type FailedEntry,
} from './watch/source.service.js';
export { SourcePoller, POLLER_OPTIONS, type PollerOptions, type PollStart, type IngestedCounts } from './watch/source-poller.js';
export { nextPollAfterFailure, MAX_BACKOFF_MINUTES } from './watch/backoff.js';
export {
  JobQueue, JobWorker, scheduleDuePolls, ENTRIES_PER_JOB, MAX_ATTEMPTS, TASKS, type FailedJob, type WorkerOptions,
} from './jobs/job-queue.js';
