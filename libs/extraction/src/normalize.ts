// key(): the ZWNJ-, letter-variant- and digit-insensitive form every recogniser matches on. Each key
// character remembers the range of the original string it came from, so matches map back to exact offsets.

export interface KeyedText {
  /** The normalised text: lower case, horizontal whitespace collapsed, newlines kept. */
  key: string;
  /** start[i] / end[i]: the original range that produced key[i]. */
  start: Int32Array;
  end: Int32Array;
  source: string;
}

// Decoding the code units at once is much faster than fromCharCode; a lone surrogate becomes U+FFFD, one unit
// too, so lengths and offsets stay exact.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16 = new TextDecoder('utf-16le', { fatal: false });
const DROP = -1;
const COMPLEX = -2;
const UNKNOWN = -3;
const SPACE = 0x20;
const NL = 0x0a;

// Single-code-unit mapping table; filled lazily for characters that need NFKC.
const table = new Int32Array(0x10000).fill(UNKNOWN);
const complex = new Map<number, string>();

function initTable(): void {
  for (let c = 0; c < 0x80; c++) table[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
  table[0x09] = SPACE;
  table[0x0b] = SPACE;
  table[0x0c] = SPACE;
  table[0x0d] = NL;
  const drop = [0x00ad, 0x061c, 0x0640, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0xfeff, 0x0621];
  for (const c of drop) table[c] = DROP;
  for (let c = 0x202a; c <= 0x202e; c++) table[c] = DROP;
  for (let c = 0x2066; c <= 0x2069; c++) table[c] = DROP;
  // tashkeel, superscript alef, Quranic marks
  for (let c = 0x064b; c <= 0x065f; c++) table[c] = DROP;
  table[0x0670] = DROP;
  for (let c = 0x06d6; c <= 0x06ed; c++) if (c !== 0x06e5 && c !== 0x06e6) table[c] = DROP;
  for (const c of [0x00a0, 0x1680, 0x202f, 0x205f, 0x3000]) table[c] = SPACE;
  for (let c = 0x2000; c <= 0x200a; c++) table[c] = SPACE;
  table[0x2028] = NL;
  table[0x2029] = NL;
  const map: Record<number, number> = {
    0x064a: 0x06cc, 0x0649: 0x06cc, 0x0626: 0x06cc, 0x06d2: 0x06cc, 0x0643: 0x06a9, 0x0629: 0x0647,
    0x06c0: 0x0647, 0x06c1: 0x0647, 0x06d5: 0x0647, 0x0623: 0x0627, 0x0625: 0x0627, 0x0671: 0x0627,
    0x0624: 0x0648, 0x066b: 0x2e, 0x066c: 0x2c, 0x060c: 0x060c,
  };
  for (const [k, v] of Object.entries(map)) table[Number(k)] = v;
  for (let d = 0; d < 10; d++) {
    table[0x06f0 + d] = 0x30 + d;
    table[0x0660 + d] = 0x30 + d;
  }
}
initTable();

function resolve(c: number): number {
  const ch = String.fromCharCode(c);
  let out = ch.normalize('NFKC').toLowerCase();
  if (out === ch) {
    table[c] = c;
    return c;
  }
  // Re-map the NFKC output through the table (e.g. presentation-form YEH → ی).
  let mapped = '';
  for (let i = 0; i < out.length; i++) {
    const oc = out.charCodeAt(i);
    const t = oc < 0x10000 && table[oc] !== UNKNOWN ? table[oc] : oc;
    if (t === DROP) continue;
    mapped += String.fromCharCode(t === COMPLEX ? oc : t);
  }
  out = mapped;
  if (out.length === 1) {
    table[c] = out.charCodeAt(0);
    return table[c];
  }
  if (out.length === 0) {
    table[c] = DROP;
    return DROP;
  }
  complex.set(c, out);
  table[c] = COMPLEX;
  return COMPLEX;
}

// The key's code units are written here and decoded into a string: one buffer for every call (it only grows).
let codes = new Uint16Array(1 << 14);

/** Normalises text into a matching key with a map back to original offsets. */
export function keyText(source: string): KeyedText {
  const n = source.length;
  let cap = n + 8;
  if (codes.length < cap) codes = new Uint16Array(Math.max(cap, codes.length * 2));
  let codesBuf = codes;
  // start and end share one allocation
  let offsets = new Int32Array(2 * cap);
  let start = offsets.subarray(0, cap);
  let end = offsets.subarray(cap);
  let k = 0;
  const grow = (need: number) => {
    cap = Math.max(cap * 2, k + need);
    if (codesBuf.length < cap) {
      const c2 = new Uint16Array(cap);
      c2.set(codesBuf);
      codes = codesBuf = c2;
    }
    offsets = new Int32Array(2 * cap);
    const s2 = offsets.subarray(0, cap);
    s2.set(start);
    start = s2;
    const e2 = offsets.subarray(cap);
    e2.set(end);
    end = e2;
  };
  for (let i = 0; i < n; i++) {
    if (k + 8 > cap) grow(8);
    const c = source.charCodeAt(i);
    let t = table[c];
    if (t === UNKNOWN) t = resolve(c);
    if (t === DROP) continue;
    // Alef + hamza (امضاء) keys as alef: the hamza is dropped by the table.
    if (t === SPACE || t === NL) {
      if (k > 0) {
        const prev = codesBuf[k - 1];
        if (prev === SPACE && t === SPACE) {
          end[k - 1] = i + 1;
          continue;
        }
        if (prev === SPACE && t === NL) {
          codesBuf[k - 1] = NL;
          end[k - 1] = i + 1;
          continue;
        }
        if (prev === NL && t === SPACE) {
          end[k - 1] = i + 1;
          continue;
        }
        // \r\n is one newline
        if (prev === NL && c === 0x0a && source.charCodeAt(i - 1) === 0x0d) {
          end[k - 1] = i + 1;
          continue;
        }
      }
    }
    if (t === COMPLEX) {
      const out = complex.get(c)!;
      if (k + out.length + 8 > cap) grow(out.length + 8);
      for (let j = 0; j < out.length; j++) {
        codesBuf[k] = out.charCodeAt(j);
        start[k] = i;
        end[k] = i + 1;
        k++;
      }
      continue;
    }
    // Keep surrogate pairs together so slices never split them.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const lo = source.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        codesBuf[k] = c;
        start[k] = i;
        end[k] = i + 2;
        k++;
        codesBuf[k] = lo;
        start[k] = i;
        end[k] = i + 2;
        k++;
        i++;
        continue;
      }
    }
    codesBuf[k] = t;
    start[k] = i;
    end[k] = i + 1;
    k++;
  }
  let key = '';
  if (LITTLE_ENDIAN) key = UTF16.decode(codesBuf.subarray(0, k));
  else for (let i = 0; i < k; i += 8192) key += String.fromCharCode(...codesBuf.subarray(i, Math.min(k, i + 8192)));
  return { key, start: start.subarray(0, k), end: end.subarray(0, k), source };
}

/** `\s`: JavaScript's white space and line terminators, for scanners that read a key by hand. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Half of a surrogate pair (an astral character): the code-unit tables leave these to a regex. */
export const isSurrogateCode = (c: number) => c >= 0xd800 && c <= 0xdfff;

/** Maps a key range [ks, ke) to the original range; empty ranges map to an empty original range. */
export function toOriginal(kt: KeyedText, ks: number, ke: number): { start: number; end: number } {
  if (ke <= ks) {
    const at = ks < kt.start.length ? kt.start[ks] : kt.source.length;
    return { start: at, end: at };
  }
  return { start: kt.start[ks], end: kt.end[ke - 1] };
}

/**
 * The search / content-hash key of a text: NFKC, no bidi or zero-width characters, no tashkeel or tatweel,
 * one spelling per Arabic/Persian letter variant, ASCII digits, lower case, single spaces, trimmed.
 */
export function normalizeForSearch(text: string): string {
  return keyText(text).key.replace(/\s+/g, ' ').trim();
}
