import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cues from './cues.js';
import { compile, forEachMatch, leadingLiterals, LEFT, terms, wordStarts } from './lexicon.js';
import { words } from './lang/fa/morphology.js';
import { keyText } from './normalize.js';

const FIXTURES = join(__dirname, '../../../test/fixtures');

// every match a plain lastIndex loop finds, as [index, text]
function plain(re: RegExp, text: string): [number, string][] {
  const r = new RegExp(re.source, re.flags);
  const out: [number, string][] = [];
  let m: RegExpExecArray | null;
  while ((m = r.exec(text))) {
    if (m[0].length === 0) r.lastIndex++;
    else out.push([m.index, m[0]]);
  }
  return out;
}

// through the word-start index of the text (and without it)
function viaForEach(re: RegExp, text: string, index = true): [number, string][] {
  const out: [number, string][] = [];
  forEachMatch(re, text, (s, e) => out.push([s, text.slice(s, e)]), 0, index ? wordStarts(text) : null);
  return out;
}

function cueRegexes(): RegExp[] {
  const found = new Set<RegExp>();
  const walk = (v: unknown) => {
    if (v instanceof RegExp) found.add(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(cues);
  return [...found].filter((re) => re.global);
}

describe('leadingLiterals', () => {
  it.each([
    ['(?:water|dams?|irrigation)(?![\\p{L}\\p{M}])', ['water', 'dam', 'irrigation']],
    ['(?:встреч\\p{L}*|переговор\\p{L}*)', ['встреч', 'переговор']],
    ['(?<!\\bin )agreements?|accords?', ['agreement', 'accord']],
    ['(?:held|hold) talks|talks (?:with|between)', ['held', 'hold', 'talks ']],
    ['a+b', ['a']],
    ['x\\.y', ['x.y']],
  ])('%s opens with %j', (source, expected) => {
    expect(leadingLiterals(source)).toEqual(expected);
  });

  it.each(['s?tart', '\\s+x', '[ab]c', '(?:a|b)?c', '.x', 'a|\\d'])('%s may open with anything: no literals', (source) => {
    expect(leadingLiterals(source)).toBeNull();
  });
});

describe('forEachMatch', () => {
  const texts = ['news', 'holdout'].flatMap((dir) =>
    readdirSync(join(FIXTURES, dir))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => keyText(readFileSync(join(FIXTURES, dir, f), 'utf8')).key),
  );

  it('finds what a plain lastIndex loop finds, for every cue regex on every fixture', () => {
    const regexes = cueRegexes();
    expect(regexes.length).toBeGreaterThan(100);
    let matches = 0;
    for (const re of regexes) {
      for (const text of texts) {
        const want = plain(re, text);
        matches += want.length;
        expect(viaForEach(re, text), re.source.slice(0, 80)).toEqual(want);
        expect(viaForEach(re, text, false), re.source.slice(0, 80)).toEqual(want);
      }
    }
    expect(matches).toBeGreaterThan(1000);
  });

  it('keeps whole words and overlapping candidates apart', () => {
    const re = compile(terms(['ab', 'abc', 'bcd*']));
    expect(viaForEach(re, 'xab ab abc abcd bcdd cab bcd')).toEqual(plain(re, 'xab ab abc abcd bcdd cab bcd'));
    const fa = compile(words(['دیدار', 'دیدار و گفتگو']));
    const text = keyText('دیدارها و دیدار و گفتگو، بازدیدار').key;
    expect(viaForEach(fa, text)).toEqual(plain(fa, text));
    expect(viaForEach(fa, text).length).toBe(2);
    expect(compile(`${LEFT}x`).source.startsWith(LEFT)).toBe(true);
  });

  it('finds the alternatives with no literal opening (or another left context) by a scan of their own', () => {
    // word-bounded literals, an alternative opening with a digit, one with its own lookbehind, and one that
    // overlaps a literal's match
    const re = compile(`${terms(['match*', 'cup final'])}|(?<!\\d)\\d{1,2}\\s?-\\s?\\d{1,2}(?!\\d)|(?<!the\\s)league|${LEFT}(?:\\p{L}+ )?cup`);
    const text = 'The cup final 2-1, a match; the league, 12 - 3 and league matches 123-45 in a cup. World cup final';
    expect(viaForEach(re, text)).toEqual(plain(re, text));
    expect(viaForEach(re, text).map(([, m]) => m)).toContain('2-1');
    for (const from of [0, 5, 17, 40]) {
      const got: [number, string][] = [];
      forEachMatch(re, text, (s, e) => got.push([s, text.slice(s, e)]), from, wordStarts(text));
      expect(got).toEqual(plain(re, text).filter(([i]) => i >= from));
    }
  });

  it('starts from `from`, and matches a text with astral characters by regex', () => {
    const re = compile(terms(['visit*', 'talks']));
    const text = 'visits, talks and a visit 🙂 talks';
    expect(wordStarts(text)).toBeNull();
    expect(viaForEach(re, text)).toEqual(plain(re, text));
    const bmp = 'visits, talks and a visit';
    const from: [number, string][] = [];
    forEachMatch(re, bmp, (s, e) => from.push([s, bmp.slice(s, e)]), 8, wordStarts(bmp));
    expect(from).toEqual([[8, 'talks'], [20, 'visit']]);
  });
});
