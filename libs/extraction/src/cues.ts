// Trigger lexicons (see ../shared/research/lexicon-notes.md), compiled once at module load.
// Persian entries are written in ordinary spelling; `_` is an optional joint.
import { FA_PERSON, FA_RIGHT, LEFT, RIGHT, compile, rx, words } from './lexicon.js';
import type { FollowUpHorizon, Language, ProposalKind, ProposalStatus, Sector } from './vocabulary.js';

type PerLang<T> = Record<Language, T>;

const faVerb = (noun: string, stems: string) =>
  `${LEFT}${rx(noun)}\\s?(?:ن|می|نمی)?\\s?(?:${rx(stems)})${FA_PERSON}${RIGHT}`;

const RU_SIGNED =
  'подписал\\p{L}*|подписан(?:о|а|ы)?(?![\\p{L}])|подписанн\\p{L}*|(?:состоял\\p{L}*|прошл\\p{L}*) подписани\\p{L}*|подписани\\p{L}* (?:состоял\\p{L}*|прошл\\p{L}*)|церемони\\p{L}* подписания';

export const EVENT_CUES: Record<'MEETING' | 'CALL' | 'VISIT' | 'SIGNING', PerLang<RegExp>> = {
  MEETING: {
    fa: compile(
      [
        words(['دیدار', 'رزمایش مشترک', 'مانور مشترک', 'گفت_و_گو', 'گفتگو', 'گفت_گو', 'نشست', 'ملاقات', 'مذاکره', 'مذاکرات', 'همتای', 'همتا', 'اجلاس', 'کمیسیون مشترک', 'تبادل نظر', 'جلسه', 'دیدار و گفتگو']),
        // «رایزنی» is consultations, but «رایزنی فرهنگی» is the cultural counsellor's office
        `${LEFT}${rx('رایزنی')}(?:${rx('ها|های')})?(?!\\s?${rx('فرهنگی')})${RIGHT}`,
        faVerb('دیدار', 'کرد|کن'),
        `${LEFT}${rx('در حاشیه')}${RIGHT}`,
        `${LEFT}${rx('پذیرفت|پذیرای|میزبان')}`,
      ].join('|'),
    ),
    en: compile(
      // bare "talks" / "negotiations" are too often background ("20 years after the initiation of talks")
      // joint exercises and drills of two armies are an interaction of their own
      `${LEFT}(?:met|meet|meets|meeting|meetings|(?:held|hold|holds|holding|had|sat for|for) talks|talks (?:with|between|in)|talked|discussed|discuss|discusses|conferred|confer|received|receives|hosted|hosts|(?:held|hold|holds) (?:consultations|negotiations)|consultations (?:with|between)|negotiations (?:with|between)|on the sidelines|counterpart|joint commission|joint committee|summit|joint (?:military )?(?:exercises?|drills?|training|patrols?|manoeuvres|maneuvers))${RIGHT}`,
    ),
    ru: compile(`${LEFT}(?:встреч\\p{L}*|встрет\\p{L}*|переговор\\p{L}*|бесед\\p{L}*|обсуд\\p{L}*|обсуждал\\p{L}*|обсуждени\\p{L}*|принял\\p{L}*|консультаци\\p{L}*|заседани\\p{L}*|межправкомисси\\p{L}*|саммит\\p{L}*|совместн\\p{L}* (?:тренировк|учени|патрулировани|патрул|маневр)\\p{L}*)`),
  },
  CALL: {
    fa: compile(words(['گفتگوی تلفنی', 'گفت_و_گوی تلفنی', 'تماس تلفنی', 'مکالمه تلفنی', 'ارتباط ویدیویی', 'ویدیو کنفرانس', 'ویدئو کنفرانس', 'تلفنی'])),
    en: compile(`${LEFT}(?:phone call|telephone call|phone conversation|telephone conversation|telephoned|phoned|by phone|by telephone|over the (?:tele)?phone|on the (?:tele)?phone|video call|video calls|videoconference|video conference|video-conference|video link|video talks|virtual talks|virtual meeting|spoke by phone)${RIGHT}`),
    ru: compile(`${LEFT}(?:телефонн\\p{L}* разговор\\p{L}*|по телефону|видеоконференц\\p{L}*|видеосвяз\\p{L}*)`),
  },
  VISIT: {
    fa: compile(
      [
        words(['سفر رسمی', 'سفر', 'بازدید', 'رهسپار']),
        `${LEFT}${rx('وارد')}\\s(?:\\S+\\s){0,3}?${rx('شد')}`,
        // «عازم مسکو شد», «راهی بروکسل می‌شود»: leaving for a place
        `${LEFT}${rx('عازم|راهی')}\\s(?:\\S+\\s){0,3}?(?:${rx('شد|می_شود|می_شوند|شدند|خواهد شد')})`,
      ].join('|'),
    ),
    en: compile(
      `${LEFT}(?:official visit|state visit|visit|visits|visited|visiting|arrived in|arrives in|arrive in|arriving in|trip to|delegation|(?:leave|leaves|left|leaving|depart|departs|departed|departing) (?:\\p{L}+ )?for|(?:travel|travels|traveled|travelled|traveling|travelling|heads|headed|heading) to|tour of)${RIGHT}`,
    ),
    ru: compile(`${LEFT}(?:визит\\p{L}*|посетил\\p{L}*|посетит|посетят|посетить|прибыл\\p{L}*|прибуд\\p{L}*|посещени\\p{L}*|прилетел\\p{L}*|вылетел\\p{L}*|отправил\\p{L}* в|отбыл\\p{L}*|находится с визитом)`),
  },
  SIGNING: {
    fa: compile(
      [
        faVerb('امضا', 'کرد|شد|رسید|رساند|نمود|گردید'),
        // «به امضای X و Y رسید», but not «به امضای سه کشور خواهد رسید»
        `${LEFT}${rx('به امضا')}(?:ی\\s(?:(?!${rx('خواهد|خواهند')})[^.\\n]){0,160}?)?\\s${rx('رسید|رساندند|رساندیم')}${FA_PERSON}${RIGHT}`,
        faVerb('منعقد', 'کرد|شد|نمود|گردید'),
        `${LEFT}${rx('مراسم امضای')}`,
      ].join('|'),
    ),
    en: compile(`${LEFT}(?:signed|inked|sign|signs|ink|inks|seal|sealed|signing ceremony)${RIGHT}`),
    // «подписание» alone is the noun (a signing that may be still to come); «состоялось подписание» is one that happened
    ru: compile(`${LEFT}(?:${RU_SIGNED}|подписывают)`),
  },
};

