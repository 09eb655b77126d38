import { ApiError } from '../api/graphql-client.js';
import { FOLLOW_UP_HORIZONS, MEETING_OUTCOMES, PROPOSAL_STATUSES } from '@dyad/vocabulary';
import { label } from '../i18n/labels.js';
import { h, replace } from '../components/dom.js';
import { dateInput } from '../i18n/solar-hijri.js';

// Form helpers: each field has a place for its own error, so a validation error shows where it belongs.

export interface Field<E extends HTMLElement = HTMLInputElement> {
  input: E;
  row: HTMLElement;
  setError(message: string | null): void;
}

let fieldIds = 0;

export function field<E extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(caption: string, input: E, name: string): Field<E> {
  const id = `f${++fieldIds}`;
  const errorId = `${id}-error`;
  input.id = id;
  input.name = name;
  input.setAttribute('aria-describedby', errorId);
  const error = h('span', { class: 'field-error', attrs: { id: errorId, role: 'alert' }, data: { errorFor: name } });
  const row = h('div', { class: 'field', data: { field: name } }, h('label', { attrs: { for: id } }, caption), h('div', null, input, error));
  // An error goes as soon as the field is changed: it was about the old value.
  const clear = () => {
    error.textContent = '';
    input.removeAttribute('aria-invalid');
  };
  input.addEventListener('input', clear);
  input.addEventListener('change', clear);
  return {
    input,
    row,
    setError(message) {
      error.textContent = message ?? '';
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
  };
}

export const select = (values: readonly string[], selected: string | null, blank?: string) =>
  h('select', null, blank !== undefined ? h('option', { attrs: { value: '' } }, blank) : null, values.map((v) => h('option', { attrs: { value: v, selected: v === selected } }, label(v))));

export const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const COUNTRY_LIST = /^\s*[A-Z]{2}(\s*[, ]\s*[A-Z]{2})*\s*$/;
export const countriesOf = (value: string) => value.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);

export interface FollowUpRowForm {
  element: HTMLElement;
  description: Field<HTMLInputElement>;
  owners: Field<HTMLInputElement>;
  horizon: Field<HTMLSelectElement>;
  dueDate: Field<HTMLInputElement>;
}

export function followUpRowForm(index: number, onRemove: () => void): FollowUpRowForm {
  const description = field('Description', h('input', { attrs: { type: 'text', size: 40 }, dir: 'auto' }), `followUps.${index}.description`);
  const owners = field('Owners', h('input', { attrs: { type: 'text', size: 8, placeholder: 'IR, KZ', list: 'dyad-countries' } }), `followUps.${index}.owners`);
  const horizon = field('Horizon', select(FOLLOW_UP_HORIZONS, 'NEAR_TERM'), `followUps.${index}.horizon`);
  const dueDate = field('Due', dateInput(null), `followUps.${index}.dueDate`);
  const remove = h('button', { class: 'link-button', attrs: { type: 'button' } }, 'Remove');
  remove.addEventListener('click', onRemove);
  const element = h('fieldset', { class: 'row-inline', data: { followUpRow: String(index) } }, h('legend', null, `New follow-up ${index + 1}`), description.row, owners.row, horizon.row, dueDate.row, remove);
  return { element, description, owners, horizon, dueDate };
}

export interface ProposalChangeForm {
  proposalId: string;
  version: number;
  element: HTMLElement;
  status: Field<HTMLSelectElement>;
  date: Field<HTMLInputElement>;
  overrideReason: Field<HTMLInputElement>;
}

export function proposalChangeForm(index: number, proposal: { id: string; title: string; status: string; version: number }): ProposalChangeForm {
  const status = field('New status', select(PROPOSAL_STATUSES, null, `(unchanged: ${label(proposal.status)})`), `proposalUpdates.${index}.status`);
  const date = field('Date', dateInput(null), `proposalUpdates.${index}.effectiveDate`);
  const overrideReason = field('Override reason', h('input', { attrs: { type: 'text', size: 30, placeholder: 'only for a backwards change' } }), `proposalUpdates.${index}.overrideReason`);
  const element = h('fieldset', { class: 'row-inline', data: { proposalRow: proposal.id, version: String(proposal.version) } }, h('legend', { dir: 'auto' }, proposal.title), status.row, date.row, overrideReason.row);
  return { proposalId: proposal.id, version: proposal.version, element, status, date, overrideReason };
}

export const outcomeSelect = () => select(MEETING_OUTCOMES, null, 'Choose…');

/** What a version conflict says: plain words, no ids. */
export const CONFLICT_MESSAGE = 'Someone changed this meeting while you were editing. Reload to see their change; your text is kept below.';

/** Shows a message where the eye is: scrolled into view and focused (read out by screen readers too). */
export function showNotice(box: HTMLElement, notice: HTMLElement): void {
  notice.tabIndex = -1;
  replace(box, notice);
  notice.scrollIntoView({ block: 'center' });
  notice.focus({ preventScroll: true });
}

/** The banner for a failed save: a version conflict is explained, with a way to reload. */
export function failureNotice(box: HTMLElement, error: unknown, onReload: () => void): void {
  if (error instanceof ApiError && error.code === 'CONFLICT') {
    const reload = h('button', { class: 'button secondary', attrs: { type: 'button' } }, 'Reload');
    reload.addEventListener('click', onReload);
    showNotice(box, h('div', { class: 'notice notice-error', attrs: { role: 'alert' }, data: { conflict: 'true' } }, h('p', null, CONFLICT_MESSAGE), reload));
    return;
  }
  const text = error instanceof ApiError ? `${error.message} (${error.code})` : (error as Error).message;
  showNotice(box, h('div', { class: 'notice notice-error', attrs: { role: 'alert' } }, h('strong', null, 'Not saved. '), text));
}
