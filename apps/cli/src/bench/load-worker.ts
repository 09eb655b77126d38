import { parentPort, workerData } from 'node:worker_threads';

// Sends GraphQL requests from a worker thread (the server under test keeps the main one): `connections` loops,
// each sending one request after another, for `sliceMs` to one target, then to the next, round after round, so
// the targets share the same moments of the machine's load. Reports every latency, per target.

export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
  /** Request bodies; each loop cycles through them from its own starting point. */
  bodies: string[];
}

export interface LoadPlan {
  targets: LoadTarget[];
  connections: number;
  rounds: number;
  sliceMs: number;
}

export interface TargetLoad {
  /** Milliseconds of each answered request. */
  latencies: number[];
  errors: number;
  /** Milliseconds this target was under load. */
  elapsedMs: number;
  firstError?: string;
}

async function run(plan: LoadPlan): Promise<TargetLoad[]> {
  const results: TargetLoad[] = plan.targets.map(() => ({ latencies: [], errors: 0, elapsedMs: 0 }));
  for (let round = 0; round < plan.rounds; round++) {
    for (const [index, target] of plan.targets.entries()) {
      const result = results[index];
      const started = performance.now();
      const until = started + plan.sliceMs;
      await Promise.all(
        Array.from({ length: plan.connections }, async (_, connection) => {
          for (let k = (connection * 7 + round) % target.bodies.length; performance.now() < until; k = (k + 1) % target.bodies.length) {
            const sent = performance.now();
            try {
              const response = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.bodies[k] });
              const text = await response.text();
              if (!response.ok || !text.startsWith('{"data"') || text.includes('"errors"')) {
                result.errors++;
                result.firstError ??= `HTTP ${response.status} ${text.slice(0, 200)}`;
              } else result.latencies.push(performance.now() - sent);
            } catch (error) {
              result.errors++;
              result.firstError ??= String(error);
            }
          }
        }),
      );
      result.elapsedMs += performance.now() - started;
    }
  }
  return results;
}

if (parentPort) {
  const port = parentPort;
  run(workerData as LoadPlan).then((results) => port.postMessage(results));
}
