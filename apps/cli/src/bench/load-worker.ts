import { parentPort, workerData } from 'node:worker_threads';
import { quietDatabase } from './quiet-database.js';

// Loads GraphQL servers from a worker thread (the server under test keeps the main one) with autocannon:
// `connections` connections to one target for `sliceMs`, then to the next, round after round (each round starting
// at the next target), so the targets share the same moments of the machine's load. Reports every latency, per target.
// Between slices it waits until the database has no statement running: a request the load gave up on at the end of
// a slice keeps running in PostgreSQL (a slow server's, 300–600 ms, for a third of the next slice), and would be
// counted against the next target.

export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
  /** Request bodies; each connection cycles through them from its own starting point. */
  bodies: string[];
}

export interface LoadPlan {
  targets: LoadTarget[];
  connections: number;
  rounds: number;
  sliceMs: number;
  /** Load on each target in turn before the rounds, not counted. */
  warmUpMs?: number;
  /** The database the targets read: each slice starts once none of its statements is running (at most 10 s). */
  databaseUrl?: string;
}

export interface LoadResult {
  /** Per target, in the plan's order. */
  loads: TargetLoad[];
  /** Slices that started with a statement still running after the wait for a quiet database (at most 10 s). */
  unquietSlices: number;
}

export interface TargetLoad {
  /** Milliseconds of each answered request. */
  latencies: number[];
  errors: number;
  /** Milliseconds this target was under load. */
  elapsedMs: number;
}

/** What autocannon returns: an event emitter that is also a promise of the result. */
interface Tracker extends PromiseLike<{ non2xx: number; errors: number; timeouts: number; mismatches: number }> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}

interface Client {
  setRequests(requests: { method: string; path: string; headers: Record<string, string>; body: string }[]): void;
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  const { default: autocannon } = await import('autocannon');
  const results: TargetLoad[] = plan.targets.map(() => ({ latencies: [], errors: 0, elapsedMs: 0 }));
  /** `ms` of load on one target, starting each connection at its own variant; into `result` when counted. */
  const load = async (target: LoadTarget, ms: number, round: number, result: TargetLoad | null) => {
    const path = new URL(target.url).pathname;
    let clients = 0;
    const started = performance.now();
    const instance = autocannon({
      url: target.url, method: 'POST', headers: target.headers, body: target.bodies[0], connections: plan.connections,
      duration: ms / 1000,
      setupClient: (client: Client) => {
        const start = (clients++ * 7 + round) % target.bodies.length;
        client.setRequests(target.bodies.map((_, k) => ({ method: 'POST', path, headers: target.headers, body: target.bodies[(start + k) % target.bodies.length] })));
      },
      verifyBody: (body: string) => body.startsWith('{"data"') && !body.includes('"errors"'),
    } as never) as unknown as Tracker;
    if (result) {
      instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
        if (status === 200) result.latencies.push(ms);
      });
    }
    const finished = await instance;
    if (!result) return;
    result.elapsedMs += performance.now() - started;
    result.errors += finished.non2xx + finished.errors + finished.timeouts + finished.mismatches;
  };
  const quiet = plan.databaseUrl ? await quietDatabase(plan.databaseUrl) : null;
  let unquietSlices = 0;
  const settle = async () => {
    if (quiet && !(await quiet.wait())) unquietSlices++;
  };
  try {
    if (plan.warmUpMs) {
      for (const target of plan.targets) {
        await load(target, plan.warmUpMs, 0, null);
        await settle();
      }
    }
    for (let round = 0; round < plan.rounds; round++) {
      // Each round starts at the next target, so that what the database still does between slices, if it is ever
      // not done after the wait, weighs on each target in turn, not always on the same one.
      for (let k = 0; k < plan.targets.length; k++) {
        const index = (round + k) % plan.targets.length;
        await load(plan.targets[index], plan.sliceMs, round, results[index]);
        await settle();
      }
    }
  } finally {
    await quiet?.close();
  }
  return { loads: results, unquietSlices };
}

if (parentPort) {
  const port = parentPort;
  run(workerData as LoadPlan).then((results) => port.postMessage(results));
}
