// Readable labels in the item's language: a proposal is named by its phrase with its object («تفاهم‌نامه همکاری
// سینمایی», "memorandum of understanding on trade facilitation", «соглашение о сотрудничестве в сфере туризма»);
// a follow-up says who does what ("Iran and Kazakhstan: sign the memorandum of understanding on trade").
import { type Doc, originalText } from './document.js';
import type { Mention } from './gazetteer.js';
import type { Span } from './sentences.js';
import { PACKS, perLanguage } from './lang/index.js';
import { keyText } from './normalize.js';
import { LANGUAGES, type Language, type ProposalKind, type ProposalStatus } from './vocabulary.js';

const k = (s: string) => keyText(s).key;
const set = (words: readonly string[]) => new Set(words.map(k));

// Where an object phrase ends: function words, verbs and clause openers that are not part of a name.
const STOP = perLanguage((p) => set(p.labels.objectStop));
// Words that may continue an English phrase to the right: "memorandum of understanding on trade facilitation".
const EN_LINK = new Set(PACKS.en.labels.objectLinks);
// A Russian complement: «соглашение о …», «по …», «в сфере …».
const RU_LINK = new Set(PACKS.ru.labels.objectLinks);
// a phrase does not end on a preposition or "and", in any language
const TRAILING = new Set(LANGUAGES.flatMap((l) => [...PACKS[l].labels.objectLinks, PACKS[l].labels.and.trim()]));
const MAX_WORDS = 8;

interface Tok extends Span {
  w: string;
}

// (at most `max` tokens)
function tokensFrom(doc: Doc, from: number, to: number, max: number): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*|[^\s\p{L}\p{M}\p{N}]/gu;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while (out.length < max && (m = re.exec(doc.key)) && m.index < to) out.push({ start: m.index, end: m.index + m[0].length, w: m[0] });
  return out;
}

const isWord = (t: Tok) => /[\p{L}\p{N}]/u.test(t.w[0]);
const RU_VERB = /(?:л|ла|ли|ло|ть|ться|ет|ют|ит|ят)$/u;

/** The mention's phrase widened to its object, in the original spelling; at most MAX_WORDS words. */
export function objectPhrase(doc: Doc, hit: Span, sentence: Span): string {
  // (each event's proposals and follow-ups ask again for the same mentions)
  let memo = PHRASES.get(doc);
  if (!memo) PHRASES.set(doc, (memo = new Map()));
  const id = `${hit.start}:${hit.end}:${sentence.start}:${sentence.end}`;
  let phrase = memo.get(id);
  if (phrase === undefined) memo.set(id, (phrase = widen(doc, hit, sentence)));
  return phrase;
}

const PHRASES = new WeakMap<Doc, Map<string, string>>();

function widen(doc: Doc, hit: Span, sentence: Span): string {
  // (the loop below reads fewer than MAX_WORDS tokens)
  const right = tokensFrom(doc, hit.end, sentence.end, MAX_WORDS);
  const countries = doc.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
  const inCountry = (t: Tok) => countries.some((m: Mention) => t.start >= m.start && t.end <= m.end);
  let end = hit.end;
  let words = doc.key.slice(hit.start, hit.end).split(/\s+/).length;
  const stop = STOP[doc.lang];
  for (let i = 0; i < right.length && words < MAX_WORDS; i++) {
    const t = right[i];
    if (!isWord(t) || stop.has(t.w) || /^\d/.test(t.w)) break;
    if (doc.lang === 'en') {
      // "… on trade facilitation": only after a linking preposition, and up to a country or a verb
      if (end === hit.end && !EN_LINK.has(t.w)) break;
      if (inCountry(t) && !EN_LINK.has(right[i - 1]?.w ?? '')) break;
    } else if (doc.lang === 'ru') {
      if (RU_VERB.test(t.w) && !RU_LINK.has(right[i - 1]?.w ?? '') && t.w.length > 4 && end !== hit.end) break;
    } else if (inCountry(t) && i > 0) break;
    end = t.end;
    words++;
  }
  // a phrase does not end on a preposition
  let text = doc.key.slice(hit.start, end);
  while (true) {
    const last = text.split(/\s+/).pop() ?? '';
    if (text.includes(' ') && TRAILING.has(last)) {
      text = text.slice(0, text.length - last.length).trimEnd();
    } else break;
  }
  return originalText(doc, { start: hit.start, end: hit.start + text.length });
}

