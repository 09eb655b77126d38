export * from './news-item-input.js';
export { IngestionService, contentHash, EXTRACTOR_VERSION, withArticleText } from './ingestion.service.js';
export { validateNewsItemInput, MAX_TEXT_BYTES } from './ingest-input.js';
export { readSources } from './sources/read-sources.js';
export type { ReadSourcesOptions, SourceItem } from './sources/source-item.js';
export { articleFromHtml } from './sources/html-page.js';
export { htmlToText } from './sources/html-to-text.js';
export { loadDemoData, removeSyntheticData, bundledCorpus, type DemoMode } from './demo/demo-data.js';
export { syntheticHistory, SYNTHETIC_PUBLISHER } from './demo/synthetic-history.js';