export const PROPOSAL_CUES: Record<ProposalKind, PerLang<RegExp | null>> = {
  MOU: {
    fa: compile(words(['تفاهم_نامه', 'یادداشت تفاهم', 'یادداشت_های تفاهم', 'تفاهمنامه'])),
    en: compile(`${LEFT}(?:memorandums? of understanding|memorand(?:um|a)|mous?|mou's)${RIGHT}`),
    ru: compile(`${LEFT}(?:меморандум\\p{L}*)`),
  },
  AGREEMENT: {
    fa: compile(words(['موافقت_نامه', 'توافق_نامه', 'قرارداد', 'سند همکاری', 'اسناد همکاری', 'سند جامع همکاری', 'برنامه مبادلات', 'برنامه اجرایی', 'پروتکل', 'بیانیه مشترک', 'نقشه راه', 'برجام', 'توافق هسته_ای'])),
    // "are in agreement on", "in agreement with": a view shared, not a document
    en: compile(`${LEFT}(?:(?<!\\bin )agreements?|accords?|protocols?|deals?|contracts?|treaty|treaties|roadmap|road map|joint statement|exchange program(?:me)?|(?:cooperation|comprehensive|strategic) (?:\\p{L}+ )?documents?|jcpoa|joint comprehensive plan of action)${RIGHT}`),
    // «план перевозок между Казахстаном и КНР»: a plan between two countries (the noun, not «планирует»)
    ru: compile(`${LEFT}(?:соглашени\\p{L}*|договор[её]нност\\p{L}*|план(?:а|у|ом|е|ы|ов)?(?![\\p{L}])|документ(?:а|ы|ов|ом|е|у|ами|ах)?(?![\\p{L}])|договор(?:а|ы|ов|ом|е|у)?(?![\\p{L}])|контракт\\p{L}*|протокол\\p{L}*|дорожн\\p{L}* карт\\p{L}*|программ\\p{L}* сотрудничества|свпд)`),
  },
  JOINT_PROJECT: {
    fa: compile(words(['تولید مشترک', 'تولیدات مشترک', 'ساخت مشترک', 'پروژه مشترک', 'پروژه_های مشترک', 'سرمایه_گذاری مشترک', 'همکاری مشترک در تولید', 'فیلم_های مشترک', 'فیلم مشترک', 'انیمیشن مشترک', 'پروژه_های گسترده', 'شرکت مشترک', 'بازارچه_های مرزی مشترک', 'بازارچه مرزی', 'ساخت راه_آهن', 'احداث', 'عملیات اجرایی', 'عملیات ساخت', 'عملیات توسعه', 'ساخت نیروگاه', 'خط کشتیرانی'])),
    en: compile(`${LEFT}(?:joint (?:production|productions|projects?|ventures?|investment|film|films|feature film|documentary|logistics company|company|shipping line)|co-productions?|coproductions?|co-produce|construction of|building of|power plant|road bridge|railway line)${RIGHT}`),
    ru: compile(`${LEFT}(?:совместн\\p{L}* (?:производств\\p{L}*|проект\\p{L}*|предприяти\\p{L}*|фильм\\p{L}*|документальн\\p{L}*)|копродукци\\p{L}*|строительств\\p{L}*|филиал\\p{L}*)`),
  },
  EVENT: {
    fa: compile(words(['جشنواره', 'روزهای فیلم', 'روز فیلم', 'هفته فیلم', 'هفته_های فیلم', 'هفته فرهنگی', 'روزهای فرهنگی', 'نمایشگاه', 'همایش', 'کنفرانس مشترک', 'فستیوال', 'هفته گردشگری'])),
    en: compile(`${LEFT}(?:festivals?|film (?:weeks?|days)|cultural (?:weeks?|days)|tourism weeks?|days of [\\p{L} ]{3,20}cinema|exhibitions?|expos?|fair|fairs|premiere)${RIGHT}`),
    ru: compile(`${LEFT}(?:фестивал\\p{L}*|кинофестивал\\p{L}*|недел\\p{L}* (?:кино|культуры|фильм\\p{L}*|[\\p{L}]+ туризма)|дн\\p{L}* (?:[\\p{L}]+ )?(?:кино|культуры)|выставк\\p{L}*|форум\\p{L}*)`),
  },
  EXCHANGE: {
    fa: compile(`${LEFT}(?:${rx('تبادل|مبادله')})\\s(?!${rx('نظر|دیدگاه|دیدگاه_ها|افکار|آرا')})[\\p{L}]+|` + words(['تبادل هیات', 'تبادل هیئت', 'تبادل هییت', 'تبادل هیاتهای', 'تبادل تجربه', 'تبادل تجربیات', 'تبادل استاد', 'تبادل دانشجو', 'مبادله دانشجو', 'تبادل کارشناس', 'تبادل آثار', 'تبادل هنرمندان', 'اعزام هیات', 'اعزام هیئت', 'هیئتی از', 'هیاتی از', 'تبادل اطلاعات', 'تبادل_های فرهنگی', 'خواهرخواندگی'])),
    en: compile(`${LEFT}(?:(?:expert|business|trade|academic|cultural|parliamentary|private-sector|media) delegations?|exchanges? of (?:delegations|experts|students|professors|experience|experiences|information|artists|scholars|visits)|delegation exchanges?|student exchanges?|exchange (?:delegations|experts|students|experience|experiences|information)|sister cit(?:y|ies))${RIGHT}`),
    ru: compile(`${LEFT}(?:обмен\\p{L}* (?:делегаци\\p{L}*|опыт\\p{L}*|студент\\p{L}*|специалист\\p{L}*|информаци\\p{L}*|экспертами)|города-побратим\\p{L}*)`),
  },
  TRAINING: {
    fa: compile(words(['کارگاه آموزشی', 'کارگاه_های آموزشی', 'کارگاه', 'دوره آموزشی', 'دوره_های آموزشی', 'دوره_های تخصصی', 'آموزش مشترک', 'کلاس آموزشی', 'کلاس_های آموزشی', 'کلاس_های', 'بورسیه'])),
    en: compile(`${LEFT}(?:workshops?|training (?:courses?|programs?|programmes?|sessions?)|master classes|master-classes|masterclass(?:es)?|trainings?|scholarships?|internships?)${RIGHT}`),
    ru: compile(`${LEFT}(?:мастер-класс\\p{L}*|стажировк\\p{L}*|семинар\\p{L}*|курс\\p{L}* повышения|тренинг\\p{L}*)`),
  },
  VISIT: {
    // «به دعوت» / "at the invitation of" describes the visit being reported, not a proposal
    fa: compile(`(?<!${rx('به')}\\s)${LEFT}${rx('دعوت')}[^.\\n]{0,120}?${rx('سفر|بازدید')}|${LEFT}${rx('سفر|بازدید')}[^.\\n]{0,160}?(?<!${rx('به')}\\s)${rx('دعوت')}|${LEFT}${rx('علاقه')}[^.\\n]{0,10}${rx('برای سفر')}`),
    en: compile(`(?<!at the |at his |at her |at their )${LEFT}invit\\p{L}*[^.\\n]{0,80}?\\bvisit\\p{L}*`),
    ru: compile(`${LEFT}(?:приглас\\p{L}*[^.\\n]{0,80}?(?:визит\\p{L}*|посетить)|приглашени\\p{L}*[^.\\n]{0,80}?(?:визит\\p{L}*|посетить)|о визите)`),
  },
  // A decision with no known kind («مقرر شد دفتر نمایندگی … راه‌اندازی شود»); used only when nothing else matched.
  OTHER: {
    fa: compile(`${LEFT}(?:${rx('قرار شد|مقرر شد|مقرر گردید|بنا شد|توافق کردند|توافق شد|موافقت کردند|به توافق رسیدند')})${RIGHT}`),
    en: compile(`${LEFT}(?:agreed to|agreed that|decided to|it was (?:also )?decided)${RIGHT}`),
    ru: compile(`${LEFT}(?:договорились|условлено|решено|достигнут\\p{L}* договор[её]нност\\p{L}*)`),
  },
};

// A proposal of no known kind («پیشنهاد», "offer", «предложение»): counted only when its fate is news.
export const GENERIC_PROPOSAL: PerLang<RegExp> = {
  fa: new RegExp(`^(?:${rx('پیشنهاد|طرح پیشنهادی|ابتکار')})`, 'u'),
  en: /^(?:proposals?|offers?|initiatives?)$/,
  ru: /^(?:предложени|инициатив)/u,
};

