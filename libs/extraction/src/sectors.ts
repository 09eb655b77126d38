// Sectors: named in the title or the event's sentences, or mentioned at least twice in the body.
import { SECTOR_CUES } from './cues.js';
import type { Doc } from './document.js';
import { LEFT, compile, forEachMatch } from './lexicon.js';
import type { Span } from './sentences.js';
import { LANGUAGES, SECTORS, type Language, type Sector } from './vocabulary.js';

// One pass per document: the sector lexicons joined into one regex with a capture group per sector.
const COMBINED = Object.fromEntries(
  LANGUAGES.map((lang) => {
    const parts = SECTOR_CUES.map(([, cues]) => {
      const src = cues[lang].source;
      return `(${src.startsWith(LEFT) ? src.slice(LEFT.length) : src})`;
    });
    return [lang, compile(`${LEFT}(?:${parts.join('|')})`)];
  }),
) as Record<Language, RegExp>;

export function findSectors(doc: Doc, focus: Span[]): Sector[] {
  const counts = new Map<Sector, number>();
  const inFocus = new Set<Sector>();
  forEachMatch(COMBINED[doc.lang], doc.key, (m) => {
    const g = m.findIndex((v, i) => i > 0 && v !== undefined);
    if (g < 1) return;
    const sector = SECTOR_CUES[g - 1][0];
    counts.set(sector, (counts.get(sector) ?? 0) + 1);
    const end = m.index + m[0].length;
    if (focus.some((f) => m.index >= f.start && end <= f.end)) inFocus.add(sector);
  });
  const found = new Set<Sector>();
  for (const [sector, n] of counts) if (inFocus.has(sector) || n >= 2) found.add(sector);
  if (found.has('CINEMA')) found.add('CULTURE');
  return SECTORS.filter((s) => found.has(s));
}
