import { dateInput, isoOf } from '../i18n/solar-hijri.js';
import { partiesNode } from '../components/countries.js';
import { isCountryCode } from '@dyad/vocabulary';
import { ApiError, gql } from '../api/graphql-client.js';
import { label } from '../i18n/labels.js';
import { canWrite } from '../auth/session.js';
import { errorMessage } from '../charts/chart-panel.js';
import { h, link, replace } from '../components/dom.js';
import { highlightedText } from '../components/evidence.js';
import { formatDay, formatMeetingDay } from '../i18n/dates.js';
import { field } from './meeting-forms.js';

interface Span {
  start: number;
  end: number;
  text: string;
}

interface Preview {
  language: string;
  publishedAt: string | null;
  title: string | null;
  text: string;
  events: {
    type: string;
    status: string;
    date: string | null;
    dateSource: string | null;
    countries: string[];
    location: { name: string; country: string | null } | null;
    sectors: string[];
    participants: { name: string; title: string | null; organization: string | null; country: string | null }[];
    proposals: { kind: string; status: string; description: string; evidence: Span[] }[];
    followUps: { description: string; owners: string[]; horizon: string; dueDate: string | null; evidence: Span[] }[];
    evidence: Span[];
    confidence: number;
  }[];
}

const PREVIEW = `query($input: IngestNewsItemInput!) { previewExtraction(input: $input) {
  language publishedAt title text
  events {
    type status date dateSource countries location { name country } sectors confidence
    participants { name title organization country }
    proposals { kind status description evidence { start end text } }
    followUps { description owners horizon dueDate evidence { start end text } }
    evidence { start end text }
  } } }`;

const INGEST = `mutation($input: IngestNewsItemInput!) { ingestNewsItem(input: $input) {
  status meetingsCreated meetingsMerged proposalsCreated proposalsAdvanced followUpsClosed undatedEvents
  newsItem { id title meetings { id type status date } } } }`;

