import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMeetingReadings, applyProposalHistory, type RequestContext } from '@dyad/domain';
import type { DataSource } from 'typeorm';
import type { IngestionService } from '../ingestion.service.js';
import type { NewsItemInput } from '../news-item-input.js';
import { SYNTHETIC_PUBLISHER, syntheticHistory } from './synthetic-history.js';

/** `full`: the bundled corpus and the synthetic history; `off`: the corpus only; `none`: nothing. */
export type DemoMode = 'full' | 'off' | 'none';

// The team's own news texts (the gold set and the IR–KZ storyline) double as the demo corpus.
function packageRoot(): string {
  // From src (vitest) or dist/libs/... (built): climb to the folder that holds package.json.
  let dir = fileURLToPath(new URL('.', import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dir !== '/') dir = join(dir, '..');
  return dir;
}

/** The bundled corpus: each `.txt` with the options its `.json` twin gives (publication date etc.). */
export function bundledCorpus(): NewsItemInput[] {
  const root = packageRoot();
  const items: NewsItemInput[] = [];
  for (const folder of ['test/fixtures/news', 'test/fixtures/storyline']) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.txt')).sort()) {
      const twin = join(dir, file.replace(/\.txt$/, '.json'));
      const options = existsSync(twin) ? ((JSON.parse(readFileSync(twin, 'utf8')) as { options?: Record<string, string> }).options ?? {}) : {};
      items.push({
        text: readFileSync(join(dir, file), 'utf8'),
        publishedAt: options.publishedAt ?? null,
        publisherCountry: options.publisherCountry ?? null,
        language: (options.lang as NewsItemInput['language']) ?? null,
        publisher: 'Dyad sample corpus',
        origin: `${folder}/${file}`,
      });
    }
  }
  return items;
}

export interface DemoProgress {
  (done: number, total: number, label: string): void;
}

/** Loads demo data through the real ingestion pipeline; returns how many items were new. */
export async function loadDemoData(
  ingestion: IngestionService,
  ctx: RequestContext,
  mode: DemoMode,
  progress: DemoProgress = () => undefined,
): Promise<{ corpus: number; synthetic: number; failed: { origin: string; reason: string }[] }> {
  const result = { corpus: 0, synthetic: 0, failed: [] as { origin: string; reason: string }[] };
  if (mode === 'none') return result;
  const batches: ['corpus' | 'synthetic', NewsItemInput[]][] = [['corpus', bundledCorpus()]];
  if (mode === 'full') batches.push(['synthetic', syntheticHistory()]);
  const total = batches.reduce((sum, [, items]) => sum + items.length, 0);
  let done = 0;
  for (const [label, items] of batches) {
    for (const item of items) {
      try {
        if ((await ingestion.ingest(ctx, item)).status === 'NEW') result[label]++;
      } catch (error) {
        result.failed.push({ origin: item.origin ?? '?', reason: (error as Error).message });
      }
      progress(++done, total, label);
    }
  }
  return result;
}

/**
 * Removes every synthetic item and what only synthetic items reported, in one transaction; facts that
 * real reports also support stay, with their histories re-derived from the remaining readings.
 */
export async function removeSyntheticData(dataSource: DataSource): Promise<{ newsItems: number; meetings: number; proposals: number }> {
  return dataSource.transaction(async (manager) => {
    const ids: string[] = (await manager.query(`SELECT id FROM news_item WHERE publisher = $1`, [SYNTHETIC_PUBLISHER])).map(
      (row: { id: string }) => row.id,
    );
    if (!ids.length) return { newsItems: 0, meetings: 0, proposals: 0 };
    const onlySynthetic = `NOT EXISTS (SELECT 1 FROM meeting_source o WHERE o.meeting_id = m.id AND NOT (o.news_item_id = ANY($1)))`;
    await manager.query(`DELETE FROM follow_up_action f USING meeting m WHERE f.meeting_id = m.id AND ${onlySynthetic}`, [ids]);
    const meetings = await manager.query(`DELETE FROM meeting m WHERE ${onlySynthetic} RETURNING id`, [ids]);
    const proposals = await manager.query(
      `DELETE FROM proposal p WHERE NOT EXISTS (SELECT 1 FROM proposal_status_change c WHERE c.proposal_id = p.id
         AND (c.news_item_id IS NULL OR NOT (c.news_item_id = ANY($1)))) RETURNING id`,
      [ids],
    );
    const touched: string[] = (
      await manager.query(`SELECT DISTINCT proposal_id FROM proposal_status_change WHERE news_item_id = ANY($1)`, [ids])
    ).map((row: { proposal_id: string }) => row.proposal_id);
    await manager.query(`DELETE FROM proposal_status_change WHERE news_item_id = ANY($1)`, [ids]);
    // Follow-ups a synthetic report closed go back to their last remaining status.
    const closed: string[] = (
      await manager.query(`DELETE FROM follow_up_status_change WHERE news_item_id = ANY($1) RETURNING follow_up_id`, [ids])
    )[0].map((row: { follow_up_id: string }) => row.follow_up_id);
    await manager.query(
      `UPDATE follow_up_action f SET status = coalesce((SELECT c.status FROM follow_up_status_change c WHERE c.follow_up_id = f.id
         ORDER BY c.effective_date DESC NULLS LAST, c.recorded_at DESC LIMIT 1), 'OPEN'), version = version + 1 WHERE f.id = ANY($1)`,
      [closed],
    );
    const touchedMeetings: string[] = (
      await manager.query(`SELECT DISTINCT meeting_id FROM meeting_reading WHERE news_item_id = ANY($1)`, [ids])
    ).map((row: { meeting_id: string }) => row.meeting_id);
    await manager.query(`DELETE FROM news_item WHERE id = ANY($1)`, [ids]); // their meeting readings go with them
    for (const id of touched) await applyProposalHistory(manager, id);
    for (const id of touchedMeetings) await applyMeetingReadings(manager, id);
    await manager.query(`DELETE FROM actor a WHERE NOT EXISTS (SELECT 1 FROM meeting_participant p WHERE p.actor_id = a.id)`);
    return { newsItems: ids.length, meetings: meetings[1], proposals: proposals[1] };
  });
}