// Steps with no kind of their own: dubbing, screening, flights, a working group, the next session.
export const OTHER_LEXICAL: PerLang<RegExp> = {
  fa: compile(words(['پیشنهاد', 'طرح پیشنهادی', 'ابتکار', 'دوبله', 'توزیع فیلم', 'نمایش فیلم', 'نمایش فیلمهای', 'اکران', 'پرواز_های مستقیم', 'پرواز مستقیم', 'کارگروه مشترک', 'نشست بعدی', 'دور بعدی', 'اجلاس بعدی', 'نشست کمیسیون مشترک', 'دفتر نمایندگی', 'خط هوایی'])),
  en: compile(`${LEFT}(?:dubbing|film distribution|distribution of films|screenings?|direct flights?|joint working group|working group|next round|next meeting|next session|representative office|proposals?|offers?|initiatives?|(?:arms|weapons|gas|oil|wheat|grain) (?:supplies|supply|deliveries|delivery|exports))${RIGHT}`),
  ru: compile(`${LEFT}(?:дубляж\\p{L}*|прокат\\p{L}*|предложени\\p{L}*|инициатив\\p{L}*|показ\\p{L}* фильм\\p{L}*|прям\\p{L}* рейс\\p{L}*|рабоч\\p{L}* групп\\p{L}*|очередн\\p{L}* раунд\\p{L}*|следующ\\p{L}* раунд\\p{L}*|заседани\\p{L}* межправ\\p{L}*|поставк\\p{L}* (?:оружи|вооружени|газ|нефт|зерн|пшениц|техник)\\p{L}*)`),
};

// Status cues. Order matters only for ties; the nearest cue to a mention wins.
/** Status cues, with the proposal kinds a cue applies to when not all. */
export const STATUS_CUES: [ProposalStatus, PerLang<RegExp>, ProposalKind[]?][] = [
  [
    'WITHDRAWN',
    {
      fa: compile([words(['لغو']), faVerb('رد', 'شد|کرد|کن'), `${LEFT}${rx('کنار گذاشته')}`, `${LEFT}${rx('خارج شد')}`, `${LEFT}${rx('انصراف داد|منصرف شد')}`].join('|')),
      en: compile(`${LEFT}(?:cancell?ed|withdrew from|withdrawn|rejected|scrapped|terminated|pulled out of|annulled|dropped|abandoned|shelved)${RIGHT}`),
      ru: compile(`${LEFT}(?:отмен[её]н\\p{L}*|отменил\\p{L}*|отказал\\p{L}*|вышл\\p{L}* из|расторг\\p{L}*|аннулир\\p{L}*)`),
    },
  ],
  [
    'STALLED',
    {
      fa: compile(`${LEFT}(?:${rx('اجرایی نشد|اجرایی نشده|اجرایی نشدن|اجرا نشد|اجرا نشده|اجرا نشدن|عملیاتی نشد|عملیاتی نشده|متوقف|بلاتکلیف|معطل مانده|روی کاغذ|به نتیجه نرسید|راکد|مسکوت')})`),
      en: compile(`${LEFT}(?:(?:has|have|had)(?:n't| not)(?: yet)? been (?:implemented|carried out|put into practice)|not (?:yet )?(?:been )?implemented|stalled|suspended|frozen|on hold|remained on paper|remain on paper|dormant)${RIGHT}`),
      ru: compile(`${LEFT}(?:не (?:был\\p{L}* )?реализ\\p{L}*|не выполн\\p{L}*|приостановлен\\p{L}*|заморожен\\p{L}*|осталось на бумаге)`),
    },
  ],
  [
    'COMPLETED',
    {
      fa: compile(`${LEFT}(?:${rx('به پایان رسید|پایان یافت|به کار خود پایان داد|تکمیل شد|با موفقیت اجرا شد|به طور کامل اجرا|افتتاح شد|به بهره_برداری رسید')})`),
      en: compile(`${LEFT}(?:(?:was|were|has been|have been) (?:completed|fully implemented|successfully implemented|opened|inaugurated)|completed successfully|ended|opened to traffic)${RIGHT}`),
      ru: compile(`${LEFT}(?:(?:был\\p{L}* )?(?:успешно |досрочно )?(?:заверш[её]н(?:о|а|ы)?(?![\\p{L}])|заверш[её]нн\\p{L}*|выполнен\\p{L}* в полном объеме|выполнен(?:о|а|ы)?(?![\\p{L}]))|завершил\\p{L}*|открыт[аы]?(?![\\p{L}])|построен\\p{L}*)`),
    },
  ],
  [
    // a festival, a course or a visit that took place is done; a document "held" or "taking place" is not
    'COMPLETED',
    {
      fa: compile(`${LEFT}(?:${rx('برگزار شد|برگزار گردید')})`),
      en: compile(`${LEFT}(?:(?:was|were|has been|have been) held|took place)${RIGHT}`),
      ru: compile(`${LEFT}(?:прошл[иа]|состоял\\p{L}*)`),
    },
    ['EVENT', 'TRAINING', 'EXCHANGE', 'VISIT', 'JOINT_PROJECT', 'OTHER'],
  ],
  [
    'IMPLEMENTING',
    {
      fa: compile(`${LEFT}(?:${rx('اجرای تفاهم|اجرای موافقت|اجرای توافق|در حال اجرا|اجرایی شده|در چارچوب تفاهم|در قالب تفاهم|تفاهم_نامه امضا شده|تفاهم_نامه_های امضا شده|موافقت_نامه امضا شده')})`),
      en: compile(`${LEFT}(?:under way|underway|under construction|implementation of (?:the|a|an)|implementing (?:the|a|an)|being implemented|under (?:the|an?) (?:mou|memorandum|agreement) signed|within the framework of (?:the|an?) (?:mou|memorandum|agreement)|in line with the (?:mou|memorandum|agreement))${RIGHT}`),
      ru: compile(`${LEFT}(?:реализу[её]тся|реализуются|реализует|реализуют|выполня[ею]т|вед[её]тся|в стадии реализации|(?:реализаци|выполнени|исполнени)\\p{L}* (?:\\p{L}+ )?(?:соглашени|меморандум|договор|контракт)\\p{L}*|в рамках (?:подписанн\\p{L}* )?(?:соглашени|меморандум)\\p{L}*)`),
    },
  ],
  [
    'SIGNED',
    {
      fa: EVENT_CUES.SIGNING.fa,
      en: compile(`${LEFT}(?:signed|inked|sealed|concluded|signing ceremony)${RIGHT}`),
      // participles, not the verbal nouns «заключение», «подписание» (a signing that may be still to come)
      ru: compile(`${LEFT}(?:${RU_SIGNED}|заключил\\p{L}*|заключ[её]н(?:о|а|ы)?(?![\\p{L}])|заключ[её]нн\\p{L}*)`),
    },
  ],
  [
    // a finished text is ready to sign: «متن نهایی شده است», "the text has been finalised", «Текст согласован»
    'AGREED',
    {
      fa: compile(`${LEFT}(?:${rx('نهایی شده|نهایی شد|آماده امضا|آماده شده')})`),
      en: compile(`${LEFT}(?:(?:has|have|had) been (?:finali[sz]ed|agreed)|(?:was|were) finali[sz]ed|ready for signing|ready to be signed)${RIGHT}`),
      ru: compile(`${LEFT}(?:текст\\p{L}* согласован(?:ы|а)?(?![\\p{L}])|согласован(?:ы|а)?(?![\\p{L}])|готов\\p{L}* к подписанию)`),
    },
  ],
  [
    'NEGOTIATING',
    {
      fa: compile(`${LEFT}(?:${rx('پیش_نویس|نهایی_سازی|نهایی شدن|نهایی کردن|نهایی شود|در دست تهیه|در دست تدوین|در حال تدوین|در حال تهیه|در حال نهایی|در حال مذاکره|تدوین متن|بررسی متن')})`),
      en: compile(`${LEFT}(?:draft(?:ed|ing)?|finali[sz](?:e|ed|ing|ation)|being negotiated|under negotiation|negotiating the|being prepared|text of the|working on the text|final stages?)${RIGHT}`),
      ru: compile(`${LEFT}(?:проект\\p{L}* (?:\\p{L}+ )?(?:соглашени|меморандум|договор|документ)\\p{L}*|(?:заключительн|финальн|продвинут)\\p{L}* стади\\p{L}*|заверш\\p{L}* подготовк\\p{L}*|согласовани\\p{L}*|работ\\p{L}* над проект\\p{L}*|доработк\\p{L}*|разрабатыва\\p{L}*|готовит\\p{L}* к подписанию)`),
    },
  ],
  [
    'AGREED',
    {
      fa: compile(
        [
          faVerb('توافق', 'کرد|شد|نمود|گردید'),
          `${LEFT}${rx('به توافق')}\\s?(?:ن|می)?${rx('رسید')}${FA_PERSON}${RIGHT}`,
          faVerb('موافقت', 'کرد|شد|نمود|گردید'),
          `${LEFT}${rx('دعوت')}[^.\\n]{0,30}${rx('را پذیرفت|پذیرفته شد')}`,
          `${LEFT}(?:${rx('خواهد|خواهند|قرار شد|قرار است|مقرر شد|مقرر گردید|مقرر شده|مقرر است|بنا شد|بنا است|مورد توافق|مورد موافقت|در دستور کار|امضا خواهد|به امضا خواهد|خواهد رسید|منعقد شود|امضا شود|به امضا برسد|به امضا برسانند|توافقات')})`,
        ].join('|'),
      ),
      en: compile(`${LEFT}(?:agreed(?: to| on| upon| that)?|agree to|decided to|it was (?:also )?decided|will sign|will be signed|to be signed|are to sign|is to sign|set to sign|ready to sign|due to sign|expected to (?:be )?sign(?:ed)?|scheduled to (?:be )?sign(?:ed)?|planned to (?:be )?sign(?:ed)?|reached (?:an )?(?:agreement|consensus|understanding)|will be implemented|determined to pursue|will(?! not)|would(?! not| like)|are to|is to|accepted (?:the|an|his|her|their) invitation|invitation (?:was|has been|had been) (?:\\p{L}+ )?accepted|(?:an |the )?(?:arrangement|understanding) was reached|(?:is|are|was|were) planned for|will take part)${RIGHT}`),
      ru: compile(`${LEFT}(?:запланирован\\p{L}*|примет участие|примут участие|условлен\\p{L}*|решили|принял\\p{L}* приглашени\\p{L}*|приглашени\\p{L}* (?:было |был[аи]? )?(?:\\p{L}+ ){0,2}?принят\\p{L}*|договорил\\p{L}*|договор[её]нност\\p{L}*|будет|будут|состоится|пройд[её]т|будет подписан\\p{L}*|будут подписан\\p{L}*|планиру\\p{L}* подписать|намерен\\p{L}*|согласил\\p{L}*|решено)`),
    },
  ],
  [
    'PROPOSED',
    {
      fa: compile(
        `${LEFT}(?:${rx('پیشنهاد|دعوت|آمادگی|خواستار|ابراز امیدواری|امیدواری|مطرح|علاقه|تمایل|امکان|می_توان|می_توانند|بتوان|بتوانند|بتواند|پیگیری|بررسی')})`,
      ),
      en: compile(`${LEFT}(?:propos\\p{L}*|invit\\p{L}*|ready to|readiness|expressed (?:hope|interest|willingness)|called for|calls for|offer\\p{L}*|could|can|possibility|possible|suggest\\p{L}*|keen|willing\\p{L}*|interest in|explored|discussed|would like)${RIGHT}`),
      ru: compile(`${LEFT}(?:предлож\\p{L}*|приглас\\p{L}*|приглашени\\p{L}*|готовност\\p{L}*|готов\\p{L}*|надежд\\p{L}*|возможност\\p{L}*|могли бы|может|могут|заинтересован\\p{L}*|обсудил\\p{L}*)`),
    },
  ],
];

