import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../shared/prepared-query.js';

export interface EvidenceSpan {
  start: number;
  end: number;
  text: string;
}

export interface EvidenceTarget {
  meetingId?: string;
  proposalId?: string;
  followUpId?: string;
}

/**
 * Writes evidence: spans of news items' texts backing a meeting, proposal or follow-up. Spans are gathered (of one
 * item or of several stored together) and written in one statement (`flush`), before anything reads them back.
 */
export class EvidenceRepository {
  private pending: {
    newsItemId: string; start: number; end: number; quote: string; meetingId: string | null; proposalId: string | null; followUpId: string | null;
  }[] = [];

  constructor(private readonly manager: EntityManager) {}

  /** Queues the spans that are real slices of the item's text (others are dropped); returns the quotes kept. */
  add(newsItem: { id: string; body: string }, spans: readonly EvidenceSpan[], target: EvidenceTarget): string[] {
    const kept: string[] = [];
    for (const span of spans) {
      if (span.end > span.start && newsItem.body.slice(span.start, span.end) === span.text) {
        this.pending.push({
          newsItemId: newsItem.id, start: span.start, end: span.end, quote: span.text,
          meetingId: target.meetingId ?? null, proposalId: target.proposalId ?? null, followUpId: target.followUpId ?? null,
        });
        kept.push(span.text);
      }
    }
    return kept;
  }

  /** Writes the spans queued so far, in one statement. */
  async flush(): Promise<void> {
    const batch = this.take();
    if (batch) await preparedQuery(this.manager, evidenceInsert(1), batch);
  }

  /**
   * Takes the spans queued so far, as the parameters of `evidenceInsert` (null when there are none), for a
   * statement that writes them along with something else (FollowUpRepository.createMany).
   */
  take(): unknown[] | null {
    if (!this.pending.length) return null;
    const rows = this.pending;
    this.pending = [];
    return [
      rows.map((r) => r.newsItemId), rows.map((r) => r.start), rows.map((r) => r.end), rows.map((r) => r.quote),
      rows.map((r) => r.meetingId), rows.map((r) => r.proposalId), rows.map((r) => r.followUpId),
    ];
  }
}

/**
 * The INSERT of a batch of spans (EvidenceRepository.take), its seven parameters numbered from `first`. Arrays, not
 * one parameter per value: a long text may give thousands of spans, past the 65,535 parameters of one statement.
 */
export function evidenceInsert(first: number): string {
  const [item, s, e, q, m, p, f] = Array.from({ length: 7 }, (_, i) => `$${first + i}`);
  return `INSERT INTO evidence (news_item_id, start, "end", quote, meeting_id, proposal_id, follow_up_id)
       SELECT i, s, e, q, m, p, f FROM unnest(${item}::uuid[], ${s}::int[], ${e}::int[], ${q}::text[], ${m}::uuid[], ${p}::uuid[], ${f}::uuid[]) AS t(i, s, e, q, m, p, f)`;
}
