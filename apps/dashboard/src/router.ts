// A small history-API router: paths are views, the query string is each view's state.

export interface RouteMatch {
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface View {
  /** Renders into `root`; returns a cleanup function (charts to destroy, listeners to drop). */
  (root: HTMLElement, match: RouteMatch): void | (() => void) | Promise<void | (() => void)>;
}

interface Route {
  pattern: RegExp;
  names: string[];
  view: View;
  title: string;
}

const routes: Route[] = [];
let cleanup: (() => void) | void = undefined;
let rendering = 0;
let outlet: HTMLElement;
let fallback: View;
const afterNavigate = new Set<(path: string) => void>();

export function route(path: string, title: string, view: View): void {
  const names: string[] = [];
  const pattern = new RegExp(`^${path.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}/?$`);
  routes.push({ pattern, names, view, title });
}

export const onNavigate = (listener: (path: string) => void) => afterNavigate.add(listener);

export function startRouter(root: HTMLElement, notFound: View): void {
  outlet = root;
  fallback = notFound;
  window.addEventListener('popstate', () => void render());
  document.addEventListener('click', (event) => {
    const anchor = (event.target as Element | null)?.closest?.('a[data-route]') as HTMLAnchorElement | null;
    if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(anchor.getAttribute('href') ?? '/');
  });
  void render();
}

/** Goes to a path (with query); `replace` for filter changes that should not pile up history. */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const url = new URL(href, location.href);
  const target = `${url.pathname}${url.search}`;
  if (target === `${location.pathname}${location.search}`) return void render();
  if (options.replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  void render();
}

export async function render(): Promise<void> {
  const ticket = ++rendering;
  delete document.body.dataset.ready; // set again by the view once its charts have drawn
  if (typeof cleanup === 'function') cleanup();
  cleanup = undefined;
  const path = decodeURIComponent(location.pathname);
  const query = new URLSearchParams(location.search);
  let view = fallback;
  let params: Record<string, string> = {};
  let title = 'Not found';
  for (const candidate of routes) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    view = candidate.view;
    title = candidate.title;
    params = Object.fromEntries(candidate.names.map((name, i) => [name, match[i + 1]]));
    break;
  }
  document.title = `${title} · Dyad`;
  const container = document.createElement('div');
  container.className = 'view';
  outlet.replaceChildren(container);
  for (const listener of afterNavigate) listener(path);
  const result = await view(container, { params, query });
  if (ticket !== rendering) {
    if (typeof result === 'function') result();
    return;
  }
  cleanup = result;
}
