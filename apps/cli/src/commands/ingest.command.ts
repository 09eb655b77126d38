import { type Command, CommanderError, InvalidArgumentError } from 'commander';
import { DyadEnvironment } from '@dyad/database';
import { AuditService } from '@dyad/domain';
import { isValidIsoDate } from '@dyad/extraction';
import { configureExtractionPool, IngestionService, readSources } from '@dyad/ingestion';
import { isCountryCode } from '@dyad/vocabulary';
import { createProgressReporter, formatIngestSummary, HOW_TO_DATE, runIngest } from '../ingest/run-ingest.js';
import { withDatabase } from '../support/database.js';

interface IngestCliOptions {
  publishedAt?: string;
  publisherCountry?: string;
  json?: boolean;
}

function parseDate(value: string): string {
  if (!isValidIsoDate(value)) throw new InvalidArgumentError(`expected a real date as YYYY-MM-DD, got "${value}"`);
  return value;
}

function parseCountry(value: string): string {
  if (!isCountryCode(value)) {
    throw new InvalidArgumentError(`expected an ISO 3166-1 alpha-2 code in upper case (e.g. IR), got "${value}"`);
  }
  return value;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read news items from files, directories, JSON Lines, RSS/Atom feeds or URLs and link them into the database')
    .argument('<sources...>', 'text, HTML, .jsonl or feed files, directories (read recursively), or http(s) URLs')
    .option('--published-at <date>', 'publication date, YYYY-MM-DD, for items that carry none (else their facts stay undated)', parseDate)
    .option('--publisher-country <code>', 'ISO alpha-2 code of the publisher ("our country") for items that carry none', parseCountry)
    .option('--json', 'print the summary as JSON')
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
        return runIngest(items, service, createProgressReporter(process.stderr));
      });
      const json = summary.undatedItems ? { ...summary, howToDate: HOW_TO_DATE } : summary;
      process.stdout.write(options.json ? `${JSON.stringify(json, null, 2)}\n` : formatIngestSummary(summary));
      // Every item was tried and the summary printed; the exit code says whether any failed.
      if (summary.failed > 0) throw new CommanderError(1, 'dyad.ingestFailed', `${summary.failed} item(s) failed`);
    });
}
