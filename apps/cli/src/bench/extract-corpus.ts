// A synthetic news corpus for `dyad bench extract`: fa / en / ru items of a chosen size built from
// templates with random countries, dates and phrases. Deterministic for a given seed.

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

const COUNTRIES = {
  fa: ['ایران', 'قزاقستان', 'روسیه', 'تاجیکستان', 'ترکیه', 'چین', 'هند', 'عراق', 'ارمنستان', 'ازبکستان'],
  en: ['Iran', 'Kazakhstan', 'Russia', 'Tajikistan', 'Turkey', 'China', 'India', 'Iraq', 'Armenia', 'Uzbekistan'],
  ru: ['Ирана', 'Казахстана', 'России', 'Таджикистана', 'Турции', 'Китая', 'Индии', 'Ирака', 'Армении', 'Узбекистана'],
};
const CITIES = {
  fa: ['تهران', 'آستانه', 'مسکو', 'دوشنبه', 'آنکارا', 'پکن'],
  en: ['Tehran', 'Astana', 'Moscow', 'Dushanbe', 'Ankara', 'Beijing'],
  ru: ['Тегеране', 'Астане', 'Москве', 'Душанбе', 'Анкаре', 'Пекине'],
};
const FA_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const toFaDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[+d]);

const PHRASES = {
  fa: [
    'طرفین بر اهمیت توسعه همکاری‌های فرهنگی و اقتصادی دو کشور تأکید کردند.',
    'وی آمادگی کشورمان را برای تولید مشترک فیلم و برگزاری جشنواره‌های فیلم اعلام کرد.',
    'مقرر شد کارگاه‌های آموزشی و تبادل هیأت‌های هنری در ماه‌های آینده انجام شود.',
    'طرفین توافق کردند که در آینده نزدیک تفاهم‌نامه همکاری را امضا کنند.',
    'تفاهم‌نامه همکاری در حوزه حمل و نقل و ترانزیت به امضا رسید.',
    'وی از همتای خود برای سفر به تهران دعوت کرد.',
    'نشست بعدی کمیسیون مشترک سال آینده برگزار خواهد شد.',
    'در این دیدار درباره گسترش مبادلات تجاری و سرمایه‌گذاری مشترک گفت‌وگو شد.',
  ],
  en: [
    'The two sides stressed the importance of expanding cultural and economic cooperation.',
    'He announced readiness for joint film production and film festivals.',
    'It was decided that workshops and exchanges of delegations will be held in the coming months.',
    'The sides agreed to sign a memorandum of understanding in the near future.',
    'A memorandum of understanding on transport and transit cooperation was signed.',
    'He invited his counterpart to visit Tehran.',
    'The next meeting of the joint commission will be held next year.',
    'They discussed the expansion of trade and joint investment.',
  ],
  ru: [
    'Стороны подчеркнули важность развития культурного и экономического сотрудничества.',
    'Он выразил готовность к совместному производству фильмов и проведению кинофестивалей.',
    'Решено провести мастер-классы и обмен делегациями в ближайшие месяцы.',
    'Стороны договорились подписать меморандум о взаимопонимании в ближайшее время.',
    'Был подписан меморандум о сотрудничестве в области транспорта.',
    'Он пригласил коллегу посетить Тегеран.',
    'Следующее заседание межправкомиссии состоится в следующем году.',
    'Обсуждалось расширение торговли и совместных инвестиций.',
  ],
};
const FILLER = {
  fa: 'به گزارش خبرنگار ما، این دیدار در ادامه رایزنی‌های دو کشور انجام شد و کارشناسان آن را گامی مهم در روابط دانستند. ',
  en: 'According to our correspondent, the meeting continued regular consultations and experts called it an important step. ',
  ru: 'По словам нашего корреспондента, встреча продолжила регулярные консультации, эксперты назвали её важным шагом. ',
};

export type BenchLang = 'fa' | 'en' | 'ru';

/** One item of about `bytes` UTF-8 bytes. */
export function makeItem(rng: Rng, lang: BenchLang, bytes: number): string {
  const cs = COUNTRIES[lang];
  const a = pick(rng, cs);
  let b = pick(rng, cs);
  while (b === a) b = pick(rng, cs);
  const city = pick(rng, CITIES[lang]);
  const day = 1 + Math.floor(rng() * 28);
  const month = Math.floor(rng() * 12);
  let head: string;
  if (lang === 'fa') {
    const year = 1398 + Math.floor(rng() * 7);
    head = `• ${toFaDigits(`${year}/${String(month + 1).padStart(2, '0')}/${String(day).padStart(2, '0')}`)} - 10:15\n\nگسترش همکاری‌های ${a} و ${b}\n\nوزیر امور خارجه ${a} و سفیر ${b} روز ${toFaDigits(String(day))} ${FA_MONTHS[month]} در ${city} دیدار و گفت‌وگو کردند. `;
  } else if (lang === 'en') {
    const year = 2019 + Math.floor(rng() * 7);
    head = `${day} ${EN_MONTHS[month]} ${year}\n\n${a} and ${b} to expand cooperation\n\nTEHRAN – The foreign minister of ${a} met the ambassador of ${b} in ${city} on ${EN_MONTHS[month]} ${day}, ${year}. `;
  } else {
    const year = 2019 + Math.floor(rng() * 7);
    head = `${day} ${RU_MONTHS[month]} ${year} года\n\nСотрудничество ${a} и ${b}\n\nМинистр иностранных дел ${a} встретился с послом ${b} в ${city} ${day} ${RU_MONTHS[month]} ${year} года. `;
  }
  const parts = [head];
  let size = Buffer.byteLength(head);
  while (size < bytes) {
    const s = rng() < 0.5 ? pick(rng, PHRASES[lang]) + ' ' : FILLER[lang];
    parts.push(rng() < 0.2 ? `${s}\n\n` : s);
    size += Buffer.byteLength(s);
  }
  return parts.join('');
}

/** `count` items, languages mixed, sizes uniform in [minBytes, maxBytes]. */
export function makeCorpus(count: number, minBytes: number, maxBytes: number, seed = 42): string[] {
  const rng = mulberry32(seed);
  const langs: BenchLang[] = ['fa', 'en', 'ru'];
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = makeItem(rng, langs[i % 3], minBytes + Math.floor(rng() * (maxBytes - minBytes + 1)));
  }
  return out;
}
