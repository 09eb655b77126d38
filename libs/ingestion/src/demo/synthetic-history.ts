import { todayInTehran } from '@dyad/domain';
import type { ProposalKind, ProposalStatus, Sector } from '@dyad/extraction';
import type { NewsItemInput } from '../news-item-input.js';

/** Every generated item carries this publisher, which is how `dyad demo remove` finds them. */
export const SYNTHETIC_PUBLISHER = 'Synthetic demo';

interface CountryFacts {
  code: string;
  name: string;
  adjective: string;
  capital: string;
}

const COUNTRIES: Record<string, CountryFacts> = {
  IR: { code: 'IR', name: 'Iran', adjective: 'Iranian', capital: 'Tehran' },
  KZ: { code: 'KZ', name: 'Kazakhstan', adjective: 'Kazakh', capital: 'Astana' },
  RU: { code: 'RU', name: 'Russia', adjective: 'Russian', capital: 'Moscow' },
  TR: { code: 'TR', name: 'Turkey', adjective: 'Turkish', capital: 'Ankara' },
  CN: { code: 'CN', name: 'China', adjective: 'Chinese', capital: 'Beijing' },
  IQ: { code: 'IQ', name: 'Iraq', adjective: 'Iraqi', capital: 'Baghdad' },
  AM: { code: 'AM', name: 'Armenia', adjective: 'Armenian', capital: 'Yerevan' },
  TJ: { code: 'TJ', name: 'Tajikistan', adjective: 'Tajik', capital: 'Dushanbe' },
  UZ: { code: 'UZ', name: 'Uzbekistan', adjective: 'Uzbek', capital: 'Tashkent' },
  AZ: { code: 'AZ', name: 'Azerbaijan', adjective: 'Azerbaijani', capital: 'Baku' },
  PK: { code: 'PK', name: 'Pakistan', adjective: 'Pakistani', capital: 'Islamabad' },
  OM: { code: 'OM', name: 'Oman', adjective: 'Omani', capital: 'Muscat' },
  IN: { code: 'IN', name: 'India', adjective: 'Indian', capital: 'New Delhi' },
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

// Names that fit each country (for China, family name first), so Iran's minister is never "Yerlan Ivanov".
export const DEMO_NAMES: Record<string, [string[], string[]]> = {
  IR: [['Ali', 'Reza', 'Hamid', 'Mohammad', 'Hossein', 'Mehdi', 'Abbas', 'Javad', 'Saeed', 'Majid'], ['Karimi', 'Moradi', 'Rahimi', 'Hosseini', 'Jafari', 'Kazemi', 'Ahmadi', 'Sadeghi', 'Talebi', 'Rezaei']],
  KZ: [['Nurlan', 'Yerlan', 'Askar', 'Daniyar', 'Marat', 'Aidos', 'Bakhyt', 'Serik'], ['Abenov', 'Nurpeisov', 'Zhakupov', 'Sarsenbayev', 'Bekov', 'Kassymov', 'Omarov', 'Dzhaksybekov']],
  RU: [['Sergei', 'Dmitry', 'Alexei', 'Mikhail', 'Andrei', 'Igor', 'Nikolai', 'Pavel'], ['Ivanov', 'Orlov', 'Smirnov', 'Volkov', 'Sokolov', 'Kuznetsov', 'Morozov', 'Lebedev']],
  TR: [['Mehmet', 'Ahmet', 'Mustafa', 'Emre', 'Murat', 'Kemal', 'Hakan', 'Serkan'], ['Yilmaz', 'Kaya', 'Demir', 'Sahin', 'Celik', 'Ozturk', 'Aydin', 'Arslan']],
  CN: [['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang'], ['Wei', 'Jun', 'Ming', 'Qiang', 'Lei', 'Tao', 'Hui', 'Bo']],
  IQ: [['Ahmed', 'Haider', 'Mustafa', 'Hussein', 'Karim', 'Sami', 'Omar', 'Qasim'], ['Al-Jabouri', 'Al-Hakim', 'Al-Saadi', 'Al-Ameri', 'Al-Rubaie', 'Al-Obeidi', 'Hamdan', 'Al-Zubaidi']],
  AM: [['Aram', 'Armen', 'Tigran', 'Davit', 'Hayk', 'Gevorg', 'Karen', 'Vahe'], ['Petrosyan', 'Grigoryan', 'Hakobyan', 'Sargsyan', 'Harutyunyan', 'Mkrtchyan', 'Avetisyan', 'Vardanyan']],
  TJ: [['Farrukh', 'Rustam', 'Sherali', 'Davlat', 'Bahrom', 'Jamshed', 'Zafar', 'Firuz'], ['Rahimov', 'Saidov', 'Nazarov', 'Sharipov', 'Davlatov', 'Mirzoev', 'Qodirov', 'Safarov']],
  UZ: [['Bakhtiyor', 'Jasur', 'Sardor', 'Ulugbek', 'Aziz', 'Dilshod', 'Otabek', 'Sherzod'], ['Yusupov', 'Abdullaev', 'Rakhimov', 'Ismoilov', 'Tursunov', 'Khodjaev', 'Umarov', 'Ergashev']],
  AZ: [['Elnur', 'Rashad', 'Elchin', 'Farid', 'Vugar', 'Anar', 'Kamran', 'Orkhan'], ['Aliyev', 'Mammadov', 'Huseynov', 'Hasanov', 'Guliyev', 'Ismayilov', 'Bagirov', 'Jafarov']],
  PK: [['Ahmed', 'Imran', 'Bilal', 'Usman', 'Faisal', 'Tariq', 'Asad', 'Hamza'], ['Khan', 'Hussain', 'Qureshi', 'Malik', 'Chaudhry', 'Butt', 'Sheikh', 'Abbasi']],
  OM: [['Salim', 'Said', 'Hamad', 'Khalid', 'Sultan', 'Badr', 'Talal', 'Yousuf'], ['Al-Busaidi', 'Al-Harthy', 'Al-Rawahi', 'Al-Kindi', 'Al-Balushi', 'Al-Hinai', 'Al-Siyabi', 'Al-Maamari']],
  IN: [['Rahul', 'Amit', 'Vikram', 'Sanjay', 'Arjun', 'Rajesh', 'Anil', 'Suresh'], ['Sharma', 'Verma', 'Gupta', 'Singh', 'Patel', 'Iyer', 'Menon', 'Reddy']],
};

/** A person's name that fits the country. */
const nameOf = (code: string, pick: <T>(items: readonly T[]) => T) => `${pick(DEMO_NAMES[code][0])} ${pick(DEMO_NAMES[code][1])}`;

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
      const hostName = nameOf(host.code, pick);
      const guestName = nameOf(guest.code, pick);
      const year = date.getUTCFullYear();
      let title: string;
      let body: string;
      if (step === 'SIGNED') {
        signedYear = year;
        title = pick([
          `${A.name} and ${B.name} sign ${kind} on ${sectorWord}`,
          `${kind.charAt(0).toUpperCase()}${kind.slice(1)} on ${sectorWord} signed in ${host.capital}`,
          `${host.capital} and ${guest.capital} put ${sectorWord} ties on paper`,
          `${guest.adjective} minister signs ${sectorWord} deal in ${host.capital}`,
        ]);
        body = `${host.capital.toUpperCase()}, ${spoken(published)} – ${A.name} and ${B.name} signed a ${kind} on ${sectorWord} cooperation in ${host.capital} on ${spoken(date)}. The document was signed by ${host.name}'s Minister of ${ministry} ${hostName} and ${guest.name}'s Minister of ${ministry} ${guestName}.\n\nThe two sides agreed to hold the next meeting of their joint working group in ${guest.capital} next year.`;
      } else if (step === 'STALLED') {
        title = pick([
          `${kind.charAt(0).toUpperCase()}${kind.slice(1)} with ${B.name} not implemented, ${A.adjective} official says`,
          `${A.adjective} envoy: ${sectorWord} deal with ${B.name} still on paper`,
          `Little progress on ${A.adjective}-${B.adjective} ${sectorWord} accord`,
        ]);
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
        title = call
          ? pick([
            `${A.adjective} and ${B.adjective} ministers hold phone call`,
            `${hostName} and ${guestName} discuss ${sectorWord} by phone`,
            `Phone talks between ${host.capital} and ${guest.capital} on ${sectorWord}`,
          ])
          : pick([
            `${A.adjective}, ${B.adjective} officials discuss ${sectorWord} cooperation`,
            `${host.capital} hosts ${guest.adjective} delegation for ${sectorWord} talks`,
            `${A.name} and ${B.name} look to expand ${sectorWord} ties`,
            `${guest.adjective} minister in ${host.capital} as ${sectorWord} links grow`,
            `New push for ${sectorWord} links between ${host.name} and ${guest.name}`,
          ]);
        const opening = call
          ? pick([
            `${host.name}'s Minister of ${ministry} ${hostName} held a phone call with ${guest.name}'s Minister of ${ministry} ${guestName} on ${spoken(date)} to discuss cooperation in ${sectorWord}.`,
            `In a phone call on ${spoken(date)}, ${host.name}'s Minister of ${ministry} ${hostName} and ${guest.name}'s Minister of ${ministry} ${guestName} reviewed ${sectorWord} cooperation.`,
          ])
          : pick([
            `${host.name}'s Minister of ${ministry} ${hostName} met ${guest.name}'s Minister of ${ministry} ${guestName} in ${host.capital} on ${spoken(date)} to discuss expanding cooperation in ${sectorWord}.`,
            `${guest.name}'s Minister of ${ministry} ${guestName} held talks with ${host.name}'s Minister of ${ministry} ${hostName} in ${host.capital} on ${spoken(date)} on ${sectorWord} cooperation.`,
            `${host.name}'s Minister of ${ministry} ${hostName} received ${guest.name}'s Minister of ${ministry} ${guestName} in ${host.capital} on ${spoken(date)}; the talks focused on ${sectorWord}.`,
          ]);
        const followUp = rand() < 0.5 ? `\n\nThey agreed to hold the next round of talks in ${guest.capital} within three months.` : '';
        body = `${host.capital.toUpperCase()}, ${spoken(published)} – ${opening}\n\n${proposal}${followUp}`;
      }
      // the title is the item's own, not a line of its text: a quoted sentence is then never the title
      items.push({
        title,
        text: `${body}\n`,
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
    const visitor = `${guest.name}'s Minister of ${ministry} ${nameOf(guest.code, pick)}`;
    const talks = `for talks with ${host.name}'s Minister of ${ministry} ${nameOf(host.code, pick)} on cooperation in ${sectorWord}`;
    const dateline = `${host.capital.toUpperCase()}, ${spoken(published)} –`;
    const body =
      index === 3
        ? `${dateline} ${visitor} will visit ${host.capital} soon ${talks}, the ministry said.`
        : `${dateline} ${visitor} will visit ${host.capital} on ${spoken(planned)} ${talks}, the ministry said.`;
    const title = `${guest.adjective} minister to visit ${host.capital}`;
    const item = { title, publisher: SYNTHETIC_PUBLISHER, publisherCountry: a, language: 'en' as const };
    items.push({ ...item, text: `${body}\n`, publishedAt: iso(published), origin: `synthetic:${a}-${b}:announced` });
    if (index === 4) {
      const cancelledOn = day(-1);
      const heading = `${guest.adjective} minister's visit to ${host.capital} cancelled`;
      const text = `${host.capital.toUpperCase()}, ${spoken(cancelledOn)} – ${visitor} has cancelled his visit to ${host.capital} planned for ${spoken(planned)}, ${host.adjective} officials said.\n`;
      items.push({ ...item, title: heading, text, publishedAt: iso(cancelledOn), origin: `synthetic:${a}-${b}:cancelled` });
    }
  });
  return items;
}
