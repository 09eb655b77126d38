import { describe, expect, it } from 'vitest';
import { htmlToText } from '../html-to-text.js';

describe('htmlToText', () => {
  it.each([
    ['paragraphs become blank-line separated', '<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['entities are decoded', '<p>A &amp; B &laquo;q&raquo; &#1575; &nbsp;x</p>', 'A & B «q» ا x'],
    ['inline markup joins its text', '<p>A <b>bold</b> <a href="/x">link</a>.</p>', 'A bold link.'],
    ['whitespace is collapsed', '<p>  a\n\n   b\t c  </p>', 'a b c'],
    ['<br> is a line break', '<p>line one<br>line two</p>', 'line one\nline two'],
    ['headings and list items are blocks', '<h2>Head</h2><ul><li>x</li><li>y</li></ul>', 'Head\n\nx\n\ny'],
    ['nested divs give one break, not many', '<div><div><p>a</p></div></div><div>b</div>', 'a\n\nb'],
    ['scripts and styles are dropped', '<p>a</p><script>var x = 1</script><style>p{}</style>', 'a'],
    ['ZWNJ inside Persian words survives', '<p>تفاهم\u200cنامه</p>', 'تفاهم\u200cنامه'],
    ['table cells are spaced', '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>', 'a b\n\nc'],
    ['plain text passes through', 'just text', 'just text'],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
