import { isCountryCode, SECTORS } from '@dyad/vocabulary';
import { label } from '../i18n/labels.js';
import { navigate } from '../router.js';
import { type Filters, filtersToSearch, PERIODS, presetRange } from '../state/filters.js';
import { countryOptions } from './countries.js';
import { h } from './dom.js';
import { dateInput, isoOf } from '../i18n/solar-hijri.js';

/** Period, countries and sectors; every change goes into the URL (so the view can be shared) and re-renders. */
export function filterBar(filters: Filters, options: { countries?: boolean; sectors?: boolean } = {}): HTMLElement {
  const apply = (next: Filters) => navigate(`${location.pathname}${filtersToSearch(next, new URLSearchParams(location.search))}`);

  const period = h(
    'select',
    { attrs: { name: 'period', 'aria-label': 'Period' } },
    Object.entries(PERIODS).map(([value, text]) => h('option', { attrs: { value, selected: filters.period === value } }, text)),
    h('option', { attrs: { value: 'custom', selected: filters.period === 'custom' } }, 'Custom…'),
  );
  // in the chosen calendar: Solar Hijri dates are typed as 1404/01/24
  const from = dateInput(filters.from, { name: 'from', 'aria-label': 'From' });
  const to = dateInput(filters.to, { name: 'to', 'aria-label': 'To' });
  period.addEventListener('change', () => {
    const value = period.value;
    if (value === 'custom') apply({ ...filters, period: 'custom', from: isoOf(from) || filters.from, to: isoOf(to) || filters.to });
    else apply({ ...filters, period: value as Filters['period'], ...presetRange(value as keyof typeof PERIODS) });
  });
  const onDate = () => {
    const [fromDay, toDay] = [isoOf(from), isoOf(to)];
    if (fromDay === null || toDay === null) return; // not a day: the field says so
    apply({ ...filters, period: 'custom', from: fromDay || null, to: toDay || null });
  };
  from.addEventListener('change', onDate);
  to.addEventListener('change', onDate);

  const countries = h('input', {
    attrs: { type: 'text', name: 'countries', value: filters.countries.join(', '), placeholder: 'e.g. IR, KZ', list: 'dyad-countries', 'aria-label': 'Countries', size: 12 },
  });
  countries.addEventListener('change', () =>
    apply({ ...filters, countries: countries.value.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter((c) => isCountryCode(c)) }),
  );

  const sectorBoxes = SECTORS.map((sector) => {
    const box = h('input', { attrs: { type: 'checkbox', value: sector, checked: filters.sectors.includes(sector) } });
    box.addEventListener('change', () => {
      const chosen = sectorBoxes.filter((b) => b.checked).map((b) => b.value);
      apply({ ...filters, sectors: chosen });
    });
    return box;
  });
  const sectors = h(
    'details',
    { class: 'multi-select', attrs: { 'data-filter': 'sectors' } },
    h('summary', null, filters.sectors.length ? `Sectors: ${filters.sectors.map(label).join(', ')}` : 'All sectors'),
    h('div', { class: 'multi-select-options' }, sectorBoxes.map((box) => h('label', null, box, ' ', label(box.value)))),
  );

  const clear = h('button', { class: 'link-button', attrs: { type: 'button' } }, 'Reset');
  clear.addEventListener('click', () => navigate(location.pathname));

  return h(
    'form',
    { class: 'filter-bar', attrs: { role: 'search', 'aria-label': 'Filters' }, on: { submit: (e) => e.preventDefault() } },
    h('label', null, 'Period ', period),
    h('label', { class: filters.period === 'custom' ? 'custom-range' : 'custom-range muted' }, 'From ', from, ' to ', to),
    options.countries === false ? null : h('label', null, 'Countries ', countries),
    options.sectors === false ? null : sectors,
    countryOptions(),
    clear,
  );
}
