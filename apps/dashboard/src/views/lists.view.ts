import { h, replace } from '../components/dom.js';
export function meetingListView(root: HTMLElement): void {
  replace(root, h('h1', null, 'Meetings'));
}
export function proposalListView(root: HTMLElement): void {
  replace(root, h('h1', null, 'Proposals'));
}