/** Paste text, give a URL or upload a file; preview what Dyad extracts, with the evidence highlighted; save. */
export function ingestView(root: HTMLElement): void {
  if (!canWrite()) {
    replace(root, h('h1', null, 'Ingest'), h('p', null, 'Ingesting news needs an analyst key; yours is a viewer key.'));
    return;
  }
  const text = field('Text', h('textarea', { dir: 'auto', attrs: { rows: 12, placeholder: 'Paste the news item (Persian, English or Russian)…' } }), 'text');
  const url = field('URL', h('input', { attrs: { type: 'url', size: 50, placeholder: 'https://…' } }), 'url');
  const file = field('File', h('input', { attrs: { type: 'file', accept: '.txt,.html,.htm,text/plain,text/html' } }), 'file');
  const title = field('Title', h('input', { attrs: { type: 'text', size: 50 }, dir: 'auto' }), 'title');
  const publishedAt = field('Published', dateInput(null), 'publishedAt');
  const publisher = field('Publisher', h('input', { attrs: { type: 'text', size: 30 } }), 'publisher');
  const publisherCountry = field('Publisher country', h('input', { attrs: { type: 'text', size: 4, placeholder: 'IR', list: 'dyad-countries' } }), 'publisherCountry');
  const fields = [text, url, file, title, publishedAt, publisher, publisherCountry];
  let html: string | null = null;
  file.input.addEventListener('change', async () => {
    const chosen = (file.input as HTMLInputElement).files?.[0];
    if (!chosen) return;
    const content = await chosen.text();
    if (/\.html?$/i.test(chosen.name) || chosen.type === 'text/html') {
      html = content;
      text.input.value = '';
      text.input.placeholder = `HTML from ${chosen.name} (the server reads the article out of it)`;
    } else {
      html = null;
      text.input.value = content;
    }
  });

  const previewButton = h('button', { class: 'button secondary', attrs: { type: 'button' }, data: { action: 'preview' } }, 'Preview');
  const saveButton = h('button', { class: 'button', attrs: { type: 'submit' }, data: { action: 'save' } }, 'Save');
  const output = h('div', { attrs: { 'aria-live': 'polite' }, data: { output: '' } });
  const form = h(
    'form',
    { class: 'panel', attrs: { 'aria-label': 'Ingest a news item', novalidate: true } },
    h('p', { class: 'muted' }, 'Give the text, a URL, or a file. Dates are read from the text when not given.'),
    h('div', { class: 'form-grid' }, fields.map((f) => f.row)),
    h('div', { class: 'form-actions' }, previewButton, saveButton),
  );

  const input = () => {
    const value: Record<string, string> = {};
    if (html) value.html = html;
    else if (text.input.value.trim()) value.text = text.input.value;
    if (url.input.value.trim()) value.url = url.input.value.trim();
    if (title.input.value.trim()) value.title = title.input.value.trim();
    const day = isoOf(publishedAt.input);
    if (day === null) value.publishedAt = 'invalid';
    else if (day) value.publishedAt = day;
    if (publisher.input.value.trim()) value.publisher = publisher.input.value.trim();
    if (publisherCountry.input.value.trim()) value.publisherCountry = publisherCountry.input.value.trim().toUpperCase();
    return value;
  };
  const check = (value: Record<string, string>) => {
    for (const f of fields) f.setError(null);
    if (!value.text && !value.html && !value.url) {
      text.setError('Paste a text, give a URL or choose a file.');
      return false;
    }
    if (value.publishedAt === 'invalid') {
      publishedAt.setError('Not a day: year/month/day, e.g. 1404/01/24.');
      return false;
    }
    if (value.publisherCountry && !isCountryCode(value.publisherCountry)) {
      publisherCountry.setError('An ISO code, e.g. IR.');
      return false;
    }
    return true;
  };
  const serverError = (error: unknown) => {
    const name = error instanceof ApiError ? error.errors[0]?.extensions?.field : undefined;
    const target = fields.find((f) => f.input.name === name);
    if (target) target.setError(errorMessage(error));
    else replace(output, h('div', { class: 'notice notice-error', attrs: { role: 'alert' } }, errorMessage(error)));
  };

  previewButton.addEventListener('click', async () => {
    const value = input();
    if (!check(value)) return;
    replace(output, h('p', { class: 'muted' }, 'Extracting…'));
    try {
      const { previewExtraction } = await gql<{ previewExtraction: Preview }>(PREVIEW, { input: value });
      renderPreview(output, previewExtraction);
    } catch (error) {
      replace(output);
      serverError(error);
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input();
    if (!check(value)) return;
    saveButton.disabled = true;
    try {
      const { ingestNewsItem: result } = await gql<{ ingestNewsItem: { status: string; meetingsCreated: number; meetingsMerged: number; proposalsCreated: number; proposalsAdvanced: number; followUpsClosed: number; undatedEvents: number; newsItem: { id: string; title: string | null; meetings: { id: string; type: string; status: string; date: string | null }[] } } }>(INGEST, { input: value });
      replace(
        output,
        h('div', { class: 'notice notice-ok', attrs: { role: 'status' }, data: { saved: result.status } },
          h('strong', null, `Saved (${label(result.status)}). `),
          `${result.meetingsCreated} meeting(s) created, ${result.meetingsMerged} merged, ${result.proposalsCreated} proposal(s) created, ${result.proposalsAdvanced} advanced, ${result.followUpsClosed} follow-up(s) closed.`,
          result.undatedEvents ? h('p', { data: { undated: String(result.undatedEvents) } }, 'No date was found: its meetings are stored with the date unknown. Give the publication date above to date them.') : null,
          result.newsItem.meetings.length ? h('ul', null, result.newsItem.meetings.map((m) => h('li', null, link(`/meetings/${m.id}`, `${label(m.type)} (${label(m.status).toLowerCase()}) · ${formatMeetingDay(m.date)}`)))) : null),
      );
    } catch (error) {
      serverError(error);
    } finally {
      saveButton.disabled = false;
    }
  });

  replace(root, h('header', { class: 'view-header' }, h('h1', null, 'Ingest a news item')), form, output);
}

function renderPreview(box: HTMLElement, preview: Preview): void {
  const spans = preview.events.flatMap((event, i) => [
    ...event.evidence.map((e) => ({ ...e, label: `event ${i + 1}` })),
    ...event.proposals.flatMap((p) => p.evidence.map((e) => ({ ...e, label: `${label(p.kind)} (${label(p.status)})` }))),
    ...event.followUps.flatMap((f) => f.evidence.map((e) => ({ ...e, label: `follow-up: ${f.description}` }))),
  ]);
  const highlighted = highlightedText(preview.text, spans, preview.language);
  replace(
    box,
    h('section', { class: 'panel', data: { preview: '' }, attrs: { 'aria-label': 'Preview' } },
      h('h2', null, 'Preview (not saved)'),
      h('p', { class: 'muted' }, `Language ${preview.language} · published ${formatDay(preview.publishedAt)} · `, h('span', { dir: 'auto' }, preview.title ?? 'no title')),
      preview.events.length
        ? h('ol', { class: 'facts' }, preview.events.map((event) =>
            h('li', { class: 'fact' },
              h('strong', null, `${label(event.type)} (${label(event.status).toLowerCase()}) · ${formatMeetingDay(event.date)} · `, partiesNode(event.countries, { link: false })),
              event.location ? h('span', { dir: 'auto' }, ` · ${event.location.name}`) : null,
              ` · confidence ${Math.round(event.confidence * 100)}%`,
              event.sectors.length ? h('div', null, `Sectors: ${event.sectors.map(label).join(', ')}`) : null,
              event.participants.length ? h('div', { dir: 'auto' }, `Participants: ${event.participants.map((p) => [p.name, p.title].filter(Boolean).join(', ')).join('; ')}`) : null,
              event.proposals.length ? h('ul', null, event.proposals.map((p) => h('li', null, `${label(p.kind)} (${label(p.status)}): `, h('span', { dir: 'auto' }, p.description)))) : null,
              event.followUps.length ? h('ul', null, event.followUps.map((f) => h('li', null, `Follow-up (${label(f.horizon)}, ${f.owners.join(', ')}${f.dueDate ? `, due ${formatDay(f.dueDate)}` : ''}): `, h('span', { dir: 'auto' }, f.description)))) : null,
            )))
        : h('p', null, 'No cooperation event between two or more countries was found in this text.'),
      h('h3', null, 'Text with the evidence highlighted'),
      highlighted.element),
  );
}
