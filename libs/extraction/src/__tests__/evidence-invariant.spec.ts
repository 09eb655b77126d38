import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../index.js';
import type { Evidence, ExtractionResult } from '../types.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/news/', import.meta.url));
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();

function allEvidence(result: ExtractionResult): Evidence[] {
  return result.events.flatMap((e) => [
    ...e.evidence,
    ...e.proposals.flatMap((p) => p.evidence),
    ...e.followUps.flatMap((f) => f.evidence),
  ]);
}

function expectInvariant(input: string): ExtractionResult {
  const result = extract(input);
  for (const e of allEvidence(result)) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeGreaterThan(e.start);
    expect(input.slice(e.start, e.end)).toBe(e.text);
  }
  return result;
}

const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const AR_DIGITS = '٠١٢٣٤٥٦٧٨٩';
// Variants real text shows: ZWNJ present or stripped, Arabic yeh/kaf, Persian or Arabic-Indic digits, CRLF.
const VARIANTS: [string, (s: string) => string][] = [
  ['as is', (s) => s],
  ['ZWNJ removed', (s) => s.replace(/\u200c/g, '')],
  ['ZWNJ before suffixes', (s) => s.replace(/(\p{L})(ها|های|ای)(?!\p{L})/gu, '$1\u200c$2')],
  ['Arabic yeh and kaf', (s) => s.replace(/ی/g, 'ي').replace(/ک/g, 'ك')],
  ['Persian digits', (s) => s.replace(/\d/g, (d) => FA_DIGITS[+d])],
  ['Arabic-Indic digits', (s) => s.replace(/\d/g, (d) => AR_DIGITS[+d])],
  ['CRLF and tatweel', (s) => s.replace(/\n/g, '\r\n').replace(/ر/g, 'رـ')],
  ['bidi marks and NBSP', (s) => s.replace(/ /g, (m, i: number) => (i % 7 === 0 ? '\u00a0' : i % 11 === 0 ? '\u200f ' : m))],
];

describe('evidence invariant: input.slice(start, end) === text', () => {
  it('has fixtures to run on', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  for (const file of fixtures) {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    for (const [name, variant] of VARIANTS) {
      it(`${file} (${name})`, () => {
        expectInvariant(variant(text));
      });
    }
  }

  it('holds on generated edge cases', () => {
    const samples = [
      '',
      ' ',
      '\u200c\u200c',
      'ﻻ ﷲ ﻹ ﺍﻟﻠﻪ ایران و قزاقستان تفاهم‌نامه امضا کردند.',
      'Iran and Kazakhstan signed an MoU 😀 in Astana on Sunday.',
      'Министр иностранных дел Ирана встретился с послом Казахстана в Астане 15 мая 2026 года.',
    ];
    for (const s of samples) expectInvariant(s);
  });
});
