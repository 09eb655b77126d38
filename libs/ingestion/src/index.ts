export * from './news-item-input.js';
export { IngestionService, contentHash, EXTRACTOR_VERSION } from './ingestion.service.js';
export { validateNewsItemInput, MAX_TEXT_BYTES } from './ingest-input.js';
