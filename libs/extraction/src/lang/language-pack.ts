// Everything the extractor knows about one language, behind one interface: a language is a folder
// (lang/<code>/) whose index.ts exports a LanguagePack. The algorithms read packs; they hold no words.
//
// How entries are written (see ../lexicon.ts):
// - word lists, compiled by words() / faVerb(); non-ASCII entries go through the same key() as the text,
//   `_` is an optional joint (ZWNJ, nothing or a space);
// - a regex is kept only where it says more than a list (Persian verb morphology, a gap of a few words,
//   a negative lookahead), and then built from lists where it can be;
// - gazetteer forms: a trailing `*` takes any ending (Russian cases), a leading `^` must match case.
import type { FollowUpHorizon, Language, ProposalKind, Sector } from '../vocabulary.js';

type EventCueKind = 'MEETING' | 'CALL' | 'VISIT' | 'SIGNING';

/** Statements of a proposal's state, in the order they are tried (see STATUS_CUES in ../cues.ts). */
export interface StatusCues {
  withdrawn: RegExp;
  stalled: RegExp;
  completed: RegExp;
  /** A festival, a course or a visit that took place is done (applies to those kinds only). */
  held: RegExp;
  implementing: RegExp;
  signed: RegExp;
  /** A finished text, ready to sign. */
  textAgreed: RegExp;
  negotiating: RegExp;
  agreed: RegExp;
  proposed: RegExp;
}

/** Trigger lexicons, compiled once at module load. */
export interface Cues {
  event: Record<EventCueKind, RegExp>;
  proposal: Record<ProposalKind, RegExp>;
  /** A proposal of no known kind («پیشنهاد», "offer"): counted only when its fate is news (anchored, no `g`). */
  genericProposal: RegExp;
  /** Steps with no kind of their own: dubbing, screening, flights, a working group, the next session. */
  otherLexical: RegExp;
  status: StatusCues;
  /** Words just before a signing that put it in the future or deny it (tested on a slice; no `g`). */
  notDoneBefore: RegExp;
  /** Words just after a signing that put it in the future (anchored; no `g`). */
  notDoneAfter: RegExp;
  horizon: Record<Exclude<FollowUpHorizon, 'UNSPECIFIED'>, RegExp>;
  /** "within three months": group 1 the number (digits or a word of numberWords), group 2 the unit. */
  within: RegExp;
  /** Number words read by `within`, in key() spelling. */
  numberWords: Record<string, number>;
  /** Concrete next steps: the next meeting, a committee to convene. */
  nextStep: RegExp;
  future: RegExp;
  /** Sector vocabulary (OTHER is what is left: it has no words). */
  sector: Record<Exclude<Sector, 'OTHER'>, RegExp>;
  /** "both sides", «طرفین»: the act is joint. */
  bothSides: RegExp;
  /** A sports fixture: «دیدار» and "match" mean a game here. */
  sportMatch: RegExp;
  /** Cooperation vocabulary: a meeting report without any of it is politics, not a cooperation event. */
  cooperation: RegExp;
  /** Criticism, condemnation, attacks, sanctions, summoning an envoy. */
  hostile: RegExp;
  /** An interview with the press is not a meeting between countries. */
  interview: RegExp;
  /** A meeting that is yet to happen. */
  futureMeeting: RegExp;
  /** An invitation taken up: the visit is now planned. */
  acceptedInvitation: RegExp;
  /** Talks described as going on, not a meeting held. */
  ongoingTalks: RegExp;
  /** A signing still to come. */
  futureSigning: RegExp;
  /** What a head of state signs at home: a decree, an order, a law (anchored after the signing verb). */
  decree: RegExp;
  /** An analyst's or a columnist's reading of events, not a report of one. */
  commentary: RegExp;
  /** What may or could happen is not a report that it did. */
  speculation: RegExp;
  /** A visit or meeting called off, or postponed with no new date. */
  cancelledMeeting: RegExp;
  /** Words that usually name the object of a document rather than a proposal of their own (anchored). */
  genericObject: Record<'OTHER' | 'JOINT_PROJECT' | 'EXCHANGE' | 'AGREEMENT', RegExp>;
  /** Just before the place a visit goes to ("to Moscow", «به مسکو»); tested on the text before a place. */
  visitTo: RegExp;
  /** Who received whom: the host receives at home. */
  hosting: RegExp;
  /** An envoy's title: an ambassador is met where he is posted. */
  envoy: RegExp;
  /** A diplomat's posting just before a place: "ambassador in", «رایزن فرهنگی ایران در». */
  postedIn: RegExp;
  /** Just before the place a visit goes to: "left Tehran for Yerevan", «بازدید از». */
  destination: RegExp;
  /** A meeting reported as held, which ongoing talks in the same sentence do not undo. */
  pastMeeting: RegExp;
  /** Just before the destination of a visit to come: «سفر به», "visit to", «посетить». */
  destinationBefore: RegExp;
  /** "our country", «کشورمان»: the publisher's country. */
  ours: RegExp;
  /** Just before a country that is a report's source, not its subject: "according to the". */
  mediaBefore: RegExp;
  /** Just after such a country: "… news agency reported". */
  mediaAfter: RegExp;
  /** Two countries' relations or cooperation, as a statement speaks of them. */
  relations: RegExp;
  /** Someone saying something: "said", «گفت», «заявил». */
  says: RegExp;
  /** The sentence after an announcement saying where and when it will be: "will be held", «برگزار خواهد شد». */
  willBeHeld: RegExp;
  /** Just before a date, the day someone spoke ("said on", «заявил в»); tested on the text before it, `/^$/` if none. */
  saidBefore: RegExp;
  /** Just after a date, the same («روز جمعه گفت»); anchored at the start, `/^$/` if none. */
  saidAfter: RegExp;
  /** An agreement word that is itself an arrangement reached («договорённость»), tested on the word; `/^$/` if none. */
  reached: RegExp;
}

