// Page chrome (view counters, reading time, share links, agency footers, filler text) is found on the key
// and blanked, so nothing is extracted from it; offsets stay into the original input.
import { PACKS, type PageWords } from './lang/index.js';
import { compile, rx } from './lexicon.js';
import { LANGUAGES } from './vocabulary.js';

export interface Range {
  start: number;
  end: number;
}

// Chrome is blanked before the language is known: every pack's words count on every item.
const PAGES = LANGUAGES.map((l) => PACKS[l].page);
// One alternation of lexicon entries (a trailing `*` takes any ending); no entries match nothing.
function list(pick: (p: PageWords) => readonly string[]): string {
  const entries = PAGES.flatMap(pick).map((w) => (w.endsWith('*') ? `${rx(w.slice(0, -1))}\\p{L}*` : rx(w)));
  return entries.length ? `(?:${entries.join('|')})` : '(?!)';
}

// A whole short line of chrome.
const CHROME_LINE = compile(`^[\\s•·\\-–|*>]*${list((p) => p.chromeLines)}(?![\\p{L}]).{0,100}$`, 'gmu');
// Lines with no letters at all: bullets, counters, dots, times.
const NO_LETTERS = /^[^\p{L}\n]*$/gmu;
// From here to the end of the text is footer.
const FOOTER_START = compile(
  [
    `^[\\s•·]*${list((p) => p.footerLines)}\\s*$`,
    ...PAGES.flatMap((p) => p.footerMarks).map((w) => `/${rx(w)}/`),
    ...PAGES.flatMap((p) => p.footerPatterns),
  ].join('|'),
  'gmu',
);
// Filler and licence text on a short line of its own (a one-line article keeps its body).
const FILLER = compile(`^(?=[^\\n]{0,300}$)[^\\n]*${list((p) => p.filler)}[^\\n]*$`, 'gmu');
// Its words anywhere: most items have none, and this one scan costs far less than FILLER's trial at every line.
const FILLER_WORDS = new RegExp(list((p) => p.filler), 'mu');
// A short agency sign-off line: «روابط عمومی و اطلاع رسانی …».
const SIGNOFF = compile(`^[\\s•]*${list((p) => p.signoff)}[^\\n]{0,80}$`, 'gmu');

function collect(re: RegExp, key: string, out: Range[], toEnd = false): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: toEnd ? key.length : m.index + m[0].length });
    if (toEnd) return;
  }
}

/** Chrome ranges of a key() string, sorted and merged. */
export function findChrome(key: string): Range[] {
  const raw: Range[] = [];
  collect(CHROME_LINE, key, raw);
  collect(NO_LETTERS, key, raw);
  collect(FOOTER_START, key, raw, true);
  if (FILLER_WORDS.test(key)) collect(FILLER, key, raw);
  collect(SIGNOFF, key, raw);
  raw.sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of raw) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** The key with chrome blanked to spaces (newlines kept, so lengths and offsets do not change). */
export function blankChrome(key: string, ranges: Range[]): string {
  if (!ranges.length) return key;
  let out = '';
  let pos = 0;
  for (const r of [...ranges].sort((x, y) => x.start - y.start)) {
    const start = Math.max(pos, r.start);
    if (r.end <= start) continue;
    out += key.slice(pos, start) + key.slice(start, r.end).replace(/[^\n]/g, ' ');
    pos = r.end;
  }
  return out + key.slice(pos);
}
