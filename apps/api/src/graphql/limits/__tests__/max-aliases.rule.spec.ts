import { describe, expect, it } from 'vitest';
import { maxAliasesRule } from '../max-aliases.rule.js';
import { check } from './test-schema.js';

const aliased = (count: number) => Array.from({ length: count }, (_, i) => `c${i}: countries { code }`).join(' ');

describe('maxAliasesRule', () => {
  it.each([
    ['no alias', '{ countries { code } }', 3, true],
    ['aliases up to the limit', `{ ${aliased(3)} }`, 3, true],
    ['one over the limit', `{ ${aliased(4)} }`, 3, false],
    ['nested aliases count', '{ a: countries { b: code c: name } }', 2, false],
    ['aliases in a fragment count once per spread', 'query { meeting(id: "1") { ...M r: related { ...M } } } fragment M on Meeting { x: id y: status }', 4, false],
    ['the same fragment once is fine', 'query { meeting(id: "1") { ...M } } fragment M on Meeting { x: id y: status }', 2, true],
    ['inline fragments count', '{ node(id: "1") { ... on Meeting { a: id b: status } } }', 2, true],
    ['each operation is counted alone', `query A { ${aliased(3)} } query B { ${aliased(3)} }`, 3, true],
  ])('%s', (_name, query, limit, accepted) => {
    expect(check(query, maxAliasesRule(limit)).length === 0).toBe(accepted);
  });

  it('says how many aliases there are and what the limit is', () => {
    const [error] = check(`{ ${aliased(31)} }`, maxAliasesRule(30));
    expect(error.message).toBe('query has 31 aliases, over the limit of 30; send fewer aliased fields or split the request');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'aliases', aliases: 31, maxAliases: 30 });
  });

  it('counts an alias bomb (fragments doubling) without expanding it', () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Meeting { ...F${i + 1} r: related { ...F${i + 1} } }`).join('\n');
    const query = `{ meeting(id: "1") { ...F0 } } ${fragments} fragment F40 on Meeting { a: id }`;
    const started = performance.now();
    const [error] = check(query, maxAliasesRule(30));
    expect(error.extensions?.limit).toBe('aliases');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
