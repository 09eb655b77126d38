import { todayInTehran } from '@dyad/domain';
import type { ProposalKind, ProposalStatus, Sector } from '@dyad/extraction';
import type { NewsItemInput } from '../news-item-input.js';

/** Every generated item carries this publisher, which is how `dyad demo remove` finds them. */
export const SYNTHETIC_PUBLISHER = 'Synthetic demo';

interface CountryFacts {
  name: string;
  adjective: string;
  capital: string;
}

const COUNTRIES: Record<string, CountryFacts> = {
  IR: { name: 'Iran', adjective: 'Iranian', capital: 'Tehran' },
  KZ: { name: 'Kazakhstan', adjective: 'Kazakh', capital: 'Astana' },
  RU: { name: 'Russia', adjective: 'Russian', capital: 'Moscow' },
  TR: { name: 'Turkey', adjective: 'Turkish', capital: 'Ankara' },
  CN: { name: 'China', adjective: 'Chinese', capital: 'Beijing' },
  IQ: { name: 'Iraq', adjective: 'Iraqi', capital: 'Baghdad' },
  AM: { name: 'Armenia', adjective: 'Armenian', capital: 'Yerevan' },
  TJ: { name: 'Tajikistan', adjective: 'Tajik', capital: 'Dushanbe' },
  UZ: { name: 'Uzbekistan', adjective: 'Uzbek', capital: 'Tashkent' },
  AZ: { name: 'Azerbaijan', adjective: 'Azerbaijani', capital: 'Baku' },
  PK: { name: 'Pakistan', adjective: 'Pakistani', capital: 'Islamabad' },
  OM: { name: 'Oman', adjective: 'Omani', capital: 'Muscat' },
  IN: { name: 'India', adjective: 'Indian', capital: 'New Delhi' },
};

// Busy pairs first: the dashboard should show the skew real data has.
const PAIRS: [string, string, number][] = [
  ['IR', 'RU', 22], ['IR', 'CN', 18], ['IR', 'IQ', 16], ['IR', 'TR', 14], ['IR', 'KZ', 12], ['RU', 'KZ', 12],
  ['IR', 'AM', 9], ['IR', 'TJ', 9], ['IR', 'UZ', 8], ['IR', 'AZ', 8], ['IR', 'PK', 7], ['RU', 'CN', 10],
  ['TR', 'AZ', 8], ['KZ', 'UZ', 6], ['IR', 'OM', 6], ['IR', 'IN', 7],
];

const SECTORS: [Sector, string, string][] = [
  ['CINEMA', 'cinema', 'Culture'],
  ['TRADE', 'trade', 'Trade'],
  ['ENERGY', 'energy', 'Energy'],
  ['TRANSPORT', 'transport', 'Roads and Transport'],
  ['EDUCATION', 'higher education', 'Science'],
  ['TOURISM', 'tourism', 'Tourism'],
  ['HEALTH', 'health', 'Health'],
  ['AGRICULTURE', 'agriculture', 'Agriculture'],
];

const KIND_PHRASES: Partial<Record<ProposalKind, string>> = {
  MOU: 'memorandum of understanding',
  AGREEMENT: 'cooperation agreement',
};

