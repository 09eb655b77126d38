import { parseHTML } from 'linkedom';

// Elements that start a new paragraph in the text.
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL', 'CAPTION',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD']);
const CELLS = new Set(['TD', 'TH']);

const BREAK = '\u0000'; // a paragraph break marker; NUL never survives decoding into input text

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * HTML (a fragment or a whole page) as plain text: entities decoded, whitespace collapsed, a blank line
 * between blocks (paragraphs, headings, list items…), a line break for <br> and inside <pre>.
 */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeToText(document.body as unknown as DomNode);
}

export function nodeToText(root: DomNode): string {
  const out: string[] = [];
  const walk = (node: DomNode, pre: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      out.push(pre ? value.replace(/\r\n?/g, '\n') : value.replace(/[ \t\r\n\f\u00a0]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCKS.has(name);
    if (block) out.push(BREAK);
    if (CELLS.has(name)) out.push(' ');
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i], pre || name === 'PRE');
    if (block) out.push(BREAK);
  };
  walk(root, false);
  return out
    .join('')
    .split(BREAK)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/ {2,}/g, ' ').replace(/^ +| +$/g, ''))
        .join('\n')
        .replace(/^\n+|\n+$/g, ''),
    )
    .filter((paragraph) => paragraph.trim() !== '')
    .join('\n\n');
}
