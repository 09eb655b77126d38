// Scoring of extractor output against the gold set: pure functions, no I/O, so the table in
// `dyad eval` and the examples in score.spec.ts come from the same code.
import type { ExtractedEvent, ExtractionResult } from '@dyad/extraction';

export const FIELDS = [
  'events', 'type', 'date', 'parties', 'location', 'sectors',
  'proposalKind', 'proposalStatus', 'followUpHorizon', 'participants',
] as const;
export type Field = (typeof FIELDS)[number];

export interface Counts { tp: number; fp: number; fn: number }
export interface Prf { precision: number; recall: number; f1: number }
export type FieldCounts = Record<Field, Counts>;

export const FIELD_LABELS: Record<Field, string> = {
  events: 'event detection',
  type: 'event type',
  date: 'event date',
  parties: 'parties',
  location: 'location',
  sectors: 'sectors',
  proposalKind: 'proposal kind',
  proposalStatus: 'proposal kind+status',
  followUpHorizon: 'follow-up horizon',
  participants: 'participants',
};

export function emptyCounts(): FieldCounts {
  return Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as FieldCounts;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** Micro-average of every field: the "overall" row. */
export function totalCounts(c: FieldCounts): Counts {
  return FIELDS.reduce((sum, f) => addCounts(sum, c[f]), { tp: 0, fp: 0, fn: 0 });
}

/** Precision/recall/F1; an empty side scores 1 only when the other side is empty too. */
export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** Comparison key: ZWNJ, letter-variant, diacritic, digit and case insensitive; punctuation becomes space. */
export function normalizeKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g, '')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[ةۀ]/g, 'ه')
    .replace(/[أإٱآ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ی')
    .replace(/[۰-۹]/g, (d) => String(PERSIAN_DIGITS.indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String(ARABIC_DIGITS.indexOf(d)))
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Russian case endings (Аббасом / Аббас) and Persian suffixes: tokens match on a long common prefix.
function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const min = Math.min(a.length, b.length);
  if (min < 4) return false;
  let i = 0;
  while (i < min && a[i] === b[i]) i++;
  return i >= Math.max(4, min - 2);
}

/** Same person? Equal once spaces are dropped (ZWNJ vs space), or token Dice > 0.5 ignoring initials. */
export function namesMatch(a: string, b: string): boolean {
  const ka = normalizeKey(a);
  const kb = normalizeKey(b);
  if (!ka || !kb) return false;
  const sa = ka.replace(/ /g, '');
  const sb = kb.replace(/ /g, '');
  if (sa === sb) return true;
  const ta = ka.split(' ').filter((t) => t.length > 1);
  const tb = kb.split(' ').filter((t) => t.length > 1);
  if (ta.length === 0 || tb.length === 0) return false;
  const used = new Set<number>();
  let common = 0;
  for (const t of ta) {
    const j = tb.findIndex((u, k) => !used.has(k) && tokensMatch(t, u));
    if (j >= 0) { used.add(j); common++; }
  }
  // A lone surname matches; otherwise more than a shared first name is needed.
  if (common > 0 && Math.min(ta.length, tb.length) === 1) return true;
  return (2 * common) / (ta.length + tb.length) > 0.5;
}

type Location = ExtractedEvent['location'];

export function locationsMatch(g: NonNullable<Location>, p: NonNullable<Location>): boolean {
  if (g.country && p.country && g.country !== p.country) return false;
  const kg = normalizeKey(g.name);
  const kp = normalizeKey(p.name);
  return kg === kp || (kg.length > 2 && kp.length > 2 && (kg.includes(kp) || kp.includes(kg)));
}

/** Counts for two bags of values under a match predicate (one-to-one, greedy in gold order). */
export function compareBags<T>(gold: T[], predicted: T[], same: (g: T, p: T) => boolean = (g, p) => g === p): Counts {
  const used = new Set<number>();
  let tp = 0;
  for (const g of gold) {
    const j = predicted.findIndex((p, k) => !used.has(k) && same(g, p));
    if (j >= 0) { used.add(j); tp++; }
  }
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

const one = <T>(v: T | null | undefined): T[] => (v === null || v === undefined ? [] : [v]);
const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

// CINEMA implies CULTURE (DESIGN.md), so listing CULTURE next to CINEMA is never an error either way.
function sectorSet(e: ExtractedEvent): string[] {
  const s = new Set<string>(e.sectors ?? []);
  if (s.has('CINEMA')) s.add('CULTURE');
  return [...s];
}

/** Per-field values of one event, so matched and unmatched events are counted the same way. */
function values(e: ExtractedEvent) {
  return {
    type: one(e.type),
    date: one(e.date),
    parties: uniq(e.countries ?? []),
    location: one(e.location),
    sectors: sectorSet(e),
    proposalKind: (e.proposals ?? []).map((p) => p.kind),
    proposalStatus: (e.proposals ?? []).map((p) => `${p.kind}:${p.status}`),
    followUpHorizon: (e.followUps ?? []).map((f) => f.horizon),
    participants: (e.participants ?? []).map((p) => p.name).filter((n): n is string => typeof n === 'string'),
  };
}

type Values = ReturnType<typeof values>;
const VALUE_FIELDS = FIELDS.filter((f): f is Exclude<Field, 'events'> => f !== 'events');
const MATCHERS: { [K in keyof Values]?: (g: Values[K][number], p: Values[K][number]) => boolean } = {
  location: (g, p) => locationsMatch(g as NonNullable<Location>, p as NonNullable<Location>),
  participants: (g, p) => namesMatch(g as string, p as string),
};

/** Alignment score of a gold and a predicted event, or null when they cannot be the same event. */
export function alignmentScore(g: ExtractedEvent, p: ExtractedEvent): number | null {
  const gc = new Set(g.countries ?? []);
  const pc = new Set(p.countries ?? []);
  const common = [...gc].filter((c) => pc.has(c)).length;
  if (common === 0) return null;
  const jaccard = common / new Set([...gc, ...pc]).size;
  const sameDate = g.date !== null && g.date === p.date;
  if (jaccard < 0.5 && !sameDate) return null;
  return jaccard + (sameDate ? 0.25 : 0);
}

/** Type-agnostic one-to-one alignment: best pairs first (same party set, then date). */
export function alignEvents(gold: ExtractedEvent[], predicted: ExtractedEvent[]): [number, number][] {
  const pairs: { g: number; p: number; s: number }[] = [];
  gold.forEach((g, i) => predicted.forEach((p, j) => {
    const s = alignmentScore(g, p);
    if (s !== null) pairs.push({ g: i, p: j, s });
  }));
  pairs.sort((a, b) => b.s - a.s || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g); usedP.add(p); out.push([g, p]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Field counts for one item: aligned events compare field by field; unaligned ones count wholly as FN or FP. */
export function scoreItem(expected: ExtractionResult, predicted: ExtractionResult): FieldCounts {
  const counts = emptyCounts();
  const gold = expected.events ?? [];
  const pred = predicted.events ?? [];
  const pairs = alignEvents(gold, pred);
  counts.events = { tp: pairs.length, fp: pred.length - pairs.length, fn: gold.length - pairs.length };
  const add = (gv: Values | null, pv: Values | null) => {
    for (const f of VALUE_FIELDS) {
      const same = MATCHERS[f] as ((g: unknown, p: unknown) => boolean) | undefined;
      const c = compareBags<unknown>(gv ? gv[f] : [], pv ? pv[f] : [], same);
      counts[f] = addCounts(counts[f], c);
    }
  };
  for (const [g, p] of pairs) add(values(gold[g]), values(pred[p]));
  const alignedG = new Set(pairs.map(([g]) => g));
  const alignedP = new Set(pairs.map(([, p]) => p));
  gold.forEach((e, i) => { if (!alignedG.has(i)) add(values(e), null); });
  pred.forEach((e, j) => { if (!alignedP.has(j)) add(null, values(e)); });
  return counts;
}

export interface ItemScore {
  id: string;
  lang: string;
  goldEvents: number;
  predictedEvents: number;
  counts: FieldCounts;
  f1: number;
  /** The extractor threw on this item; it is scored as an empty result. */
  error?: string;
}

export interface Row extends Counts, Prf {}
export interface EvalReport {
  items: number;
  fields: Record<Field | 'overall', Row>;
  perLanguage: Record<string, { items: number; events: Row; overall: Row }>;
  negatives: { items: number; itemsWithFalsePositives: number; falsePositiveEvents: number };
  errors: { id: string; error: string }[];
  worst: { id: string; lang: string; f1: number; goldEvents: number; predictedEvents: number; error?: string }[];
}

const row = (c: Counts): Row => ({ ...c, ...prf(c) });

export function itemScore(id: string, lang: string, expected: ExtractionResult, predicted: ExtractionResult, error?: string): ItemScore {
  const counts = scoreItem(expected, predicted);
  return {
    id, lang, counts,
    goldEvents: expected.events.length,
    predictedEvents: predicted.events?.length ?? 0,
    f1: prf(totalCounts(counts)).f1,
    ...(error ? { error } : {}),
  };
}

export function aggregate(scores: ItemScore[], worstCount = 10): EvalReport {
  const sum = (list: ItemScore[]) => list.reduce((acc, s) => {
    for (const f of FIELDS) acc[f] = addCounts(acc[f], s.counts[f]);
    return acc;
  }, emptyCounts());
  const all = sum(scores);
  const fields = Object.fromEntries([
    ...FIELDS.map((f) => [f, row(all[f])]),
    ['overall', row(totalCounts(all))],
  ]) as EvalReport['fields'];
  const perLanguage: EvalReport['perLanguage'] = {};
  for (const lang of uniq(scores.map((s) => s.lang)).sort()) {
    const c = sum(scores.filter((s) => s.lang === lang));
    perLanguage[lang] = { items: scores.filter((s) => s.lang === lang).length, events: row(c.events), overall: row(totalCounts(c)) };
  }
  const negatives = scores.filter((s) => s.goldEvents === 0);
  return {
    items: scores.length,
    fields,
    perLanguage,
    negatives: {
      items: negatives.length,
      itemsWithFalsePositives: negatives.filter((s) => s.predictedEvents > 0).length,
      falsePositiveEvents: negatives.reduce((n, s) => n + s.predictedEvents, 0),
    },
    errors: scores.filter((s) => s.error).map((s) => ({ id: s.id, error: s.error as string })),
    worst: [...scores]
      .sort((a, b) => a.f1 - b.f1 || a.id.localeCompare(b.id))
      .slice(0, worstCount)
      .map(({ id, lang, f1, goldEvents, predictedEvents, error }) => ({ id, lang, f1, goldEvents, predictedEvents, ...(error ? { error } : {}) })),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}`.padStart(6);

/** The human-readable report `dyad eval` prints. */
export function formatReport(r: EvalReport): string {
  const lines: string[] = [];
  const head = `${'field'.padEnd(22)} ${'P%'.padStart(6)} ${'R%'.padStart(6)} ${'F1%'.padStart(6)} ${'tp'.padStart(5)} ${'fp'.padStart(5)} ${'fn'.padStart(5)}`;
  const line = (label: string, x: Row) =>
    `${label.padEnd(22)} ${pct(x.precision)} ${pct(x.recall)} ${pct(x.f1)} ${String(x.tp).padStart(5)} ${String(x.fp).padStart(5)} ${String(x.fn).padStart(5)}`;
  lines.push(`Gold items: ${r.items}`, '', head, '-'.repeat(head.length));
  for (const f of FIELDS) lines.push(line(FIELD_LABELS[f], r.fields[f]));
  lines.push('-'.repeat(head.length), line('overall (micro)', r.fields.overall), '');
  lines.push(`${'language'.padEnd(10)} ${'items'.padStart(5)}  ${'events F1%'.padStart(10)}  ${'overall P%'.padStart(10)} ${'R%'.padStart(6)} ${'F1%'.padStart(6)}`);
  for (const [lang, x] of Object.entries(r.perLanguage)) {
    lines.push(`${lang.padEnd(10)} ${String(x.items).padStart(5)}  ${pct(x.events.f1).padStart(10)}  ${pct(x.overall.precision).padStart(10)} ${pct(x.overall.recall)} ${pct(x.overall.f1)}`);
  }
  lines.push('', `Negatives: ${r.negatives.items} items, ${r.negatives.itemsWithFalsePositives} with false positives, ${r.negatives.falsePositiveEvents} false-positive events`);
  if (r.errors.length > 0) {
    lines.push('', `Extractor errors (${r.errors.length}):`);
    for (const e of r.errors) lines.push(`  ${e.id}: ${e.error}`);
  }
  lines.push('', 'Worst items (overall F1):');
  for (const w of r.worst) {
    lines.push(`  ${pct(w.f1)}  ${w.id}  (gold ${w.goldEvents} events, predicted ${w.predictedEvents})${w.error ? `  error: ${w.error}` : ''}`);
  }
  return lines.join('\n');
}
