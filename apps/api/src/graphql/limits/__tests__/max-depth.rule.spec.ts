import { describe, expect, it } from 'vitest';
import { maxDepthRule } from '../max-depth.rule.js';
import { check, introspectionQuery } from './test-schema.js';

const depthOf = (query: string): number => {
  // The smallest limit that accepts the query is its depth.
  for (let limit = 0; limit < 50; limit++) if (check(query, maxDepthRule(limit)).length === 0) return limit;
  throw new Error('deeper than 50');
};

describe('maxDepthRule', () => {
  it.each([
    ['a leaf on the root', '{ __typename }', 1],
    ['one object level', '{ countries { code } }', 2],
    ['a connection', '{ meetings { nodes { id } } }', 3],
    ['edges', '{ meetings { edges { node { countries { code } } } } }', 5],
    ['the deepest branch counts', '{ countries { code } meetings { nodes { related { related { id } } } } }', 5],
    ['inline fragments add no level', '{ node(id: "1") { ... on Meeting { related { id } } } }', 3],
    ['a fragment is followed', 'query { meeting(id: "1") { ...M } } fragment M on Meeting { related { related { id } } }', 4],
    ['nested fragments are followed', 'query { meeting(id: "1") { ...A } } fragment A on Meeting { related { ...B } } fragment B on Meeting { related { id } }', 4],
    ['the deepest operation counts', 'query A { __typename } query B { countries { neighbours { code } } }', 3],
    ['introspection: ofType does not count', '{ __type(name: "Meeting") { fields { type { ofType { ofType { ofType { name } } } } } } }', 4],
    ['introspection: fields and types do count', '{ __schema { types { fields { type { fields { type { name } } } } } } }', 7],
  ])('%s: %s has depth %i', (_name, query, depth) => {
    expect(depthOf(query)).toBe(depth);
  });

  it('lets GraphiQL introspect the schema under the limit of 10', () => {
    expect(depthOf(introspectionQuery)).toBe(6);
  });

  it('refuses a query deeper than the limit with a message naming both numbers', () => {
    const query = `{ meeting(id: "1") { ${'related { '.repeat(10)}id${' }'.repeat(10)} } }`;
    const [error, ...rest] = check(query, maxDepthRule(10));
    expect(rest).toEqual([]);
    expect(error.message).toBe('query depth 12 exceeds the limit of 10; ask for fewer nested levels');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth', depth: 12, maxDepth: 10 });
  });

  it('measures a fragment spread many times once (no blow-up)', () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Meeting { related { ...F${i + 1} } ...F${i + 1} }`).join('\n');
    const query = `{ meeting(id: "1") { ...F0 } } ${fragments} fragment F30 on Meeting { id }`;
    const started = performance.now();
    expect(check(query, maxDepthRule(10))[0]?.extensions).toMatchObject({ depth: 32 });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
