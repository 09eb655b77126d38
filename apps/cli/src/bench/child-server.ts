import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ChildServer {
  /** Its /graphql URL. */
  url: string;
  /** Its process id (for its CPU time, from /proc). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts one build's API server (`<dist>/apps/api/src/main.js`, as `npm start`) in a process of its own on
 * 127.0.0.1:`port` with `env` added, and resolves once it listens: `dyad bench api --baseline` and
 * `dyad bench ingest --baseline` run this build and the baseline build the same way, so neither shares a process
 * with the load.
 */
/**
 * The environment of a server under a bench: the bench database, its own data folder and the run's admin key, no
 * demo data beside what is measured, and no rate limits (throughput is measured, not limited: one address, one key,
 * thousands of requests a second).
 */
export function benchServerEnv(databaseUrl: string, dataDir: string, adminKey: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl, DYAD_DATA_DIR: dataDir, DYAD_ADMIN_KEY: adminKey, DYAD_DEMO: 'none',
    DYAD_RATE_LIMIT_PER_ADDRESS: '0', DYAD_RATE_LIMIT_PER_KEY: '0',
  };
}

export function startChildServer(dist: string, port: number, env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, [join(dist, 'apps/api/src/main.js')], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Dyad is running')) resolve({ url: `http://127.0.0.1:${port}/graphql`, pid: child.pid!, stop });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    void exited.then(() => reject(new Error(`the server of ${dist} stopped before it listened:\n${output.slice(-2000)}`)));
  });
}
