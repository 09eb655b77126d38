import type { Command } from 'commander';
import { createDataSource, DyadEnvironment, openDatabase } from '@dyad/database';
import { AuditService, ENTITIES } from '@dyad/domain';
import { closeExtractionPool, configureExtractionPool, IngestionService, JobWorker, SourcePoller } from '@dyad/ingestion';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run a job worker alone (source polls and ingestion); any number of them may share one DATABASE_URL')
    .option('--concurrency <n>', 'jobs run at once (default DYAD_WORKER_CONCURRENCY, 2)')
    .action(async (options: { concurrency?: string }) => {
      const env = DyadEnvironment.from();
      const concurrency = options.concurrency === undefined ? env.workerConcurrency : Number(options.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new Error('--concurrency must be a whole number from 1 to 64');
      await runWorker(env, concurrency);
    });
}

async function runWorker(env: DyadEnvironment, concurrency: number): Promise<void> {
  const log = (line: string) => process.stdout.write(`dyad worker: ${line}\n`);
  await configureExtractionPool({ timeoutMs: env.extractionTimeoutMs, keepWarm: true });
  const database = await openDatabase(env, 'cli', log);
  const dataSource = createDataSource({ url: database.url, entities: ENTITIES, statementTimeoutMs: env.statementTimeoutMs, poolSize: concurrency + 3 });
  await dataSource.initialize();
  if (await dataSource.showMigrations()) throw new Error('the database schema is not current; run `dyad migrate` (or start the server) first');
  const audit = new AuditService(dataSource);
  const ingestion = new IngestionService(dataSource, audit, { allowPrivate: env.fetchAllowPrivate });
  const poller = new SourcePoller(dataSource, ingestion, { allowPrivate: env.fetchAllowPrivate }, { folderRoots: env.sourceFolders });
  const worker = await JobWorker.start({
    dataSource, connectionString: database.url, poller, concurrency, deadAfterSeconds: env.workerDeadAfterSeconds, log,
  });
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, () => {
        log(`${signal}: finishing running jobs…`);
        resolve();
      });
    }
  });
  await worker.stop();
  await dataSource.destroy();
  await database.stop();
  await closeExtractionPool();
  log('stopped');
}
