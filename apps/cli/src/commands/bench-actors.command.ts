import { type Command, InvalidArgumentError } from 'commander';
import { createDataSource, DyadEnvironment, openDatabase, withClient, withDatabaseName } from '@dyad/database';
import { ENTITIES, resolveActor } from '@dyad/domain';
import { actorNameKey, normalizeForSearch } from '@dyad/extraction';
import { recreateEmptyDatabase } from '../bench/bench-database.js';

// How long ingestion takes to find a reported person among the known actors (resolveActor), as the actor
// table grows: every participant of every ingested report goes through it.

const BENCH_DATABASE = 'dyad_bench_actors';
const log = (line: string) => process.stderr.write(`dyad: ${line}\n`);

const GIVEN = ['Ali', 'Reza', 'Mohammad', 'Hossein', 'Mehdi', 'Nurlan', 'Aslan', 'Daniyar', 'Sergei', 'Yerlan', 'Farhad', 'Javad', 'Karim', 'Timur', 'Dmitry', 'Bakhyt'];
const SYLLABLES = ['ta', 'le', 'bi', 'ma', 'tin', 'sei', 'tka', 'li', 'bek', 'mu', 'ra', 'tov', 'za', 'rif', 'ah', 'ma', 'di', 'no', 'ri', 'kha', 'me', 'nei', 'pe', 'zesh', 'ki', 'an', 'ya', 'zda', 'ni', 'sha', 'ro', 'kov', 'gha', 'de', 'mo'];
const COUNTRIES = ['IR', 'KZ', 'RU', 'TJ', 'UZ', 'TR', 'AZ', 'IQ'];

/** A deterministic pseudo-random stream, so every run builds the same table. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function names(count: number): { name: string; country: string }[] {
  const next = random(count);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, () => {
    const parts = 2 + Math.floor(next() * 3);
    let surname = '';
    for (let i = 0; i < parts; i++) surname += pick(SYLLABLES);
    return { name: `${pick(GIVEN)} ${surname[0].toUpperCase()}${surname.slice(1)}`, country: pick(COUNTRIES) };
  });
}

function wholeNumber(low: number, high: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < low || n > high) throw new InvalidArgumentError(`expected a whole number from ${low} to ${high}`);
    return n;
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

export function registerBenchActors(bench: Command): void {
  bench
    .command('actors')
    .description(`time to resolve a reported name to its actor as the actor table grows (database ${BENCH_DATABASE}, dropped and recreated)`)
    .option('--sizes <list>', 'actor table sizes, comma-separated', (value) => value.split(',').map(wholeNumber(1, 1_000_000)), [1_000, 10_000, 100_000])
    .option('--lookups <n>', 'names resolved per size: known names, the same in a Russian case form, surnames alone, unknown names, a quarter each', wholeNumber(10, 100_000), 600)
    .action((options: { sizes: number[]; lookups: number }) => runBenchActors(options));
}

async function runBenchActors(options: { sizes: number[]; lookups: number }): Promise<void> {
  const database = await openDatabase(DyadEnvironment.from(), 'cli', log);
  try {
    await recreateEmptyDatabase(database.url, BENCH_DATABASE);
    const dataSource = createDataSource({ url: withDatabaseName(database.url, BENCH_DATABASE), entities: ENTITIES, poolSize: 1, statementTimeoutMs: 0 });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      let inserted = 0;
      const all = names(Math.max(...options.sizes));
      process.stdout.write('actors\tlookups\tmean ms\tp50 ms\tp95 ms\n');
      for (const size of [...options.sizes].sort((a, b) => a - b)) {
        for (let i = inserted; i < size; i += 5000) {
          const batch = all.slice(i, Math.min(size, i + 5000));
          await dataSource.query(
            `INSERT INTO actor (kind, name, name_key, match_key, country_code)
             SELECT 'PERSON', n, k, m, c FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(n, k, m, c)`,
            [batch.map((a) => a.name), batch.map((a) => normalizeForSearch(a.name)), batch.map((a) => actorNameKey(a.name).tokens.join(' ')), batch.map((a) => a.country)],
          );
        }
        inserted = size;
        await dataSource.query('ANALYZE actor');
        const next = random(size + 1);
        const known = all.slice(0, size);
        const lookups = Array.from({ length: options.lookups }, (_, i) => {
          const actor = known[Math.floor(next() * known.length)];
          if (i % 4 === 0) return actor;
          if (i % 4 === 1) return { ...actor, name: `${actor.name}ом` }; // a declined form: keys the same
          if (i % 4 === 2) return { name: actor.name.split(' ')[1], country: actor.country }; // a surname alone
          return { name: `Zzqx ${actor.name.split(' ')[1]}vlad`, country: actor.country }; // nobody known
        });
        const times: number[] = [];
        // In a transaction rolled back, so the table is as it was for the next size.
        const rollback = new Error('rollback');
        await dataSource
          .transaction(async (manager) => {
            for (const lookup of lookups) {
              const t0 = process.hrtime.bigint();
              await resolveActor(manager, lookup);
              times.push(Number(process.hrtime.bigint() - t0) / 1e6);
            }
            throw rollback;
          })
          .catch((error: unknown) => {
            if (error !== rollback) throw error;
          });
        times.sort((a, b) => a - b);
        const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
        process.stdout.write(`${size}\t${times.length}\t${mean.toFixed(2)}\t${percentile(times, 0.5).toFixed(2)}\t${percentile(times, 0.95).toFixed(2)}\n`);
      }
    } finally {
      await dataSource.destroy();
      await withClient(database.url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`));
    }
  } finally {
    await database.stop();
  }
}
