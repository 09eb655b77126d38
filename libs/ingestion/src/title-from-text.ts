// A title for an item that has none (no title given, none found above its first paragraph): its first
// sentence, without a dateline ("ASTANA, April 13, 2025 –", «تهران- ایرنا-»), cut at a word near 120
// characters. Lists then show what the item says instead of "(untitled)".

const MAX = 120;
// a dateline: a place (and date, and agency) up to a dash that opens the report
const DATELINE = /^[^\n.!?؟]{2,80}?\s?[–—-]{1,2}\s*(?:[^\s–—-]{2,12}\s*[–—-]\s*)?/u;
// a news agency named right after the dateline ("— РИА Новости.", "(MNA) –")
const AGENCY = /^\(?(?:РИА Новости|ТАСС|Интерфакс|IRNA|MNA|Mehr|Tasnim|ISNA|ایرنا|ایسنا|مهر|تسنیم|فارس)\)?[.\s–—-]*/u;
const SENTENCE_END = /[.!?؟。](?=\s|$)|\n/u;

export function titleFromText(text: string): string | null {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) return null;
  let rest = body;
  const dateline = DATELINE.exec(rest);
  // only a leading place/date part: it names a date, a capitalised city or an agency, and the text goes on
  if (dateline && dateline[0].length < rest.length - 10 && /\d|[A-ZА-Я]{3,}|ایرنا|ایسنا|مهر|فارس|تسنیم/u.test(dateline[0])) {
    rest = rest.slice(dateline[0].length).replace(AGENCY, '');
  }
  const first = rest.split(SENTENCE_END)[0].replace(/\s+/g, ' ').trim();
  if (!first) return null;
  if (first.length <= MAX) return first;
  const cut = first.slice(0, MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX / 2 ? cut.slice(0, space) : cut).trim()}…`;
}
