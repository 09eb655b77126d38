import { h, replace } from '../components/dom.js';
import type { RouteMatch } from '../router.js';
export function pairView(root: HTMLElement, match: RouteMatch): void {
  replace(root, h('h1', null, match.params.pair));
}