// Follow-up actions per proposal kind and status, in each language; {object} is the proposal's phrase.
const ACTIONS = perLanguage((p) => p.labels.actions);
const AND = perLanguage((p) => p.labels.and);
const COMMA = perLanguage((p) => p.labels.comma);

/** What to do about a proposal still to be done: sign an agreed MoU, finalise one being negotiated, hold an event… */
export function proposalAction(lang: Language, kind: ProposalKind, status: ProposalStatus, object: string): string {
  const a = ACTIONS[lang];
  const template =
    kind === 'MOU' || kind === 'AGREEMENT'
      ? status === 'NEGOTIATING'
        ? a.finalise
        : a.sign
      : kind === 'EVENT' || kind === 'TRAINING'
        ? a.hold
        : a.carry;
  return template.replace('{object}', lowerFirst(lang, object));
}

export function visitAction(lang: Language, country: string): string {
  const name = countryName(country, lang);
  return ACTIONS[lang].visit.replace('{country}', lang === 'ru' ? accusative(name) : name);
}

// «посетить Россию», «посетить Южную Корею»: feminine names take -у/-ю, adjectives -ую; the rest do not change.
function accusative(name: string): string {
  return name
    .split(' ')
    .map((w) => w.replace(/ая$/u, 'ую').replace(/яя$/u, 'юю').replace(/ия$/u, 'ию').replace(/([^и])я$/u, '$1ю').replace(/([^\s])а$/u, '$1у'))
    .join(' ');
}

export function meetAction(lang: Language): string {
  return ACTIONS[lang].meet;
}

/** "Iran and Kazakhstan: sign …", «ایران و قزاقستان: امضای …». */
export function withOwners(lang: Language, owners: string[], action: string, first: string | null = null): string {
  if (!owners.length) return upperFirst(lang, action);
  // the publisher's own country leads ("Iran and Iraq"), the others follow in code order
  const ordered = [...owners].sort((a, b) => +(b === first) - +(a === first) || a.localeCompare(b));
  const names = ordered.map((c) => countryName(c, lang));
  const who = names.length <= 2 ? names.join(AND[lang]) : `${names.slice(0, -1).join(COMMA[lang])}${AND[lang]}${names[names.length - 1]}`;
  return `${who}: ${action}`;
}

/** A proposal's description: its phrase, with a capital letter where the script has one. */
export function proposalDescription(lang: Language, phrase: string): string {
  return upperFirst(lang, phrase);
}

