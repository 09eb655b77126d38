import { Logger as NestLogger } from '@nestjs/common';
import { RequestContext } from '@dyad/domain';
import { EventEmitter } from 'node:events';
import { Logger, makeWorkerUtils, run, type Runner, type Task, type WorkerEvents, type WorkerUtils } from 'graphile-worker';
import type { DataSource, EntityManager } from 'typeorm';
import type { SourcePoller } from '../watch/source-poller.js';

/** Entries per ingestion job: each is its own transaction, and a job stays a few seconds long. */
export const ENTRIES_PER_JOB = 20;
/** Tries before a job is kept as failed (graphile-worker waits exp(min(attempt, 10)) s between tries). */
export const MAX_ATTEMPTS = { poll: 5, ingest: 8 } as const;

export const TASKS = { schedule: 'dyad_schedule', poll: 'dyad_poll_source', ingest: 'dyad_ingest_entries' } as const;

// A source's poll job's key (one waiting poll per source), followed by the source's id.
const POLL_KEY = 'poll:';

export interface FailedJob {
  id: string;
  task: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const quiet = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') new NestLogger('JobQueue')[level === 'error' ? 'error' : 'warn'](message);
});

/**
 * Dyad's jobs on PostgreSQL (graphile-worker): polling a source and ingesting its entries in batches. Jobs
 * are added in the caller's transaction, so a poll's entries and the jobs that ingest them commit together.
 */
export class JobQueue {
  private constructor(private readonly utils: WorkerUtils) {}

  /** Installs or upgrades graphile-worker's schema (idempotent; every process may call it at start). */
  static async open(connectionString: string): Promise<JobQueue> {
    const utils = await makeWorkerUtils({ connectionString, logger: quiet, maxPoolSize: 2 });
    await utils.migrate();
    return new JobQueue(utils);
  }

  async close(): Promise<void> {
    await this.utils.release();
  }

  /** Jobs ingesting `keys` of a source, `ENTRIES_PER_JOB` to a job, added within `manager`'s transaction. */
  static async addIngestJobs(manager: EntityManager, sourceId: string, keys: string[]): Promise<void> {
    const batches: { sourceId: string; keys: string[] }[] = [];
    for (let i = 0; i < keys.length; i += ENTRIES_PER_JOB) batches.push({ sourceId, keys: keys.slice(i, i + ENTRIES_PER_JOB) });
    if (!batches.length) return;
    await manager.query(
      `SELECT count(graphile_worker.add_job($1, b::json, max_attempts := $3)) FROM jsonb_array_elements($2::jsonb) b`,
      [TASKS.ingest, JSON.stringify(batches), MAX_ATTEMPTS.ingest],
    );
  }

  /** A poll of the source soon; one waiting poll per source (job key), however often it is asked. */
  static async addPollJob(manager: EntityManager | DataSource, sourceId: string): Promise<void> {
    await manager.query(`SELECT graphile_worker.add_job($1, json_build_object('sourceId', $2::text), job_key := $3, max_attempts := $4)`, [
      TASKS.poll, sourceId, `${POLL_KEY}${sourceId}`, MAX_ATTEMPTS.poll,
    ]);
  }

