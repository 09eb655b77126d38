// Character classes of UTF-16 code units by table, for the scanners that walk a key() string by hand
// (a `u`-mode regex stepping over every word costs several times more). Astral characters are not
// classified here: a scanner falls back to its regex for a text that holds any (`hasSurrogates`).

const WORD = 1; // \p{L}\p{M}\p{N}
const LETTER_OR_DIGIT = 2; // \p{L}\p{N}
const KNOWN = 128;
const classes = new Uint8Array(0x10000);
const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;
const LETTER_OR_DIGIT_RE = /^[\p{L}\p{N}]$/u;

function classOf(c: number): number {
  let k = classes[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = KNOWN | (WORD_RE.test(ch) ? WORD : 0) | (LETTER_OR_DIGIT_RE.test(ch) ? LETTER_OR_DIGIT : 0);
    classes[c] = k;
  }
  return k;
}

/** `[\p{L}\p{M}\p{N}]` for a BMP code unit (a lone surrogate is none). */
export function isWordCode(c: number): boolean {
  return (classOf(c) & WORD) !== 0;
}

/** `[\p{L}\p{N}]` for a BMP code unit. */
export function isLetterOrDigitCode(c: number): boolean {
  return (classOf(c) & LETTER_OR_DIGIT) !== 0;
}

const SURROGATE = /[\ud800-\udfff]/;

export function hasSurrogates(text: string): boolean {
  return SURROGATE.test(text);
}
