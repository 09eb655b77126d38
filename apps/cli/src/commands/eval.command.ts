import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type ExtractionResult, extract } from '@dyad/extraction';
import { loadGoldSet } from '../eval/gold.js';
import { type ItemScore, aggregate, formatReport, itemScore } from '../eval/score.js';

interface EvalCliOptions {
  gold: string;
  json?: boolean;
  worst: string;
}

/** Runs the extractor over every gold item and scores it; exported for tests. */
export function runEval(goldDir: string, worstCount = 10) {
  const items = loadGoldSet(resolve(goldDir));
  const scores: ItemScore[] = items.map((item) => {
    let predicted: ExtractionResult;
    let error: string | undefined;
    try {
      predicted = extract(item.text, item.options);
    } catch (e) {
      // One failing item must not hide the figures of the others: score it as "nothing found".
      error = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      predicted = { language: item.lang, publishedAt: null, title: null, events: [] };
    }
    return itemScore(item.id, item.lang, item.expected, predicted, error);
  });
  return { report: aggregate(scores, worstCount), scores };
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Score the extractor against the gold set: precision, recall and F1 per field and per language')
    .option('--gold <dir>', 'gold directory of <id>.txt + <id>.json items', 'test/fixtures/news')
    .option('--json', 'print the report (and per-item scores) as JSON')
    .option('--worst <n>', 'how many of the worst items to list', '10')
    .action((opts: EvalCliOptions) => {
      const worst = Number.parseInt(opts.worst, 10);
      if (!Number.isInteger(worst) || worst < 0) throw new Error(`eval: --worst expects a non-negative integer, got "${opts.worst}"`);
      const { report, scores } = runEval(opts.gold, worst);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ ...report, scores }, null, 2)}\n`);
      } else {
        process.stdout.write(`${formatReport(report)}\n`);
      }
    });
}
