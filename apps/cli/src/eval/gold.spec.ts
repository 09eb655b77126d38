import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GoldError, loadGoldSet } from './gold.js';

const dir = () => mkdtempSync(join(tmpdir(), 'dyad-gold-'));
const valid = (text: string) => ({
  options: {},
  expected: { language: 'en', publishedAt: '2025-01-01', title: null, events: [{
    type: 'CALL', date: '2025-01-01', dateSource: 'PUBLISHED', countries: ['IR', 'RU'], location: null, sectors: [],
    participants: [], proposals: [], followUps: [], evidence: [{ start: 0, end: text.length, text }], confidence: 1,
  }] },
});

describe('loadGoldSet errors name the file and the problem', () => {
  it('missing and empty directories', () => {
    expect(() => loadGoldSet('/no/such/dir')).toThrow(new GoldError('gold directory not found: /no/such/dir'));
    const d = dir();
    expect(() => loadGoldSet(d)).toThrow(/no gold items/);
  });

  it('invalid JSON, wrong enum, wrong offsets, missing text, bad id', () => {
    const d = dir();
    writeFileSync(join(d, 'en-001-a.txt'), 'Iran and Russia talked.');
    writeFileSync(join(d, 'en-001-a.json'), '{oops');
    expect(() => loadGoldSet(d)).toThrow(/en-001-a\.json: invalid JSON/);
    const item = valid('Iran and Russia talked.');
    item.expected.events[0].type = 'PHONE';
    writeFileSync(join(d, 'en-001-a.json'), JSON.stringify(item));
    expect(() => loadGoldSet(d)).toThrow(/en-001-a\.json: expected\.events\[0\]\.type: "PHONE" is not one of/);
    const shifted = valid('Iran and Russia talked.');
    shifted.expected.events[0].evidence[0].start = 1;
    writeFileSync(join(d, 'en-001-a.json'), JSON.stringify(shifted));
    expect(() => loadGoldSet(d)).toThrow(/evidence\[0\]: text\.slice\(1, 23\)/);
    writeFileSync(join(d, 'en-001-a.json'), JSON.stringify(valid('Iran and Russia talked.')));
    expect(loadGoldSet(d)).toHaveLength(1);
    writeFileSync(join(d, 'en-002-b.json'), JSON.stringify(valid('x')));
    expect(() => loadGoldSet(d)).toThrow(/en-002-b\.json: missing text file en-002-b\.txt/);
    const e = dir();
    writeFileSync(join(e, 'English_1.txt'), 'x');
    writeFileSync(join(e, 'English_1.json'), JSON.stringify(valid('x')));
    expect(() => loadGoldSet(e)).toThrow(/id must look like/);
  });
});
