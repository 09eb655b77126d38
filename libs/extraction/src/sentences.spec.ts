import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

const split = (s: string) => splitSentences(s).map((x) => s.slice(x.start, x.end));

describe('splitSentences', () => {
  it.each([
    ['ab cd. ef gh.', ['ab cd.', 'ef gh.']],
    ['met J. Smith. then', ['met J. Smith.', 'then']],
    ['the u.s. envoy met them. then left.', ['the u.s. envoy met them.', 'then left.']],
    ['it grew 2.5 percent. ok', ['it grew 2.5 percent.', 'ok']],
    ['سلام. خوبی؟ بله', ['سلام.', 'خوبی؟', 'بله']],
    ['title\nbody one. body two.', ['title', 'body one.', 'body two.']],
    ['he said: "we agree." then', ['he said: "we agree."', 'then']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});