/** Forms of each place, keyed by country code or by city name (../gazetteer-data.ts). */
export type PlaceForms = Readonly<Record<string, readonly string[]>>;

export interface Places {
  /** Every country of the shared list, by ISO code. */
  countries: PlaceForms;
  /** Cities by English name; a city with no name in the language is left out. */
  cities: PlaceForms;
  /** The short common name of every country of the shared list, by code, as labels name it ("Iran and Kazakhstan"). */
  names: Readonly<Record<string, string>>;
  /**
   * What may be glued after a place's name (a regex of suffixes and the word's end: Persian, ./fa/morphology.ts);
   * then a space inside a form is an optional joint. '': each word of a form ends where it ends, or takes any
   * ending where it has a `*`.
   */
  glued: string;
  /** Names are written with a capital: a lower-case form is not the place ("turkey"), and a word of otherPlaceBefore counts only capitalised. */
  capitalised: boolean;
  /** A word right before a place that makes the two another place ("Latin America", «دریای عمان», «латинск*»); a city keeps its name where names are capitalised ("New Delhi"). */
  otherPlaceBefore: readonly string[];
  /** Words right after a place's form that make another place («آذربایجان شرقی», "Indian Ocean"); `*`: after any form. */
  otherPlaceAfter: PlaceForms;
  /** Place names that are also common words: not the place before these nouns, nor in a text that names no other place of its country («آستانه», the eve of). */
  homonyms: readonly { form: string; nounsAfter: readonly string[] }[];
  /** Names of bodies a place's name is part of, by the place's English name, found within 24 characters ("Shanghai Cooperation Organization"); any language's count. */
  partOf: PlaceForms;
  /** Words right after a place's name that make it a person's first name ("Nursultan Nazarbayev"), by the place's English name; any language's count. */
  nameBefore: PlaceForms;
  /** Endings of a country's name that make «в» a direction, not a place («в Индию»); such a country is not merely a host. */
  directionEndings: readonly string[];
  /** Words right before a place that make it where something is ("in", «در», «в», "capital of"); any language's count. */
  locativeBefore: readonly string[];
  /** Words right before a place that make it the subject of talks ("on Syria", «درباره», «о»); any language's count. */
  topicBefore: readonly string[];
  /** Articles that may stand between those words and the place ("on the"). */
  topicArticles: readonly string[];
  /** Words that join a list of places ("and", «و», «или»): a topic list shares its first item's role. */
  listWords: readonly string[];
}

