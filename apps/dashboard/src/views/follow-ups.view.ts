import { h, replace } from '../components/dom.js';
export function followUpsView(root: HTMLElement): void {
  replace(root, h('h1', null, 'Follow-ups'));
}
