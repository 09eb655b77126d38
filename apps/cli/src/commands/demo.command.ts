import type { Command } from 'commander';
import { AuditService, RequestContext } from '@dyad/domain';
import { IngestionService, loadDemoData, removeSyntheticData } from '@dyad/ingestion';
import { withDatabase } from '../support/database.js';

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('demo data: the bundled sample corpus and a synthetic history');

  for (const command of [demo.command('load'), program.command('seed-demo')]) {
    command
      .description('ingest the sample corpus and the synthetic history (items already there are skipped)')
      .option('--corpus-only', 'only the bundled sample corpus, no synthetic history')
      .action(load);
  }

  demo
    .command('remove')
    .description('remove every synthetic item (publisher "Synthetic demo") and what only they reported')
    .action(async () => {
      await withDatabase(async (dataSource) => {
        const removed = await removeSyntheticData(dataSource);
        process.stdout.write(
          `removed ${removed.newsItems} synthetic news items, ${removed.meetings} meetings and ${removed.proposals} proposals only they reported\n`,
        );
      });
    });
}

async function load(options: { corpusOnly?: boolean }): Promise<void> {
  await withDatabase(async (dataSource) => {
    const ingestion = new IngestionService(dataSource, new AuditService(dataSource));
    const loaded = await loadDemoData(ingestion, RequestContext.system(), options.corpusOnly ? 'off' : 'full', (done, total) => {
      if (done % 25 === 0 || done === total) process.stderr.write(`demo: ${done}/${total} items\n`);
    });
    process.stdout.write(`loaded ${loaded.corpus} sample items and ${loaded.synthetic} synthetic items\n`);
    for (const failure of loaded.failed) process.stdout.write(`failed: ${failure.origin}: ${failure.reason}\n`);
  });
}
