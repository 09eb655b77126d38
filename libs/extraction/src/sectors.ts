// Sectors: named in the title or the event's sentences, or mentioned at least twice in the body.
import { SECTOR_CUES } from './cues.js';
import { type Doc, hitsIn } from './document.js';
import type { Span } from './sentences.js';
import { SECTORS, type Sector } from './vocabulary.js';

export function findSectors(doc: Doc, focus: Span[]): Sector[] {
  const found = new Set<Sector>();
  const body: Span = { start: 0, end: doc.key.length };
  for (const [sector, cues] of SECTOR_CUES) {
    const re = cues[doc.lang];
    const hits = hitsIn(doc, re, body);
    if (!hits.length) continue;
    const inFocus = hits.some((h) => focus.some((f) => h.start >= f.start && h.end <= f.end));
    if (inFocus || hits.length >= 2) found.add(sector);
  }
  if (found.has('CINEMA')) found.add('CULTURE');
  return SECTORS.filter((s) => found.has(s));
}
