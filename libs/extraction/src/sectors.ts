// Sectors: named in the title or the event's sentences, or mentioned at least twice in the body.
import { SECTOR_CUES } from './cues.js';
import { allHitsOf, type Doc, memo, rememberItem } from './document.js';
import type { Span } from './sentences.js';
import { SECTORS, type Sector } from './vocabulary.js';

interface SectorHit {
  sector: Sector;
  start: number;
  end: number;
}

// One pass over the item, kept for every event of it.
const HITS = memo<SectorHit[]>('sector hits');

function sectorHits(doc: Doc): SectorHit[] {
  return rememberItem(doc, HITS, readSectorHits);
}

function readSectorHits(doc: Doc): SectorHit[] {
  const hits: SectorHit[] = [];
  for (const [sector, cues] of SECTOR_CUES) for (const h of allHitsOf(doc, cues[doc.lang])) hits.push({ sector, start: h.start, end: h.end });
  return hits;
}

export function findSectors(doc: Doc, focus: Span[]): Sector[] {
  const counts = new Map<Sector, number>();
  const inFocus = new Set<Sector>();
  for (const h of sectorHits(doc)) {
    counts.set(h.sector, (counts.get(h.sector) ?? 0) + 1);
    if (focus.some((f) => h.start >= f.start && h.end <= f.end)) inFocus.add(h.sector);
  }
  const found = new Set<Sector>();
  for (const [sector, n] of counts) if (inFocus.has(sector) || n >= 2) found.add(sector);
  if (found.has('CINEMA')) found.add('CULTURE');
  return SECTORS.filter((s) => found.has(s));
}