function upperFirst(lang: Language, s: string): string {
  return lang === 'fa' ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

// "The MoU" inside a sentence reads "the MoU"; acronyms (MoU, CIS) keep their case.
function lowerFirst(lang: Language, s: string): string {
  if (lang === 'fa' || /^\p{Lu}{2}/u.test(s) || /^\p{Lu}\p{Ll}*\p{Lu}/u.test(s)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

// Short common names of the countries the gazetteer knows, per language (ISO code → name).
const NAMES: Record<string, [string, string, string]> = Object.fromEntries(
  `IR|Iran|ایران|Иран KZ|Kazakhstan|قزاقستان|Казахстан RU|Russia|روسیه|Россия TJ|Tajikistan|تاجیکستان|Таджикистан
UZ|Uzbekistan|ازبکستان|Узбекистан TM|Turkmenistan|ترکمنستان|Туркменистан KG|Kyrgyzstan|قرقیزستان|Киргизия
AF|Afghanistan|افغانستان|Афганистан PK|Pakistan|پاکستان|Пакистан IN|India|هند|Индия CN|China|چین|Китай TR|Turkey|ترکیه|Турция
AZ|Azerbaijan|آذربایجان|Азербайджан AM|Armenia|ارمنستان|Армения GE|Georgia|گرجستان|Грузия IQ|Iraq|عراق|Ирак SY|Syria|سوریه|Сирия
LB|Lebanon|لبنان|Ливан SA|Saudi_Arabia|عربستان_سعودی|Саудовская_Аравия AE|United_Arab_Emirates|امارات|ОАЭ QA|Qatar|قطر|Катар
OM|Oman|عمان|Оман KW|Kuwait|کویت|Кувейт BH|Bahrain|بحرین|Бахрейн YE|Yemen|یمن|Йемен JO|Jordan|اردن|Иордания EG|Egypt|مصر|Египет
US|United_States|آمریکا|США GB|United_Kingdom|بریتانیا|Великобритания FR|France|فرانسه|Франция DE|Germany|آلمان|Германия
IT|Italy|ایتالیا|Италия ES|Spain|اسپانیا|Испания JP|Japan|ژاپن|Япония KR|South_Korea|کره_جنوبی|Южная_Корея KP|North_Korea|کره_شمالی|КНДР
BY|Belarus|بلاروس|Белоруссия UA|Ukraine|اوکراین|Украина VE|Venezuela|ونزوئلا|Венесуэла BO|Bolivia|بولیوی|Боливия CU|Cuba|کوبا|Куба
NI|Nicaragua|نیکاراگوئه|Никарагуа BR|Brazil|برزیل|Бразилия AR|Argentina|آرژانتین|Аргентина MX|Mexico|مکزیک|Мексика CA|Canada|کانادا|Канада
AU|Australia|استرالیا|Австралия ZA|South_Africa|آفریقای_جنوبی|ЮАР ID|Indonesia|اندونزی|Индонезия MY|Malaysia|مالزی|Малайзия
TH|Thailand|تایلند|Таиланд VN|Vietnam|ویتنام|Вьетнам PH|Philippines|فیلیپین|Филиппины SG|Singapore|سنگاپور|Сингапур MN|Mongolia|مغولستان|Монголия
BD|Bangladesh|بنگلادش|Бангладеш LK|Sri_Lanka|سریلانکا|Шри-Ланка NG|Nigeria|نیجریه|Нигерия ET|Ethiopia|اتیوپی|Эфиопия KE|Kenya|کنیا|Кения
DZ|Algeria|الجزایر|Алжир TN|Tunisia|تونس|Тунис LY|Libya|لیبی|Ливия SD|Sudan|سودان|Судан SE|Sweden|سوئد|Швеция NO|Norway|نروژ|Норвегия
NL|Netherlands|هلند|Нидерланды BE|Belgium|بلژیک|Бельгия CH|Switzerland|سوئیس|Швейцария AT|Austria|اتریش|Австрия PL|Poland|لهستان|Польша
HU|Hungary|مجارستان|Венгрия GR|Greece|یونان|Греция RS|Serbia|صربستان|Сербия BG|Bulgaria|بلغارستان|Болгария RO|Romania|رومانی|Румыния
CZ|Czech_Republic|جمهوری_چک|Чехия FI|Finland|فنلاند|Финляндия DK|Denmark|دانمارک|Дания IE|Ireland|ایرلند|Ирландия PT|Portugal|پرتغال|Португалия
BA|Bosnia_and_Herzegovina|بوسنی_و_هرزگوین|Босния_и_Герцеговина IL|Israel|اسرائیل|Израиль EU|European_Union|اتحادیه_اروپا|Евросоюз
CL|Chile|شیلی|Чили PE|Peru|پرو|Перу EC|Ecuador|اکوادور|Эквадор CO|Colombia|کلمبیا|Колумбия UY|Uruguay|اروگوئه|Уругвай LT|Lithuania|لیتوانی|Литва
LV|Latvia|لتونی|Латвия EE|Estonia|استونی|Эстония MD|Moldova|مولداوی|Молдавия CY|Cyprus|قبرس|Кипр SK|Slovakia|اسلواکی|Словакия
SI|Slovenia|اسلوونی|Словения HR|Croatia|کرواسی|Хорватия AL|Albania|آلبانی|Албания MA|Morocco|مراکش|Марокко SN|Senegal|سنگال|Сенегал
GH|Ghana|غنا|Гана TZ|Tanzania|تانزانیا|Танзания UG|Uganda|اوگاندا|Уганда ZW|Zimbabwe|زیمبابوه|Зимбабве NP|Nepal|نپال|Непал
MM|Myanmar|میانمار|Мьянма KH|Cambodia|کامبوج|Камбоджа NZ|New_Zealand|نیوزیلند|Новая_Зеландия PS|Palestine|فلسطین|Палестина
SO|Somalia|سومالی|Сомали ML|Mali|مالی|Мали NE|Niger|نیجر|Нигер`
    .split(/\s+/)
    .map((row) => {
      const [code, en, fa, ru] = row.split('|').map((x) => x.replace(/_/g, ' '));
      return [code, [en, fa, ru]];
    }),
);

/** The short common name of a country in a language; the ISO code when the gazetteer does not know it. */
export function countryName(code: string, lang: Language): string {
  const names = NAMES[code];
  if (!names) return code;
  return names[lang === 'en' ? 0 : lang === 'fa' ? 1 : 2];
}

/** ISO codes with a name in every language (a test checks every gazetteer country is among them). */
export const NAMED_COUNTRIES = Object.keys(NAMES);