/**
 * One way a day and a named month are written together ("22 December 2022", "July 20, 2023", «۲۴ فروردین ۱۴۰۴»,
 * «15 мая»). ../dates.ts builds its pattern from these parts: the day (one or two digits), the month, then an
 * optional four-digit year.
 */
export interface DayMonthForm {
  calendar: 'gregorian' | 'solarHijri';
  /** Which comes first. */
  order: 'day-month' | 'month-day';
  /** Month names as written, each with its number (two spellings may share one). */
  months: readonly (readonly [string, number])[];
  /** Endings glued to the day ("1st", "22nd"). */
  ordinals: readonly string[];
  /** The day and the month may touch («۵مهر»); otherwise one space stands between them. */
  touching: boolean;
  /** Words that may stand between the day and the month, a space after each ("of", «ام»). */
  between: readonly string[];
  /** A month may end in a dot ("Dec."). */
  dot: boolean;
  /** Words that may follow the month («ماه»). */
  monthWords: readonly string[];
  /** A comma may stand before the year ("July 20, 2023"). */
  yearComma: boolean;
  /** Words that may stand before the year («سال»). */
  yearWords: readonly string[];
  /** Months read only when a year follows ("may 5" is more often the verb). */
  needYear: readonly string[];
}

/** A weekday that is also a city («دوشنبه», Dushanbe): not a date where the words around it make it the city. */
export interface WeekdayCity {
  weekday: string;
  /** Words that follow the city's name, after an optional comma («پایتخت»). */
  after: readonly string[];
  /** Words that come right before a place («به», «فرودگاه»). */
  before: readonly string[];
  /** "in": before the word it is the city when the text names the city's country too. */
  in: readonly string[];
  /** Names of the city's country, as the text must contain one for `in`. */
  country: readonly string[];
}

/** Words of dates; a weekday is a pair of its word and its number. */
export interface DateWords {
  /** Day-month forms, tried in this order (besides the numeric ones every language shares). */
  dayMonth: readonly DayMonthForm[];
  /** Weekday → 0 (Sunday) … 6, as written when it dates an event ("on Monday", «в понедельник»). */
  weekdays: readonly (readonly [string, number])[];
  today: readonly string[];
  yesterday: readonly string[];
  dayBeforeYesterday: readonly string[];
  tomorrow: readonly string[];
  /** Words right before a weekday or relative day that make the two a name («نماز جمعه», the Friday prayer). */
  notDateAfter: readonly string[];
  weekdayCities: readonly WeekdayCity[];
  /** How a span of time's unit begins, as `cues.within` captures it ("months", «месяца»). */
  units: Record<'day' | 'week' | 'month' | 'year', readonly string[]>;
  /** Labels of a publication-date header line ("Published:"); any language's label counts on any item. */
  publishedLabels: readonly string[];
}

/**
 * Words of people's titles and names, read by ../participants.ts with the reader the pack names. A list a
 * reader does not use is empty. Entries are compared with a whole word after key(); a trailing `*` takes any
 * ending («министр*»).
 */
