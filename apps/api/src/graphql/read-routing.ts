import { currentReadScope, type DyadEnvironment, ReadReplicas, runInReadScope } from '@dyad/database';
import type { RequestContext } from '@dyad/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type DocumentNode, Kind } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import type { DataSource } from 'typeorm';

/**
 * With DATABASE_REPLICA_URLS: read-only GraphQL requests read from the streaming replicas, in turn, and
 * everything else runs on the primary. The rule, per request:
 * - every operation in the document is a `query` (a mutation anywhere keeps the whole request on the primary);
 * - and the caller's API key made no mutation through this server in the last DYAD_READ_AFTER_WRITE_MS
 *   (so an analyst sees their own writes at once);
 * - and a replica is in use (reachable, a standby, at most DYAD_REPLICA_MAX_LAG_S behind); else the primary.
 * Its statements, DataLoader batches included, then go to that one replica; if it cannot be reached they
 * continue on the primary. Without replicas this adds nothing: no hook, no statement.
 * Call before the GraphQL routes exist (the scope hook must cover them).
 */
export async function registerReadReplicas(app: NestFastifyApplication, dataSource: DataSource, env: DyadEnvironment, log: (line: string) => void): Promise<void> {
  if (!env.replicaUrls.length) return;
  const replicas = await ReadReplicas.attach(dataSource, env.replicaUrls, { maxLagSeconds: env.replicaMaxLagSeconds, log });
  const inUse = replicas.status().filter((replica) => replica.inUse).length;
  log(`read replicas: ${inUse} of ${env.replicaUrls.length} in use`);
  const writes = new RecentWrites(env.readAfterWriteMs);
  const fastify = app.getHttpAdapter().getInstance();
  // after the body is read: what runs from here on (the handler, resolvers, their DataLoader batches) is in the scope
  fastify.addHook('preHandler', (request, _reply, done) => {
    if (request.routeOptions.url === '/graphql') runInReadScope(() => done());
    else done();
  });
  fastify.addHook('onReady', async () => {
    fastify.graphql.addHook('preExecution', async (_schema, document, context) => {
      const scope = currentReadScope();
      if (!scope) return;
      const keyId = keyOf(context);
      if (!readOnly(document)) {
        scope.wrote = true;
        scope.replica = null;
        writes.record(keyId);
      } else if (!scope.wrote && !writes.recent(keyId)) {
        scope.replica = replicas.next();
      }
    });
    // a mutation counts from when it ends too: a long one (an ingestion) keeps its key on the primary after it
    fastify.graphql.addHook('onResolution', async (_execution, context) => {
      if (currentReadScope()?.wrote) writes.record(keyOf(context));
    });
  });
}

const keyOf = (context: MercuriusContext) => (context as MercuriusContext & { requestContext?: RequestContext }).requestContext?.caller?.keyId ?? null;

function readOnly(document: DocumentNode): boolean {
  return document.definitions.every((definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition.operation === 'query');
}

/** When each API key last ran a mutation through this server (bounded: the oldest go first). */
class RecentWrites {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly max = 10_000,
  ) {}

  record(keyId: string | null): void {
    if (!keyId || this.windowMs === 0) return;
    this.last.delete(keyId);
    this.last.set(keyId, Date.now());
    if (this.last.size > this.max) this.last.delete(this.last.keys().next().value!);
  }

  recent(keyId: string | null): boolean {
    if (!keyId) return false;
    const at = this.last.get(keyId);
    if (at === undefined) return false;
    if (Date.now() - at < this.windowMs) return true;
    this.last.delete(keyId);
    return false;
  }
}
