import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/** One streaming replica as a request sees it: where its reads go, and how to report that they failed. */
export interface ReplicaTarget {
  /** Its position in DATABASE_REPLICA_URLS, from 0. */
  readonly index: number;
  readonly pool: pg.Pool;
  /** The replica could not be reached: skip it until a check finds it healthy again. */
  failed(error: unknown): void;
}

/**
 * Where the statements of one request go. A request starts on the primary; the API moves a read-only one to a
 * replica (`replica`), and back to the primary when that replica fails or the request turns out to write.
 */
export interface ReadScope {
  replica: ReplicaTarget | null;
  /** The request ran a mutation: it stays on the primary. */
  wrote: boolean;
}

const scopes = new AsyncLocalStorage<ReadScope>();

/** Runs `work`, and everything it starts, in a fresh scope on the primary. */
export function runInReadScope<T>(work: () => T): T {
  return scopes.run({ replica: null, wrote: false }, work);
}

/** The scope of the request being served; undefined outside one (start-up, workers, commands: the primary). */
export function currentReadScope(): ReadScope | undefined {
  return scopes.getStore();
}

/** The replica the current request reads from, or null for the primary. */
export function currentReplica(): ReplicaTarget | null {
  return scopes.getStore()?.replica ?? null;
}

/** Connects to the current request's replica; a replica that cannot be reached is skipped and the primary used. */
export async function connectRouted<C>(scope: ReadScope, replica: ReplicaTarget, primary: () => Promise<C>, connect: (pool: pg.Pool) => Promise<C>): Promise<C> {
  try {
    return await connect(replica.pool);
  } catch (error) {
    replica.failed(error);
    if (scope.replica === replica) scope.replica = null;
    return primary();
  }
}