  /** Jobs that used up their tries, newest first, with their last error (ADMIN). */
  async failedJobs(dataSource: DataSource, limit: number): Promise<FailedJob[]> {
    const rows = await dataSource.query(
      `SELECT j.id::text, t.identifier AS task, j.payload, j.attempts, j.max_attempts, j.last_error, j.created_at, j.updated_at
         FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
        WHERE j.attempts >= j.max_attempts AND j.locked_at IS NULL
        ORDER BY j.updated_at DESC, j.id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string, task: r.task as string, payload: r.payload, attempts: Number(r.attempts), maxAttempts: Number(r.max_attempts),
      lastError: (r.last_error as string | null) ?? null, createdAt: r.created_at as Date, updatedAt: r.updated_at as Date,
    }));
  }

  /** Runs a failed job again now, with a fresh set of tries; false when no failed job has that id. */
  async retryJob(dataSource: DataSource, id: string): Promise<boolean> {
    const [row] = await dataSource.query(
      `SELECT 1 FROM graphile_worker._private_jobs WHERE id = $1::bigint AND attempts >= max_attempts AND locked_at IS NULL`,
      [id],
    );
    if (!row) return false;
    await this.utils.rescheduleJobs([id], { runAt: new Date(), attempts: 0 });
    return true;
  }

  /** Releases the jobs of workers that stopped beating (a killed process): they run again elsewhere. */
  async unlockDeadWorkers(dataSource: DataSource, deadAfterSeconds: number): Promise<string[]> {
    const rows: { locked_by: string }[] = await dataSource.query(
      `SELECT DISTINCT j.locked_by FROM graphile_worker._private_jobs j
        WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - make_interval(secs => $1)
          AND NOT EXISTS (SELECT 1 FROM worker_heartbeat w WHERE w.worker_id = j.locked_by AND w.seen_at > now() - make_interval(secs => $1))`,
      [deadAfterSeconds],
    );
    const dead = rows.map((row) => row.locked_by);
    if (dead.length) await this.utils.forceUnlockWorkers(dead);
    return dead;
  }
}

export interface WorkerOptions {
  dataSource: DataSource;
  connectionString: string;
  poller: SourcePoller;
  /** Jobs run at once by this process. */
  concurrency: number;
  /** A worker silent this long is taken for dead and its jobs are released (default 30 s). */
  deadAfterSeconds?: number;
  log?: (line: string) => void;
  /** Polls due sources (every minute, and at start); off for a worker that only runs what it is given. Default on. */
  schedule?: boolean;
}

/**
 * A worker: runs Dyad's jobs until stopped. It beats every few seconds in `worker_heartbeat`, and releases
 * the jobs of workers that stopped beating (SIGKILL, a lost machine) so they run again; ingestion's
 * idempotency (entries marked when done, duplicates recognised) makes running a job twice safe.
 */
export class JobWorker {
  private constructor(
    private readonly runner: Runner,
    private readonly queue: JobQueue,
    private readonly timer: NodeJS.Timeout,
    private readonly ids: Set<string>,
    private readonly dataSource: DataSource,
  ) {}

  static async start(options: WorkerOptions): Promise<JobWorker> {
    const { dataSource, poller } = options;
    const deadAfter = options.deadAfterSeconds ?? 30;
    const queue = await JobQueue.open(options.connectionString);
    const ctx = RequestContext.system();
    const tasks: Record<string, Task> = {
      [TASKS.schedule]: async () => {
        await scheduleDuePolls(dataSource);
        await queue.unlockDeadWorkers(dataSource, deadAfter);
      },
      [TASKS.poll]: async (payload) => {
        const { sourceId } = payload as { sourceId: string };
        await poller.read(ctx, sourceId, (manager, keys) => JobQueue.addIngestJobs(manager, sourceId, keys)).catch(ignoreRemoved);
      },
      [TASKS.ingest]: async (payload, helpers) => {
        const { sourceId, keys } = payload as { sourceId: string; keys: string[] };
        // graphile-worker counts a try when it takes the job: more than one means an earlier run failed or died.
        await poller.ingestPending(ctx, sourceId, keys, { retry: helpers.job.attempts > 1 });
      },
    };
    const ids = new Set<string>();
    const events = new EventEmitter() as WorkerEvents;
    events.on('worker:create', ({ worker }) => ids.add(worker.workerId));
    const runner = await run({
      events,
      connectionString: options.connectionString,
      concurrency: options.concurrency,
      // One connection per running job, one for LISTEN, one spare.
      maxPoolSize: options.concurrency + 2,
      noHandleSignals: true,
      pollInterval: 2000,
      logger: quiet,
      taskList: tasks,
      // Every minute: due sources get a poll job, dead workers' jobs are released.
      crontab: options.schedule === false ? '' : `* * * * * ${TASKS.schedule} ?max=1&id=dyad_schedule`,
    });
    const beat = async () => {
      if (!ids.size) return;
      await dataSource.query(
        `INSERT INTO worker_heartbeat (worker_id, seen_at) SELECT unnest($1::text[]), now()
         ON CONFLICT (worker_id) DO UPDATE SET seen_at = now()`,
        [[...ids]],
      );
    };
    const timer = setInterval(() => {
      beat().catch(() => undefined);
      queue.unlockDeadWorkers(dataSource, deadAfter).catch(() => undefined);
    }, Math.max(1000, Math.min(5000, (deadAfter * 1000) / 4)));
    timer.unref();
    await beat();
    if (options.schedule !== false) await scheduleDuePolls(dataSource);
    options.log?.(`worker running (${options.concurrency} at a time)`);
    return new JobWorker(runner, queue, timer, ids, dataSource);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.runner.stop();
    await this.dataSource.query(`DELETE FROM worker_heartbeat WHERE worker_id = ANY($1)`, [[...this.ids]]).catch(() => undefined);
    await this.queue.close();
  }
}

/**
 * A poll job for every active source that is due (at most one waiting per source). A source whose poll is running
 * is left out: its next poll time is set only when that read commits, and graphile-worker adds a second job beside
 * a running one of the same key, so a long read would be followed by a needless second poll. (A poll that used up
 * its tries is not running: the source is polled again with fresh tries.)
 */
export async function scheduleDuePolls(dataSource: DataSource): Promise<number> {
  const due: { id: string }[] = await dataSource.query(
    `SELECT s.id FROM source s WHERE s.state = 'ACTIVE' AND s.next_poll_at <= now()
       AND NOT EXISTS (SELECT 1 FROM graphile_worker._private_jobs j WHERE j.key = $1 || s.id AND j.locked_at IS NOT NULL)`,
    [POLL_KEY],
  );
  for (const { id } of due) await JobQueue.addPollJob(dataSource, id);
  return due.length;
}

// A source removed while its poll waited: nothing to do.
function ignoreRemoved(error: unknown): void {
  if ((error as { code?: string }).code === 'NOT_FOUND') return;
  throw error;
}
