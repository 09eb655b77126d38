import { availableParallelism } from 'node:os';
import { DomainError } from '@dyad/domain';
import type { ExtractionResult, ExtractOptions } from '@dyad/extraction';
import { Piscina } from 'piscina';
import type { ExtractionTask } from './extraction.worker.js';

export interface ExtractionPoolOptions {
  /** Worker threads; default one per core. */
  threads?: number;
  /** Time one item may take; past it the worker is stopped and the item refused. Default 60 s. */
  timeoutMs?: number;
  /** Items waiting for a thread before more are refused as busy; default 16 per thread. */
  maxQueue?: number;
  /**
   * One thread stays, with the extractor it has loaded, for as long as the process runs (the server and
   * `dyad worker`): an item after a quiet spell then does not wait for a new thread to start and load the
   * extractor (about half a second). By default every thread ends after `idleTimeoutMs` without work, so that a
   * finished command holds none.
   */
  keepWarm?: boolean;
  /** How long a thread may stay idle before it ends (beyond the one kept warm); default 30 s. */
  idleTimeoutMs?: number;
}

export const DEFAULT_EXTRACTION_TIMEOUT_MS = 60_000;

// Built: the compiled worker beside this file. From the TypeScript sources (vitest): the same sources,
// compiled for the worker threads (source-worker.mjs).
const FROM_SOURCES = import.meta.url.endsWith('.ts');

async function workerFile(): Promise<string> {
  if (!FROM_SOURCES) return new URL('./extraction.worker.js', import.meta.url).href;
  const { sourceWorker } = await import(new URL('./source-worker.mjs', import.meta.url).href);
  return sourceWorker();
}

/**
 * Extraction off the event loop: a pool of worker threads running `extract`, each item with a time
 * budget (a runaway item stops its worker, not the server), and a bounded queue.
 */
export class ExtractionPool {
  private readonly pool: Piscina<ExtractionTask | string, ExtractionResult | string>;
  private readonly threads: number;
  private readonly maxQueue: number;
  readonly timeoutMs: number;

  constructor(options: ExtractionPoolOptions = {}) {
    this.threads = options.threads ?? availableParallelism();
    this.maxQueue = options.maxQueue ?? this.threads * 16;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_EXTRACTION_TIMEOUT_MS;
    this.pool = new Piscina({
      minThreads: options.keepWarm ? 1 : 0,
      maxThreads: this.threads,
      // Threads live on while work comes; an idle process (a finished command) holds none, unless one is kept warm.
      idleTimeout: options.idleTimeoutMs ?? 30_000,
    });
  }

  /** The ids of the threads running now (started on demand, ended when idle). */
  threadIds(): number[] {
    return this.pool.threads.map((thread) => thread.threadId);
  }

  /** Extracts on a worker thread; the time budget starts when a thread takes the item, not while it waits. */
  extract(text: string, options: ExtractOptions = {}): Promise<ExtractionResult> {
    return this.run('extract', { text, options }) as Promise<ExtractionResult>;
  }

  /** The normalised key of a text (for duplicates and search), on a worker thread too: seconds for 5 MB. */
  searchKey(text: string): Promise<string> {
    return this.run('searchKey', text) as Promise<string>;
  }

  private async run(name: 'extract' | 'searchKey', task: ExtractionTask | string): Promise<ExtractionResult | string> {
    const release = await this.slot();
    try {
      return await this.pool.run(task, { name, filename: await workerFile(), signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const errorName = (error as Error).name;
      if (errorName === 'AbortError' || errorName === 'TimeoutError') {
        throw DomainError.invalid(
          `reading this news item took longer than ${seconds(this.timeoutMs)}, the time one item may take; split the text into shorter items`,
          { field: 'text', limit: 'extractionTime' },
        );
      }
      throw error;
    } finally {
      release();
    }
  }

  // One item per thread at a time, the rest wait in order; past `maxQueue` waiting, callers are told to retry.
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  private async slot(): Promise<() => void> {
    if (this.running < this.threads) this.running++;
    else if (this.waiting.length >= this.maxQueue) throw DomainError.unavailable('the extraction workers are busy; try again in a few seconds');
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes straight to the next waiter, so no newcomer can overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

let shared: ExtractionPool | undefined;
let sharedOptions: ExtractionPoolOptions = {};

/** The process's one extraction pool (ingestion, previews and commands share it), made on first use. */
export function extractionPool(): ExtractionPool {
  return (shared ??= new ExtractionPool(sharedOptions));
}

/** Settings for the shared pool (from the environment, at start-up); a running pool is replaced. */
export async function configureExtractionPool(options: ExtractionPoolOptions): Promise<void> {
  sharedOptions = options;
  await closeExtractionPool();
}

/** Stops the shared pool's threads (at shutdown); the next use starts a new one. */
export async function closeExtractionPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
