import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../index.js';

const SEED = fileURLToPath(new URL('../../../../test/fixtures/news/fa-000-seed-iran-kazakhstan-cinema.txt', import.meta.url));

describe('the founding seed (Iran–Kazakhstan cinema, 1404/01/24)', () => {
  const text = readFileSync(SEED, 'utf8');
  const result = extract(text);
  const event = result.events[0];

  it('reads language and publication date from the header line', () => {
    expect(result.language).toBe('fa');
    expect(result.publishedAt).toBe('2025-04-13');
  });

  it('finds one meeting between IR and KZ in Astana', () => {
    expect(result.events).toHaveLength(1);
    expect(event).toMatchObject({
      type: 'MEETING',
      date: '2025-04-13',
      dateSource: 'PUBLISHED',
      countries: ['IR', 'KZ'],
      location: { name: 'Astana', country: 'KZ' },
    });
    expect(event.sectors).toEqual(expect.arrayContaining(['CINEMA', 'CULTURE']));
  });

  it('names both participants with their countries', () => {
    expect(event.participants.map((p) => [p.name, p.country])).toEqual([
      ['علی اکبر طالبیمتین', 'IR'],
      ['کورمانبیک ژوماگالی', 'KZ'],
    ]);
    expect(event.participants[1].organization).toBe('مرکز دولتی حمایت از سینمای ملی قزاقستان');
  });

  it('gives each proposal kind its status; the MoU is AGREED, with both mentions as evidence', () => {
    const status = Object.fromEntries(event.proposals.map((p) => [p.kind, p.status]));
    expect(status).toMatchObject({
      MOU: 'AGREED',
      JOINT_PROJECT: 'PROPOSED',
      EVENT: 'PROPOSED',
      VISIT: 'PROPOSED',
      TRAINING: 'PROPOSED',
      EXCHANGE: 'PROPOSED',
    });
    expect(event.proposals.find((p) => p.kind === 'MOU')!.evidence).toHaveLength(2);
  });

  it('lists the MoU signing and the visit to Iran as follow-ups, in Persian, with who does them', () => {
    const sign = event.followUps.find((f) => f.description.includes('امضای'));
    expect(sign).toMatchObject({ owners: ['IR', 'KZ'], horizon: 'NEAR_TERM', dueDate: null });
    expect(sign!.description).toMatch(/^ایران و قزاقستان: امضای تفاهم/);
    const visit = event.followUps.find((f) => f.description.includes('سفر به'));
    expect(visit).toMatchObject({ owners: ['KZ'], horizon: 'UNSPECIFIED', dueDate: null, description: 'قزاقستان: سفر به ایران' });
  });

  it('names each proposal by its own phrase, with no kind prefix', () => {
    const descriptions = event.proposals.map((p) => p.description);
    expect(descriptions.some((d) => d.startsWith('تفاهم'))).toBe(true);
    for (const d of descriptions) expect(d).not.toMatch(/^(?:Memorandum|Agreement|Event|Decision|Exchange|Training)\b/);
  });

  it('extracts nothing from the page chrome', () => {
    const chromeStart = text.indexOf('روابط عمومی');
    for (const e of event.evidence) expect(e.end).toBeLessThanOrEqual(chromeStart);
  });
});
