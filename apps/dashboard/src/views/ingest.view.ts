import { h, replace } from '../components/dom.js';
export function ingestView(root: HTMLElement): void {
  replace(root, h('h1', null, 'Ingest'));
}
