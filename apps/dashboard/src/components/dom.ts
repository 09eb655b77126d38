// Every node is built with the DOM API: text from the API (news items above all) only ever becomes a
// Text node, never markup. There is no innerHTML anywhere in the dashboard.

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  class?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  lang?: string;
  title?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  data?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props) {
    if (props.class) element.className = props.class;
    if (props.dir) element.dir = props.dir;
    if (props.lang) element.lang = props.lang;
    if (props.title) element.title = props.title;
    for (const [name, value] of Object.entries(props.attrs ?? {})) {
      if (value === null || value === undefined || value === false) continue;
      if (/^on/i.test(name) || name === 'style') throw new Error(`h(): refusing attribute ${name}`);
      element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const [name, value] of Object.entries(props.data ?? {})) element.dataset[name] = value;
    for (const [type, listener] of Object.entries(props.on ?? {})) element.addEventListener(type, listener as EventListener);
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A link handled by the client router (a plain <a href>, so it also opens in a new tab). */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { attrs: { href, 'data-route': '' } }, ...children);
}
