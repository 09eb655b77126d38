import type { Command } from 'commander';
import { rebuildRollups } from '@dyad/analytics';
import { withDatabase } from '../support/database.js';

export function registerRollups(program: Command): void {
  const rollups = program.command('rollups').description('the chart rollups, which every write keeps current');
  rollups
    .command('rebuild')
    .description('recompute the stored party sets and every rollup from the base rows (after a bulk load, or to repair)')
    .action(async () => {
      await withDatabase(async (dataSource) => {
        const { milliseconds, rows } = await rebuildRollups(dataSource);
        const summary = Object.entries(rows).map(([table, count]) => `${table} ${count.toLocaleString('en')}`).join(', ');
        process.stdout.write(`rollups rebuilt in ${(milliseconds / 1000).toFixed(1)} s: ${summary} rows\n`);
      });
    });
}
