import { label } from '../i18n/labels.js';
import { navigate } from '../router.js';
import { h } from './dom.js';

// Filters of a list, each kept in the URL's query string (so a filtered list can be bookmarked or shared).

/** The values of `name` in the query that are among `allowed`. */
export function enumParam(query: URLSearchParams, name: string, allowed: readonly string[]): string[] {
  return (query.get(name) ?? '').split(',').filter((v) => allowed.includes(v));
}

/** Sets (or, when empty, removes) one parameter and goes there. */
export function setParam(name: string, value: string | null): void {
  const params = new URLSearchParams(location.search);
  if (value) params.set(name, value);
  else params.delete(name);
  const text = params.toString().replace(/%2C/g, ',');
  navigate(`${location.pathname}${text ? `?${text}` : ''}`);
}

/** Checkboxes for an enum filter (`?types=MEETING,VISIT`). */
export function enumFilter(name: string, caption: string, values: readonly string[], chosen: string[], text: (value: string) => string = label): HTMLElement {
  const boxes = values.map((value) => {
    const box = h('input', { attrs: { type: 'checkbox', value, checked: chosen.includes(value) } });
    box.addEventListener('change', () => setParam(name, boxes.filter((b) => b.checked).map((b) => b.value).join(',')));
    return box;
  });
  return h(
    'details',
    { class: 'multi-select', data: { filter: name } },
    h('summary', null, chosen.length ? `${caption}: ${chosen.map(text).join(', ')}` : `All ${caption.toLowerCase()}`),
    h('div', { class: 'multi-select-options' }, boxes.map((b) => h('label', null, b, ' ', text(b.value)))),
  );
}

/** A checkbox for a yes/no filter (`?upcoming=1`). */
export function flagFilter(name: string, caption: string, on: boolean): HTMLElement {
  const box = h('input', { attrs: { type: 'checkbox', checked: on } });
  box.addEventListener('change', () => setParam(name, box.checked ? '1' : null));
  return h('label', { class: 'flag-filter', data: { filter: name } }, box, ' ', caption);
}

/** A text filter applied on Enter or when the field is left (`?q=…`, `?publisher=…`). */
export function textFilter(name: string, caption: string, value: string, options: { placeholder?: string; size?: number; type?: string } = {}): HTMLElement {
  const input = h('input', {
    attrs: { type: options.type ?? 'text', name, value, placeholder: options.placeholder ?? '', size: options.size ?? 16, 'aria-label': caption, dir: 'auto', maxlength: 200 },
  });
  input.addEventListener('change', () => setParam(name, input.value.trim() || null));
  return h('label', { data: { filter: name } }, `${caption} `, input);
}

/** Languages of news items, by their names. */
export const LANGUAGE_NAMES: Record<string, string> = { fa: 'Persian', en: 'English', ru: 'Russian' };
