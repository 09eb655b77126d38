import { extract as extractText, type ExtractionResult, type ExtractOptions, normalizeForSearch } from '@dyad/extraction';

export interface ExtractionTask {
  text: string;
  options: ExtractOptions;
}

// Run in the worker threads of the extraction pool, each by name: the public API of @dyad/extraction only.

export function extract({ text, options }: ExtractionTask): ExtractionResult {
  return extractText(text, options);
}

/** The normalised, lower-case text that duplicate detection hashes and search matches (seconds for 5 MB). */
export function searchKey(text: string): string {
  return normalizeForSearch(text).toLowerCase();
}