const FIRST_NAMES = ['Ali', 'Reza', 'Nurlan', 'Sergei', 'Mehmet', 'Li', 'Aram', 'Farrukh', 'Elnur', 'Ahmed', 'Salim', 'Rahul', 'Yerlan', 'Hamid', 'Dmitry'];
const LAST_NAMES = ['Karimi', 'Nazarov', 'Ivanov', 'Yilmaz', 'Wang', 'Petrosyan', 'Rahimov', 'Aliyev', 'Hussain', 'Al-Busaidi', 'Sharma', 'Abenov', 'Moradi', 'Orlov', 'Saidov'];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A small seeded generator, so every install gets the same demo history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const spoken = (date: Date) => `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;

interface Track {
  sector: (typeof SECTORS)[number];
  kind: 'MOU' | 'AGREEMENT';
  steps: ProposalStatus[];
}

/**
 * A multi-year history of cooperation for about fifteen country pairs, written as English news items
 * that go through the real extraction and ingestion: meetings, calls and visits; MoUs and agreements
 * proposed, agreed, negotiated, signed and carried out (some stalling); next meetings promised. It ends
 * with a few visits announced in the days before `today` (dated and undated), so there is something
 * upcoming whatever the day the demo is loaded.
 */
export function syntheticHistory(options: { from?: string; to?: string; seed?: number; today?: string } = {}): NewsItemInput[] {
  const rand = random(options.seed ?? 20250413);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const from = new Date(`${options.from ?? '2022-01-01'}T00:00:00Z`).getTime();
  const to = new Date(`${options.to ?? '2026-10-31'}T00:00:00Z`).getTime();
  const items: NewsItemInput[] = [];

  for (const [a, b, weight] of PAIRS) {
    const A = COUNTRIES[a];
    const B = COUNTRIES[b];
    const person = () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    const tracks: Track[] = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      const ending = rand();
      const full: ProposalStatus[] = ['PROPOSED', 'AGREED', 'NEGOTIATING', 'SIGNED', 'IMPLEMENTING'];
      const length = 1 + Math.floor(rand() * full.length);
      const steps = full.slice(0, length);
      if (length === full.length && ending < 0.35) steps.push('STALLED');
      return { sector: pick(SECTORS), kind: rand() < 0.7 ? 'MOU' : 'AGREEMENT', steps };
    });
    const dates = Array.from({ length: weight }, () => from + rand() * (to - from)).sort((x, y) => x - y);
    let signedYear = 0;
    dates.forEach((time, index) => {
      const date = new Date(Math.floor(time / 86_400_000) * 86_400_000);
      const published = new Date(date.getTime() + 86_400_000);
      const track = tracks[index % tracks.length];
      const step = track.steps.shift();
      const [, sectorWord, ministry] = track.sector;
      const kind = KIND_PHRASES[track.kind]!;
      const host = rand() < 0.5 ? A : B;
      const guest = host === A ? B : A;
      const hostName = person();
      const guestName = person();
      const year = date.getUTCFullYear();
      let title: string;
      let body: string;
      if (step === 'SIGNED') {
        signedYear = year;
        title = `${A.name} and ${B.name} sign ${kind} on ${sectorWord}`;
        body = `${host.capital.toUpperCase()}, ${spoken(published)} – ${A.name} and ${B.name} signed a ${kind} on ${sectorWord} cooperation in ${host.capital} on ${spoken(date)}. The document was signed by ${host.name}'s Minister of ${ministry} ${hostName} and ${guest.name}'s Minister of ${ministry} ${guestName}.\n\nThe two sides agreed to hold the next meeting of their joint working group in ${guest.capital} next year.`;
      } else if (step === 'STALLED') {
        title = `${kind} with ${B.name} not implemented, ${A.adjective} official says`;
        body = `${A.capital.toUpperCase()}, ${spoken(published)} – ${A.name}'s ambassador to ${B.name}, ${hostName}, said on ${spoken(date)} that the ${kind} on ${sectorWord} cooperation between ${A.name} and ${B.name}, signed in ${signedYear || year - 1}, has not been implemented.`;
      } else {
        const proposal =
          step === 'PROPOSED'
            ? `${hostName} proposed a ${kind} on ${sectorWord} cooperation between the two countries.`
            : step === 'AGREED'
              ? `The two sides agreed to sign a ${kind} on ${sectorWord} cooperation in the near future.`
              : step === 'NEGOTIATING'
                ? `The two sides finalised the text of the ${kind} on ${sectorWord} cooperation, which is being drafted by experts of both countries.`
                : step === 'IMPLEMENTING'
                  ? `The two sides reviewed the implementation of the ${kind} on ${sectorWord} cooperation signed in ${signedYear || year - 1}.`
                  : `The two sides discussed ways of expanding ${sectorWord} cooperation.`;
        const call = rand() < 0.2;
        title = call ? `${A.adjective} and ${B.adjective} ministers hold phone call` : `${A.adjective}, ${B.adjective} officials discuss ${sectorWord} cooperation`;
        const opening = call
          ? `${host.name}'s Minister of ${ministry} ${hostName} held a phone call with ${guest.name}'s Minister of ${ministry} ${guestName} on ${spoken(date)} to discuss cooperation in ${sectorWord}.`
          : `${host.name}'s Minister of ${ministry} ${hostName} met ${guest.name}'s Minister of ${ministry} ${guestName} in ${host.capital} on ${spoken(date)} to discuss expanding cooperation in ${sectorWord}.`;
        const followUp = rand() < 0.5 ? `\n\nThey agreed to hold the next round of talks in ${guest.capital} within three months.` : '';
        body = `${host.capital.toUpperCase()}, ${spoken(published)} – ${opening}\n\n${proposal}${followUp}`;
      }
      items.push({
        title,
        text: `${title}\n\n${body}\n`,
        publishedAt: iso(published),
        publisher: SYNTHETIC_PUBLISHER,
        publisherCountry: a,
        language: 'en',
        origin: `synthetic:${a}-${b}:${index + 1}`,
      });
    });
  }
  items.push(...announcements(options.today ?? todayInTehran(), random((options.seed ?? 20250413) + 1)));
  return items.sort((x, y) => x.publishedAt!.localeCompare(y.publishedAt!));
}

/** Visits announced for the weeks after `today` for the busiest pairs (one with no date, one then cancelled). */
function announcements(today: string, rand: () => number): NewsItemInput[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000);
  const items: NewsItemInput[] = [];
  PAIRS.slice(0, 5).forEach(([a, b], index) => {
    const [host, guest] = index % 2 ? [COUNTRIES[a], COUNTRIES[b]] : [COUNTRIES[b], COUNTRIES[a]];
    const [, sectorWord, ministry] = pick(SECTORS);
    const published = day(-1 - index);
    const planned = day(7 + index * 9);
    const visitor = `${guest.name}'s Minister of ${ministry} ${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    const talks = `for talks with ${host.name}'s Minister of ${ministry} ${pick(FIRST_NAMES)} ${pick(LAST_NAMES)} on cooperation in ${sectorWord}`;
    const dateline = `${host.capital.toUpperCase()}, ${spoken(published)} –`;
    const body =
      index === 3
        ? `${dateline} ${visitor} will visit ${host.capital} soon ${talks}, the ministry said.`
        : `${dateline} ${visitor} will visit ${host.capital} on ${spoken(planned)} ${talks}, the ministry said.`;
    const title = `${guest.adjective} minister to visit ${host.capital}`;
    const item = { title, publisher: SYNTHETIC_PUBLISHER, publisherCountry: a, language: 'en' as const };
    items.push({ ...item, text: `${title}\n\n${body}\n`, publishedAt: iso(published), origin: `synthetic:${a}-${b}:announced` });
    if (index === 4) {
      const cancelledOn = day(-1);
      const heading = `${guest.adjective} minister's visit to ${host.capital} cancelled`;
      const text = `${heading}\n\n${host.capital.toUpperCase()}, ${spoken(cancelledOn)} – The visit of ${visitor} to ${host.capital}, planned for ${spoken(planned)}, has been cancelled, the ministry said.\n`;
      items.push({ ...item, title: heading, text, publishedAt: iso(cancelledOn), origin: `synthetic:${a}-${b}:cancelled` });
    }
  });
  return items;
}
