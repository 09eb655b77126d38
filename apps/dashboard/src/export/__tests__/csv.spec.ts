import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from '../csv.js';

// What a spreadsheet would run, and what it must get instead: a ' before the trigger makes the cell text.
describe('CSV export: no cell a spreadsheet would run as a formula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['|calc', "'|calc"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['﹦1+1', "'﹦1+1"],
    ['  =1+1', "'  =1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u200b=1+1', "'\u200b=1+1"],
    ['"=1+1', `'"=1+1`],
    ['x;=1+1', "x;'=1+1"],
    ['x; =HYPERLINK("http://evil")', `x;' =HYPERLINK("http://evil")`],
    ['x\t=1+1', "x\t'=1+1"],
    ['first line\n=1+1', "first line\n'=1+1"],
    ['a,=1+1', "a,'=1+1"],
  ])('%j becomes %j', (cell, safe) => {
    expect(neutraliseCell(cell)).toBe(safe);
  });

  it.each(['Iran and Kazakhstan', '2025-04-13', 'e-mail', 'x = y', 'A+B', 'Tehran – Astana', 'سفر به آستانه'])('leaves %j as it is', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });

  it('quotes cells with a separator of any locale, so ; and tab stay inside the cell', () => {
    expect(toCsv(['title', 'n'], [['x;=1+1', 3], ['a\tb', -2], ['plain', null]])).toBe(`title,n\r\n"x;'=1+1",3\r\n"a\tb",-2\r\nplain,\r\n`);
  });
});