// Words that put a signing in the future or deny it ("will be signed", "not signed", «امضا نشده»).
export const NOT_DONE_BEFORE: PerLang<RegExp> = {
  // Whole words only (a city such as «آستانه» or «Тегеране» ends in a negation), and no `g` flag: these
  // are tested against many strings and a global regex would carry lastIndex from one to the next.
  fa: compile(`${LEFT}(?:${rx('خواهد|خواهند|قرار است|باید|نه')})\\s(?:\\S+\\s){0,2}$`, 'u'),
  en: /(?:\bwill|\bto|\bwould|\bcould|\bshould|\bshall|\bmay|\bmight|\bnot|n't|\byet to|\bexpected to|\bready to|\bagreed to|\bplan to|\bplans to|\bset to)\s+(?:be\s+|have\s+)?(?:been\s+)?$/,
  ru: /(?<![\p{L}\p{M}])(?:будет|будут|не|должн\p{L}*(?: быть)?|планиру\p{L}*|намерен\p{L}*|договорились)\s$/u,
};
export const NOT_DONE_AFTER: PerLang<RegExp> = {
  fa: compile(`^\\s?(?:${rx('خواهد|خواهند|شود|شوند|کنند|بکنند|برسد')})`, 'u'),
  en: /^$/,
  ru: /^$/,
};

export const HORIZON_CUES: [FollowUpHorizon, PerLang<RegExp>][] = [
  [
    'IMMEDIATE',
    {
      fa: compile(`${LEFT}(?:${rx('هفته آینده|هفته بعد|هفته جاری|همین هفته|روزهای آینده|روزهای آتی|چند روز آینده|پس_فردا|فردا')})${FA_RIGHT}`),
      en: compile(`${LEFT}(?:next week|this week|later this week|tomorrow|in the coming days|in the next few days|within days|in a few days|within (?:a|one|two|\\d+) (?:days?|weeks?))${RIGHT}`),
      ru: compile(`${LEFT}(?:на следующей неделе|на этой неделе|завтра|в ближайшие дни|в течение (?:недели|нескольких дней))`),
    },
  ],
  [
    'LONG_TERM',
    {
      fa: compile(`${LEFT}(?:${rx('سال آینده|سال بعد|سال_های آینده|سال_های آتی|سال آتی|سال میلادی آینده|بلند_مدت|دراز_مدت')}|${rx('تا سال')}\\s\\d{4})${FA_RIGHT}`),
      en: compile(`${LEFT}(?:next year|coming years|in the long term|long-term|by 20\\d\\d|within (?:a|one|two|three|\\d+) years?)${RIGHT}`),
      ru: compile(`${LEFT}(?:в следующем году|на следующий год|в будущем году|на будущий год|в ближайшие годы|в долгосрочной перспективе|к 20\\d\\d году)`),
    },
  ],
  [
    'NEAR_TERM',
    {
      fa: compile(`${LEFT}(?:${rx('آینده_ای نزدیک|آینده نزدیک|به_زودی|بزودی|ماه آینده|ماه بعد|ماه_های آینده|ماه_های آتی|هفته_های آینده|هفته_های آتی|تا پایان سال|تا پایان امسال|سال جاری|امسال|آتی نزدیک')}|${rx('ظرف')}\\s(?:${rx('مدت')}\\s)?(?:\\d+|${rx('یک|دو|سه|چهار|پنج|شش')})\\s(?:${rx('ماه|هفته')}))${FA_RIGHT}`),
      en: compile(`${LEFT}(?:soon|shortly|near future|next month|coming (?:weeks|months)|within (?:\\d+|one|two|three|four|five|six) (?:weeks|months)|by the end of (?:the|this) year|later this year|this year)${RIGHT}`),
      ru: compile(`${LEFT}(?:в ближайшее время|в ближайшем будущем|в скором времени|вскоре|в следующем месяце|в ближайшие месяцы|до конца года|этого года|текущего года|в этом году|в течение (?:(?:\\d+|одного|двух|трех|трёх|четырех|пяти|шести) )?месяц\\p{L}*)`),
    },
  ],
];

// "within three months" → a due date.
export const WITHIN: PerLang<RegExp> = {
  fa: compile(`${rx('ظرف')}\\s(?:${rx('مدت')}\\s)?(\\d+|${rx('یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده')})\\s(${rx('ماه|هفته|روز|سال')})`),
  en: compile(`within (?:the next |a period of )?(\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve) (months?|weeks?|days?|years?)`),
  ru: compile(`в течение (?:(\\d+|одного|двух|тр[её]х|четыр[её]х|пяти|шести|десяти) )?(месяц\\p{L}*|недел\\p{L}*|дн\\p{L}*|дней|год\\p{L}*|лет)`),
};
export const NUMBER_WORDS: Record<string, number> = {
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12,
  [rx('یک')]: 1, [rx('دو')]: 2, [rx('سه')]: 3, [rx('چهار')]: 4, [rx('پنج')]: 5, [rx('شش')]: 6, [rx('هفت')]: 7,
  [rx('هشت')]: 8, [rx('نه')]: 9, [rx('ده')]: 10,
  одного: 1, двух: 2, трех: 3, трёх: 3, четырех: 4, четырёх: 4, пяти: 5, шести: 6, десяти: 10,
};

// Concrete next steps beyond proposals: the next meeting, a committee to convene.
export const NEXT_STEP: PerLang<RegExp> = {
  fa: compile(`${LEFT}(?:${rx('نشست بعدی|دور بعدی|اجلاس بعدی|جلسه بعدی|دیدار بعدی|کمیته پیگیری|کمیته مشترک|کارگروه مشترک|کمیسیون مشترک|سفر آتی|سفر آینده|دور آینده')})${FA_RIGHT}`),
  en: compile(`${LEFT}(?:next (?:meeting|round|session|visit)|follow[- ]up (?:meeting|committee)|joint (?:\\p{L}+ )?(?:committee|working group|commission)|working group (?:will|to))${RIGHT}`),
  ru: compile(`${LEFT}(?:следующ\\p{L}* (?:встреч|заседани|раунд|визит)\\p{L}*|рабоч\\p{L}* групп\\p{L}*|межправкомисси\\p{L}*)`),
};
export const FUTURE: PerLang<RegExp> = {
  fa: compile(`${LEFT}(?:${rx('خواهد|خواهند|قرار است|قرار شد|مقرر شد|برگزار شود|برگزار می_شود|انجام شود')})`),
  en: compile(`${LEFT}(?:will|is to|are to|to be held|scheduled|planned|due to|is expected|are expected)${RIGHT}`),
  ru: compile(`${LEFT}(?:будет|будут|состоится|планиру\\p{L}*|пройдет|пройдёт)`),
};

export const SECTOR_CUES: [Sector, PerLang<RegExp>][] = [
  ['CINEMA', {
    fa: compile(words(['سینما', 'سینمایی', 'سینماگر', 'سینماگران', 'فیلم', 'فیلمساز', 'فیلمسازان', 'انیمیشن', 'پویانمایی', 'مستند', 'دوبله'])),
    en: compile(`${LEFT}(?:cinema\\p{L}*|film|films|filmmak\\p{L}*|movies?|animation|documentar\\p{L}*)${RIGHT}`),
    ru: compile(`${LEFT}(?:кино\\p{L}*|фильм\\p{L}*|анимаци\\p{L}*)`),
  }],
  ['CULTURE', {
    fa: compile(words(['فرهنگ', 'فرهنگی', 'هنر', 'هنری', 'هنرمندان', 'کتاب', 'موسیقی', 'تئاتر', 'میراث فرهنگی', 'ادبیات'])),
    en: compile(`${LEFT}(?:cultur\\p{L}*|arts?|artistic|artists?|books?|music\\p{L}*|theat(?:re|er)|heritage|literature)${RIGHT}`),
    ru: compile(`${LEFT}(?:культур\\p{L}*|искусств\\p{L}*|музык\\p{L}*|театр\\p{L}*|литератур\\p{L}*)`),
  }],
  ['TRADE', {
    fa: compile(words(['تجاری', 'تجارت', 'بازرگانی', 'صادرات', 'واردات', 'اقتصادی', 'مبادلات تجاری', 'بازرگان', 'بازرگانان', 'گمرک', 'گمرکی', 'بازارچه', 'منطقه آزاد'])),
    en: compile(`${LEFT}(?:customs|barter|trade|trading|commerc\\p{L}*|exports?|imports?|economic|economy|business)${RIGHT}`),
    ru: compile(`${LEFT}(?:таможен\\p{L}*|торгов\\p{L}*|товарооборот\\p{L}*|экспорт\\p{L}*|импорт\\p{L}*|экономическ\\p{L}*)`),
  }],
  ['ENERGY', {
    fa: compile(words(['نفت', 'نفتی', 'گاز', 'انرژی', 'برق', 'پتروشیمی', 'نیروگاه', 'سوآپ', 'سواپ', 'خط لوله', 'نیروگاه'])),
    en: compile(`${LEFT}(?:oil|gas|energy|electricity|power plants?|petrochemical\\p{L}*|pipeline)${RIGHT}`),
    ru: compile(`${LEFT}(?:электростанц\\p{L}*|тэц|энергетик\\p{L}*|аэс|нефт\\p{L}*|газ(?:а|ом|у|ов|ов)?(?![\\p{L}])|газов\\p{L}*|энерг\\p{L}*|электроэнерг\\p{L}*)`),
  }],
  ['FINANCE', {
    fa: compile(words(['بانک', 'بانکی', 'مالی', 'پولی', 'ارزی', 'سرمایه_گذاری', 'بانک مرکزی'])),
    en: compile(`${LEFT}(?:bank\\p{L}*|financ\\p{L}*|monetary|currency|investments?|investors?)${RIGHT}`),
    ru: compile(`${LEFT}(?:банк\\p{L}*|финанс\\p{L}*|инвестиц\\p{L}*|валют\\p{L}*)`),
  }],
  ['INDUSTRY', {
    fa: compile(words(['صنعت', 'صنعتی', 'صنایع', 'خودرو', 'خودروسازی', 'معدن', 'معادن', 'فولاد'])),
    en: compile(`${LEFT}(?:industr\\p{L}*|manufactur\\p{L}*|automotive|car makers?|automakers?|mining|steel)${RIGHT}`),
    ru: compile(`${LEFT}(?:промышлен\\p{L}*|индустри\\p{L}*|завод\\p{L}*)`),
  }],
  ['TRANSPORT', {
    fa: compile(words(['حمل و نقل', 'حمل_ونقل', 'ترانزیت', 'ترانزیتی', 'راه_آهن', 'ریلی', 'کریدور', 'بندر', 'کشتیرانی', 'لوکوموتیو', 'جاده', 'پرواز', 'پروازهای', 'هوایی', 'پایانه', 'ترانزیت ریلی', 'حمل_ونقل'])),
    en: compile(`${LEFT}(?:flights?|airlines?|freight|logistics|roads?|highways?|transport\\p{L}*|transit|railways?|rail|corridors?|ports?|shipping|locomotives?|railroad)${RIGHT}`),
    ru: compile(`${LEFT}(?:рейс\\p{L}*|авиа\\p{L}*|железнодорож\\p{L}*|перевоз\\p{L}*|транспорт\\p{L}*|транзит\\p{L}*|железн\\p{L}* дорог\\p{L}*|коридор\\p{L}*|логистик\\p{L}*)`),
  }],
  ['EDUCATION', {
    fa: compile(words(['دانشگاه', 'دانشگاهی', 'دانشجو', 'دانشجویان', 'آموزش عالی', 'تحصیل', 'مدارس', 'آموزش و پرورش', 'آموزشی'])),
    en: compile(`${LEFT}(?:education\\p{L}*|universit\\p{L}*|students?|academic|schools?)${RIGHT}`),
    ru: compile(`${LEFT}(?:школ\\p{L}*|учител\\p{L}*|педагог\\p{L}*|обучени\\p{L}*|образовани\\p{L}*|образовательн\\p{L}*|университет\\p{L}*|студент\\p{L}*|вуз\\p{L}*)`),
  }],
  ['SCIENCE', {
    fa: compile(words(['علمی', 'پژوهش', 'پژوهشی', 'تحقیقات', 'تحقیقاتی', 'دانشمندان'])),
    en: compile(`${LEFT}(?:scien\\p{L}*|research)${RIGHT}`),
    ru: compile(`${LEFT}(?:наук\\p{L}*|научн\\p{L}*|исследован\\p{L}*)`),
  }],
  ['TECHNOLOGY', {
    fa: compile(words(['فناوری', 'فن_آوری', 'تکنولوژی', 'دیجیتال', 'فضایی', 'نانو', 'دانش_بنیان'])),
    en: compile(`${LEFT}(?:technolog\\p{L}*|digital|ict|space|nanotechnology|innovation)${RIGHT}`),
    ru: compile(`${LEFT}(?:технолог\\p{L}*|цифров\\p{L}*|космическ\\p{L}*)`),
  }],
  ['HEALTH', {
    fa: compile(words(['بهداشت', 'بهداشتی', 'درمان', 'درمانی', 'سلامت', 'پزشکی', 'دارو', 'دارویی', 'واکسن'])),
    en: compile(`${LEFT}(?:health\\p{L}*|medical|medicine\\p{L}*|pharmaceutical\\p{L}*|vaccines?|hospitals?)${RIGHT}`),
    ru: compile(`${LEFT}(?:здравоохранени\\p{L}*|медицин\\p{L}*|вакцин\\p{L}*|фармацевт\\p{L}*)`),
  }],
  ['AGRICULTURE', {
    fa: compile(words(['کشاورزی', 'کشاورزان', 'دامپروری', 'گندم', 'شیلات', 'محصولات کشاورزی'])),
    en: compile(`${LEFT}(?:agricultur\\p{L}*|farming|farmers?|wheat|fisheries|livestock)${RIGHT}`),
    ru: compile(`${LEFT}(?:сельск\\p{L}* хозяйств\\p{L}*|аграрн\\p{L}*|агропром\\p{L}*|зерн\\p{L}*)`),
  }],
  ['TOURISM', {
    fa: compile(words(['گردشگری', 'گردشگر', 'گردشگران', 'توریسم', 'توریست', 'جهانگردی'])),
    en: compile(`${LEFT}(?:touris\\p{L}*)${RIGHT}`),
    ru: compile(`${LEFT}(?:туризм\\p{L}*|турист\\p{L}*)`),
  }],
  ['SPORT', {
    fa: compile(words(['ورزش', 'ورزشی', 'فوتبال', 'المپیک', 'کشتی'])),
    en: compile(`${LEFT}(?:sports?|football|olympic\\p{L}*|athletes?)${RIGHT}`),
    ru: compile(`${LEFT}(?:спорт\\p{L}*|футбол\\p{L}*|олимпийск\\p{L}*)`),
  }],
  ['MEDIA', {
    fa: compile(words(['رسانه', 'رسانه_ای', 'صدا و سیما', 'مطبوعات', 'مطبوعاتی', 'روزنامه_نگاران', 'خبرنگاران'])),
    en: compile(`${LEFT}(?:media|press|journalis\\p{L}*|broadcast\\p{L}*)${RIGHT}`),
    ru: compile(`(?:${LEFT}СМИ|${LEFT}сми(?![\\p{L}])|${LEFT}медиа\\p{L}*|${LEFT}журналист\\p{L}*)`),
  }],
  ['DEFENSE', {
    fa: compile(words(['دفاعی', 'دفاع', 'نظامی', 'ارتش', 'نیروهای مسلح', 'تسلیحات', 'تسلیحاتی', 'موشک', 'موشکی', 'پدافند', 'جنگنده'])),
    en: compile(`${LEFT}(?:defen[cs]e|military|army|armed forces|arms|weapons|missiles?|air defen[cs]e|fighter jets?|warships?|troops)${RIGHT}`),
    ru: compile(`${LEFT}(?:оборон\\p{L}*|военн\\p{L}*|вооружен\\p{L}*|оружи\\p{L}*|ракет\\p{L}*|зенитн\\p{L}*|пво|истребител\\p{L}*|войск\\p{L}*)`),
  }],
  ['SECURITY', {
    fa: compile(words(['امنیتی', 'امنیت', 'تروریسم', 'تروریستی', 'مواد مخدر', 'قاچاق', 'پلیس', 'مرزی', 'انتظامی'])),
    en: compile(`${LEFT}(?:security|terroris\\p{L}*|counter-terrorism|drug trafficking|smuggling|police|border)${RIGHT}`),
    ru: compile(`${LEFT}(?:безопасност\\p{L}*|терроризм\\p{L}*|террористическ\\p{L}*|наркотрафик\\p{L}*|пограничн\\p{L}*)`),
  }],
  ['WATER', {
    fa: compile(words(['منابع آب', 'منابع آبی', 'آب و فاضلاب', 'سد', 'سدسازی', 'حقابه', 'آبیاری', 'آب شیرین کن'])),
    en: compile(`${LEFT}(?:water|dams?|irrigation)${RIGHT}`),
    ru: compile(`${LEFT}(?:водн\\p{L}* ресурс\\p{L}*|водоснабжени\\p{L}*|ирригаци\\p{L}*)`),
  }],
  ['DIPLOMACY', {
    fa: compile(words(['سیاسی', 'دیپلماتیک', 'دیپلماسی', 'کنسولی', 'مسائل منطقه_ای', 'مسائل بین_المللی', 'وزیر امور خارجه', 'وزرای خارجه', 'وزارت امور خارجه', 'کنسولی', 'رایزنی_های سیاسی'])),
    en: compile(`${LEFT}(?:foreign ministers?|foreign ministry|consultations|political|diplomatic|diplomacy|consular|regional and international issues)${RIGHT}`),
    ru: compile(`${LEFT}(?:мид|министр\\p{L}* иностранных дел|консультаци\\p{L}*|политическ\\p{L}*|дипломат\\p{L}*|консульск\\p{L}*)`),
  }],
];

// "both sides", «طرفین», «دو کشور»: the act is joint.
export const BOTH_SIDES: PerLang<RegExp> = {
  fa: compile(`${LEFT}(?:${rx('طرفین|دو طرف|دو کشور|دو جانبه|دوجانبه|جانبین')})${FA_RIGHT}`),
  en: compile(`${LEFT}(?:both (?:sides|countries|parties)|the two (?:sides|countries|parties|ministers|officials|leaders)|bilateral)${RIGHT}`),
  ru: compile(`${LEFT}(?:стороны|сторон|обе стороны|двух стран|двусторонн\\p{L}*)`),
};

// A sports fixture: «دیدار» and "match" mean a game here.
export const SPORT_MATCH: PerLang<RegExp> = {
  fa: compile(
    [
      words(['تیم ملی', 'فوتبال', 'ورزشگاه', 'مسابقه', 'مسابقات', 'گل', 'تساوی', 'سرمربی', 'والیبال', 'بسکتبال', 'جام جهانی', 'لیگ', 'مغلوب', 'یک چهارم نهایی', 'نیمه نهایی', 'پیکار', 'قهرمانی']),
      // a score: «۲ بر یک»
      `(?<!\\d)\\d{1,2}\\s?${rx('بر')}\\s?(?:\\d{1,2}(?!\\d)|${rx('یک|صفر|هیچ')})`,
    ].join('|'),
  ),
  en: compile(`${LEFT}(?:national team|football|soccer|stadium|goals?|draw|coach|volleyball|basketball|world cup|league|match|fixture|scored|quarter-?finals?|semi-?finals?|tournament|championship)${RIGHT}`),
  ru: compile(`${LEFT}(?:сборн\\p{L}*|футбол\\p{L}*|стадион\\p{L}*|матч\\p{L}*|ничь\\p{L}*|тренер\\p{L}*|чемпионат\\p{L}*|четвертьфинал\\p{L}*|полуфинал\\p{L}*|турнир\\p{L}*|гол(?:а|ы|ов)?(?![\\p{L}]))`),
};

// Cooperation vocabulary: a meeting report without any of it is politics, not a cooperation event.
export const COOPERATION: PerLang<RegExp> = {
  fa: compile(`${LEFT}(?:${rx('همکاری|روابط|مناسبات|تعامل|تعاملات|تفاهم|توافق|دوجانبه|دو جانبه|سه_جانبه|مشترک|گسترش|توسعه|تقویت|ارتقا|ارتقای|سرمایه_گذاری|تجاری|اقتصادی|امضا|دیدار|سفر رسمی|همتای')})`),
  en: compile(`${LEFT}(?:cooperat\\p{L}*|co-operat\\p{L}*|ties|relations|bilateral|trilateral|partnership|agreements?|mous?|memorand\\p{L}*|joint|expand\\p{L}*|boost\\p{L}*|strengthen\\p{L}*|trade|investment|counterpart|signed|official visit)${RIGHT}`),
  ru: compile(`${LEFT}(?:сотрудничеств\\p{L}*|отношени\\p{L}*|двусторонн\\p{L}*|трехсторонн\\p{L}*|партн[её]рств\\p{L}*|соглашени\\p{L}*|меморандум\\p{L}*|совместн\\p{L}*|развити\\p{L}*|укреплени\\p{L}*|подписал\\p{L}*|коллег\\p{L}*|визит\\p{L}*)`),
};

// A statement on the relations of two countries: their relations or cooperation, and someone saying so.
export const RELATIONS: PerLang<RegExp> = {
  fa: compile(words(['روابط', 'مناسبات', 'همکاری', 'همکاری_ها'])),
  en: compile(`${LEFT}(?:relations|relationship|ties|cooperation)${RIGHT}`),
  ru: compile(`${LEFT}(?:отношени\\p{L}*|сотрудничеств\\p{L}*)`),
};
export const SAYS: PerLang<RegExp> = {
  fa: compile(words(['گفت', 'اظهار داشت', 'تاکید کرد', 'خاطرنشان کرد', 'خاطر نشان کرد', 'افزود', 'اعلام کرد', 'عنوان کرد', 'تصریح کرد'])),
  en: compile(`${LEFT}(?:said|says|told|stated|stressed|noted|added|announced|underlined|emphasi[sz]ed)${RIGHT}`),
  ru: compile(`${LEFT}(?:заявил\\p{L}*|сообщил\\p{L}*|отметил\\p{L}*|подчеркнул\\p{L}*|сказал\\p{L}*)`),
};

// Hostility: criticism, condemnation, attacks, sanctions, summoning an envoy.
export const HOSTILE: PerLang<RegExp> = {
  fa: compile(`${LEFT}(?:${rx('علیه|فشار|توقف|انتقاد|محکوم|حمله|تحریم|احضار|اتهام|جاسوسی|تهدید|اعتراض|مداخله|دخالت|جنگ|درگیری|بمباران|توهم|دروغ|دستگیر')})`),
  en: compile(`${LEFT}(?:against|pressure|critici\\p{L}*|condemn\\p{L}*|attack\\p{L}*|sanction\\p{L}*|summon\\p{L}*|accus\\p{L}*|spy\\p{L}*|threat\\p{L}*|protest\\p{L}*|war|strikes?|bomb\\p{L}*|hostil\\p{L}*)${RIGHT}`),
  ru: compile(`${LEFT}(?:против|давлени\\p{L}*|критик\\p{L}*|осуди\\p{L}*|осужд\\p{L}*|атак\\p{L}*|удар\\p{L}*|санкци\\p{L}*|вызвал\\p{L}*|обвин\\p{L}*|угроз\\p{L}*|протест\\p{L}*|войн\\p{L}*)`),
};

// An interview with the press is not a meeting between countries.
export const INTERVIEW: PerLang<RegExp> = {
  fa: compile(`${rx('گفتگو|گفت_و_گو|گفت_گو|مصاحبه')}\\p{L}{0,3}\\s${rx('با')}\\s(?:${rx('خبرنگار|خبرگزاری|رسانه|روزنامه|شبکه|تلویزیون|پایگاه|سایت')})|${LEFT}${rx('مصاحبه')}`),
  en: compile(`${LEFT}(?:in an interview|interview with)${RIGHT}`),
  ru: compile(`${LEFT}(?:в интервью|интервью)`),
};

// A meeting that is yet to happen («گفت‌وگو خواهند کرد», «مورد بررسی قرار خواهد داد»).
export const FUTURE_MEETING: PerLang<RegExp> = {
  fa: compile(
    `(?:${rx('دیدار|گفتگو|گفت_و_گو|مذاکره|بررسی|ملاقات|رایزنی')})[^.\\n،]{0,25}?${rx('خواهد|خواهند')}|${rx('قرار است')}[^.\\n]{0,100}?${rx('دیدار|سفر|بازدید|نشست|گفت_و_گو|مذاکره')}|${LEFT}${rx('ممکن است|احتمالا|قصد دارد|قصد دارند|در نظر دارد')}|${rx('عازم|راهی')}[^.\\n]{0,40}?${rx('می_شود|می_شوند')}|${LEFT}(?:${rx('نشست|دیدار|سفر|اجلاس|مذاکرات|دور')})\\s(?:${rx('آتی|آینده|پیش رو|قریب_الوقوع')})|${LEFT}${rx('مقدمات سفر|تدارک سفر')}|(?:${rx('وارد|سفر|بازدید|عازم')})[^.\\n،]{0,40}?${rx('خواهد|خواهند')}`,
  ),
  en: compile(`${LEFT}(?:will (?:meet|hold talks|visit|discuss|pay (?:a|an) (?:\\p{L}+ )?visit)|is to meet|are to meet|to meet next|(?:may|might) (?:meet|hold|visit|enter)|plans? to (?:pay (?:a|an) (?:\\p{L}+ )?)?visit|(?:is|are) (?:due|scheduled|expected|set|likely) to (?:visit|meet|travel|discuss|hold)|will travel to|(?:will|to) be held|invited [^.\\n]{0,80}? to (?:talks|negotiations|a meeting|attend)|(?:upcoming|forthcoming) (?:visit|meeting|talks|summit|trip)|prepar\\p{L}* (?:for )?(?:the |a )?(?:\\p{L}+ )?(?:visit|summit|meeting))${RIGHT}`),
  ru: compile(`${LEFT}(?:встретятся|проведут переговоры|обсудят|посетит|возможно|станет|станут|состоится|состоятся|пройд[её]т|пройдут|мо(?:жет|гут) (?:обсудить|встретиться|посетить|провести)|предстоящ\\p{L}*|предстоит|подготовк\\p{L}* (?:\\p{L}+ )?(?:визит|встреч|саммит|переговор)\\p{L}*|готовят\\p{L}* (?:к )?(?:визит|встреч|саммит)\\p{L}*)`),
};

// An invitation taken up: the visit is now planned.
export const ACCEPTED_INVITATION: PerLang<RegExp> = {
  fa: compile(`${rx('دعوت')}[^.\\n]{0,60}?${rx('را پذیرفت|را پذیرفتند|پذیرفته شد|را قبول کرد')}`),
  en: compile(`${LEFT}(?:accepted (?:the|an|his|her|their) invitation|invitation (?:was|has been|had been) (?:\\p{L}+ )?accepted)${RIGHT}`),
  ru: compile(`${LEFT}(?:принял\\p{L}* приглашени\\p{L}*|приглашени\\p{L}* (?:было |был[аи]? )?(?:\\p{L}+ ){0,2}?принят\\p{L}*)`),
};

// Talks described as going on, not a meeting held: "the sides are negotiating", «ведут переговоры», «در حال مذاکره».
export const ONGOING_TALKS: PerLang<RegExp> = {
  fa: compile(`${LEFT}(?:${rx('در حال مذاکره|در حال گفتگو|مذاکرات ادامه|گفتگوها ادامه|مذاکرات جریان')})`),
  en: compile(`${LEFT}(?:(?:are|is|were) (?:in|holding|conducting) (?:talks|negotiations)|(?:are|is) negotiating|(?:talks|negotiations) (?:are|were) (?:continuing|under way|underway|ongoing)|(?:talks|negotiations) continue)${RIGHT}`),
  ru: compile(`${LEFT}(?:вед(?:ут|[её]т|[её]тся|утся) переговор\\p{L}*|переговор\\p{L}* продолжа\\p{L}*|переговор\\p{L}* ид(?:ут|[её]т))`),
};

// A signing still to come: "will sign", «امضا خواهد شد», «подпишут».
export const FUTURE_SIGNING: PerLang<RegExp> = {
  fa: compile(`${LEFT}(?:${rx('امضا خواهد|امضا خواهند|به امضا خواهد رسید|به امضا خواهند رساند|امضا می_شود|امضا می_کنند')})|${rx('قرار است')}[^.\\n]{0,80}?${rx('امضا')}`),
  en: compile(`${LEFT}(?:will sign|to sign (?:on|next|a|an|the)|(?:are|is) to sign|(?:set|due|expected|scheduled|slated) to sign|will be signed)${RIGHT}`),
  ru: compile(`${LEFT}(?:подпишут|подпишет|будет подписан\\p{L}*|будут подписан\\p{L}*|планиру\\p{L}* подписать|намерен\\p{L}* подписать)`),
};

// What a head of state signs at home: a decree, an order, a law (not a bilateral document).
export const DECREE: PerLang<RegExp> = {
  fa: new RegExp(`^\\s?(?:${rx('فرمان|حکم|قانون|مصوبه|بخشنامه')})`, 'u'),
  en: /^\s(?:an? |the )?(?:executive )?(?:decree|order|law|bill|directive)\b/,
  ru: /^\s(?:указ|распоряжени|закон|постановлени)/u,
};

// Commentary: an analyst's or a columnist's reading of events, not a report of one.
export const COMMENTARY: PerLang<RegExp> = {
  fa: compile(`${LEFT}(?:${rx('مقاله|مقاله_ای|تحلیل|تحلیلی|تحلیلگر|تحلیلگران|صاحبنظران|یادداشت|بر این باورند|بر این باور|گمانه_زنی')})${FA_RIGHT}`),
  en: compile(`${LEFT}(?:op-ed|opinion|analysis|analyst|analysts|experts? on|commentator|columnist|commentary)${RIGHT}`),
  ru: compile(`${LEFT}(?:политолог\\p{L}*|аналитик\\p{L}*|эксперт\\p{L}*|колонк\\p{L}*|мнени\\p{L}*)`),
};

// Speculation: what may or could happen is not a report that it did.
export const SPECULATION: PerLang<RegExp> = {
  fa: compile(`${LEFT}(?:${rx('به احتمال|احتمالا|احتمال دارد|ممکن است|می_تواند|می_توانند|ادعا|مدعی')})${FA_RIGHT}`),
  en: compile(`${LEFT}(?:it seems|seems|would probably|may have to|could|might|speculat\\p{L}*|claimed|claims)${RIGHT}`),
  ru: compile(`${LEFT}(?:считает|считают|по мнению|по его мнению|могут|могло бы|может быть)`),
};

// A visit or meeting called off, or postponed with no new date («سفر … لغو شد», "postponed the visit", «визит отменен»).
export const CANCELLED_MEETING: PerLang<RegExp> = {
  fa: compile(
    `(?:${rx('سفر|دیدار|نشست|اجلاس|مذاکرات|ملاقات|بازدید')})[^.\\n]{0,60}?(?:${rx('لغو|به تعویق|معلق')})|(?:${rx('لغو|تعویق')})\\s(?:${rx('سفر|دیدار|نشست|اجلاس|ملاقات')})`,
  ),
  en: compile(
    `${LEFT}(?:(?:cancell?ed|called off|postponed|put off|scrapped|shelved|suspended)(?: (?:his|her|their|its|the|a|an|planned|scheduled|\\p{L}+'s))*(?: (?:official|state|planned|scheduled))? (?:visit|trip|meeting|talks|tour|summit)|(?:visit|trip|meeting|talks|tour|summit) (?:\\p{L}+ ){0,4}(?:cancell?ed|called off|postponed|put off|scrapped)|(?:visit|trip|meeting|talks|tour|summit)[^.\\n]{0,120}?(?:was|has been|have been|were|had been) (?:cancell?ed|called off|postponed|put off|scrapped))${RIGHT}`,
  ),
  ru: compile(`${LEFT}(?:(?:отмен\\p{L}*|отлож\\p{L}*|перенес[её]?н?\\p{L}*)[^.\\n]{0,30}?(?:визит\\p{L}*|поездк\\p{L}*|встреч\\p{L}*|переговор\\p{L}*|саммит\\p{L}*)|(?:визит\\p{L}*|поездк\\p{L}*|встреч\\p{L}*|переговор\\p{L}*|саммит\\p{L}*)[^.\\n]{0,80}?(?:отмен[её]н\\p{L}*|отменил\\p{L}*|отложен\\p{L}*|перенесен\\p{L}*))`),
};

// Words that usually name the object of a document rather than a proposal of its own: "construction of",
// «تبادل اطلاعات», "deal", «سند». Beside an MoU or agreement in the same sentence they are that document's content.
export const GENERIC_OBJECT: Partial<Record<ProposalKind, PerLang<RegExp>>> = {
  // "a contract on grain supplies": the supplies are what the contract is about
  OTHER: {
    fa: /^$/,
    en: /^(?:arms|weapons|gas|oil|wheat|grain) (?:suppl|deliver|export)/,
    ru: /^поставк/u,
  },
  JOINT_PROJECT: {
    fa: new RegExp(`^(?:${rx('احداث|ساخت|عملیات')})`, 'u'),
    en: /^(?:construction of|building of|power plant|road bridge|railway line)/,
    ru: /^(?:строительств|филиал)/u,
  },
  EXCHANGE: {
    fa: new RegExp(`^(?:${rx('تبادل|مبادله')})\\s(?!${rx('هیات|هیئت|هییت|استاد|دانشجو|کارشناس|هنرمندان')})`, 'u'),
    en: /^exchanges? of (?:information|experience|experiences)/,
    ru: /^обмен\p{L}* (?:опыт|информаци)/u,
  },
  AGREEMENT: {
    fa: new RegExp(`^(?:${rx('سند|اسناد|قرارداد')})`, 'u'),
    en: /^(?:deals?|documents?|contracts?|agreements?)$/,
    ru: /^(?:документ|договор)/u,
  },
};
