import 'reflect-metadata';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createDataSource, type DatabaseHandle, DyadEnvironment, openDatabase } from '@dyad/database';
import { ApiKeyService, ENTITIES, RequestContext } from '@dyad/domain';
import { closeExtractionPool, configureExtractionPool, IngestionService, JobQueue, JobWorker, loadDemoData, SourcePoller } from '@dyad/ingestion';
import { AppModule } from './app.module.js';
import { registerDashboardAssets } from './dashboard/dashboard-assets.js';
import { registerReadReplicas } from './graphql/read-routing.js';
import { registerRateLimits } from './rate-limit/request-limits.js';

/** `X-Content-Type-Options: nosniff` on every response: API answers, errors, assets, 404s. */
function addSecurityHeaders(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-content-type-options', 'nosniff');
      return payload;
    });
}

export interface RunningServer {
  app: NestFastifyApplication;
  /** Base URL, e.g. http://localhost:3000 */
  url: string;
  /** The admin key to print, when one is known (created now, DYAD_ADMIN_KEY, or admin.key). */
  adminKey: string | null;
  /** The in-process job worker; null with DYAD_WORKER=off. */
  worker: JobWorker | null;
  close(): Promise<void>;
}

export interface ServerOptions {
  env?: DyadEnvironment;
  log?: (line: string) => void;
  logLevels?: LogLevel[];
  /** Sees every SQL statement (tests count them to catch N+1 queries). */
  queryLogger?: import('typeorm').Logger;
  /** Whether the in-process worker polls due sources each minute (default true; tests that poll by hand turn it off). */
  workerSchedule?: boolean;
}

const BODY_LIMIT_BYTES = 6 * 1024 * 1024;

/** Opens the database (embedded unless DATABASE_URL), migrates it, and serves the API. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? DyadEnvironment.from();
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  await configureExtractionPool({ timeoutMs: env.extractionTimeoutMs, keepWarm: true });
  const database = await openDatabase(env, 'server', log);
  const dataSource = createDataSource({
    url: database.url,
    entities: ENTITIES,
    statementTimeoutMs: env.statementTimeoutMs,
    poolSize: env.databasePoolSize,
    logger: options.queryLogger,
  });
  let app: NestFastifyApplication | undefined;
  let queue: JobQueue | undefined;
  let worker: JobWorker | null = null;
  const close = closer(() => ({ app, queue, worker }), dataSource, database);
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log(`applied ${applied.length} database migration(s)`);
    queue = await JobQueue.open(database.url);
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({ dataSource, env, queue, databaseUrl: database.url }),
      new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: env.trustProxy.length ? env.trustProxy : false }),
      { logger: options.logLevels ?? ['error', 'warn'] },
    );
    // Before any route exists: both apply to every route registered after them.
    addSecurityHeaders(app);
    await registerRateLimits(app, env.rateLimits);
    await registerDashboardAssets(app);
    await registerReadReplicas(app, dataSource, env, log);
    await loadDemoOnFirstStart(app, dataSource, env, log);
    await app.listen(env.port, env.host);
    const adminKey = await ensureAdminKey(app.get(ApiKeyService), env, log);
    if (env.worker) {
      worker = await JobWorker.start({
        dataSource, connectionString: database.url, poller: app.get(SourcePoller), concurrency: env.workerConcurrency,
        deadAfterSeconds: env.workerDeadAfterSeconds, schedule: options.workerSchedule,
      });
    }
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : env.port;
    const host = ['0.0.0.0', '127.0.0.1', '::', '::1'].includes(env.host) ? 'localhost' : env.host;
    const url = `http://${host}:${port}`;
    return { app, url, adminKey, worker, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

function closer(
  parts: () => { app?: NestFastifyApplication; queue?: JobQueue; worker: JobWorker | null },
  dataSource: import('typeorm').DataSource,
  database: DatabaseHandle,
) {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= (async () => {
      const { app, queue, worker } = parts();
      // The worker finishes its running jobs first (they need the database and the extraction pool).
      await worker?.stop();
      await queue?.close();
      await app?.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.stop();
      await closeExtractionPool();
    })());
}

/**
 * On a first start with an empty database, load demo data through the real ingestion pipeline (the
 * bundled sample corpus, plus a synthetic multi-year history unless DYAD_DEMO=off; none with DYAD_DEMO=none).
 */
async function loadDemoOnFirstStart(
  app: NestFastifyApplication,
  dataSource: import('typeorm').DataSource,
  env: DyadEnvironment,
  log: (line: string) => void,
): Promise<void> {
  if (env.demo === 'none') return;
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM news_item`);
  if (count > 0) return;
  log(`empty database: loading demo data (${env.demo === 'full' ? 'sample corpus and synthetic history' : 'sample corpus'}; DYAD_DEMO=none skips this)`);
  let last = 0;
  const loaded = await loadDemoData(app.get(IngestionService), RequestContext.system(), env.demo, (done, total) => {
    if (done === total || Date.now() - last > 2000) {
      last = Date.now();
      log(`  demo data: ${done}/${total} items`);
    }
  });
  log(`demo data: ${loaded.corpus} sample items, ${loaded.synthetic} synthetic items (remove them with \`npx dyad demo remove\`)`);
  for (const failure of loaded.failed) log(`  demo item ${failure.origin} failed: ${failure.reason}`);
}

/**
 * DYAD_ADMIN_KEY is ensured as an admin key. With no keys at all, a first admin key is made and
 * written to $DYAD_DATA_DIR/admin.key (0600), as Jupyter makes its token.
 */
async function ensureAdminKey(keys: ApiKeyService, env: DyadEnvironment, log: (line: string) => void): Promise<string | null> {
  const system = RequestContext.system();
  if (env.adminKey) {
    await keys.ensureAdminKey(system, env.adminKey, 'DYAD_ADMIN_KEY');
    return env.adminKey;
  }
  const keyFile = join(env.dataDir, 'admin.key');
  if ((await keys.count()) === 0) {
    const { key } = await keys.create(system, 'ADMIN', 'first start');
    await mkdir(env.dataDir, { recursive: true });
    await writeFile(keyFile, `${key}\n`, { mode: 0o600 });
    await chmod(keyFile, 0o600);
    log(`created an admin API key; it is also in ${keyFile}`);
    return key;
  }
  const saved = (await readFile(keyFile, 'utf8').catch(() => '')).trim();
  return saved && (await keys.authenticate(saved))?.role === 'ADMIN' ? saved : null;
}
