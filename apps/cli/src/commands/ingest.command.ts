import { type Command, CommanderError, InvalidArgumentError } from 'commander';
import { DyadEnvironment } from '@dyad/database';
import { AuditService } from '@dyad/domain';
import { isValidIsoDate } from '@dyad/extraction';
import { configureExtractionPool, IngestionService, readSources } from '@dyad/ingestion';
import { isCountryCode } from '@dyad/vocabulary';
import { createProgressReporter, formatIngestSummary, HOW_TO_DATE, runIngest, runIngestBatched } from '../ingest/run-ingest.js';
import { withDatabase } from '../support/database.js';

interface IngestCliOptions {
  publishedAt?: string;
  publisherCountry?: string;
  json?: boolean;
  batchSize: number;
  writers: number;
}

function parseDate(value: string): string {
  if (!isValidIsoDate(value)) throw new InvalidArgumentError(`expected a real date as YYYY-MM-DD, got "${value}"`);
  return value;
}

function parseBatchSize(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError(`expected a whole number from 1 to 1000, got "${value}"`);
  return n;
}

function parseWriters(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 8) throw new InvalidArgumentError(`expected a whole number from 1 to 8, got "${value}"`);
  return n;
}

function parseCountry(value: string): string {
  if (!isCountryCode(value)) {
    throw new InvalidArgumentError(`expected an ISO 3166-1 alpha-2 code in upper case (e.g. IR), got "${value}"`);
  }
  return value;
}

/** Items per transaction in `dyad ingest`: fewer commits (each waits for the disk) without holding locks long. */
export const DEFAULT_BATCH_SIZE = 50;
/** Batches stored at once (about other countries), each on its own connection. */
export const DEFAULT_WRITERS = 2;

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read news items from files, directories, JSON Lines, RSS/Atom feeds or URLs and link them into the database')
    .argument('<sources...>', 'text, HTML, .jsonl or feed files, directories (read recursively), or http(s) URLs')
    .option('--published-at <date>', 'publication date, YYYY-MM-DD, for items that carry none (else their facts stay undated)', parseDate)
    .option('--publisher-country <code>', 'ISO alpha-2 code of the publisher ("our country") for items that carry none', parseCountry)
    .option('--json', 'print the summary as JSON')
    .option('--batch-size <n>', 'items stored per transaction, each in a savepoint (1: one transaction per item)', parseBatchSize, DEFAULT_BATCH_SIZE)
    .option('--writers <n>', 'batches stored at once, about different countries (1 to 8)', parseWriters, DEFAULT_WRITERS)
    .showHelpAfterError(false)
    // Usage errors exit 2, so a script can tell them from items that failed (exit 1).
    .exitOverride((error) => {
      throw error.exitCode === 0 ? error : new CommanderError(2, error.code, error.message);
    })
    .action(async (sources: string[], options: IngestCliOptions) => {
      const env = DyadEnvironment.from();
      await configureExtractionPool({ timeoutMs: env.extractionTimeoutMs });
      const summary = await withDatabase(async (dataSource) => {
        const allowPrivate = env.fetchAllowPrivate;
        const service = new IngestionService(dataSource, new AuditService(dataSource), { allowPrivate });
        const items = readSources(sources, { publishedAt: options.publishedAt, publisherCountry: options.publisherCountry, allowPrivate });
        const reporter = createProgressReporter(process.stderr);
        return options.batchSize === 1
          ? runIngest(items, service, reporter)
          : runIngestBatched(items, service, { batchSize: options.batchSize, writers: options.writers, reporter });
      }, { poolSize: options.writers + 2 });
      const json = summary.undatedItems ? { ...summary, howToDate: HOW_TO_DATE } : summary;
      process.stdout.write(options.json ? `${JSON.stringify(json, null, 2)}\n` : formatIngestSummary(summary));
      // Every item was tried and the summary printed; the exit code says whether any failed.
      if (summary.failed > 0) throw new CommanderError(1, 'dyad.ingestFailed', `${summary.failed} item(s) failed`);
    });
}