export interface TitleWords {
  /**
   * How titles and names are read: `uncased` (no capitals; a title runs from its head to its country, the name
   * stands before it or after a comma or in quotes: Persian), `cased` (capitalised names after a run of title
   * words: English), `casedInflected` (the same with case endings, adjectives of bodies' names and past-tense
   * verbs: Russian).
   */
  reader: 'uncased' | 'cased' | 'casedInflected';
  /** Words that head a person's title: minister, «وزیر», «министр*». */
  heads: readonly string[];
  /** Heads of government offices, counted as titles even with no person named; empty: every head. */
  governmentHeads: readonly string[];
  /** Heads written as one word once joints go («نخست‌وزیر»), read as the second of two coordinated titles. */
  coordinatedHeads: readonly string[];
  /** Heads that name someone only beside another ("counterpart"): never a title of their own country. */
  relativeHeads: readonly string[];
  /** Plural endings of heads ("the foreign ministers"). */
  pluralEndings: readonly string[];
  /** Heads that count only in apposition after a name ("Ali Asghar Khaji, senior assistant to …"). */
  appositionHeads: readonly string[];
  /** Words that head an organisation: ministry, «وزارت», «министерств*». */
  orgHeads: readonly string[];
  /** Words of a title besides its head: foreign, deputy, «республик*». */
  modifiers: readonly string[];
  /** Words of a title's or ministry's complement ("Minister of Agriculture Jihad"). */
  complement: readonly string[];
  /** Endings of abstract nouns of ministries' names ("Development", "Security"); names rarely end so. */
  complementEndings: readonly string[];
  /** Words that open a title's complement: "of", "for". */
  complementLinks: readonly string[];
  /** Articles, which may stand inside a title's complement and are dropped from its start. */
  articles: readonly string[];
  /** "and": coordinates two titles or two names. */
  and: readonly string[];
  /** Diplomats: where they are posted belongs to the title («رایزن فرهنگی ایران در قزاقستان»). */
  posted: readonly string[];
  /** Prepositions of a posting: "ambassador in", «سفیر … در». */
  postedIn: readonly string[];
  /** Words after "and" that continue a title («وزیر فرهنگ و ارشاد اسلامی»). */
  andContinue: readonly string[];
  /** Words that end a title phrase. */
  stop: readonly string[];
  /** Words never part of a person's name. */
  notName: readonly string[];
  /** Words after which a name may open a clause («با», «و»). */
  nameOpeners: readonly string[];
  /** Words right after a head that point back to a body already named («این», «آن»). */
  backReference: readonly string[];
  /** Particles inside names: bin, al, van (also joined by a hyphen: "al-Kadhimi"). */
  nameLinks: readonly string[];
  /** Possessive endings, not part of a name ("Araghchi's"). */
  possessive: readonly string[];
  /** Words after a name that make it a sentence's subject. */
  subjectNext: readonly string[];
  /** Verbs after a bare name that make it a sentence's subject ("said", «заявляет»). */
  subjectVerbs: readonly string[];
  /** Past-tense endings that make a word such a verb («заявил», «встретились»). */
  pastEndings: readonly string[];
  /** Verb prefixes: a word that opens with one and two more letters is a verb, never part of a name («می»). */
  verbPrefixes: readonly string[];
  /** Verb stems after those prefixes that a name never opens with («گفت», «کن»). */
  verbStems: readonly string[];
  /** Adjective endings, which open the names of places and bodies rather than people («Нагорный Карабах»). */
  adjectiveEndings: readonly string[];
  /** First names that end like adjectives, in the nominative («юрий»). */
  adjectiveLikeNames: readonly string[];
  /** A case ending of such a first name and its nominative ending («юрия» → «юрий»). */
  nameCases: readonly (readonly [string, string])[];
  /** Names of international bodies, found anywhere in a title: its holder belongs to no country (any language's count). */
  international: readonly string[];
  /** Their abbreviations, found as whole words ("UN"). */
  internationalShort: readonly string[];
}

/** Words of readable labels (../labels.ts). */
export interface LabelWords {
  /** Where a proposal's object phrase ends: function words, verbs, clause openers. */
  objectStop: readonly string[];
  /** Prepositions that carry a phrase on to its object ("on trade", «о сотрудничестве»); never its last word. */
  objectLinks: readonly string[];
  /** The phrase goes on past its head only through a link ("memorandum of understanding on trade", not "… Iran"). */
  objectLinkFirst: boolean;
  /** A country's name ends the phrase, unless it follows the head or a link («تفاهم‌نامه همکاری ایران»). */
  objectCountryEnds: boolean;
  /** Verb endings: a word of more than four letters ending so ends the phrase, unless it follows the head or a link («подписали»). */
  objectVerbEndings: readonly string[];
  /** The script has capital letters: a description opens with one, an object inside a sentence does not. */
  capitals: boolean;
  /**
   * Endings of a country's name after the visit verb, each with the ending it takes there (Russian accusative:
   * «Россия» → «посетить Россию»): each word of the name takes the first that it ends with (one letter at least
   * before it). Empty: names do not change.
   */
  visitCase: readonly (readonly [string, string])[];
  /** A follow-up's action by kind and status; {object} is the proposal's phrase, {country} a country's name. */
  actions: Record<'sign' | 'finalise' | 'carry' | 'hold' | 'visit' | 'meet', string>;
  /** Words that open what was decided and are dropped from a follow-up ("agreed that …", «مقرر شد که …»); as written, any case. */
  clauseOpeners: readonly string[];
  /** Joins the last two names of a list ("Iran and Kazakhstan"). */
  and: string;
  /** Joins the others. */
  comma: string;
}

