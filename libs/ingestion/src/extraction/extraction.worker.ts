import { extract, type ExtractionResult, type ExtractOptions } from '@dyad/extraction';

export interface ExtractionTask {
  text: string;
  options: ExtractOptions;
}

/** Runs in a worker thread of the extraction pool: the public `extract`, nothing else. */
export default function runExtraction({ text, options }: ExtractionTask): ExtractionResult {
  return extract(text, options);
}
