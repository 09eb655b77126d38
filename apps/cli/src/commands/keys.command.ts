import { type Command, InvalidArgumentError } from 'commander';
import { API_KEY_ROLES, ApiKeyService, type ApiKeyRole, AuditService, RequestContext } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import { withDatabase } from '../support/database.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const keyService = (dataSource: DataSource) => new ApiKeyService(dataSource, new AuditService(dataSource));

function parseRole(value: string): ApiKeyRole {
  const role = value.toUpperCase();
  if (!(API_KEY_ROLES as readonly string[]).includes(role)) {
    throw new InvalidArgumentError(`expected one of ${API_KEY_ROLES.map((r) => r.toLowerCase()).join(', ')}`);
  }
  return role as ApiKeyRole;
}

function parseId(value: string): string {
  if (!UUID.test(value)) throw new InvalidArgumentError('expected a key id (a UUID, as `dyad keys list` shows)');
  return value.toLowerCase();
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage API keys');

  keys
    .command('create')
    .description('create an API key; it is printed once and never stored in clear')
    .requiredOption('--role <role>', 'viewer, analyst or admin', parseRole)
    .requiredOption('--label <label>', 'who or what the key is for')
    .action(async (options: { role: ApiKeyRole; label: string }) => {
      await withDatabase(async (dataSource) => {
        const { key, apiKey } = await keyService(dataSource).create(RequestContext.system(), options.role, options.label);
        process.stderr.write(`created ${apiKey.role.toLowerCase()} key ${apiKey.id} (${apiKey.label}); keep it now, it is not shown again\n`);
        process.stdout.write(`${key}\n`);
      });
    });

  keys
    .command('list')
    .description('list API keys (never the keys themselves)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async (dataSource) => {
        const list = await keyService(dataSource).list(RequestContext.system());
        if (options.json) {
          const rows = list.map(({ hash: _hash, ...rest }) => rest);
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        if (list.length === 0) {
          process.stdout.write('no keys\n');
          return;
        }
        for (const key of list) {
          const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
          const used = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : 'never used';
          process.stdout.write(`${key.id}  ${key.prefix}…  ${key.role.padEnd(7)}  ${state.padEnd(32)}  ${used.padEnd(34)}  ${key.label}\n`);
        }
      });
    });

  keys
    .command('revoke')
    .description('revoke an API key at once')
    .argument('<id>', 'the key id from `dyad keys list`', parseId)
    .action(async (id: string) => {
      await withDatabase(async (dataSource) => {
        const apiKey = await keyService(dataSource).revoke(RequestContext.system(), id);
        process.stdout.write(`revoked ${apiKey.id} (${apiKey.label})\n`);
      });
    });
}