/**
 * Words of the page around a news item and of its sentences (../chrome.ts, ../sentences.ts). Chrome is blanked
 * before the language is known: any language's words count on every item. Entries are written as lexicon
 * entries (key() spelling, `_` an optional joint, a trailing `*` any ending).
 */
export interface PageWords {
  /** Words before a dot that does not end a sentence ("mr", "u.s", «г»), without their last dot. */
  abbreviations: readonly string[];
  /** Letters that alone before a dot are an initial ("J. Smith"); empty where names have no initials. */
  initials: readonly string[];
  /** Words that open a short line of page chrome ("share", «کد خبر», «просмотр*»). */
  chromeLines: readonly string[];
  /** A line of only these opens the footer ("about us"). */
  footerLines: readonly string[];
  /** A sign-off between slashes that ends the article («/انتهای پیام/»). */
  footerMarks: readonly string[];
  /** Regex fragments that open the footer, where a list cannot say it ("all content by … is licensed"). */
  footerPatterns: readonly string[];
  /** Filler and licence text: a short line that holds one is blanked ("lorem ipsum", «کلیه حقوق»). */
  filler: readonly string[];
  /** Openings of a short agency sign-off line («روابط عمومی»). */
  signoff: readonly string[];
}

/** A script whose names ../actor-names.ts brings to Latin letters before keying them. */
export interface NameScript {
  /** A letter of the script: a word with one is read by toLatin. */
  letters: RegExp;
  /**
   * The word in Latin letters; vowel letters stay vowels, and a sound already decided is upper case (J, C for ch,
   * X for sh, H for kh, G for gh) so that no Latin rule re-reads it. Case endings that add a consonant go first.
   */
  toLatin(word: string): string;
}

/** Words of people's names, for their matching keys (../actor-names.ts); any language's count on every name. */
export interface ActorNameWords {
  /** Titles and honorifics left out of a name's key ("mr", «آقای», «господин»), lower case, no ZWNJ. */
  honorifics: readonly string[];
  /** Scripts of the language other than Latin: empty when its names are written in Latin letters. */
  scripts: readonly NameScript[];
}

/** Words of events and proposals besides the cues (../extract.ts, ../proposals.ts). Lists are lexicon entries (`*` any ending). */
export interface EventWords {
  /** Words right before a signing verb that make it background, a past perfect ("had signed"). */
  pastPerfectBefore: readonly string[];
  /** Words that end a signing verb's match and make it a past perfect («امضا کرده بود»). */
  pastPerfectEnd: readonly string[];
  /** Nouns after a country's name that make it an adjective naming a visitor ("visiting Russian officials"); where names are capitalised, a capitalised word does too. */
  adjectiveNouns: readonly string[];
  /** The publisher's country (ISO code) when none is given: the Persian press is Iran's; '' none. */
  defaultPublisher: string;
  /** The press names its own officials without a country: an event's one unattributed person is the publisher's. */
  ownOfficialsUnnamed: boolean;
  /** A status cue before its noun counts as this many times as far (Persian verbs follow their object: 1.5). */
  cueBeforeWeight: number;
  /** First words of a proposal's object that take the next word with them ("joint venture", «совместн*»). */
  objectOpeners: readonly string[];
  /** Plural and case endings left out of an object word when proposals are merged ("festivals" = "festival"). */
  objectEndings: readonly string[];
  /** Words right before an agreement that refer back to a document already named ("the", «این», «данн*»). */
  anaphora: readonly string[];
}

export interface LanguagePack {
  language: Language;
  cues: Cues;
  places: Places;
  dates: DateWords;
  titles: TitleWords;
  labels: LabelWords;
  page: PageWords;
  names: ActorNameWords;
  events: EventWords;
}
